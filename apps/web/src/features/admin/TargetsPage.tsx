import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Col, Form, Input, Popconfirm, Row, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call } from '../../api/client';
import type { components } from '../../api/schema';
import { Day } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { usePaging } from '../../components/paging';
import { QueryState } from '../../components/QueryState';
import { messageOf } from '../../i18n/errors';
import { DayInput, dayRule, FormDrawer, jsonRule, parseJson, UnitSelect } from './shared';
import './i18n';

type Target = components['schemas']['TargetDto'];
type Kind = Target['kind'];
const KINDS: Kind[] = ['participations', 'staff_share'];

interface TargetForm {
  code: string;
  name: string;
  kind: Kind;
  periodFrom: string;
  periodTo: string;
  target: string;
  filter: string;
  parentId: string | null;
  unitId: string | null;
}

/** Training targets ("300 new masters and doctors by 2020") that the reports measure. */
export default function TargetsPage() {
  const { t } = useTranslation(['admin', 'common']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { page, pageSize, params, pagination, setFilters } = usePaging(20);
  const kind = (params.get('kind') ?? undefined) as Kind | undefined;
  const query = useQuery({
    queryKey: ['targets', { page, pageSize, kind }],
    queryFn: () =>
      call(api.GET('/api/v1/targets', { params: { query: { page, pageSize, kind } } })),
  });
  const all = useQuery({
    queryKey: ['targets', 'all'],
    queryFn: () => call(api.GET('/api/v1/targets', { params: { query: { pageSize: 500 } } })),
  });
  const codeOf = (id: string | null) => all.data?.items.find((x) => x.id === id)?.code ?? '…';
  const [form] = Form.useForm<TargetForm>();
  const [editing, setEditing] = useState<Target | 'new' | null>(null);
  const remove = useMutation({
    mutationFn: (target: Target) =>
      call(api.DELETE('/api/v1/targets/{id}', { params: { path: { id: target.id } } })),
    onSuccess: () => {
      void message.success(t('targets.deleted'));
      void queryClient.invalidateQueries({ queryKey: ['targets'] });
    },
    onError: (error) => void message.error(messageOf(error)),
  });

  const save = async (values: TargetForm) => {
    const common = {
      code: values.code,
      name: values.name,
      periodFrom: values.periodFrom,
      periodTo: values.periodTo,
      target: values.target.trim().replace(',', '.'),
      filter: parseJson(values.filter),
      parentId: values.parentId ?? null,
      unitId: values.unitId ?? null,
    };
    if (editing === 'new') {
      await call(api.POST('/api/v1/targets', { body: { ...common, kind: values.kind } }));
      void message.success(t('targets.created'));
    } else if (editing) {
      await call(
        api.PATCH('/api/v1/targets/{id}', { params: { path: { id: editing.id } }, body: common }),
      );
      void message.success(t('common:common.saved'));
    }
    await queryClient.invalidateQueries({ queryKey: ['targets'] });
  };

  const initial: Partial<TargetForm> =
    editing && editing !== 'new'
      ? { ...editing, filter: JSON.stringify(editing.filter, null, 2) }
      : { kind: 'participations', filter: '{}', parentId: null, unitId: null };

  return (
    <>
      <PageHeader
        title={t('screens.targets.title')}
        subtitle={
          <>
            {t('screens.targets.description')}{' '}
            <Link to="/reports/targets">{t('targets.reportLink')}</Link>
          </>
        }
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('targets.new')}
          </Button>
        }
      />
      <Space wrap className="tn-admin-filters">
        <Select
          aria-label={t('targets.kind')}
          placeholder={t('targets.kind')}
          allowClear
          value={kind}
          onChange={(value) => setFilters({ kind: value })}
          options={KINDS.map((k) => ({ value: k, label: t(`targets.kinds.${k}`) }))}
          style={{ minWidth: 220 }}
        />
      </Space>
      <QueryState query={query}>
        {(data) => (
          <Table<Target>
            rowKey="id"
            dataSource={data.items}
            pagination={pagination(data.total)}
            scroll={{ x: 1100 }}
            columns={[
              { title: t('shared.code'), dataIndex: 'code', width: 170 },
              {
                title: t('shared.name'),
                dataIndex: 'name',
                render: (name: string, x) => (
                  <>
                    {name}{' '}
                    {x.parentId && <Tag>{t('targets.partOf', { code: codeOf(x.parentId) })}</Tag>}
                  </>
                ),
              },
              {
                title: t('targets.kind'),
                dataIndex: 'kind',
                width: 160,
                render: (k: Kind) => t(`targets.kinds.${k}`),
              },
              {
                title: t('targets.period'),
                key: 'period',
                width: 210,
                render: (_, x) => (
                  <>
                    <Day value={x.periodFrom} /> – <Day value={x.periodTo} />
                  </>
                ),
              },
              {
                title: t('targets.target'),
                dataIndex: 'target',
                width: 100,
                align: 'right',
                render: (v: string, x) =>
                  `${v.replace('.', ',')}${x.kind === 'staff_share' ? ' %' : ''}`,
              },
              {
                title: t('targets.unit'),
                dataIndex: 'unitName',
                render: (name: string | null) => name ?? t('targets.wholeOrganization'),
              },
              {
                title: t('common:common.actions'),
                key: 'actions',
                width: 170,
                render: (_, x) => (
                  <Space size={4} wrap>
                    <Button size="small" onClick={() => setEditing(x)}>
                      {t('common:common.edit')}
                    </Button>
                    <Popconfirm
                      title={t('targets.confirmDelete')}
                      okText={t('common:common.delete')}
                      cancelText={t('common:common.cancel')}
                      onConfirm={() => remove.mutate(x)}
                    >
                      <Button size="small" danger>
                        {t('common:common.delete')}
                      </Button>
                    </Popconfirm>
                  </Space>
                ),
              },
            ]}
          />
        )}
      </QueryState>
      <FormDrawer<TargetForm>
        open={editing !== null}
        title={editing === 'new' ? t('targets.new') : t('targets.editTitle')}
        form={form}
        initialValues={initial}
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
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="kind" label={t('targets.kind')} extra={t('targets.kindHelp')}>
          <Select
            disabled={editing !== 'new'}
            options={KINDS.map((k) => ({ value: k, label: t(`targets.kinds.${k}`) }))}
          />
        </Form.Item>
        <Row gutter={12}>
          {(['periodFrom', 'periodTo'] as const).map((name) => (
            <Col xs={24} sm={12} key={name}>
              <Form.Item
                name={name}
                label={t(`targets.${name}`)}
                rules={[
                  { required: true, message: t('shared.required') },
                  dayRule(t('shared.dayInvalid')),
                ]}
              >
                <DayInput />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Form.Item
          name="target"
          label={t('targets.target')}
          extra={t('targets.targetHelp')}
          rules={[
            { required: true, message: t('shared.required') },
            { pattern: /^\s*\d{1,10}([.,]\d{1,2})?\s*$/, message: t('targets.targetInvalid') },
          ]}
        >
          <Input inputMode="decimal" />
        </Form.Item>
        <Form.Item
          name="filter"
          label={t('targets.filter')}
          extra={t('targets.filterHelp')}
          rules={[jsonRule(t('shared.jsonInvalid'))]}
        >
          <Input.TextArea rows={4} spellCheck={false} />
        </Form.Item>
        <Form.Item noStyle dependencies={['kind']}>
          {({ getFieldValue }) => (
            <Form.Item name="parentId" label={t('targets.parent')} extra={t('targets.parentHelp')}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                options={(all.data?.items ?? [])
                  .filter(
                    (x) =>
                      x.kind === getFieldValue('kind') &&
                      (editing === 'new' || x.id !== editing?.id),
                  )
                  .map((x) => ({ value: x.id, label: `${x.code} – ${x.name}` }))}
              />
            </Form.Item>
          )}
        </Form.Item>
        <Form.Item name="unitId" label={t('targets.unit')} extra={t('targets.unitHelp')}>
          <UnitSelect />
        </Form.Item>
      </FormDrawer>
    </>
  );
}
