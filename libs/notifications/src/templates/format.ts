import { ORGANIZATION_TIME_ZONE, organizationDay } from '@app/common';
import type { Locale } from '../events';

/** Makes a value safe to place in HTML text or in a double- or single-quoted attribute. */
export const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (char) => HTML_ENTITIES[char]);

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Whole VND with thousands separators: "1.234.567 ₫" (vi), "1,234,567 VND" (en). Amounts
 * are digit strings that may exceed 2^53, so they are grouped as text, never as a Number.
 */
export const formatVnd = (amount: string, locale: Locale): string => {
  if (!/^-?\d+$/.test(amount)) throw new RangeError(`Not a whole VND amount: "${amount}"`);
  // BigInt only normalizes the text ("-0", leading zeros); it is exact at any size.
  const normalized = BigInt(amount).toString();
  const sign = normalized.startsWith('-') ? '-' : '';
  const digits = normalized.slice(sign.length);
  const separator = locale === 'vi' ? '.' : ',';
  const grouped = digits.replace(/\B(?=(\d{3})+$)/g, separator);
  return locale === 'vi' ? `${sign}${grouped} ₫` : `${sign}${grouped} VND`;
};

/**
 * Basis points as a percentage with two decimals: 8123 → "81,23%" (vi), "81.23%" (en).
 * Integer division and remainder only, so no float rounding can creep in.
 */
export const formatBasisPoints = (basisPoints: number, locale: Locale): string => {
  if (!Number.isSafeInteger(basisPoints)) {
    throw new RangeError(`Not a whole number of basis points: ${basisPoints}`);
  }
  const sign = basisPoints < 0 ? '-' : '';
  const magnitude = Math.abs(basisPoints);
  const whole = (magnitude - (magnitude % 100)) / 100;
  const hundredths = String(magnitude % 100).padStart(2, '0');
  return `${sign}${whole}${decimalSeparator(locale)}${hundredths}%`;
};

/** A percentage as configured (80 → "80%"; 92.5 → "92,5%" in vi). */
export const formatPercent = (percent: number, locale: Locale): string =>
  `${String(percent).replace('.', decimalSeparator(locale))}%`;

const decimalSeparator = (locale: Locale): string => (locale === 'vi' ? ',' : '.');

/** An ISO date (or date-time) as a day: "26/11/2026" (vi), "2026-11-26" (en). */
export const formatDay = (isoDate: string, locale: Locale): string => {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return isoDate;
  const [, year, month, day] = match;
  return locale === 'vi' ? `${day}/${month}/${year}` : `${year}-${month}-${day}`;
};

/** Collapses line breaks and runs of spaces: a subject is a single mail header line. */
export const singleLine = (value: string): string => value.replace(/\s+/g, ' ').trim();

const TIME_FORMAT = new Intl.DateTimeFormat('en-GB', {
  timeZone: ORGANIZATION_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant in the organization's time: "14:05 ngày 12/12/2026" (vi), "2026-12-12 14:05 (UTC+7)" (en). */
export const formatInstant = (iso: string, locale: Locale): string => {
  const instant = new Date(iso);
  const day = formatDay(organizationDay(instant), locale);
  const time = TIME_FORMAT.format(instant);
  return locale === 'vi' ? `${time} ngày ${day}` : `${day} ${time} (UTC+7)`;
};
