import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Statistic, Table } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import type { components } from '../../api/schema';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { Chart } from './chart/Chart';
import { PALETTE } from './chart/numbers';
import { FilterBar, ReportCard, useReportLanguage } from './components';
import { formatCount } from './format';
import { PeriodFields, periodText, useCountColumns, usePeriodFilters } from './shared';

type Summary = components['schemas']['TrainingSummaryDto'];
type CategoryRow = components['schemas']['CategoryTierYearRowDto'];
const PATH = '/api/v1/reports/training-summary';

export default function TrainingSummaryPage() {
  const { t } = useTranslation('reports');
  const { from, to, unitId, status } = usePeriodFilters();
  const query = { from, to, unitId, status };
  const summary = useQuery({
    queryKey: ['report', 'training-summary', query],
    queryFn: () =>
      call(api.GET(PATH, { params: { query, header: { accept: 'application/json' } } })),
  });
  return (
    <>
      <PageHeader
        title={t('reports.trainingSummary.title')}
        subtitle={
          summary.data
            ? periodText(summary.data.from, summary.data.to)
            : t('reports.trainingSummary.description')
        }
      />
      <FilterBar label={t('filters.label')}>
        <PeriodFields prefix="summary" withStatus />
      </FilterBar>
      <QueryState query={summary}>{(data) => <SummaryView data={data} query={query} />}</QueryState>
    </>
  );
}

