import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Grid, List, Select, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call } from '../../api/client';
import type { components } from '../../api/schema';
import { DownloadButtons } from '../../components/DownloadButtons';
import { Money } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { usePaging } from '../../components/paging';
import { QueryState } from '../../components/QueryState';
import { sumVnd } from '../../format/money';
import { Field, FilterBar, UnitSelect } from '../reports/components';
import { formatPercent } from '../reports/format';
import {
  FundsNav,
  FundStatusTag,
  PolicyTag,
  SOURCES,
  UtilizationBar,
  type Fund,
  type FundSource,
} from './common';
import { FundFigures } from './FundFigures';

type SummaryRow = components['schemas']['FundSummaryRowDto'];

export default function FundsPage() {
  const { t } = useTranslation('finance');
  const { page, pageSize, params, pagination, setFilters } = usePaging(20);
  const year = Number(params.get('year')) || undefined;
  const source = (params.get('source') as FundSource | null) ?? undefined;
  const status = (params.get('status') as 'open' | 'closed' | null) ?? undefined;
  const ownerUnitId = params.get('ownerUnitId') ?? undefined;
  const tierId = params.get('tierId') ?? undefined;

  const funds = useQuery({
    queryKey: ['funds', { page, pageSize, year, source, status, ownerUnitId, tierId }],
    queryFn: () =>
      call(
        api.GET('/api/v1/funds', {
          params: { query: { page, pageSize, year, source, status, ownerUnitId, tierId } },
        }),
      ),
  });
  const allYears = useQuery({
    queryKey: ['funds', 'summary', 'all'],
    queryFn: () => call(api.GET('/api/v1/funds/summary', { params: { query: {} } })),
  });
  const summary = useQuery({
    queryKey: ['funds', 'summary', year ?? 'all'],
    queryFn: () => call(api.GET('/api/v1/funds/summary', { params: { query: { year } } })),
  });
  const tiers = useQuery({
    queryKey: ['tiers'],
    queryFn: () => call(api.GET('/api/v1/tiers')),
    staleTime: 300_000,
  });
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const years = [...new Set((allYears.data?.items ?? []).map((row) => row.fiscalYear))].sort(
    (a, b) => b - a,
  );

  return (
    <>
      <PageHeader
        title={t('list.title')}
        subtitle={t('list.subtitle')}
        extra={
          <DownloadButtons
            path="/api/v1/funds"
            query={{ year, source, status, ownerUnitId, tierId }}
            name="quy-dao-tao"
          />
        }
      />
      <FundsNav />
      <FilterBar label={t('list.filters')}>
        <Field label={t('fields.fiscalYear')} id="funds-year">
          <Select
            id="funds-year"
            allowClear
            placeholder={t('list.allYears')}
            value={year}
            options={years.map((y) => ({ value: y, label: String(y) }))}
            onChange={(value?: number) => setFilters({ year: value ? String(value) : undefined })}
          />
        </Field>
        <Field label={t('fields.source')} id="funds-source">
          <Select
            id="funds-source"
            allowClear
            placeholder={t('list.allSources')}
            value={source}
            options={SOURCES.map((s) => ({ value: s, label: t(`source.${s}`) }))}
            onChange={(value?: string) => setFilters({ source: value })}
          />
        </Field>
        <Field label={t('fields.tier')} id="funds-tier">
          <Select
            id="funds-tier"
            allowClear
            placeholder={t('list.allTiers')}
            value={tierId}
            options={(tiers.data ?? []).map((tier) => ({ value: tier.id, label: tier.name }))}
            onChange={(value?: string) => setFilters({ tierId: value })}
          />
        </Field>
        <Field label={t('fields.owner')} id="funds-owner">
          <UnitSelect
            id="funds-owner"
            value={ownerUnitId ?? null}
            placeholder={t('list.anyOwner')}
            onChange={(value) => setFilters({ ownerUnitId: value })}
          />
        </Field>
        <Field label={t('fields.status')} id="funds-status">
          <Select
            id="funds-status"
            allowClear
            placeholder={t('list.allStatuses')}
            value={status}
            options={(['open', 'closed'] as const).map((s) => ({
              value: s,
              label: t(`fundStatus.${s}`),
            }))}
            onChange={(value?: string) => setFilters({ status: value })}
          />
        </Field>
      </FilterBar>

      {summary.data && summary.data.items.length > 0 && (
        <FundFigures
          title={year ? t('headline.ofYear', { year }) : t('headline.allYears')}
          totals={{
            allocated: sumVnd(summary.data.items.map((r) => r.allocated)),
            reserved: sumVnd(summary.data.items.map((r) => r.reserved)),
            spent: sumVnd(summary.data.items.map((r) => r.spent)),
            available: sumVnd(summary.data.items.map((r) => r.available)),
          }}
        />
      )}

      <Card
        title={<h2 className="tn-card-heading">{t('list.fundsTitle')}</h2>}
        className="tn-gap tn-report-card"
      >
        <QueryState query={funds}>
          {(data) =>
            phone ? (
              <List<Fund>
                dataSource={data.items}
                locale={{ emptyText: t('list.empty') }}
                pagination={{ ...pagination(data.total), align: 'center', size: 'small' }}
                renderItem={(fund) => <FundCard fund={fund} />}
              />
            ) : (
              <Table<Fund>
                rowKey="id"
                size="middle"
                dataSource={data.items}
                pagination={{
                  ...pagination(data.total),
                  showTotal: (total) => t('common:common.total', { count: total }),
                }}
                scroll={{ x: 1700 }}
                locale={{ emptyText: t('list.empty') }}
                columns={[
                  {
                    title: t('fields.name'),
                    dataIndex: 'name',
                    width: 260,
                    render: (name: string, fund) => (
                      <>
                        <Link to={`/funds/${fund.id}`}>{name}</Link>
                        <br />
                        <Typography.Text type="secondary">{fund.code}</Typography.Text>
                      </>
                    ),
                  },
                  { title: t('fields.fiscalYear'), dataIndex: 'fiscalYear', width: 80 },
                  {
                    title: t('fields.owner'),
                    dataIndex: 'ownerUnitName',
                    width: 180,
                    render: (name: string, fund) => (
                      <>
                        {name}
                        <br />
                        <Typography.Text type="secondary">{fund.tierName}</Typography.Text>
                      </>
                    ),
                  },
                  {
                    title: t('fields.source'),
                    dataIndex: 'source',
                    width: 130,
                    render: (s: FundSource) => t(`source.${s}`),
                  },
                  {
                    title: t('fields.allocated'),
                    dataIndex: 'allocated',
                    align: 'right',
                    width: 150,
                    render: (v: string) => <Money value={v} />,
                  },
                  {
                    title: t('fields.reserved'),
                    dataIndex: 'reserved',
                    align: 'right',
                    width: 150,
                    render: (v: string) => <Money value={v} />,
                  },
                  {
                    title: t('fields.spent'),
                    dataIndex: 'spent',
                    align: 'right',
                    width: 150,
                    render: (v: string) => <Money value={v} />,
                  },
                  {
                    title: t('fields.available'),
                    dataIndex: 'available',
                    align: 'right',
                    width: 160,
                    render: (v: string) => <Money value={v} strong />,
                  },
                  {
                    title: t('fields.pipeline'),
                    dataIndex: 'pipeline',
                    align: 'right',
                    width: 150,
                    render: (v: string) => <Money value={v} />,
                  },
                  {
                    title: t('fields.utilization'),
                    dataIndex: 'utilizationPercent',
                    width: 170,
                    render: (p: number, fund) => (
                      <UtilizationBar
                        percent={p}
                        thresholds={fund.thresholds}
                        pipeline={fund.pipelineUtilizationPercent}
                      />
                    ),
                  },
                  {
                    title: t('fields.policy'),
                    dataIndex: 'policy',
                    width: 100,
                    render: (p: Fund['policy']) => <PolicyTag policy={p} />,
                  },
                  {
                    title: t('fields.status'),
                    dataIndex: 'status',
                    width: 100,
                    render: (s: Fund['status']) => <FundStatusTag status={s} />,
                  },
                ]}
              />
            )
          }
        </QueryState>
      </Card>

      <Card
        className="tn-report-card"
        title={<h2 className="tn-card-heading">{t('list.summaryTitle')}</h2>}
      >
        <QueryState query={summary}>
          {(data) => (
            <Table<SummaryRow>
              rowKey={(r) => `${r.fiscalYear}-${r.tierId}-${r.source}`}
              size="small"
              dataSource={data.items}
              pagination={false}
              scroll={{ x: 1300 }}
              locale={{ emptyText: t('list.empty') }}
              columns={[
                { title: t('fields.fiscalYear'), dataIndex: 'fiscalYear', width: 70 },
                { title: t('fields.tier'), dataIndex: 'tierName' },
                {
                  title: t('fields.source'),
                  dataIndex: 'source',
                  render: (s: FundSource) => t(`source.${s}`),
                },
                { title: t('fields.funds'), dataIndex: 'funds', align: 'right' },
                {
                  title: t('fields.allocated'),
                  dataIndex: 'allocated',
                  align: 'right',
                  width: 150,
                  render: (v: string) => <Money value={v} />,
                },
                {
                  title: t('fields.reserved'),
                  dataIndex: 'reserved',
                  align: 'right',
                  width: 150,
                  render: (v: string) => <Money value={v} />,
                },
                {
                  title: t('fields.spent'),
                  dataIndex: 'spent',
                  align: 'right',
                  width: 150,
                  render: (v: string) => <Money value={v} />,
                },
                {
                  title: t('fields.available'),
                  dataIndex: 'available',
                  align: 'right',
                  width: 150,
                  render: (v: string) => <Money value={v} />,
                },
                {
                  title: t('fields.utilization'),
                  dataIndex: 'utilizationPercent',
                  align: 'right',
                  render: (v: number) => formatPercent(v),
                },
                {
                  title: t('fields.shareOfYear'),
                  dataIndex: 'shareOfYearPercent',
                  align: 'right',
                  render: (v: number) => formatPercent(v),
                },
              ]}
            />
          )}
        </QueryState>
      </Card>
    </>
  );
}

