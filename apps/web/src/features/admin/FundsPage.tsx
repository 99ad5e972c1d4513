import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, InputNumber, Radio, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call } from '../../api/client';
import type { components } from '../../api/schema';
import { Money } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { usePaging } from '../../components/paging';
import { QueryState } from '../../components/QueryState';
import { parseVnd } from '../../format/money';
import { FormDrawer, UnitSelect } from './shared';
import './i18n';

type Fund = components['schemas']['FundDto'];
const SOURCES: Fund['source'][] = ['state_budget', 'sponsor', 'scholarship', 'other'];

interface FundForm {
  code: string;
  name: string;
  fiscalYear: number;
  ownerUnitId: string;
  source: Fund['source'];
  policy: Fund['policy'];
  thresholds: Array<number | string>;
  allocated: string;
  status: Fund['status'];
}

const thresholdsOf = (values: Array<number | string> | undefined) =>
  [...new Set((values ?? []).map((v) => Number(v)).filter((v) => Number.isInteger(v)))].sort(
    (a, b) => a - b,
  );

/**
 * Funds as the administrator sets them up (code, owner, source, policy, thresholds, first
 * allocation); balances, allocations and the ledger are on the finance screens.
 */
export default function FundsPage() {
  const { t } = useTranslation(['admin', 'common']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { page, pageSize, params, pagination, setFilters } = usePaging(20);
  const year = params.get('year') ? Number(params.get('year')) : undefined;
  const query = useQuery({
    queryKey: ['funds', { page, pageSize, year }],
    queryFn: () => call(api.GET('/api/v1/funds', { params: { query: { page, pageSize, year } } })),
  });
  const [form] = Form.useForm<FundForm>();
  const [editing, setEditing] = useState<Fund | 'new' | null>(null);
  const thisYear = new Date().getFullYear();

  const save = async (values: FundForm) => {
    const thresholds = thresholdsOf(values.thresholds);
    if (editing === 'new') {
      await call(
        api.POST('/api/v1/funds', {
          body: {
            code: values.code,
            name: values.name,
            fiscalYear: values.fiscalYear,
            ownerUnitId: values.ownerUnitId,
            source: values.source,
            policy: values.policy,
            thresholds,
            allocated: parseVnd(values.allocated ?? '') ?? values.allocated,
          },
        }),
      );
      void message.success(t('funds.created'));
    } else if (editing) {
      await call(
        api.PATCH('/api/v1/funds/{id}', {
          params: { path: { id: editing.id } },
          body: {
            name: values.name,
            policy: values.policy,
            thresholds,
            status: values.status,
          },
        }),
      );
      void message.success(t('common:common.saved'));
    }
    await queryClient.invalidateQueries({ queryKey: ['funds'] });
  };

  return (
    <>
      <PageHeader
        title={t('screens.funds.title')}
        subtitle={
          <>
            {t('screens.funds.description')} <Link to="/funds">{t('funds.financeLink')}</Link>
          </>
        }
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('funds.new')}
          </Button>
        }
      />
      <Space wrap className="tn-admin-filters">
        <InputNumber
          aria-label={t('funds.fiscalYear')}
          placeholder={t('funds.fiscalYear')}
          min={2000}
          max={2100}
          precision={0}
          value={year}
          onChange={(value) => setFilters({ year: value ? String(value) : undefined })}
          style={{ width: 160 }}
        />
      </Space>
      <QueryState query={query}>
        {(data) => (
          <Table<Fund>
            rowKey="id"
            dataSource={data.items}
            pagination={pagination(data.total)}
            scroll={{ x: 1100 }}
            columns={[
              { title: t('shared.code'), dataIndex: 'code', width: 160 },
              {
                title: t('shared.name'),
                dataIndex: 'name',
                render: (name: string, f) => <Link to={`/funds/${f.id}`}>{name}</Link>,
              },
              { title: t('funds.fiscalYear'), dataIndex: 'fiscalYear', width: 90 },
              { title: t('funds.owner'), dataIndex: 'ownerUnitName' },
              {
                title: t('funds.source'),
                dataIndex: 'source',
                render: (s: string) => t(`sources.${s}`, { defaultValue: s }),
              },
              {
                title: t('funds.allocated'),
                dataIndex: 'allocated',
                align: 'right',
                render: (v: string) => <Money value={v} />,
              },
              {
                title: t('funds.available'),
                dataIndex: 'available',
                align: 'right',
                render: (v: string) => <Money value={v} />,
              },
              {
                title: t('shared.status'),
                dataIndex: 'status',
                width: 110,
                render: (s: Fund['status']) => (
                  <Tag className={s === 'open' ? 'tn-tag-ok' : undefined}>
                    {t(`funds.statuses.${s}`)}
                  </Tag>
                ),
              },
              {
                title: t('common:common.actions'),
                key: 'actions',
                width: 90,
                render: (_, f) => (
                  <Button size="small" onClick={() => setEditing(f)}>
                    {t('common:common.edit')}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </QueryState>
      <FormDrawer<FundForm>
        open={editing !== null}
        title={editing === 'new' ? t('funds.new') : t('funds.editTitle')}
        form={form}
        initialValues={
          editing && editing !== 'new'
            ? editing
            : { fiscalYear: thisYear, source: 'state_budget', policy: 'stop', thresholds: [80, 95] }
        }
        onClose={() => setEditing(null)}
        onSubmit={save}
      >
        {editing === 'new' && (
          <Form.Item
            name="code"
            label={t('shared.code')}
            rules={[{ required: true, message: t('shared.required') }]}
          >
            <Input maxLength={40} />
          </Form.Item>
        )}
        <Form.Item
          name="name"
          label={t('shared.name')}
          rules={[{ required: true, whitespace: true, message: t('shared.required') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        {editing === 'new' && (
          <>
            <Form.Item
              name="fiscalYear"
              label={t('funds.fiscalYear')}
              rules={[{ required: true, message: t('shared.required') }]}
            >
              <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item
              name="ownerUnitId"
              label={t('funds.owner')}
              rules={[{ required: true, message: t('shared.required') }]}
            >
              <UnitSelect />
            </Form.Item>
            <Form.Item
              name="source"
              label={t('funds.source')}
              rules={[{ required: true, message: t('shared.required') }]}
            >
              <Select options={SOURCES.map((s) => ({ value: s, label: t(`sources.${s}`) }))} />
            </Form.Item>
            <Form.Item
              name="allocated"
              label={t('funds.firstAllocation')}
              rules={[
                { required: true, message: t('shared.required') },
                {
                  validator: (_, value: string) => {
                    const parsed = parseVnd(value ?? '');
                    return parsed && /^[1-9]\d{0,14}$/.test(parsed)
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('shared.moneyPositive')));
                  },
                },
              ]}
            >
              <Input inputMode="numeric" suffix="₫" />
            </Form.Item>
          </>
        )}
        <Form.Item name="policy" label={t('funds.policy')}>
          <Radio.Group
            options={(['stop', 'warn'] as const).map((p) => ({
              value: p,
              label: t(`funds.policies.${p}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="thresholds"
          label={t('funds.thresholds')}
          extra={t('funds.thresholdsHelp')}
        >
          <Select mode="tags" tokenSeparators={[',', ' ']} open={false} suffixIcon={null} />
        </Form.Item>
        {editing !== 'new' && (
          <Form.Item name="status" label={t('shared.status')}>
            <Radio.Group
              options={(['open', 'closed'] as const).map((s) => ({
                value: s,
                label: t(`funds.statuses.${s}`),
              }))}
            />
          </Form.Item>
        )}
      </FormDrawer>
    </>
  );
}