function SummaryView({
  data,
  query,
}: {
  data: Summary;
  query: Record<string, string | undefined>;
}) {
  const { t } = useTranslation('reports');
  const language = useReportLanguage();
  const counts = useCountColumns();
  const download = (table: string, name: string) => ({
    path: PATH,
    query: { ...query, table },
    name,
  });

  const option = useMemo(() => {
    const categories: string[] = [];
    const labels: string[] = [];
    for (const row of data.rows) {
      if (!categories.includes(row.category)) {
        categories.push(row.category);
        labels.push(row.label[language]);
      }
    }
    const tiers = [...new Map(data.rows.map((r) => [r.tier.id, r.tier])).values()].sort(
      (a, b) => a.level - b.level,
    );
    return {
      color: PALETTE,
      aria: { enabled: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 8, right: 16, bottom: 8, top: 40, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        data: labels,
        inverse: true,
        axisLabel: { width: 150, overflow: 'truncate' },
      },
      series: tiers.map((tier) => ({
        name: tier.name,
        type: 'bar',
        stack: 'total',
        data: categories.map((category) =>
          data.rows
            .filter((r) => r.category === category && r.tier.id === tier.id)
            .reduce((sum, r) => sum + r.total, 0),
        ),
      })),
    };
  }, [data, language]);

  const ageOption = useMemo(
    () => ({
      color: PALETTE,
      aria: { enabled: true },
      tooltip: { trigger: 'item' },
      legend: { bottom: 0, type: 'scroll' },
      series: [
        {
          type: 'pie',
          radius: ['35%', '65%'],
          data: data.byAgeBand.map((row) => ({ name: row.label[language], value: row.total })),
        },
      ],
    }),
    [data, language],
  );

  if (data.totals.total === 0) {
    return <Card>{t('summary.empty')}</Card>;
  }

  return (
    <>
      <Row gutter={[12, 12]} className="tn-gap">
        {(['total', 'approved', 'inTraining', 'completed'] as const).map((key) => (
          <Col key={key} xs={12} md={6}>
            <Card size="small" className="tn-stat-card">
              <Statistic
                title={key === 'total' ? t('summary.totals') : t(`counts.${key}`)}
                value={formatCount(data.totals[key])}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <ReportCard
        title={t('summary.byCategory')}
        download={download('by-category', 'luot-dao-tao-theo-loai-hinh')}
      >
        <Chart
          option={option}
          label={t('summary.byCategoryChart')}
          height={Math.max(260, 40 * new Set(data.rows.map((r) => r.category)).size + 80)}
        />
        <Table<CategoryRow>
          rowKey={(r) => `${r.category}-${r.tier.id}-${r.year}`}
          size="small"
          dataSource={data.rows}
          pagination={data.rows.length > 50 ? { pageSize: 50 } : false}
          scroll={{ x: 860 }}
          columns={[
            {
              title: t('summary.category'),
              key: 'category',
              render: (_: unknown, r) => r.label[language],
            },
            { title: t('summary.tier'), key: 'tier', render: (_: unknown, r) => r.tier.name },
            { title: t('summary.year'), dataIndex: 'year', width: 70 },
            ...counts,
          ]}
        />
      </ReportCard>
      <Row gutter={[16, 0]}>
        <Col xs={24} lg={12}>
          <ReportCard
            title={t('summary.byAge')}
            download={download('by-age', 'luot-dao-tao-theo-do-tuoi')}
          >
            <Chart
              option={ageOption}
              label={t('summary.breakdownChart', { what: t('summary.byAge').toLowerCase() })}
              height={240}
            />
            <Table
              rowKey="ageBand"
              size="small"
              dataSource={data.byAgeBand}
              pagination={false}
              scroll={{ x: 560 }}
              columns={[
                {
                  title: t('summary.age'),
                  key: 'label',
                  render: (_: unknown, r: Summary['byAgeBand'][number]) => r.label[language],
                },
                ...counts,
              ]}
            />
          </ReportCard>
        </Col>
        <Col xs={24} lg={12}>
          <ReportCard
            title={t('summary.byLocation')}
            download={download('by-location', 'luot-dao-tao-theo-noi-hoc')}
          >
            <Table
              rowKey={(r) => String(r.overseas)}
              size="small"
              dataSource={data.byLocation}
              pagination={false}
              scroll={{ x: 560 }}
              columns={[
                {
                  title: t('summary.location'),
                  key: 'label',
                  render: (_: unknown, r: Summary['byLocation'][number]) => r.label[language],
                },
                ...counts,
              ]}
            />
          </ReportCard>
          <ReportCard
            title={t('summary.byGender')}
            download={download('by-gender', 'luot-dao-tao-theo-gioi-tinh')}
          >
            <Table
              rowKey="gender"
              size="small"
              dataSource={data.byGender}
              pagination={false}
              scroll={{ x: 560 }}
              columns={[
                {
                  title: t('summary.gender'),
                  key: 'label',
                  render: (_: unknown, r: Summary['byGender'][number]) => r.label[language],
                },
                ...counts,
              ]}
            />
          </ReportCard>
          <ReportCard
            title={t('summary.byEthnicity')}
            download={download('by-ethnicity', 'luot-dao-tao-theo-dan-toc')}
          >
            <Table
              rowKey={(r) => String(r.ethnicMinority)}
              size="small"
              dataSource={data.byEthnicMinority}
              pagination={false}
              scroll={{ x: 560 }}
              columns={[
                {
                  title: t('summary.ethnicity'),
                  key: 'label',
                  render: (_: unknown, r: Summary['byEthnicMinority'][number]) => r.label[language],
                },
                ...counts,
              ]}
            />
          </ReportCard>
        </Col>
      </Row>
      <ReportCard
        title={t('summary.byProvider')}
        download={download('by-provider', 'luot-dao-tao-theo-co-so')}
      >
        <Table
          rowKey={(r) => r.provider.id}
          size="small"
          dataSource={data.byProvider}
          pagination={data.byProvider.length > 20 ? { pageSize: 20 } : false}
          scroll={{ x: 760 }}
          columns={[
            {
              title: t('summary.provider'),
              key: 'provider',
              render: (_: unknown, r: Summary['byProvider'][number]) => r.provider.name,
            },
            {
              title: t('summary.country'),
              key: 'country',
              width: 90,
              render: (_: unknown, r: Summary['byProvider'][number]) => r.provider.country,
            },
            ...counts,
          ]}
        />
      </ReportCard>
    </>
  );
}
