import { ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import type { components } from '../../api/schema';
import { Instant } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { usePaging } from '../../components/paging';
import { QueryState } from '../../components/QueryState';
import { messageOf } from '../../i18n/errors';
import { UserSelect } from './shared';
import './i18n';

type Delivery = components['schemas']['DeliveryDto'];
type Status = Delivery['status'];
const STATUSES: Status[] = ['failed', 'pending', 'sending', 'sent', 'digest'];
const STATUS_CLASSES: Record<Status, string | undefined> = {
  failed: 'tn-tag-bad',
  pending: 'tn-tag-warn',
  sending: 'tn-tag-info',
  sent: 'tn-tag-ok',
  digest: undefined,
};

function Backlog() {
  const { t } = useTranslation('admin');
  const backlog = useQuery({
    queryKey: ['notification-backlog'],
    queryFn: () => call(api.GET('/api/v1/admin/notifications/backlog')),
    refetchInterval: 30_000,
  });
  return (
    <Card
      className="tn-gap"
      title={t('deliveries.backlog')}
      extra={
        <Button
          size="small"
          icon={<ReloadOutlined />}
          onClick={() => void backlog.refetch()}
          loading={backlog.isFetching}
        >
          {t('deliveries.refresh')}
        </Button>
      }
    >
      <QueryState query={backlog}>
        {(b) => (
          <Row gutter={[16, 16]}>
            <Col xs={12} md={6}>
              <Statistic
                title={t('deliveries.queueWaiting')}
                value={b.queue.waiting + b.queue.delayed}
              />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('deliveries.pending')} value={b.deliveries.pending} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic
                title={t('deliveries.failed')}
                value={b.deliveries.failed}
                styles={{ content: b.deliveries.failed ? { color: '#cf1322' } : undefined }}
              />
            </Col>
            <Col xs={12} md={6}>
              <Statistic
                title={t('deliveries.undispatched')}
                value={b.outbox.undispatched}
                suffix={
                  b.outbox.oldestUndispatchedSeconds != null ? (
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      {t('deliveries.oldest', {
                        minutes: Math.ceil(b.outbox.oldestUndispatchedSeconds / 60),
                      })}
                    </Typography.Text>
                  ) : undefined
                }
              />
            </Col>
          </Row>
        )}
      </QueryState>
    </Card>
  );
}

/** Deliveries the worker failed (or still has) to make, with a retry, and the backlog. */
export default function DeliveriesPage() {
  const { t } = useTranslation(['admin', 'common']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { page, pageSize, params, pagination, setFilters } = usePaging(20);
  const status = (params.has('status') ? params.get('status') || undefined : 'failed') as
    Status | undefined;
  const channel = (params.get('channel') ?? undefined) as Delivery['channel'] | undefined;
  const userId = params.get('userId') ?? undefined;
  const query = useQuery({
    queryKey: ['deliveries', { page, pageSize, status, channel, userId }],
    queryFn: () =>
      call(
        api.GET('/api/v1/admin/deliveries', {
          params: { query: { page, pageSize, status, channel, userId } },
        }),
      ),
  });
  const retry = useMutation({
    mutationFn: (id: string) =>
      call(api.POST('/api/v1/admin/deliveries/{id}/retry', { params: { path: { id } } })),
    onSuccess: () => {
      void message.success(t('deliveries.retried'));
      void queryClient.invalidateQueries({ queryKey: ['deliveries'] });
      void queryClient.invalidateQueries({ queryKey: ['notification-backlog'] });
    },
    onError: (error) => void message.error(messageOf(error)),
  });

  return (
    <>
      <PageHeader
        title={t('screens.deliveries.title')}
        subtitle={t('screens.deliveries.description')}
      />
      <Backlog />
      <Space wrap className="tn-admin-filters">
        <Select
          aria-label={t('shared.status')}
          value={status ?? ''}
          onChange={(value) => setFilters({ status: value })}
          options={[
            { value: '', label: t('deliveries.allStatuses') },
            ...STATUSES.map((s) => ({ value: s, label: t(`deliveries.statuses.${s}`) })),
          ]}
          style={{ minWidth: 180 }}
        />
        <Select
          aria-label={t('deliveries.channel')}
          placeholder={t('deliveries.channel')}
          allowClear
          value={channel}
          onChange={(value) => setFilters({ channel: value })}
          options={(['email', 'inbox'] as const).map((c) => ({
            value: c,
            label: t(`deliveries.channels.${c}`),
          }))}
          style={{ minWidth: 160 }}
        />
        <div style={{ minWidth: 260, maxWidth: '100%' }}>
          <UserSelect
            ariaLabel={t('deliveries.recipient')}
            placeholder={t('deliveries.recipient')}
            value={userId}
            onChange={(value) => setFilters({ userId: value })}
          />
        </div>
      </Space>
      <QueryState query={query}>
        {(data) => (
          <Table<Delivery>
            rowKey="id"
            dataSource={data.items}
            pagination={pagination(data.total)}
            scroll={{ x: 1100 }}
            locale={{ emptyText: t('deliveries.empty') }}
            columns={[
              {
                title: t('deliveries.when'),
                dataIndex: 'createdAt',
                width: 150,
                render: (v: string) => <Instant value={v} />,
              },
              {
                title: t('deliveries.event'),
                dataIndex: 'eventType',
                render: (type: string) => t(`eventTypes.${type}`, { defaultValue: type }),
              },
              {
                title: t('deliveries.recipient'),
                key: 'recipient',
                render: (_, d) => (
                  <div>
                    <div>{d.recipient.displayName}</div>
                    <Typography.Text type="secondary">{d.recipient.email}</Typography.Text>
                  </div>
                ),
              },
              {
                title: t('deliveries.channel'),
                dataIndex: 'channel',
                width: 120,
                render: (c: string) => t(`deliveries.channels.${c}`),
              },
              {
                title: t('shared.status'),
                dataIndex: 'status',
                width: 140,
                render: (s: Status, d) => (
                  <Space orientation="vertical" size={0}>
                    <Tag className={STATUS_CLASSES[s]}>{t(`deliveries.statuses.${s}`)}</Tag>
                    <Typography.Text type="secondary">
                      {t('deliveries.attempts', { count: d.attempts })}
                    </Typography.Text>
                  </Space>
                ),
              },
              {
                title: t('deliveries.lastError'),
                dataIndex: 'lastError',
                render: (e: string | null) =>
                  e ? <Typography.Text type="danger">{e}</Typography.Text> : '—',
              },
              {
                title: t('common:common.actions'),
                key: 'actions',
                width: 110,
                render: (_, d) =>
                  d.status === 'failed' ? (
                    <Button
                      size="small"
                      loading={retry.isPending && retry.variables === d.id}
                      onClick={() => retry.mutate(d.id)}
                    >
                      {t('deliveries.retry')}
                    </Button>
                  ) : null,
              },
            ]}
          />
        )}
      </QueryState>
    </>
  );
}
