import { useQuery } from '@tanstack/react-query';
import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import type { components } from '../../api/schema';
import { Money } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { formatDay } from '../../format/date';
import { FilterBar, ReportCard } from './components';
import { formatCount } from './format';
import { PeriodFields, periodText, usePeriodFilters } from './shared';

type Line = components['schemas']['ParticipationLineDto'];
const PATH = '/api/v1/reports/participations';

export default function ParticipationsPage() {
  const { t } = useTranslation('reports');
  const { from, to, unitId, status } = usePeriodFilters();
  const query = { from, to, unitId, status };
  const report = useQuery({
    queryKey: ['report', 'participations', query],
    queryFn: () =>
      call(api.GET(PATH, { params: { query, header: { accept: 'application/json' } } })),
  });
  return (
    <>
      <PageHeader
        title={t('reports.participations.title')}
        subtitle={
          report.data
            ? periodText(report.data.from, report.data.to)
            : t('reports.participations.description')
        }
      />
      <FilterBar label={t('filters.label')}>
        <PeriodFields prefix="participations" withStatus />
      </FilterBar>
      <QueryState query={report}>
        {(data) => (
          <ReportCard
            title={t('participations.total', { total: formatCount(data.total) })}
            download={{ path: PATH, query, name: 'danh-sach-luot-dao-tao' }}
          >
            <Typography.Paragraph type="secondary">
              {t('participations.firstLines')}
            </Typography.Paragraph>
            <Table<Line>
              rowKey={(l) => `${l.reference || l.nomineeCode}-${l.startsOn}-${l.category}`}
              size="small"
              dataSource={data.firstLines}
              pagination={false}
              scroll={{ x: 1500 }}
              columns={[
                {
                  title: t('participations.reference'),
                  dataIndex: 'reference',
                  width: 150,
                  // Imported history has no nomination, hence no reference.
                  render: (reference: string, l) =>
                    l.imported ? <Tag>{t('participations.imported')}</Tag> : reference,
                },
                {
                  title: t('participations.nominee'),
                  dataIndex: 'nomineeName',
                  render: (name: string, l) => (
                    <>
                      {name}
                      <br />
                      <Typography.Text type="secondary">{l.nomineeCode}</Typography.Text>
                    </>
                  ),
                },
                {
                  title: t('participations.unit'),
                  dataIndex: 'unitName',
                  render: (name: string, l) => (
                    <>
                      {name}
                      <br />
                      <Typography.Text type="secondary">{l.tierName}</Typography.Text>
                    </>
                  ),
                },
                { title: t('participations.program'), dataIndex: 'programName' },
                { title: t('participations.category'), dataIndex: 'category' },
                { title: t('participations.provider'), dataIndex: 'providerName' },
                { title: t('participations.location'), dataIndex: 'overseas', width: 100 },
                {
                  title: t('participations.startsOn'),
                  dataIndex: 'startsOn',
                  width: 110,
                  render: (v: string) => formatDay(v),
                },
                { title: t('participations.status'), dataIndex: 'status', width: 120 },
                { title: t('participations.gender'), dataIndex: 'gender', width: 80 },
                { title: t('participations.age'), dataIndex: 'age', width: 60, align: 'right' },
                {
                  title: t('participations.cost'),
                  dataIndex: 'estimatedCost',
                  align: 'right',
                  render: (v: string | null) => <Money value={v} />,
                },
              ]}
            />
          </ReportCard>
        )}
      </QueryState>
    </>
  );
}
