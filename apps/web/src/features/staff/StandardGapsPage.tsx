import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Flex, Grid, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call } from '../../api/client';
import type { components, paths } from '../../api/schema';
import { DownloadButtons } from '../../components/DownloadButtons';
import { PageHeader } from '../../components/PageHeader';
import { usePaging } from '../../components/paging';
import { ErrorAlert } from '../../components/QueryState';
import { useUnits } from './lookups';
import { GapLines } from './parts';
import './i18n';

type Line = components['schemas']['StaffGapLineDto'];
type Target = Line['target'];
type Requirement = NonNullable<
  NonNullable<paths['/api/v1/staff/standard-gaps']['get']['parameters']['query']>['requirement']
>;

const REQUIREMENTS = ['education', 'political_theory', 'fostering', 'foreign_language'] as const;

/**
 * Everyone in the caller's scope below the standard of their current or planned post (one
 * line per person and post), filtered by unit subtree, post and requirement, with the same
 * list as CSV and XLSX.
 */
export default function StandardGapsPage() {
  const { t } = useTranslation();
  // On a phone the post goes under the name, leaving the width to what is lacking.
  const phone = !Grid.useBreakpoint().sm;
  const { page, pageSize, params, pagination, setFilters } = usePaging(20);
  const unitId = params.get('unitId') ?? undefined;
  const target = (params.get('target') as Target | null) ?? undefined;
  const requirement = (params.get('requirement') as Requirement | null) ?? undefined;
  const units = useUnits();

  const query = useQuery({
    queryKey: ['staff', 'standard-gaps', { unitId, target, requirement, page, pageSize }],
    queryFn: () =>
      call(
        api.GET('/api/v1/staff/standard-gaps', {
          params: { query: { unitId, target, requirement, page, pageSize } },
        }),
      ),
    placeholderData: keepPreviousData,
  });

  const post = (line: Line) => (
    <Flex vertical gap={4}>
      <span>{line.position.name}</span>
      <span>
        <Tag>
          {line.target === 'current'
            ? t('staff:gapsList.current')
            : t('staff:gapsList.plannedPeriod', { from: line.periodFrom, to: line.periodTo })}
        </Tag>
      </span>
    </Flex>
  );

  const columns: ColumnsType<Line> = [
    {
      title: t('staff:fullName'),
      dataIndex: 'fullName',
      render: (_, line) => (
        <Flex vertical gap={phone ? 4 : 0}>
          <Link to={`/staff/${line.staffId}`}>{line.fullName}</Link>
          <Typography.Text type="secondary" className="tn-small">
            {line.staffCode}
          </Typography.Text>
          {phone && post(line)}
        </Flex>
      ),
    },
    { title: t('staff:unit'), dataIndex: 'unitName', responsive: ['md'] },
    {
      title: t('staff:gapsList.post'),
      dataIndex: 'position',
      responsive: ['sm'],
      render: (_, line) => post(line),
    },
    {
      title: t('staff:gapsList.lacking'),
      dataIndex: 'gaps',
      render: (_, line) => <GapLines report={line} />,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('staff:gapsList.title')}
        subtitle={t('staff:gapsList.subtitle')}
        extra={
          <DownloadButtons
            path="/api/v1/staff/standard-gaps"
            query={{ unitId, target, requirement }}
            name="chua-dat-chuan"
          />
        }
      />
      <Flex wrap gap={12} className="tn-gap" align="center">
        <Select
          aria-label={t('staff:unitFilter')}
          className="tn-filter"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('staff:allUnits')}
          value={unitId}
          loading={units.isPending}
          options={units.data?.list.map((unit) => ({ value: unit.id, label: unit.name }))}
          onChange={(value?: string) => setFilters({ unitId: value })}
        />
        <Select
          aria-label={t('staff:gapsList.post')}
          className="tn-filter"
          allowClear
          placeholder={t('staff:gapsList.bothPosts')}
          value={target}
          options={(['current', 'planned'] as const).map((value) => ({
            value,
            label: t(`staff:gapsList.${value}`),
          }))}
          onChange={(value?: string) => setFilters({ target: value })}
        />
        <Select
          aria-label={t('staff:gapsList.lacking')}
          className="tn-filter"
          allowClear
          placeholder={t('staff:gapsList.anyRequirement')}
          value={requirement}
          options={REQUIREMENTS.map((value) => ({
            value,
            label: t(`staff:requirements.${value}`),
          }))}
          onChange={(value?: string) => setFilters({ requirement: value })}
        />
      </Flex>
      {query.error ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<Line>
          className="tn-table"
          locale={{
            emptyText: (
              <Typography.Text type="secondary">{t('staff:gapsList.empty')}</Typography.Text>
            ),
          }}
          rowKey={(line) => `${line.staffId}-${line.target}-${line.position.id}-${line.periodFrom}`}
          size="middle"
          loading={query.isFetching}
          columns={columns}
          dataSource={query.data?.items ?? []}
          pagination={{
            ...pagination(query.data?.total),
            showTotal: (total) => t('common.total', { count: total }),
          }}
        />
      )}
    </>
  );
}
