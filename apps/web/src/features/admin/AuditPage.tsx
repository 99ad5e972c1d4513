import { useQuery } from '@tanstack/react-query';
import { Button, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import type { components } from '../../api/schema';
import { Instant } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { usePaging } from '../../components/paging';
import { QueryState } from '../../components/QueryState';
import { DayInput, dayRule, UserName, UserSelect } from './shared';
import './i18n';

type Entry = components['schemas']['AuditEntryDto'];
export const AUDIT_ENTITIES = [
  'user',
  'unit',
  'tier',
  'position',
  'authority',
  'staff',
  'provider',
  'program',
  'intake',
  'eligibility_rule',
  'approval_policy',
  'fund',
  'target',
  'nomination',
  'delegation',
  'delivery',
];
const ACTION_CLASSES: Record<string, string> = {
  create: 'tn-tag-ok',
  update: 'tn-tag-info',
  delete: 'tn-tag-bad',
};

/** A readable name for the record from its snapshot (name, full name, code, email). */
function recordLabel(entry: Entry): string {
  const snapshot = (entry.after ?? entry.before ?? {}) as Record<string, unknown>;
  for (const key of ['name', 'fullName', 'displayName', 'code', 'email']) {
    const value = snapshot[key];
    if (typeof value === 'string' && value) return value;
  }
  return entry.entityId.length > 12 ? `${entry.entityId.slice(0, 8)}…` : entry.entityId;
}

const show = (value: unknown) =>
  value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value);

/** What changed between the snapshots before and after, field by field. */
function Changes({ entry }: { entry: Entry }) {
  const { t } = useTranslation('admin');
  const before = (entry.before ?? {}) as Record<string, unknown>;
  const after = (entry.after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
  if (!keys.length)
    return <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>;
  return (
    <Table
      size="small"
      rowKey="key"
      pagination={false}
      scroll={{ x: 560 }}
      dataSource={keys.map((key) => ({ key, before: before[key], after: after[key] }))}
      columns={[
        { title: t('audit.field'), dataIndex: 'key', width: 180 },
        {
          title: t('audit.before'),
          dataIndex: 'before',
          render: (v: unknown) => <pre className="tn-admin-json">{show(v)}</pre>,
        },
        {
          title: t('audit.after'),
          dataIndex: 'after',
          render: (v: unknown) => <pre className="tn-admin-json">{show(v)}</pre>,
        },
      ]}
    />
  );
}

interface Filters {
  entity?: string;
  id?: string;
  actorUserId?: string | null;
  from?: string | null;
  to?: string | null;
}

/** Every change to the organization's records: who, when, what, before and after. */
export default function AuditPage() {
  const { t } = useTranslation(['admin', 'common']);
  const { page, pageSize, params, pagination, setFilters } = usePaging(20);
  const filters: Filters = {
    entity: params.get('entity') ?? undefined,
    id: params.get('id') ?? undefined,
    actorUserId: params.get('actorUserId') ?? undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
  };
  const [form] = Form.useForm<Filters>();
  useEffect(() => {
    form.setFieldsValue(filters);
    // The address is the source of truth; the form follows it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [params]);
  const query = useQuery({
    queryKey: ['audit', { page, pageSize, ...filters }],
    queryFn: () =>
      call(
        api.GET('/api/v1/audit', {
          params: {
            query: {
              page,
              pageSize,
              entity: filters.entity,
              id: filters.id,
              actorUserId: filters.actorUserId ?? undefined,
              from: filters.from ?? undefined,
              to: filters.to ?? undefined,
            },
          },
        }),
      ),
  });

  return (
    <>
      <PageHeader title={t('screens.audit.title')} subtitle={t('screens.audit.description')} />
      <Form<Filters>
        form={form}
        layout="vertical"
        className="tn-admin-audit-filters"
        onFinish={(values) =>
          setFilters({
            entity: values.entity,
            id: values.id?.trim(),
            actorUserId: values.actorUserId,
            from: values.from,
            to: values.to,
          })
        }
      >
        <Form.Item name="actorUserId" label={t('audit.actor')}>
          <UserSelect />
        </Form.Item>
        <Form.Item name="entity" label={t('audit.entity')}>
          <Select
            allowClear
            placeholder={t('common:common.all')}
            showSearch={{ optionFilterProp: 'label' }}
            options={AUDIT_ENTITIES.map((e) => ({ value: e, label: t(`entities.${e}`) }))}
          />
        </Form.Item>
        <Form.Item name="id" label={t('audit.recordId')}>
          <Input allowClear />
        </Form.Item>
        <Form.Item name="from" label={t('audit.from')} rules={[dayRule(t('shared.dayInvalid'))]}>
          <DayInput />
        </Form.Item>
        <Form.Item name="to" label={t('audit.to')} rules={[dayRule(t('shared.dayInvalid'))]}>
          <DayInput />
        </Form.Item>
        <Form.Item label=" " className="tn-admin-audit-buttons">
          <Space wrap>
            <Button type="primary" htmlType="submit">
              {t('common:common.filter')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                setFilters({ entity: null, id: null, actorUserId: null, from: null, to: null });
              }}
            >
              {t('common:common.reset')}
            </Button>
          </Space>
        </Form.Item>
      </Form>
      <QueryState query={query}>
        {(data) => (
          <Table<Entry>
            rowKey="id"
            dataSource={data.items}
            pagination={pagination(data.total)}
            scroll={{ x: 860 }}
            locale={{ emptyText: t('audit.empty') }}
            expandable={{
              expandedRowRender: (entry) => <Changes entry={entry} />,
              columnTitle: <span className="tn-visually-hidden">{t('audit.changes')}</span>,
            }}
            columns={[
              {
                title: t('audit.when'),
                dataIndex: 'occurredAt',
                width: 150,
                render: (v: string) => <Instant value={v} />,
              },
              {
                title: t('audit.actor'),
                dataIndex: 'actorUserId',
                render: (id: string | null, entry) => entry.actorName ?? <UserName id={id} />,
              },
              {
                title: t('audit.entity'),
                dataIndex: 'entity',
                width: 150,
                render: (e: string) => t(`entities.${e}`, { defaultValue: e }),
              },
              {
                title: t('audit.record'),
                key: 'record',
                render: (_, entry) => recordLabel(entry),
              },
              {
                title: t('audit.action'),
                dataIndex: 'action',
                width: 110,
                render: (a: string) => (
                  <Tag className={ACTION_CLASSES[a]}>
                    {t(`audit.actions.${a}`, { defaultValue: a })}
                  </Tag>
                ),
              },
            ]}
          />
        )}
      </QueryState>
    </>
  );
}
