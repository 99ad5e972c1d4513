import { Progress, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { components } from '../../api/schema';
import { ApiError } from '../../api/problem';
import { useAuth } from '../../auth/AuthProvider';
import { messageOf } from '../../i18n/errors';
import { i18n } from '../../i18n';
import { formatPercent } from '../reports/format';
import { useFocusableScrollRegions } from '../reports/scrollRegions';
import '../reports/reports.css';
import './i18n';

export type Fund = components['schemas']['FundDto'];
export type FundSource = Fund['source'];
export const SOURCES: FundSource[] = ['state_budget', 'sponsor', 'scholarship', 'other'];

/** The funds area's own screens, reached from /funds (the global menu has only /funds). */
export function FundsNav() {
  const { t } = useTranslation('finance');
  const { pathname } = useLocation();
  const { hasRole } = useAuth();
  useFocusableScrollRegions();
  const items = [
    { key: '/funds', label: t('tabs.funds') },
    { key: '/funds/threshold-events', label: t('tabs.thresholdEvents') },
    { key: '/funds/usage', label: t('tabs.usage') },
    ...(hasRole('admin')
      ? [{ key: '/funds/reconciliation', label: t('tabs.reconciliation') }]
      : []),
  ];
  const selected =
    items
      .map((item) => item.key)
      .filter((key) => pathname === key || (key !== '/funds' && pathname.startsWith(key)))
      .pop() ?? '/funds';
  return (
    <nav aria-label={t('tabs.label')} className="tn-subnav">
      {items.map((item) => (
        <Link
          key={item.key}
          to={item.key}
          className={item.key === selected ? 'tn-subnav-link tn-subnav-current' : 'tn-subnav-link'}
          aria-current={item.key === selected && pathname === item.key ? 'page' : undefined}
        >
          {item.label}
        </Link>
      ))}
    </nav>
  );
}

/** Utilization against the fund's thresholds: green, orange past the first, red past the last. */
export function UtilizationBar({
  percent,
  thresholds = [80, 95],
  pipeline,
}: {
  percent: number;
  thresholds?: number[];
  pipeline?: number;
}) {
  const { t } = useTranslation('finance');
  const sorted = [...thresholds].sort((a, b) => a - b);
  const status =
    sorted.length && percent >= sorted[sorted.length - 1]
      ? 'exception'
      : sorted.length && percent >= sorted[0]
        ? 'normal'
        : 'success';
  const colour = status === 'exception' ? '#cf1322' : status === 'normal' ? '#d46b08' : '#389e0d';
  const bar = (
    <Progress
      percent={Math.min(100, percent)}
      strokeColor={colour}
      size="small"
      format={() => formatPercent(percent)}
      aria-label={t('fields.utilization')}
      style={{ minWidth: 140, marginBottom: 0 }}
    />
  );
  return pipeline !== undefined ? (
    <Tooltip title={`${t('fields.pipelineUtilization')}: ${formatPercent(pipeline)}`}>
      <span>{bar}</span>
    </Tooltip>
  ) : (
    bar
  );
}

export function PolicyTag({ policy }: { policy: Fund['policy'] }) {
  const { t } = useTranslation('finance');
  return (
    <Tag color={policy === 'stop' ? 'blue' : 'gold'} title={t(`policy.${policy}`)}>
      {t(`policyShort.${policy}`)}
    </Tag>
  );
}

export function FundStatusTag({ status }: { status: Fund['status'] }) {
  const { t } = useTranslation('finance');
  return <Tag color={status === 'open' ? 'green' : 'default'}>{t(`fundStatus.${status}`)}</Tag>;
}

/** A fund error in the user's language (the funds' own codes first). */
export function fundMessage(error: unknown): string {
  if (error instanceof ApiError) {
    const key = `finance:errors.${error.code}`;
    if (i18n.exists(key)) return i18n.t(key);
  }
  return messageOf(error);
}