/** A fund on a phone: its name, owner and source, the money and how much is used. */
function FundCard({ fund }: { fund: Fund }) {
  const { t } = useTranslation('finance');
  return (
    <List.Item>
      <div style={{ width: '100%' }}>
        <Link to={`/funds/${fund.id}`}>{fund.name}</Link>
        <div>
          <Typography.Text type="secondary">
            {fund.code} · {fund.ownerUnitName} · {t(`source.${fund.source}`)}
          </Typography.Text>
        </div>
        <Descriptions
          size="small"
          column={1}
          className="tn-fund-card"
          items={[
            {
              key: 'allocated',
              label: t('fields.allocated'),
              children: <Money value={fund.allocated} />,
            },
            {
              key: 'reserved',
              label: t('fields.reserved'),
              children: <Money value={fund.reserved} />,
            },
            { key: 'spent', label: t('fields.spent'), children: <Money value={fund.spent} /> },
            {
              key: 'available',
              label: t('fields.available'),
              children: <Money value={fund.available} strong />,
            },
          ]}
        />
        <UtilizationBar percent={fund.utilizationPercent} thresholds={fund.thresholds} />
        <PolicyTag policy={fund.policy} /> <FundStatusTag status={fund.status} />
      </div>
    </List.Item>
  );
}
