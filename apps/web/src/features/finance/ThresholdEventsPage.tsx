import { useQuery } from '@tanstack/react-query';
import { Button, Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call } from '../../api/client';
import type { components } from '../../api/schema';
import { Instant } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { usePaging } from '../../components/paging';
import { QueryState } from '../../components/QueryState';
import { formatPercent } from '../reports/format';
import { FundsNav } from './common';

type ThresholdEvent = components['schemas']['ThresholdEventDto'];

export default function ThresholdEventsPage() {
  const { t } = useTranslation('finance');
  const { page, pageSize, params, pagination, setFilters } = usePaging(20);
  const fundId = params.get('fundId') ?? undefined;
  const events = useQuery({
    queryKey: ['threshold-events', { fundId, page, pageSize }],
    queryFn: () =>
      call(
        api.GET('/api/v1/funds/threshold-events', {
          params: { query: { fundId, page, pageSize } },
        }),
      ),
  });
  const fundCode = events.data?.items[0]?.fundCode;
  return (
    <>
      <PageHeader
        title={t('events.title')}
        subtitle={
          fundId && fundCode ? t('events.ofFund', { code: fundCode }) : t('events.subtitle')
        }
        extra={
          fundId && (
            <Button onClick={() => setFilters({ fundId: undefined })}>
              {t('events.allFunds')}
            </Button>
          )
        }
      />
      <FundsNav />
      <Card className="tn-report-card">
        <QueryState query={events}>
          {(data) => (
            <Table<ThresholdEvent>
              rowKey="id"
              size="middle"
              dataSource={data.items}
              pagination={pagination(data.total)}
              scroll={{ x: 720 }}
              locale={{ emptyText: t('events.empty') }}
              columns={[
                {
                  title: t('events.when'),
                  dataIndex: 'occurredAt',
                  width: 150,
                  render: (v: string) => <Instant value={v} />,
                },
                {
                  title: t('events.fund'),
                  dataIndex: 'fundCode',
                  render: (code: string, event) => (
                    <Link to={`/funds/${event.fundId}`}>{code}</Link>
                  ),
                },
                {
                  title: t('events.threshold'),
                  dataIndex: 'threshold',
                  align: 'right',
                  render: (v: number) => `${v} %`,
                },
                {
                  title: t('events.utilization'),
                  dataIndex: 'utilizationPercent',
                  align: 'right',
                  render: (v: number) => formatPercent(v),
                },
                {
                  title: t('events.nomination'),
                  dataIndex: 'nominationId',
                  render: (id: string | null) =>
                    id ? (
                      <Link to={`/nominations/${id}`}>{t('ledger.openNominationPlain')}</Link>
                    ) : (
                      '—'
                    ),
                },
              ]}
            />
          )}
        </QueryState>
      </Card>
    </>
  );
}
