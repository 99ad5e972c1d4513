import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Switch, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import type { components } from '../../api/schema';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { ActiveTag, FormDrawer, UnitName, UnitSelect, useAuthorities } from './shared';
import './i18n';

type Authority = components['schemas']['AuthorityDto'];
type AuthorityForm = components['schemas']['CreateAuthorityDto'];

/** Management authorities: the bodies that manage groups of staff (Ban Thường vụ…). */
export default function AuthoritiesPage() {
  const { t } = useTranslation(['admin', 'common']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const authorities = useAuthorities();
  const [form] = Form.useForm<AuthorityForm>();
  const [editing, setEditing] = useState<Authority | 'new' | null>(null);
  const save = async (values: AuthorityForm) => {
    if (editing === 'new') {
      await call(api.POST('/api/v1/authorities', { body: values }));
      void message.success(t('authorities.created'));
    } else if (editing) {
      await call(
        api.PATCH('/api/v1/authorities/{id}', {
          params: { path: { id: editing.id } },
          body: values,
        }),
      );
      void message.success(t('common:common.saved'));
    }
    await queryClient.invalidateQueries({ queryKey: ['authorities'] });
  };
  return (
    <>
      <PageHeader
        title={t('screens.authorities.title')}
        subtitle={t('screens.authorities.description')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('authorities.new')}
          </Button>
        }
      />
      <QueryState query={authorities}>
        {(data) => (
          <Table<Authority>
            rowKey="id"
            dataSource={data}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 800 }}
            columns={[
              { title: t('shared.code'), dataIndex: 'code', width: 120 },
              { title: t('shared.name'), dataIndex: 'name' },
              { title: t('authorities.kind'), dataIndex: 'kind', width: 170 },
              {
                title: t('authorities.unit'),
                dataIndex: 'unitId',
                render: (id: string) => <UnitName id={id} />,
              },
              {
                title: t('shared.status'),
                dataIndex: 'active',
                width: 130,
                render: (active?: boolean) => <ActiveTag active={active ?? true} />,
              },
              {
                title: t('common:common.actions'),
                key: 'actions',
                width: 90,
                render: (_, a) => (
                  <Button size="small" onClick={() => setEditing(a)}>
                    {t('common:common.edit')}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </QueryState>
      <FormDrawer<AuthorityForm>
        open={editing !== null}
        title={editing === 'new' ? t('authorities.new') : t('authorities.editTitle')}
        form={form}
        initialValues={editing && editing !== 'new' ? editing : { active: true }}
        onClose={() => setEditing(null)}
        onSubmit={save}
      >
        <Form.Item
          name="code"
          label={t('shared.code')}
          rules={[{ required: true, message: t('shared.required') }]}
        >
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('shared.name')}
          rules={[{ required: true, whitespace: true, message: t('shared.required') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="kind"
          label={t('authorities.kind')}
          extra={t('authorities.kindHelp')}
          rules={[{ required: true, whitespace: true, message: t('shared.required') }]}
        >
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item
          name="unitId"
          label={t('authorities.unit')}
          rules={[{ required: true, message: t('shared.required') }]}
        >
          <UnitSelect />
        </Form.Item>
        <Form.Item name="active" label={t('shared.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </FormDrawer>
    </>
  );
}
