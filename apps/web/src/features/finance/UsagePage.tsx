import { useQuery } from '@tanstack/react-query';
import { Col, Row, Select, Table } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import type { components } from '../../api/schema';
import { Money } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { usePaging } from '../../components/paging';
import { QueryState } from '../../components/QueryState';
import { formatVnd, sumVnd } from '../../format/money';
import { Chart } from '../reports/chart/Chart';
import { axisVnd, moneyPoint, moneyTooltip, PALETTE } from '../reports/chart/numbers';
import { Field, FilterBar, ReportCard, useReportLanguage } from '../reports/components';
import { formatPercent } from '../reports/format';
import { FundsNav, type FundSource } from './common';
import { FundFigures } from './FundFigures';

type Usage = components['schemas']['BudgetUsageDto'];
type UsageRow = components['schemas']['UsageRowDto'] & { fiscalYear: number };
type SourceRow = components['schemas']['SourceUsageDto'] & { fiscalYear?: number };
type TierRow = components['schemas']['TierUsageDto'] & { fiscalYear?: number };

const PATH = '/api/v1/reports/budget-usage';

export default function UsagePage() {
  const { t } = useTranslation('finance');
  const { params, setFilters } = usePaging();
  const fromYear = Number(params.get('fromYear')) || undefined;
  const toYear = Number(params.get('toYear')) || undefined;
  const years = useQuery({
    queryKey: ['funds', 'summary', 'all'],
    queryFn: () => call(api.GET('/api/v1/funds/summary', { params: { query: {} } })),
  });
  const usage = useQuery({
    queryKey: ['budget-usage', { fromYear, toYear }],
    queryFn: () =>
      call(
        api.GET(PATH, {
          params: { query: { fromYear, toYear }, header: { accept: 'application/json' } },
        }),
      ),
  });
  const yearOptions = [...new Set((years.data?.items ?? []).map((r) => r.fiscalYear))]
    .sort((a, b) => a - b)
    .map((y) => ({ value: y, label: String(y) }));
  const query = { fromYear, toYear };

  return (
    <>
      <PageHeader title={t('usage.title')} subtitle={t('usage.subtitle')} />
      <FundsNav />
      <FilterBar label={t('list.filters')}>
        <Field label={t('usage.fromYear')} id="usage-from">
          <Select
            id="usage-from"
            allowClear
            placeholder={t('list.allYears')}
            value={fromYear}
            options={yearOptions}
            onChange={(v?: number) => setFilters({ fromYear: v ? String(v) : undefined })}
          />
        </Field>
        <Field label={t('usage.toYear')} id="usage-to">
          <Select
            id="usage-to"
            allowClear
            placeholder={t('list.allYears')}
            value={toYear}
            options={yearOptions}
            onChange={(v?: number) => setFilters({ toYear: v ? String(v) : undefined })}
          />
        </Field>
      </FilterBar>
      <QueryState query={usage}>
        {(data) =>
          data.years.length === 0 ? (
            <ReportCard title={t('usage.title')}>{t('usage.empty')}</ReportCard>
          ) : (
            <UsageView data={data} query={query} />
          )
        }
      </QueryState>
    </>
  );
}

