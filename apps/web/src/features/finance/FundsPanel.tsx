import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call } from '../../api/client';
import { Instant } from '../../components/format';
import { sumVnd } from '../../format/money';
import { formatPercent } from '../reports/format';
import './common';
import { FundFigures } from './FundFigures';

/** Finance's home panel: this year's funds in figures and the latest threshold alerts. */
export default function FundsPanel() {
  const { t } = useTranslation('finance');
  const summary = useQuery({
    queryKey: ['funds', 'summary', 'all'],
    queryFn: () => call(api.GET('/api/v1/funds/summary', { params: { query: {} } })),
  });
  const events = useQuery({
    queryKey: ['threshold-events', { page: 1, pageSize: 5 }],
    queryFn: () =>
      call(
        api.GET('/api/v1/funds/threshold-events', { params: { query: { page: 1, pageSize: 5 } } }),
      ),
  });
  const items = summary.data?.items ?? [];
  const thisYear = new Date().getFullYear();
  const years = [...new Set(items.map((r) => r.fiscalYear))].sort((a, b) => a - b);
  // This fiscal year when it has funds, otherwise the nearest year that does.
  const year = years.includes(thisYear)
    ? thisYear
    : (years.find((y) => y > thisYear) ?? years[years.length - 1]);
  const rows = items.filter((r) => r.fiscalYear === year);

  return (
    <Card
      title={<h2 className="tn-card-heading">{t('panel.title')}</h2>}
      extra={<Link to={year ? `/funds?year=${year}` : '/funds'}>{t('panel.open')}</Link>}
    >
      {summary.isPending ? (
        <Skeleton active />
      ) : rows.length === 0 ? (
        <Empty description={t('panel.noFunds')} />
      ) : (
        <>
          <Typography.Paragraph strong>{t('headline.ofYear', { year })}</Typography.Paragraph>
          <FundFigures
            title={t('headline.ofYear', { year })}
            totals={{
              allocated: sumVnd(rows.map((r) => r.allocated)),
              reserved: sumVnd(rows.map((r) => r.reserved)),
              spent: sumVnd(rows.map((r) => r.spent)),
              available: sumVnd(rows.map((r) => r.available)),
            }}
          />
        </>
      )}
      {events.data && events.data.items.length > 0 && (
        <>
          <h3 className="tn-section-title">{t('events.recent')}</h3>
          <ul className="tn-plain-list">
            {events.data.items.map((event) => (
              <li key={event.id}>
                <Instant value={event.occurredAt} /> —{' '}
                <Link to={`/funds/${event.fundId}`}>
                  {t('events.crossed', { fund: event.fundCode, threshold: event.threshold })}
                </Link>{' '}
                ({formatPercent(event.utilizationPercent)})
              </li>
            ))}
          </ul>
          <Link to="/funds/threshold-events">{t('events.viewAll')}</Link>
        </>
      )}
    </Card>
  );
}
