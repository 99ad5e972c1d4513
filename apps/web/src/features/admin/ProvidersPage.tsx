import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Space, Switch, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import type { components } from '../../api/schema';
import { PageHeader } from '../../components/PageHeader';
import { usePaging } from '../../components/paging';
import { QueryState } from '../../components/QueryState';
import { ActiveTag, FormDrawer } from './shared';
import './i18n';

type Provider = components['schemas']['ProviderDto'];
type ProviderForm = components['schemas']['CreateProviderDto'];

/** Training providers (schools, academies) that run programmes. */
export default function ProvidersPage() {
  const { t } = useTranslation(['admin', 'common']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { page, pageSize, params, pagination, setFilters } = usePaging(20);
  const q = params.get('q') ?? '';
  const [search, setSearch] = useState(q);
  const query = useQuery({
    queryKey: ['providers', { page, pageSize, q }],
    queryFn: () =>
      call(
        api.GET('/api/v1/providers', { params: { query: { page, pageSize, q: q || undefined } } }),
      ),
  });
  const [form] = Form.useForm<ProviderForm>();
  const [editing, setEditing] = useState<Provider | 'new' | null>(null);
  const save = async (values: ProviderForm) => {
    if (editing === 'new') {
      await call(api.POST('/api/v1/providers', { body: values }));
      void message.success(t('providers.created'));
    } else if (editing) {
      await call(
        api.PATCH('/api/v1/providers/{id}', { params: { path: { id: editing.id } }, body: values }),
      );
      void message.success(t('common:common.saved'));
    }
    await queryClient.invalidateQueries({ queryKey: ['providers'] });
    void queryClient.invalidateQueries({ queryKey: ['provider'] });
  };
  return (
    <>
      <PageHeader
        title={t('screens.providers.title')}
        subtitle={t('screens.providers.description')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('providers.new')}
          </Button>
        }
      />
      <Space wrap className="tn-admin-filters">
        <Input.Search
          aria-label={t('shared.searchCodeName')}
          placeholder={t('shared.searchCodeName')}
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(value) => setFilters({ q: value.trim() || undefined })}
          style={{ maxWidth: 360 }}
        />
      </Space>
      <QueryState query={query}>
        {(data) => (
          <Table<Provider>
            rowKey="id"
            dataSource={data.items}
            pagination={pagination(data.total)}
            scroll={{ x: 700 }}
            columns={[
              { title: t('shared.code'), dataIndex: 'code', width: 160 },
              { title: t('shared.name'), dataIndex: 'name' },
              { title: t('providers.country'), dataIndex: 'country', width: 90 },
              {
                title: t('shared.status'),
                dataIndex: 'active',
                width: 130,
                render: (active: boolean) => <ActiveTag active={active} />,
              },
              {
                title: t('common:common.actions'),
                key: 'actions',
                width: 90,
                render: (_, p) => (
                  <Button size="small" onClick={() => setEditing(p)}>
                    {t('common:common.edit')}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </QueryState>
      <FormDrawer<ProviderForm>
        open={editing !== null}
        title={editing === 'new' ? t('providers.new') : t('providers.editTitle')}
        form={form}
        initialValues={editing && editing !== 'new' ? editing : { active: true, country: 'VN' }}
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
          name="country"
          label={t('providers.country')}
          extra={t('providers.countryHelp')}
          rules={[
            { required: true, message: t('shared.required') },
            { pattern: /^[A-Za-z]{2}$/, message: t('providers.countryInvalid') },
          ]}
        >
          <Input maxLength={2} style={{ width: 80 }} />
        </Form.Item>
        <Form.Item name="active" label={t('shared.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </FormDrawer>
    </>
  );
}
