import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, call } from '../../api/client';
import type { components } from '../../api/schema';
import { useAuth } from '../../auth/AuthProvider';
import { DownloadButtons } from '../../components/DownloadButtons';
import { Instant, Money } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { usePaging } from '../../components/paging';
import { QueryState } from '../../components/QueryState';
import { formatPercent } from '../reports/format';
import { FundsNav, FundStatusTag, PolicyTag, UtilizationBar, type Fund } from './common';
import { FundFigures } from './FundFigures';
import { FundChangeModal } from './FundForms';

type Entry = components['schemas']['LedgerEntryDto'];
type Kind = Entry['kind'];
const KINDS: Kind[] = ['allocation', 'adjustment', 'reservation', 'release', 'spend'];
const KIND_COLOURS: Record<Kind, string> = {
  allocation: 'green',
  adjustment: 'purple',
  reservation: 'blue',
  release: 'cyan',
  spend: 'orange',
};

export default function FundPage() {
  const { id = '' } = useParams();
  const fund = useQuery({
    queryKey: ['fund', id],
    queryFn: () => call(api.GET('/api/v1/funds/{id}', { params: { path: { id } } })),
  });
  return <QueryState query={fund}>{(data) => <FundView fund={data} />}</QueryState>;
}

function FundView({ fund }: { fund: Fund }) {
  const { t } = useTranslation('finance');
  const { hasRole } = useAuth();
  const [change, setChange] = useState<'allocate' | 'adjust' | 'edit' | null>(null);
  const mayChange = hasRole('finance', 'admin');
  const overdrawn = fund.available.startsWith('-');

  return (
    <>
      <PageHeader
        title={fund.name}
        subtitle={`${fund.code} · ${t('fields.fiscalYear')} ${fund.fiscalYear} · ${fund.ownerUnitName}`}
        extra={
          mayChange && (
            <Space wrap>
              <Button type="primary" onClick={() => setChange('allocate')}>
                {t('fund.allocate')}
              </Button>
              <Button onClick={() => setChange('adjust')}>{t('fund.adjust')}</Button>
              <Button onClick={() => setChange('edit')}>{t('fund.edit')}</Button>
            </Space>
          )
        }
      />
      <FundsNav />
      {overdrawn && (
        <Alert
          className="tn-gap"
          type="error"
          showIcon
          title={t('fund.overdrawn')}
          description={t('fund.overdrawnBody')}
        />
      )}
      {fund.status === 'closed' && (
        <Alert className="tn-gap" type="info" showIcon title={t('fund.closedNote')} />
      )}
      <FundFigures
        totals={{
          allocated: fund.allocated,
          reserved: fund.reserved,
          spent: fund.spent,
          available: fund.available,
          pipeline: fund.pipeline,
        }}
      />
      <Card
        className="tn-gap tn-report-card"
        title={<h2 className="tn-card-heading">{t('fund.settings')}</h2>}
      >
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            {
              key: 'util',
              label: t('fields.utilization'),
              children: (
                <UtilizationBar percent={fund.utilizationPercent} thresholds={fund.thresholds} />
              ),
            },
            {
              key: 'pipe',
              label: t('fields.pipelineUtilization'),
              children: formatPercent(fund.pipelineUtilizationPercent),
            },
            {
              key: 'reserved',
              label: t('fields.reserved'),
              children: <Money value={fund.reserved} />,
            },
            { key: 'spent', label: t('fields.spent'), children: <Money value={fund.spent} /> },
            {
              key: 'owner',
              label: t('fields.owner'),
              children: `${fund.ownerUnitName} (${fund.tierName})`,
            },
            { key: 'source', label: t('fields.source'), children: t(`source.${fund.source}`) },
            {
              key: 'policy',
              label: t('fields.policy'),
              children: (
                <>
                  <PolicyTag policy={fund.policy} /> {t(`policy.${fund.policy}`)}
                </>
              ),
            },
            {
              key: 'thresholds',
              label: t('fields.thresholds'),
              children: fund.thresholds.length
                ? fund.thresholds.map((v) => `${v} %`).join(', ')
                : t('fund.thresholdsNone'),
            },
            {
              key: 'pipelineWarningPercent',
              label: t('fields.pipelineWarningPercent'),
              children:
                fund.pipelineWarningPercent === null
                  ? t('fund.thresholdsNone')
                  : `${fund.pipelineWarningPercent} %`,
            },
            {
              key: 'status',
              label: t('fields.status'),
              children: <FundStatusTag status={fund.status} />,
            },
          ]}
        />
      </Card>
      <Ledger fundId={fund.id} />
      <FundEvents fund={fund} />
      <FundChangeModal fund={fund} kind={change} onClose={() => setChange(null)} />
    </>
  );
}

