import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Result, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call } from '../../api/client';
import type { components } from '../../api/schema';
import { useAuth } from '../../auth/AuthProvider';
import { Money } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { FundsNav } from './common';

type Difference = components['schemas']['ReconciliationDifferenceDto'];

export default function ReconciliationPage() {
  const { t } = useTranslation('finance');
  const { hasRole } = useAuth();
  const admin = hasRole('admin');
  const query = useQuery({
    queryKey: ['reconciliation'],
    queryFn: () => call(api.GET('/api/v1/admin/reconciliation')),
    enabled: admin,
  });
  const pair = (stored: keyof Difference, ledger: keyof Difference, label: string) => ({
    title: label,
    children: [
      {
        title: t('reconciliation.stored'),
        dataIndex: stored,
        align: 'right' as const,
        render: (v: string) => <Money value={v} />,
      },
      {
        title: t('reconciliation.ledger'),
        dataIndex: ledger,
        align: 'right' as const,
        render: (v: string) => <Money value={v} />,
      },
    ],
  });
  return (
    <>
      <PageHeader
        title={t('reconciliation.title')}
        subtitle={t('reconciliation.subtitle')}
        extra={
          admin && (
            <Button onClick={() => query.refetch()} loading={query.isFetching}>
              {t('reconciliation.run')}
            </Button>
          )
        }
      />
      <FundsNav />
      {!admin ? (
        <Alert type="info" showIcon title={t('reconciliation.adminOnly')} />
      ) : (
        <QueryState query={query}>
          {(data) =>
            data.differences.length === 0 ? (
              <Card className="tn-report-card">
                <Result status="success" title={t('reconciliation.agree')} />
              </Card>
            ) : (
              <Card className="tn-report-card">
                <Alert
                  className="tn-gap"
                  type="error"
                  showIcon
                  title={t('reconciliation.differ', { count: data.differences.length })}
                />
                <Table<Difference>
                  rowKey="fundId"
                  size="small"
                  bordered
                  dataSource={data.differences}
                  pagination={false}
                  scroll={{ x: 1000 }}
                  columns={[
                    {
                      title: t('fields.code'),
                      dataIndex: 'fundCode',
                      render: (code: string, row) => (
                        <Link to={`/funds/${row.fundId}`}>{code}</Link>
                      ),
                    },
                    pair('allocated', 'ledgerAllocated', t('fields.allocated')),
                    pair('reserved', 'ledgerReserved', t('fields.reserved')),
                    pair('spent', 'ledgerSpent', t('fields.spent')),
                  ]}
                />
              </Card>
            )
          }
        </QueryState>
      )}
    </>
  );
}
