import { useQuery } from '@tanstack/react-query';
import { Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import type { components } from '../../api/schema';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { formatDay } from '../../format/date';
import { Chart } from './chart/Chart';
import { PALETTE } from './chart/numbers';
import { DateField, Field, FilterBar, ReportCard, UnitSelect } from './components';
import { formatCount, formatDecimal } from './format';
import { usePeriodFilters } from './shared';

type Progress = components['schemas']['TargetProgressDto'];
const PATH = '/api/v1/reports/targets';

function periodOf(from: string, to: string): string {
  if (from.endsWith('-01-01') && to.endsWith('-12-31')) {
    const a = from.slice(0, 4);
    const b = to.slice(0, 4);
    return a === b ? a : `${a}–${b}`;
  }
  return `${formatDay(from)} – ${formatDay(to)}`;
}

/** Rows without parts get no expand button. */
function withoutEmptyParts(items: Progress[]): Progress[] {
  return items.map((item) =>
    item.parts.length
      ? { ...item, parts: withoutEmptyParts(item.parts) }
      : ({ ...item, parts: undefined } as unknown as Progress),
  );
}

export default function TargetsPage() {
  const { t } = useTranslation('reports');
  const { at, unitId, setFilters } = usePeriodFilters();
  const query = { at, unitId };
  const report = useQuery({
    queryKey: ['report', 'targets', query],
    queryFn: () =>
      call(api.GET(PATH, { params: { query, header: { accept: 'application/json' } } })),
  });
  const option = useMemo(() => {
    const items = (report.data?.items ?? []).filter((item) => item.ratio !== null);
    return {
      color: PALETTE,
      aria: { enabled: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 24, bottom: 8, top: 16, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: {
        type: 'category',
        inverse: true,
        data: items.map((item) => item.code),
      },
      series: [
        {
          type: 'bar',
          name: t('targets.ratio'),
          // Drawing only: the ratio is shown as the API's exact string everywhere else.
          data: items.map((item) => ({
            value: Number(item.ratio),
            itemStyle: { color: item.achieved ? '#389e0d' : '#d46b08' },
          })),
        },
      ],
    };
  }, [report.data, t]);

  return (
    <>
      <PageHeader
        title={t('reports.targets.title')}
        subtitle={
          report.data
            ? `${t('targets.at')} ${formatDay(report.data.at)}`
            : t('reports.targets.description')
        }
      />
      <FilterBar label={t('filters.label')}>
        <Field label={t('targets.at')} id="targets-at">
          <DateField id="targets-at" value={at ?? null} onChange={(v) => setFilters({ at: v })} />
        </Field>
        <Field label={t('filters.unit')} id="targets-unit">
          <UnitSelect
            id="targets-unit"
            value={unitId ?? null}
            placeholder={t('targets.wholeOrganization')}
            onChange={(v) => setFilters({ unitId: v })}
          />
        </Field>
      </FilterBar>
      <QueryState query={report}>
        {(data) => (
          <ReportCard
            title={t('reports.targets.title')}
            download={{ path: PATH, query, name: 'thuc-hien-chi-tieu' }}
          >
            {data.items.length > 0 && (
              <Chart
                option={option}
                label={t('targets.chart')}
                height={Math.max(200, 36 * data.items.length + 60)}
              />
            )}
            <Table<Progress>
              rowKey="id"
              size="small"
              dataSource={withoutEmptyParts(data.items)}
              expandable={{ childrenColumnName: 'parts', defaultExpandAllRows: true }}
              pagination={false}
              scroll={{ x: 1100 }}
              locale={{ emptyText: t('targets.empty') }}
              columns={[
                { title: t('targets.code'), dataIndex: 'code', width: 150 },
                {
                  title: t('targets.name'),
                  dataIndex: 'name',
                  render: (name: string, item) => (
                    <>
                      {name}
                      {item.kind === 'staff_share' && item.population !== null && (
                        <>
                          <br />
                          <Typography.Text type="secondary">
                            {t('targets.population', {
                              population: formatCount(item.population),
                              meeting: formatCount(item.meeting),
                            })}
                          </Typography.Text>
                        </>
                      )}
                    </>
                  ),
                },
                {
                  title: t('targets.scope'),
                  key: 'scope',
                  width: 160,
                  render: (_: unknown, item) => item.unit?.name ?? t('targets.wholeOrganization'),
                },
                {
                  title: t('targets.period'),
                  key: 'period',
                  width: 120,
                  render: (_: unknown, item) => periodOf(item.periodFrom, item.periodTo),
                },
                {
                  title: t('targets.measure'),
                  dataIndex: 'kind',
                  width: 80,
                  render: (kind: Progress['kind']) => t(`targets.measures.${kind}`),
                },
                {
                  title: t('targets.target'),
                  dataIndex: 'target',
                  align: 'right',
                  width: 100,
                  render: (v: string) => formatDecimal(v),
                },
                {
                  title: t('targets.actual'),
                  dataIndex: 'actual',
                  align: 'right',
                  width: 100,
                  render: (v: string | null) => formatDecimal(v),
                },
                {
                  title: t('targets.ratio'),
                  dataIndex: 'ratio',
                  align: 'right',
                  width: 110,
                  render: (v: string | null) =>
                    v === null ? '—' : t('targets.ratioValue', { ratio: formatDecimal(v) }),
                },
                {
                  title: t('targets.achieved'),
                  dataIndex: 'achieved',
                  width: 100,
                  render: (v: boolean | null) =>
                    v === null ? (
                      '—'
                    ) : (
                      <Tag color={v ? 'green' : 'orange'}>
                        {v ? t('targets.yes') : t('targets.no')}
                      </Tag>
                    ),
                },
              ]}
            />
          </ReportCard>
        )}
      </QueryState>
    </>
  );
}
