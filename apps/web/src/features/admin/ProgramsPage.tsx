import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, InputNumber, Select, Space, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import type { components } from '../../api/schema';
import { PageHeader } from '../../components/PageHeader';
import { usePaging } from '../../components/paging';
import { QueryState } from '../../components/QueryState';
import { ActiveTag, FormDrawer, ProviderName, ProviderSelect } from './shared';
import './i18n';

type Program = components['schemas']['ProgramDto'];
type ProgramForm = components['schemas']['CreateProgramDto'];
export const PROGRAM_CATEGORIES: Program['category'][] = [
  'political_theory_elementary',
  'political_theory_intermediate',
  'political_theory_advanced',
  'degree_university',
  'degree_master',
  'degree_doctor',
  'state_management',
  'leadership_skills',
  'knowledge_update',
  'foreign_language',
  'information_technology',
  'other',
];
const GRANT_KINDS = ['education', 'political_theory', 'fostering', 'foreign_language'] as const;
const GRANT_MAX: Record<(typeof GRANT_KINDS)[number], number> = {
  education: 5,
  political_theory: 3,
  fostering: 3,
  foreign_language: 6,
};

/** Training programmes: what is taught, by whom, how long, and what it raises. */
export default function ProgramsPage() {
  const { t } = useTranslation(['admin', 'common']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { page, pageSize, params, pagination, setFilters } = usePaging(20);
  const q = params.get('q') ?? '';
  const category = (params.get('category') ?? undefined) as Program['category'] | undefined;
  const [search, setSearch] = useState(q);
  const query = useQuery({
    queryKey: ['programs', { page, pageSize, q, category }],
    queryFn: () =>
      call(
        api.GET('/api/v1/programs', {
          params: { query: { page, pageSize, q: q || undefined, category } },
        }),
      ),
  });
  const [form] = Form.useForm<ProgramForm>();
  const [editing, setEditing] = useState<Program | 'new' | null>(null);
  const save = async (values: ProgramForm) => {
    const body = {
      ...values,
      grantsKind: values.grantsKind ?? null,
      grantsLevel: values.grantsKind ? (values.grantsLevel ?? null) : null,
    };
    if (editing === 'new') {
      await call(api.POST('/api/v1/programs', { body }));
      void message.success(t('programs.created'));
    } else if (editing) {
      await call(
        api.PATCH('/api/v1/programs/{id}', { params: { path: { id: editing.id } }, body }),
      );
      void message.success(t('common:common.saved'));
    }
    await queryClient.invalidateQueries({ queryKey: ['programs'] });
    void queryClient.invalidateQueries({ queryKey: ['program'] });
  };
  return (
    <>
      <PageHeader
        title={t('screens.programs.title')}
        subtitle={t('screens.programs.description')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('programs.new')}
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
          style={{ maxWidth: 320 }}
        />
        <Select
          aria-label={t('programs.category')}
          placeholder={t('programs.category')}
          allowClear
          value={category}
          onChange={(value) => setFilters({ category: value })}
          options={PROGRAM_CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))}
          style={{ minWidth: 240, maxWidth: '100%' }}
        />
      </Space>
      <QueryState query={query}>
        {(data) => (
          <Table<Program>
            rowKey="id"
            dataSource={data.items}
            pagination={pagination(data.total)}
            scroll={{ x: 1000 }}
            columns={[
              { title: t('shared.code'), dataIndex: 'code', width: 160 },
              {
                title: t('shared.name'),
                dataIndex: 'name',
                render: (name: string, p) => (
                  <>
                    {name} {p.overseas && <Tag color="purple">{t('programs.overseas')}</Tag>}
                  </>
                ),
              },
              {
                title: t('programs.category'),
                dataIndex: 'category',
                render: (c: string) => t(`categories.${c}`, { defaultValue: c }),
              },
              {
                title: t('programs.provider'),
                dataIndex: 'providerId',
                render: (id: string) => <ProviderName id={id} />,
              },
              {
                title: t('programs.duration'),
                dataIndex: 'durationMonths',
                width: 110,
                render: (months: number) => t('programs.months', { count: months }),
              },
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
      <FormDrawer<ProgramForm>
        open={editing !== null}
        title={editing === 'new' ? t('programs.new') : t('programs.editTitle')}
        form={form}
        initialValues={
          editing && editing !== 'new'
            ? editing
            : { active: true, overseas: false, mode: 'in_service', durationMonths: 3 }
        }
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
          name="category"
          label={t('programs.category')}
          rules={[{ required: true, message: t('shared.required') }]}
        >
          <Select
            options={PROGRAM_CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="providerId"
          label={t('programs.provider')}
          rules={[{ required: true, message: t('shared.required') }]}
        >
          <ProviderSelect />
        </Form.Item>
        <Form.Item
          name="mode"
          label={t('programs.mode')}
          rules={[{ required: true, message: t('shared.required') }]}
        >
          <Select
            options={['full_time', 'in_service'].map((m) => ({
              value: m,
              label: t(`programs.modes.${m}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="durationMonths"
          label={t('programs.durationMonths')}
          rules={[{ required: true, message: t('shared.required') }]}
        >
          <InputNumber min={0} max={120} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="overseas" label={t('programs.overseas')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item
          name="grantsKind"
          label={t('programs.grantsKind')}
          extra={t('programs.grantsHelp')}
        >
          <Select
            allowClear
            options={GRANT_KINDS.map((k) => ({ value: k, label: t(`programs.grants.${k}`) }))}
          />
        </Form.Item>
        <Form.Item noStyle dependencies={['grantsKind']}>
          {({ getFieldValue }) => {
            const kind = getFieldValue('grantsKind') as (typeof GRANT_KINDS)[number] | null;
            return kind ? (
              <Form.Item
                name="grantsLevel"
                label={t('programs.grantsLevel')}
                rules={[{ required: true, message: t('shared.required') }]}
              >
                <InputNumber
                  min={1}
                  max={GRANT_MAX[kind]}
                  precision={0}
                  style={{ width: '100%' }}
                />
              </Form.Item>
            ) : null;
          }}
        </Form.Item>
        <Form.Item name="active" label={t('shared.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </FormDrawer>
    </>
  );
}
