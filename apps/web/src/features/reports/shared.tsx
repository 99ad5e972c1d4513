import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePaging } from '../../components/paging';
import { formatDay } from '../../format/date';
import { DateField, Field, UnitSelect } from './components';
import { formatCount } from './format';
import './i18n';
import './reports.css';

export interface Counts {
  approved: number;
  inTraining: number;
  completed: number;
  total: number;
}

/** Approved, in training, completed and their total, as table columns. */
export function useCountColumns() {
  const { t } = useTranslation('reports');
  const column = (key: keyof Counts, strong = false) => ({
    title: t(`counts.${key}`),
    dataIndex: key,
    align: 'right' as const,
    width: 110,
    render: (v: number) => (
      <span className="tn-num" style={strong ? { fontWeight: 600 } : undefined}>
        {formatCount(v)}
      </span>
    ),
  });
  return [column('approved'), column('inTraining'), column('completed'), column('total', true)];
}

/** Period (from, to), unit and, optionally, status of a report, kept in the address. */
export function usePeriodFilters() {
  const { params, setFilters } = usePaging();
  return {
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
    unitId: params.get('unitId') ?? undefined,
    status: (params.get('status') as 'approved' | 'in_training' | 'completed' | null) ?? undefined,
    at: params.get('at') ?? undefined,
    params,
    setFilters,
  };
}

export function PeriodFields({
  prefix,
  withStatus = false,
}: {
  prefix: string;
  withStatus?: boolean;
}) {
  const { t } = useTranslation('reports');
  const { from, to, unitId, status, setFilters } = usePeriodFilters();
  return (
    <>
      <Field label={t('filters.from')} id={`${prefix}-from`}>
        <DateField
          id={`${prefix}-from`}
          value={from ?? null}
          onChange={(v) => setFilters({ from: v })}
        />
      </Field>
      <Field label={t('filters.to')} id={`${prefix}-to`}>
        <DateField id={`${prefix}-to`} value={to ?? null} onChange={(v) => setFilters({ to: v })} />
      </Field>
      <Field label={t('filters.unit')} id={`${prefix}-unit`}>
        <UnitSelect
          id={`${prefix}-unit`}
          value={unitId ?? null}
          placeholder={t('filters.anyUnit')}
          onChange={(v) => setFilters({ unitId: v })}
        />
      </Field>
      {withStatus && (
        <Field label={t('filters.status')} id={`${prefix}-status`}>
          <Select
            id={`${prefix}-status`}
            allowClear
            placeholder={t('filters.anyStatus')}
            value={status}
            style={{ width: '100%' }}
            options={(['approved', 'in_training', 'completed'] as const).map((s) => ({
              value: s,
              label: t(`common:status.${s}`),
            }))}
            onChange={(v?: string) => setFilters({ status: v })}
          />
        </Field>
      )}
    </>
  );
}

/** "01/01/2026 – 31/12/2026" for the period a report answered for. */
export function periodText(from: string, to: string): string {
  return `${formatDay(from)} – ${formatDay(to)}`;
}
