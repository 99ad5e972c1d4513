import { useQuery } from '@tanstack/react-query';
import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, call } from '../../api/client';
import { Instant, Money } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { usePaging } from '../../components/paging';
import { QueryState } from '../../components/QueryState';
import type { NominationListItem } from './types';
import { REMINDER_WORKING_DAYS, waitingOf } from './waiting';
import { TONE } from '../../components/tones';
import './i18n';
import './approvals.css';

/** The awaiting list, the head of the caller's queue (the API sorts it, oldest first). */
export function useAwaiting(page: number, pageSize: number) {
  return useQuery({
    queryKey: ['nominations', 'awaiting', { page, pageSize }],
    queryFn: async () =>
      await call(
        api.GET('/api/v1/nominations', { params: { query: { awaiting: 'me', page, pageSize } } }),
      ),
  });
}

export default function AwaitingPage() {
  const { t } = useTranslation(['approvals', 'common']);
  const navigate = useNavigate();
  const { page, pageSize, pagination } = usePaging(20);
  const query = useAwaiting(page, pageSize);
  return (
    <>
      <PageHeader
        title={t('awaiting.title')}
        subtitle={t('awaiting.help', { days: REMINDER_WORKING_DAYS })}
      />
      <QueryState query={query}>
        {(data) => (
          <Table<NominationListItem>
            rowKey="id"
            size="middle"
            dataSource={data.items}
            scroll={{ x: 820 }}
            locale={{ emptyText: t('awaiting.empty') }}
            pagination={pagination(data.total)}
            onRow={(item) => ({
              onClick: (event) => {
                if ((event.target as HTMLElement).closest('a')) return;
                void navigate(`/nominations/${item.id}`);
              },
              className: 'tn-clickable',
            })}
            columns={[
              {
                title: t('awaiting.reference'),
                dataIndex: 'reference',
                render: (reference: string, item) => (
                  <Link
                    to={`/nominations/${item.id}`}
                    aria-label={`${t('awaiting.open')} ${reference}`}
                  >
                    {reference}
                  </Link>
                ),
              },
              {
                title: t('awaiting.nominee'),
                key: 'nominee',
                render: (_: unknown, item) => (
                  <>
                    <div>{item.nomineeName}</div>
                    {item.unit && (
                      <Typography.Text type="secondary">{item.unit.name}</Typography.Text>
                    )}
                  </>
                ),
              },
              {
                title: t('awaiting.program'),
                key: 'program',
                render: (_: unknown, item) => item.program?.name ?? item.intake?.code ?? '—',
              },
              {
                title: t('awaiting.step'),
                key: 'step',
                render: (_: unknown, item) =>
                  item.currentStepSummary
                    ? t(`common:stepRole.${item.currentStepSummary.role}`)
                    : item.currentStep
                      ? t('page.step', { position: item.currentStep })
                      : '—',
              },
              {
                title: t('awaiting.cost'),
                dataIndex: 'estimatedCost',
                align: 'right',
                render: (value: string) => <Money value={value} />,
              },
              {
                title: t('awaiting.waiting'),
                key: 'waiting',
                render: (_: unknown, item) => {
                  const w = waitingOf(item);
                  return (
                    <>
                      <div>
                        {t('common:common.days', { count: w.days })}{' '}
                        {w.overdue && <Tag color={TONE.bad}>{t('awaiting.overdue')}</Tag>}
                      </div>
                      <Typography.Text type="secondary">
                        <Instant value={w.since} />
                      </Typography.Text>
                    </>
                  );
                },
              },
            ]}
          />
        )}
      </QueryState>
    </>
  );
}
