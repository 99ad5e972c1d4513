import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Statistic, Table } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call } from '../../api/client';
import type { components } from '../../api/schema';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { formatDay, formatInstant } from '../../format/date';
import { Chart } from './chart/Chart';
import { PALETTE } from './chart/numbers';
import { FilterBar, ReportCard } from './components';
import { formatCount, formatHours, formatPercent } from './format';
import { PeriodFields, periodText, usePeriodFilters } from './shared';

type Performance = components['schemas']['WorkflowPerformanceDto'];
type StepTimes = components['schemas']['StepTimesDto'];
type Wait = components['schemas']['OverdueWaitDto'];
const PATH = '/api/v1/reports/workflow-performance';

export default function WorkflowPage() {
  const { t } = useTranslation('reports');
  const { from, to, unitId } = usePeriodFilters();
  const query = { from, to, unitId };
  const report = useQuery({
    queryKey: ['report', 'workflow-performance', query],
    queryFn: () =>
      call(api.GET(PATH, { params: { query, header: { accept: 'application/json' } } })),
  });
  return (
    <>
      <PageHeader
        title={t('reports.workflow.title')}
        subtitle={
          report.data
            ? periodText(report.data.from, report.data.to)
            : t('reports.workflow.description')
        }
      />
      <FilterBar label={t('filters.label')}>
        <PeriodFields prefix="workflow" />
      </FilterBar>
      <QueryState query={report}>{(data) => <WorkflowView data={data} query={query} />}</QueryState>
    </>
  );
}

function WorkflowView({
  data,
  query,
}: {
  data: Performance;
  query: Record<string, string | undefined>;
}) {
  const { t } = useTranslation(['reports', 'common']);
  const download = (table: string, name: string) => ({
    path: PATH,
    query: { ...query, table },
    name,
  });
  const stepName = (s: { position: number; role: StepTimes['role'] }) =>
    `${t('workflow.stepValue', { position: s.position })} · ${t(`common:stepRole.${s.role}`)}`;
  const option = useMemo(
    () => ({
      color: PALETTE,
      aria: { enabled: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 8, right: 16, bottom: 8, top: 40, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: {
        type: 'category',
        inverse: true,
        data: data.stepTimes.map((s) => `${s.position}. ${s.authority.name}`),
        axisLabel: { width: 160, overflow: 'truncate' },
      },
      series: [
        { name: t('workflow.median'), type: 'bar', data: data.stepTimes.map((s) => s.medianHours) },
        { name: t('workflow.p90'), type: 'bar', data: data.stepTimes.map((s) => s.p90Hours) },
      ],
    }),
    [data, t],
  );
  const rates = data.rates;
  return (
    <>
      <ReportCard
        title={t('workflow.rates')}
        download={download('rates', 'ty-le-duyet-tu-choi-tra-lai')}
      >
        <Row gutter={[12, 12]}>
          <Col xs={24} md={8}>
            <Card size="small" className="tn-stat-card">
              <Statistic
                title={t('workflow.approvalRate')}
                value={formatPercent(rates.approvalRate)}
              />
              {t('workflow.ofDecided', {
                count: formatCount(rates.approved),
                total: formatCount(rates.decided),
              })}
            </Card>
          </Col>
          <Col xs={24} md={8}>
            <Card size="small" className="tn-stat-card">
              <Statistic
                title={t('workflow.rejectionRate')}
                value={formatPercent(rates.rejectionRate)}
              />
              {t('workflow.ofDecided', {
                count: formatCount(rates.rejected),
                total: formatCount(rates.decided),
              })}
            </Card>
          </Col>
          <Col xs={24} md={8}>
            <Card size="small" className="tn-stat-card">
              <Statistic title={t('workflow.returnRate')} value={formatPercent(rates.returnRate)} />
              {t('workflow.ofSubmissions', {
                count: formatCount(rates.returns),
                total: formatCount(rates.submissions),
              })}
            </Card>
          </Col>
        </Row>
      </ReportCard>
      <ReportCard
        title={t('workflow.stepTimes')}
        download={download('step-times', 'thoi-gian-xu-ly-theo-buoc')}
      >
        {data.stepTimes.length > 0 && (
          <Chart
            option={option}
            label={t('workflow.stepTimesChart')}
            height={Math.max(220, 48 * data.stepTimes.length + 60)}
          />
        )}
        <Table<StepTimes>
          rowKey={(s) => `${s.position}-${s.role}-${s.authority.id}`}
          size="small"
          dataSource={data.stepTimes}
          pagination={false}
          scroll={{ x: 760 }}
          locale={{ emptyText: t('workflow.empty') }}
          columns={[
            { title: t('workflow.step'), dataIndex: 'position', width: 70 },
            {
              title: t('workflow.role'),
              dataIndex: 'role',
              render: (r: StepTimes['role']) => t(`common:stepRole.${r}`),
            },
            {
              title: t('workflow.authority'),
              key: 'authority',
              render: (_: unknown, s) => s.authority.name,
            },
            {
              title: t('workflow.count'),
              dataIndex: 'count',
              align: 'right',
              render: (v: number) => formatCount(v),
            },
            {
              title: t('workflow.median'),
              dataIndex: 'medianHours',
              align: 'right',
              render: (v: number) => formatHours(v),
            },
            {
              title: t('workflow.p90'),
              dataIndex: 'p90Hours',
              align: 'right',
              render: (v: number) => formatHours(v),
            },
          ]}
        />
      </ReportCard>
      <ReportCard title={t('workflow.overdue')} download={download('overdue', 'ho-so-cho-qua-han')}>
        <p>
          {t('workflow.overdueNote', {
            days: data.overdue.thresholdWorkingDays,
            asOf: formatInstant(data.overdue.asOf),
            total: formatCount(data.overdue.total),
          })}
        </p>
        <Table
          rowKey={(r) => r.authority.id}
          size="small"
          dataSource={data.overdue.byAuthority}
          pagination={false}
          scroll={{ x: 480 }}
          locale={{ emptyText: t('workflow.empty') }}
          columns={[
            {
              title: t('workflow.authority'),
              key: 'authority',
              render: (_: unknown, r: Performance['overdue']['byAuthority'][number]) =>
                r.authority.name,
            },
            {
              title: t('workflow.overdueCount'),
              dataIndex: 'count',
              align: 'right',
              render: (v: number) => formatCount(v),
            },
          ]}
        />
      </ReportCard>
      <ReportCard
        title={t('workflow.oldest')}
        download={download('oldest-waits', 'ho-so-cho-lau-nhat')}
      >
        <Table<Wait>
          rowKey="nominationId"
          size="small"
          dataSource={data.overdue.oldest}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: t('workflow.empty') }}
          columns={[
            {
              title: t('workflow.reference'),
              dataIndex: 'reference',
              render: (reference: string, w) => (
                <Link to={`/nominations/${w.nominationId}`}>{reference}</Link>
              ),
            },
            {
              title: t('workflow.nominee'),
              key: 'nominee',
              render: (_: unknown, w) => w.nominee.fullName,
            },
            { title: t('workflow.step'), key: 'step', render: (_: unknown, w) => stepName(w.step) },
            {
              title: t('workflow.authority'),
              key: 'authority',
              render: (_: unknown, w) => w.authority.name,
            },
            {
              title: t('workflow.waitingSince'),
              dataIndex: 'waitingSince',
              render: (v: string) => formatDay(v),
            },
            {
              title: t('workflow.workingDays'),
              dataIndex: 'workingDays',
              align: 'right',
              render: (v: number) => formatCount(v),
            },
          ]}
        />
      </ReportCard>
    </>
  );
}
