import { useQuery } from '@tanstack/react-query';
import { Segmented, Select, Table } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call } from '../../api/client';
import type { components } from '../../api/schema';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { formatDay } from '../../format/date';
import { Chart } from './chart/Chart';
import { PALETTE } from './chart/numbers';
import { DateField, Field, FilterBar, ReportCard, UnitSelect } from './components';
import { formatCount, formatPercent } from './format';
import { usePeriodFilters } from './shared';

type Report = components['schemas']['ComplianceReportDto'];
type Group = components['schemas']['ComplianceReportGroupDto'];
type Trend = components['schemas']['ComplianceTrendDto'];
type Every = Trend['every'];
const PATH = '/api/v1/reports/compliance';
const TREND_PATH = '/api/v1/reports/compliance/trend';
const EVERY: Every[] = ['day', 'week', 'month', 'quarter', 'year'];

export default function CompliancePage() {
  const { t } = useTranslation('reports');
  const { params } = usePeriodFilters();
  const view = params.get('view') === 'trend' ? 'trend' : 'now';
  return (
    <>
      <PageHeader
        title={t('reports.compliance.title')}
        subtitle={t('reports.compliance.description')}
      />
      <nav aria-label={t('reports.compliance.title')} className="tn-subnav">
        {(['now', 'trend'] as const).map((key) => (
          <Link
            key={key}
            to={key === 'trend' ? '?view=trend' : '?'}
            className={key === view ? 'tn-subnav-link tn-subnav-current' : 'tn-subnav-link'}
            aria-current={key === view ? 'page' : undefined}
          >
            {t(key === 'trend' ? 'compliance.trend' : 'compliance.now')}
          </Link>
        ))}
      </nav>
      {view === 'trend' ? <TrendView /> : <Now />}
    </>
  );
}

function Now() {
  const { t } = useTranslation('reports');
  const { at, unitId, params, setFilters } = usePeriodFilters();
  const groupBy = params.get('groupBy') === 'unit' ? 'unit' : 'tier';
  const query = { at, unitId, groupBy: groupBy as 'tier' | 'unit' };
  const report = useQuery({
    queryKey: ['report', 'compliance', query],
    queryFn: () =>
      call(api.GET(PATH, { params: { query, header: { accept: 'application/json' } } })),
  });
  return (
    <>
      <FilterBar label={t('filters.label')}>
        <Field label={t('filters.at')} id="compliance-at">
          <DateField
            id="compliance-at"
            value={at ?? null}
            onChange={(v) => setFilters({ at: v })}
          />
        </Field>
        <Field label={t('filters.unit')} id="compliance-unit">
          <UnitSelect
            id="compliance-unit"
            value={unitId ?? null}
            placeholder={t('filters.anyUnit')}
            onChange={(v) => setFilters({ unitId: v })}
          />
        </Field>
        <Field label={t('filters.groupBy')} id="compliance-group">
          <Segmented
            id="compliance-group"
            aria-label={t('filters.groupBy')}
            value={groupBy}
            options={[
              { value: 'tier', label: t('compliance.groupByTier') },
              { value: 'unit', label: t('compliance.groupByUnit') },
            ]}
            onChange={(v) => setFilters({ groupBy: v === 'unit' ? 'unit' : undefined })}
          />
        </Field>
      </FilterBar>
      <QueryState query={report}>{(data) => <NowView data={data} query={query} />}</QueryState>
    </>
  );
}

type GroupRow = Group & { key: string; name: string };

