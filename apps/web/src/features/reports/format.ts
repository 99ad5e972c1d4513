import { currentLanguage } from '../../i18n';

const locale = () => (currentLanguage() === 'vi' ? 'vi-VN' : 'en-GB');

/** A count: 148.295 in Vietnamese, 148,295 in English. */
export function formatCount(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return value.toLocaleString(locale());
}

/** A percentage the API computed (2 decimals at most): 81,23 %. */
export function formatPercent(value: number | string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const n = typeof value === 'string' ? Number(value) : value;
  if (Number.isNaN(n)) return String(value);
  return `${n.toLocaleString(locale(), { maximumFractionDigits: 2 })} %`;
}

/** A decimal string from the API ("1.88", "35.5") in the user's notation, digits kept. */
export function formatDecimal(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  if (!/^-?\d+(\.\d+)?$/.test(value)) return value;
  const [whole, fraction] = value.split('.');
  const sep = currentLanguage() === 'vi' ? '.' : ',';
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  return fraction ? `${grouped}${currentLanguage() === 'vi' ? ',' : '.'}${fraction}` : grouped;
}

/** Hours with one decimal: 26,5 giờ. */
export function formatHours(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return value.toLocaleString(locale(), { maximumFractionDigits: 1 });
}
