import { useQuery } from '@tanstack/react-query';
import { Table } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import type { components } from '../../api/schema';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { Chart } from './chart/Chart';
import { PALETTE } from './chart/numbers';
import { FilterBar, ReportCard, useReportLanguage } from './components';
import { PeriodFields, periodText, useCountColumns, usePeriodFilters } from './shared';

type Line = components['schemas']['HeadlineLineDto'];
const PATH = '/api/v1/reports/training-headline';

export default function HeadlinePage() {
  const { t } = useTranslation('reports');
  const language = useReportLanguage();
  const counts = useCountColumns();
  const { from, to, unitId } = usePeriodFilters();
  const query = { from, to, unitId };
  const headline = useQuery({
    queryKey: ['report', 'training-headline', query],
    queryFn: () =>
      call(api.GET(PATH, { params: { query, header: { accept: 'application/json' } } })),
  });
  const option = useMemo(() => {
    const groups = (headline.data?.lines ?? []).filter((l) => !l.parent);
    return {
      color: PALETTE,
      aria: { enabled: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 16, bottom: 8, top: 16, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        inverse: true,
        data: groups.map((l) => l.label[language]),
        axisLabel: { width: 150, overflow: 'truncate' },
      },
      series: [{ type: 'bar', name: t('counts.total'), data: groups.map((l) => l.total) }],
    };
  }, [headline.data, language, t]);

  return (
    <>
      <PageHeader
        title={t('reports.headline.title')}
        subtitle={
          headline.data
            ? periodText(headline.data.from, headline.data.to)
            : t('reports.headline.description')
        }
      />
      <FilterBar label={t('filters.label')}>
        <PeriodFields prefix="headline" />
      </FilterBar>
      <QueryState query={headline}>
        {(data) => (
          <ReportCard
            title={t('reports.headline.title')}
            download={{ path: PATH, query, name: 'ket-qua-dao-tao-boi-duong' }}
          >
            <Chart option={option} label={t('headline.chart')} height={240} />
            <Table<Line>
              rowKey="key"
              size="small"
              dataSource={data.lines}
              pagination={false}
              scroll={{ x: 720 }}
              rowClassName={(line) => (line.parent ? '' : 'tn-row-group')}
              columns={[
                {
                  title: t('headline.line'),
                  key: 'label',
                  render: (_: unknown, line) =>
                    line.parent ? (
                      <span className="tn-headline-child">
                        {line.ofWhich
                          ? t('headline.ofWhich', { label: line.label[language] })
                          : line.label[language]}
                      </span>
                    ) : (
                      <strong>{line.label[language]}</strong>
                    ),
                },
                ...counts,
              ]}
            />
          </ReportCard>
        )}
      </QueryState>
    </>
  );
}