function Ledger({ fundId }: { fundId: string }) {
  const { t } = useTranslation('finance');
  const { page, pageSize, params, pagination, setFilters } = usePaging(20);
  const kind = (params.get('kind') as Kind | null) ?? undefined;
  const ledger = useQuery({
    queryKey: ['fund-ledger', fundId, { page, pageSize, kind }],
    queryFn: () =>
      call(
        api.GET('/api/v1/funds/{id}/ledger', {
          params: { path: { id: fundId }, query: { page, pageSize, kind } },
        }),
      ),
  });
  return (
    <Card
      className="tn-gap tn-report-card"
      title={<h2 className="tn-card-heading">{t('fund.ledger')}</h2>}
      extra={
        <Space wrap>
          <label className="tn-inline-label">
            <span className="tn-visually-hidden">{t('ledger.kind')}</span>
            <Select
              aria-label={t('ledger.kind')}
              allowClear
              placeholder={t('ledger.allKinds')}
              value={kind}
              style={{ minWidth: 160 }}
              options={KINDS.map((k) => ({ value: k, label: t(`ledger.kinds.${k}`) }))}
              onChange={(value?: string) => setFilters({ kind: value })}
            />
          </label>
          <DownloadButtons path={`/api/v1/funds/${fundId}/ledger`} query={{ kind }} name="so-quy" />
        </Space>
      }
    >
      <QueryState query={ledger}>
        {(data) => (
          <Table<Entry>
            rowKey="id"
            size="small"
            dataSource={data.items}
            pagination={pagination(data.total)}
            scroll={{ x: 1100 }}
            locale={{ emptyText: t('ledger.empty') }}
            columns={[
              {
                title: t('ledger.when'),
                dataIndex: 'occurredAt',
                width: 140,
                render: (v: string) => <Instant value={v} />,
              },
              {
                title: t('ledger.kind'),
                dataIndex: 'kind',
                width: 120,
                render: (k: Kind) => <Tag color={KIND_COLOURS[k]}>{t(`ledger.kinds.${k}`)}</Tag>,
              },
              {
                title: t('ledger.amount'),
                dataIndex: 'amount',
                align: 'right',
                width: 170,
                render: (v: string) => <Money value={v} />,
              },
              {
                title: t('ledger.nomination'),
                dataIndex: 'nominationId',
                width: 240,
                render: (nominationId: string | null, entry) => {
                  if (!nominationId) return null;
                  const nomination = entry.nomination;
                  return (
                    <>
                      <Link to={`/nominations/${nominationId}`}>
                        {nomination?.reference ?? t('ledger.openNominationPlain')}
                      </Link>
                      {nomination && (
                        <>
                          <br />
                          <Typography.Text type="secondary">
                            {nomination.nomineeName} · {nomination.intakeCode}
                          </Typography.Text>
                        </>
                      )}
                    </>
                  );
                },
              },
              {
                title: t('ledger.actor'),
                dataIndex: 'actorName',
                width: 160,
                render: (name: string | null) => name ?? '—',
              },
              {
                title: t('ledger.note'),
                key: 'note',
                render: (_: unknown, entry) => (
                  <>
                    {entry.comment && <div className="tn-prewrap">{entry.comment}</div>}
                    {entry.overrideReason && (
                      <Typography.Text type="warning">
                        {t('ledger.override', { reason: entry.overrideReason })}
                      </Typography.Text>
                    )}
                  </>
                ),
              },
            ]}
          />
        )}
      </QueryState>
    </Card>
  );
}

function FundEvents({ fund }: { fund: Fund }) {
  const { t } = useTranslation('finance');
  const { hasRole } = useAuth();
  const events = useQuery({
    queryKey: ['threshold-events', { fundId: fund.id }],
    queryFn: () =>
      call(
        api.GET('/api/v1/funds/threshold-events', {
          params: { query: { fundId: fund.id, pageSize: 5 } },
        }),
      ),
    enabled: hasRole('finance', 'admin'),
  });
  if (!events.data || events.data.items.length === 0) return null;
  return (
    <Card
      title={<h2 className="tn-card-heading">{t('fund.events')}</h2>}
      extra={<Link to={`/funds/threshold-events?fundId=${fund.id}`}>{t('events.viewAll')}</Link>}
    >
      <ul className="tn-plain-list">
        {events.data.items.map((event) => (
          <li key={event.id}>
            <Instant value={event.occurredAt} /> —{' '}
            {t('events.crossed', { fund: fund.code, threshold: event.threshold })} (
            {formatPercent(event.utilizationPercent)})
            {event.nominationId && (
              <>
                {' '}
                <Link to={`/nominations/${event.nominationId}`}>
                  {t('ledger.openNominationPlain')}
                </Link>
              </>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}