function NowView({ data, query }: { data: Report; query: Record<string, string | undefined> }) {
  const { t } = useTranslation('reports');
  const rows: GroupRow[] = useMemo(
    () => [
      ...data.groups.map((g) => ({
        ...g,
        key: g.tier?.id ?? g.unit?.id ?? '',
        name: g.tier?.name ?? g.unit?.name ?? '',
      })),
      { ...data.overall, key: 'overall', name: t('compliance.overall') },
    ],
    [data, t],
  );
  const option = useMemo(
    () => ({
      color: PALETTE,
      aria: { enabled: true },
      tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => formatPercent(v) },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 8, right: 16, bottom: 8, top: 48, containLabel: true },
      xAxis: {
        type: 'category',
        data: rows.map((r) => r.name),
        axisLabel: {
          interval: 0,
          rotate: rows.length > 5 ? 30 : 0,
          width: 110,
          overflow: 'truncate',
        },
      },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value} %' } },
      series: [
        { name: t('compliance.meetingShare'), key: 'meetingStandard' as const },
        { name: t('compliance.universityShare'), key: 'universityOrHigher' as const },
        {
          name: t('compliance.politicalShare'),
          key: 'politicalTheoryIntermediateOrHigher' as const,
        },
      ].map((s) => ({ name: s.name, type: 'bar', data: rows.map((r) => r[s.key].percent) })),
    }),
    [rows, t],
  );
  const countPercent = (
    key: 'meetingStandard' | 'universityOrHigher' | 'politicalTheoryIntermediateOrHigher',
    count: string,
    share: string,
  ) => [
    {
      title: count,
      key: `${key}-count`,
      align: 'right' as const,
      render: (_: unknown, r: GroupRow) => formatCount(r[key].count),
    },
    {
      title: share,
      key: `${key}-share`,
      align: 'right' as const,
      render: (_: unknown, r: GroupRow) => formatPercent(r[key].percent),
    },
  ];
  return (
    <ReportCard
      title={
        data.snapshotDate
          ? t('compliance.snapshot', { date: formatDay(data.snapshotDate) })
          : t('compliance.live')
      }
      download={{ path: PATH, query, name: 'ty-le-dat-chuan' }}
    >
      <Chart option={option} label={t('compliance.chart')} />
      <Table<GroupRow>
        rowKey="key"
        size="small"
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1100 }}
        rowClassName={(r) => (r.key === 'overall' ? 'tn-row-group' : '')}
        columns={[
          { title: t('compliance.group'), dataIndex: 'name', fixed: 'left', width: 160 },
          {
            title: t('compliance.staff'),
            dataIndex: 'staff',
            align: 'right',
            render: (v: number) => formatCount(v),
          },
          {
            title: t('compliance.withPosition'),
            dataIndex: 'withPosition',
            align: 'right',
            render: (v: number) => formatCount(v),
          },
          ...countPercent(
            'meetingStandard',
            t('compliance.meetingStandard'),
            t('compliance.meetingShare'),
          ),
          ...countPercent(
            'universityOrHigher',
            t('compliance.university'),
            t('compliance.universityShare'),
          ),
          ...countPercent(
            'politicalTheoryIntermediateOrHigher',
            t('compliance.politicalTheory'),
            t('compliance.politicalShare'),
          ),
        ]}
      />
    </ReportCard>
  );
}

type Point = components['schemas']['TrendPointDto'];

