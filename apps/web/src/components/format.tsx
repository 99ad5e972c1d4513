import { Typography } from 'antd';
import { formatDay, formatInstant } from '../format/date';
import { formatVnd, isNegativeVnd } from '../format/money';

/** Whole VND from the API's digit string, e.g. 1.450.000.000 ₫. */
export function Money({ value, strong }: { value: string | null | undefined; strong?: boolean }) {
  const text = formatVnd(value);
  const negative = !!value && isNegativeVnd(value);
  return (
    <Typography.Text className="tn-money" strong={strong} type={negative ? 'danger' : undefined}>
      {text}
    </Typography.Text>
  );
}

export function Day({ value }: { value: string | null | undefined }) {
  return <span className="tn-date">{formatDay(value)}</span>;
}

export function Instant({ value }: { value: string | null | undefined }) {
  return <span className="tn-date">{formatInstant(value)}</span>;
}