function UsageView({ data, query }: { data: Usage; query: Record<string, number | undefined> }) {
  const { t } = useTranslation('finance');
  const language = useReportLanguage();
  const money = (title: string, key: 'allocated' | 'reserved' | 'spent' | 'available') => ({
    title,
    dataIndex: key,
    align: 'right' as const,
    width: 150,
    render: (v: string) => <Money value={v} />,
  });
  const moneyColumns = [
    money(t('fields.allocated'), 'allocated'),
    money(t('fields.reserved'), 'reserved'),
    money(t('fields.spent'), 'spent'),
    money(t('fields.available'), 'available'),
    {
      title: t('fields.utilization'),
      dataIndex: 'utilizationPercent',
      align: 'right' as const,
      render: (v: number) => formatPercent(v),
    },
  ];

  const yearsOption = useMemo(
    () => ({
      color: PALETTE,
      aria: { enabled: true },
      tooltip: { trigger: 'axis', formatter: moneyTooltip },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 8, right: 8, bottom: 8, top: 40, containLabel: true },
      xAxis: { type: 'category', data: data.years.map((y) => String(y.fiscalYear)) },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => axisVnd(v, language) } },
      series: [
        { key: 'reserved', name: t('fields.reserved') },
        { key: 'spent', name: t('fields.spent') },
        { key: 'available', name: t('fields.available') },
      ].map((s) => ({
        name: s.name,
        type: 'bar',
        stack: 'allocated',
        data: data.years.map((y) =>
          moneyPoint(y.total[s.key as 'reserved' | 'spent' | 'available']),
        ),
      })),
    }),
    [data, language, t],
  );
  const sourcesOption = useMemo(
    () => ({
      color: PALETTE,
      aria: { enabled: true },
      tooltip: {
        trigger: 'item',
        formatter: (p: { name: string; percent: number; data: { raw: string } }) =>
          `${p.name}: <b>${formatVnd(p.data.raw)}</b> (${formatPercent(p.percent)})`,
      },
      legend: { bottom: 0, type: 'scroll' },
      series: [
        {
          type: 'pie',
          radius: ['35%', '65%'],
          label: { position: 'inside', formatter: '{d} %', color: '#fff' },
          data: data.period.sources
            .filter((s) => s.allocated !== '0')
            .map((s) => ({ name: t(`source.${s.source}`), ...moneyPoint(s.allocated) })),
        },
      ],
    }),
    [data, t],
  );
  const tiersOption = useMemo(
    () => ({
      color: PALETTE,
      aria: { enabled: true },
      tooltip: { trigger: 'axis', formatter: moneyTooltip },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 8, right: 8, bottom: 8, top: 40, containLabel: true },
      xAxis: {
        type: 'category',
        data: data.period.tiers.map((tier) => tier.tier.name),
        axisLabel: { interval: 0, width: 90, overflow: 'break' },
      },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => axisVnd(v, language) } },
      series: [
        {
          name: t('fields.allocated'),
          type: 'bar',
          data: data.period.tiers.map((tier) => moneyPoint(tier.allocated)),
        },
        {
          name: t('usage.used'),
          type: 'bar',
          data: data.period.tiers.map((tier) => moneyPoint(sumVnd([tier.reserved, tier.spent]))),
        },
      ],
    }),
    [data, language, t],
  );

  const rows: UsageRow[] = data.years.flatMap((y) =>
    y.rows.map((row) => ({ ...row, fiscalYear: y.fiscalYear })),
  );
  const sources: SourceRow[] = data.years.flatMap((y) =>
    y.sources.map((s) => ({ ...s, fiscalYear: y.fiscalYear })),
  );
  const tiers: TierRow[] = data.years.flatMap((y) =>
    y.tiers.map((s) => ({ ...s, fiscalYear: y.fiscalYear })),
  );

  return (
    <>
      <FundFigures title={t('usage.period')} totals={data.period.total} />
      <Row gutter={[16, 0]}>
        <Col xs={24} lg={14}>
          <ReportCard title={t('usage.byYear')}>
            <Chart option={yearsOption} label={t('usage.chartYears')} />
          </ReportCard>
        </Col>
        <Col xs={24} lg={10}>
          <ReportCard title={t('usage.bySource')}>
            <Chart option={sourcesOption} label={t('usage.chartSources')} />
          </ReportCard>
        </Col>
      </Row>
      <ReportCard title={t('usage.byTier')}>
        <Chart option={tiersOption} label={t('usage.chartTiers')} height={280} />
      </ReportCard>
      <ReportCard
        title={t('usage.rows')}
        download={{ path: PATH, query: { ...query, table: 'usage' }, name: 'su-dung-kinh-phi' }}
      >
        <Table<UsageRow>
          rowKey={(r) => `${r.fiscalYear}-${r.tier.id}-${r.source}`}
          size="small"
          dataSource={rows}
          pagination={false}
          scroll={{ x: 1100 }}
          columns={[
            { title: t('usage.year'), dataIndex: 'fiscalYear', width: 70 },
            { title: t('fields.tier'), key: 'tier', render: (_: unknown, r) => r.tier.name },
            {
              title: t('fields.source'),
              dataIndex: 'source',
              render: (s: FundSource) => t(`source.${s}`),
            },
            ...moneyColumns,
            {
              title: t('fields.sourceShare'),
              dataIndex: 'sourceSharePercent',
              align: 'right' as const,
              render: (v: number) => formatPercent(v),
            },
          ]}
        />
      </ReportCard>
      <ReportCard
        title={t('usage.bySource')}
        download={{
          path: PATH,
          query: { ...query, table: 'sources' },
          name: 'kinh-phi-theo-nguon',
        }}
      >
        <Table<SourceRow>
          rowKey={(r) => `${r.fiscalYear}-${r.source}`}
          size="small"
          dataSource={sources}
          pagination={false}
          scroll={{ x: 1000 }}
          columns={[
            { title: t('usage.year'), dataIndex: 'fiscalYear', width: 70 },
            {
              title: t('fields.source'),
              dataIndex: 'source',
              render: (s: FundSource) => t(`source.${s}`),
            },
            ...moneyColumns,
            {
              title: t('fields.sourceShare'),
              dataIndex: 'sharePercent',
              align: 'right' as const,
              render: (v: number) => formatPercent(v),
            },
          ]}
        />
      </ReportCard>
      <ReportCard
        title={t('usage.byTier')}
        download={{ path: PATH, query: { ...query, table: 'tiers' }, name: 'kinh-phi-theo-cap' }}
      >
        <Table<TierRow>
          rowKey={(r) => `${r.fiscalYear}-${r.tier.id}`}
          size="small"
          dataSource={tiers}
          pagination={false}
          scroll={{ x: 1000 }}
          columns={[
            { title: t('usage.year'), dataIndex: 'fiscalYear', width: 70 },
            { title: t('fields.tier'), key: 'tier', render: (_: unknown, r) => r.tier.name },
            ...moneyColumns,
            {
              title: t('fields.shareOfYear'),
              dataIndex: 'sharePercent',
              align: 'right' as const,
              render: (v: number) => formatPercent(v),
            },
          ]}
        />
      </ReportCard>
    </>
  );
}