function TrendView() {
  const { t } = useTranslation('reports');
  const { from, to, unitId, params, setFilters } = usePeriodFilters();
  const every = (params.get('every') as Every | null) ?? undefined;
  const query = { from, to, unitId, every };
  const trend = useQuery({
    queryKey: ['report', 'compliance-trend', query],
    queryFn: () =>
      call(api.GET(TREND_PATH, { params: { query, header: { accept: 'application/json' } } })),
  });
  const option = useMemo(() => {
    const points = trend.data?.points ?? [];
    const tiers = [
      ...new Map(points.flatMap((p) => p.tiers.map((x) => [x.tier.id, x.tier] as const))).values(),
    ].sort((a, b) => a.level - b.level);
    return {
      color: PALETTE,
      aria: { enabled: true },
      tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => formatPercent(v) },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 8, right: 16, bottom: 8, top: 48, containLabel: true },
      xAxis: { type: 'category', data: points.map((p) => formatDay(p.date)) },
      yAxis: { type: 'value', scale: true, axisLabel: { formatter: '{value} %' } },
      series: [
        {
          name: t('compliance.overall'),
          type: 'line',
          data: points.map((p) => p.meetingStandard.percent),
        },
        ...tiers.map((tier) => ({
          name: tier.name,
          type: 'line',
          data: points.map(
            (p) => p.tiers.find((x) => x.tier.id === tier.id)?.meetingStandard.percent ?? null,
          ),
        })),
      ],
    };
  }, [trend.data, t]);
  return (
    <>
      <FilterBar label={t('filters.label')}>
        <Field label={t('filters.from')} id="trend-from">
          <DateField
            id="trend-from"
            value={from ?? null}
            onChange={(v) => setFilters({ from: v })}
          />
        </Field>
        <Field label={t('filters.to')} id="trend-to">
          <DateField id="trend-to" value={to ?? null} onChange={(v) => setFilters({ to: v })} />
        </Field>
        <Field label={t('filters.unit')} id="trend-unit">
          <UnitSelect
            id="trend-unit"
            value={unitId ?? null}
            placeholder={t('filters.anyUnit')}
            onChange={(v) => setFilters({ unitId: v })}
          />
        </Field>
        <Field label={t('filters.every')} id="trend-every">
          <Select
            id="trend-every"
            allowClear
            value={every}
            placeholder={t('compliance.every.day')}
            style={{ width: '100%' }}
            options={EVERY.map((e) => ({ value: e, label: t(`compliance.every.${e}`) }))}
            onChange={(v?: string) => setFilters({ every: v })}
          />
        </Field>
      </FilterBar>
      <QueryState query={trend}>
        {(data) => (
          <>
            <ReportCard
              title={`${formatDay(data.from)} – ${formatDay(data.to)} · ${t('compliance.everyUsed', { every: t(`compliance.every.${data.every}`).toLowerCase() })}`}
              download={{
                path: TREND_PATH,
                query: { ...query, table: 'trend' },
                name: 'dien-bien-ty-le-dat-chuan',
              }}
            >
              <Chart option={option} label={t('compliance.trendChart')} />
              <Table<Point>
                rowKey="date"
                size="small"
                dataSource={data.points}
                pagination={data.points.length > 31 ? { pageSize: 31 } : false}
                scroll={{ x: 640 }}
                columns={[
                  {
                    title: t('compliance.date'),
                    dataIndex: 'date',
                    render: (v: string) => formatDay(v),
                  },
                  {
                    title: t('compliance.staff'),
                    dataIndex: 'staff',
                    align: 'right',
                    render: (v: number) => formatCount(v),
                  },
                  {
                    title: t('compliance.withPosition'),
                    dataIndex: 'withPosition',
                    align: 'right',
                    render: (v: number) => formatCount(v),
                  },
                  {
                    title: t('compliance.meetingStandard'),
                    key: 'm',
                    align: 'right',
                    render: (_: unknown, p) => formatCount(p.meetingStandard.count),
                  },
                  {
                    title: t('compliance.meetingShare'),
                    key: 'mp',
                    align: 'right',
                    render: (_: unknown, p) => formatPercent(p.meetingStandard.percent),
                  },
                ]}
              />
            </ReportCard>
            <ReportCard
              title={t('compliance.trendTiers')}
              download={{
                path: TREND_PATH,
                query: { ...query, table: 'tiers' },
                name: 'dien-bien-ty-le-dat-chuan-theo-cap',
              }}
            >
              <Table
                rowKey={(r) => `${r.date}-${r.tier.id}`}
                size="small"
                dataSource={data.points.flatMap((p) =>
                  p.tiers.map((x) => ({ ...x, date: p.date })),
                )}
                pagination={{ pageSize: 30, hideOnSinglePage: true }}
                scroll={{ x: 720 }}
                columns={[
                  {
                    title: t('compliance.date'),
                    dataIndex: 'date',
                    render: (v: string) => formatDay(v),
                  },
                  {
                    title: t('compliance.tier'),
                    key: 'tier',
                    render: (_: unknown, r) => r.tier.name,
                  },
                  {
                    title: t('compliance.staff'),
                    dataIndex: 'staff',
                    align: 'right',
                    render: (v: number) => formatCount(v),
                  },
                  {
                    title: t('compliance.withPosition'),
                    dataIndex: 'withPosition',
                    align: 'right',
                    render: (v: number) => formatCount(v),
                  },
                  {
                    title: t('compliance.meetingStandard'),
                    key: 'm',
                    align: 'right',
                    render: (_: unknown, r) => formatCount(r.meetingStandard.count),
                  },
                  {
                    title: t('compliance.meetingShare'),
                    key: 'mp',
                    align: 'right',
                    render: (_: unknown, r) => formatPercent(r.meetingStandard.percent),
                  },
                ]}
              />
            </ReportCard>
          </>
        )}
      </QueryState>
    </>
  );
}
