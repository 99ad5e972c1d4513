import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { Card, Col, Collapse, Flex, Row, Skeleton, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/QueryState';
import {
  searchStaff,
  type Staff,
  usePositions,
  useRecommendedIntakes,
  useScopeUnitId,
  useStandardGaps,
} from '../staff/lookups';
import { levelName, LinkButton, RecommendedList } from '../staff/parts';
import { STATUSES } from './model';
import './i18n';
import '../staff/i18n';
import './nominations.css';

/** Counts per status of the unit's nominations, in one answer. */
function useStatusCounts(unitId: string | undefined) {
  return useQuery({
    queryKey: ['nominations', 'summary', { unitId }],
    queryFn: () => call(api.GET('/api/v1/nominations/summary', { params: { query: { unitId } } })),
  });
}

function StatusCounts({ unitId }: { unitId: string | undefined }) {
  const { t } = useTranslation();
  const summary = useStatusCounts(unitId);
  if (summary.error) {
    return <ErrorAlert error={summary.error} onRetry={() => void summary.refetch()} />;
  }
  return (
    <Row gutter={[12, 12]}>
      {STATUSES.map((status) => (
        <Col key={status} xs={12} sm={8} md={6} xl={4}>
          <Link to={`/nominations?status=${status}`}>
            <Card size="small" hoverable className="tn-count-card">
              {summary.data ? (
                <Statistic title={t(`status.${status}`)} value={summary.data.byStatus[status]} />
              ) : (
                <Skeleton active paragraph={false} />
              )}
            </Card>
          </Link>
        </Col>
      ))}
    </Row>
  );
}

/** The person, their post, and in short what they lack (the current and planned posts). */
function PersonLabel({ staff, position }: { staff: Staff; position: string | undefined }) {
  const { t } = useTranslation();
  const gaps = useStandardGaps(staff.id);
  const reports = gaps.data
    ? [gaps.data.current, ...gaps.data.planned].filter((report) => !report.meetsStandard)
    : [];
  return (
    <Flex vertical>
      <span>
        <Typography.Text strong>{staff.fullName}</Typography.Text> · {staff.code}
        {position && <Typography.Text type="secondary"> · {position}</Typography.Text>}
      </span>
      {reports.map((report, index) => (
        <Typography.Text key={index} type="secondary" className="tn-small">
          {report.position?.name}:{' '}
          {report.gaps
            .map((gap) =>
              t('staff:gapLine', {
                requirement: t(`staff:requirements.${gap.requirement}`),
                required: levelName(t, gap.requirement, gap.required),
                actual: levelName(t, gap.requirement, gap.actual),
              }),
            )
            .join('; ')}
        </Typography.Text>
      ))}
    </Flex>
  );
}

/** Intakes that would close the person's gaps, with each verdict, and the way to nominate. */
function PersonIntakes({ staff }: { staff: Staff }) {
  const { t } = useTranslation();
  const recommended = useRecommendedIntakes(staff.id);
  return (
    <Flex vertical gap={8}>
      <Typography.Text strong>{t('nominations:home.recommended')}</Typography.Text>
      {recommended.data ? (
        <RecommendedList staffId={staff.id} items={recommended.data} limit={3} />
      ) : recommended.error ? (
        <ErrorAlert error={recommended.error} />
      ) : (
        <Skeleton active paragraph={{ rows: 1 }} />
      )}
      <Flex gap={12} wrap align="center">
        <LinkButton size="small" to={`/nominations/new?staffIds=${staff.id}`}>
          {t('nominations:home.nominate')}
        </LinkButton>
        <Link to={`/staff/${staff.id}`}>{t('staff:record')}</Link>
      </Flex>
    </Flex>
  );
}

function BelowStandard({ unitId }: { unitId: string | undefined }) {
  const { t } = useTranslation();
  const positions = usePositions();
  const query = useQuery({
    queryKey: ['staff', 'below-standard', { unitId }],
    queryFn: () =>
      searchStaff({ unitId, belowStandard: true, employmentStatus: 'active', pageSize: 8 }),
  });
  if (query.error) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Skeleton active />;
  if (!query.data.items.length) {
    return <Typography.Text type="secondary">{t('nominations:home.noGaps')}</Typography.Text>;
  }
  const all = new URLSearchParams({ belowStandard: 'true', ...(unitId ? { unitId } : {}) });
  return (
    <Flex vertical gap={8}>
      <Collapse
        items={query.data.items.map((staff) => ({
          key: staff.id,
          label: (
            <PersonLabel
              staff={staff}
              position={staff.positionId ? positions.data?.get(staff.positionId)?.name : undefined}
            />
          ),
          children: <PersonIntakes staff={staff} />,
        }))}
      />
      {query.data.total > query.data.items.length && (
        <Link to={`/staff?${all}`}>
          {t('nominations:home.seeAll', { count: query.data.total })}
        </Link>
      )}
    </Flex>
  );
}

/** The unit head's home: the unit's nominations by status and who lacks what. */
export default function UnitHomePanel() {
  const { t } = useTranslation();
  const unitId = useScopeUnitId();
  return (
    <Flex vertical gap={16}>
      <Card
        title={<h2 className="tn-card-title">{t('nominations:home.byState')}</h2>}
        extra={<Link to="/nominations">{t('nominations:home.viewList')}</Link>}
      >
        <StatusCounts unitId={unitId} />
      </Card>
      <Card title={<h2 className="tn-card-title">{t('nominations:home.gapsTitle')}</h2>}>
        <Typography.Paragraph type="secondary">
          {t('nominations:home.gapsHelp')}
        </Typography.Paragraph>
        <BelowStandard unitId={unitId} />
      </Card>
    </Flex>
  );
}
