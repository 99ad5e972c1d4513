import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, InputNumber, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import type { components } from '../../api/schema';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { FormDrawer, useTiers } from './shared';
import './i18n';

type Tier = components['schemas']['TierDto'];
type TierForm = components['schemas']['CreateTierDto'];

/** The tiers of the organization (city, district, commune…); 1 is the top. */
export default function TiersPage() {
  const { t } = useTranslation(['admin', 'common']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const tiers = useTiers();
  const [form] = Form.useForm<TierForm>();
  const [open, setOpen] = useState(false);
  const save = async (values: TierForm) => {
    await call(api.POST('/api/v1/tiers', { body: values }));
    void message.success(t('tiers.created'));
    await queryClient.invalidateQueries({ queryKey: ['tiers'] });
  };
  return (
    <>
      <PageHeader
        title={t('screens.tiers.title')}
        subtitle={t('screens.tiers.description')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            {t('tiers.new')}
          </Button>
        }
      />
      <QueryState query={tiers}>
        {(data) => (
          <Table<Tier>
            rowKey="id"
            dataSource={data}
            pagination={false}
            scroll={{ x: 480 }}
            columns={[
              { title: t('tiers.level'), dataIndex: 'level', width: 90 },
              { title: t('shared.code'), dataIndex: 'code' },
              { title: t('shared.name'), dataIndex: 'name' },
            ]}
          />
        )}
      </QueryState>
      <FormDrawer<TierForm>
        open={open}
        title={t('tiers.new')}
        form={form}
        onClose={() => setOpen(false)}
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
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="level"
          label={t('tiers.level')}
          extra={t('tiers.levelHelp')}
          rules={[{ required: true, message: t('shared.required') }]}
        >
          <InputNumber min={1} max={10} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </FormDrawer>
    </>
  );
}
