import { formatVnd } from '../../../format/money';

/**
 * Charts draw numbers. Money stays a digit string everywhere else; it becomes a number here,
 * for drawing only, and the exact figure travels with the point (`raw`) for its tooltip.
 */
export function moneyPoint(amount: string | null | undefined): { value: number; raw: string } {
  const raw = amount && /^-?\d+$/.test(amount) ? amount : '0';
  return { value: Number(raw), raw };
}

/** An axis label for VND: "1,5 tỷ", "250 tr" (rounded for the axis only). */
export function axisVnd(value: number, language: 'vi' | 'en'): string {
  const abs = Math.abs(value);
  const fmt = (n: number) =>
    n.toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 });
  if (abs >= 1e9) return `${fmt(value / 1e9)} ${language === 'vi' ? 'tỷ' : 'bn'}`;
  if (abs >= 1e6) return `${fmt(value / 1e6)} ${language === 'vi' ? 'tr' : 'm'}`;
  return fmt(value);
}

interface TooltipParam {
  marker?: string;
  seriesName?: string;
  name?: string;
  value?: unknown;
  data?: unknown;
}

/** Tooltip lines with the exact formatted amounts (from each point's `raw` digit string). */
export function moneyTooltip(params: TooltipParam | TooltipParam[]): string {
  const list = Array.isArray(params) ? params : [params];
  const title = list[0]?.name ?? '';
  const lines = list.map((p) => {
    const raw = (p.data as { raw?: string } | undefined)?.raw;
    return `${p.marker ?? ''}${escapeHtml(p.seriesName ?? '')}: <b>${formatVnd(raw ?? String(p.value ?? ''))}</b>`;
  });
  return [escapeHtml(title), ...lines].join('<br/>');
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!,
  );
}

/** Colours that keep enough contrast with white and with each other. */
export const PALETTE = [
  '#1f5fa8',
  '#d4380d',
  '#389e0d',
  '#d48806',
  '#722ed1',
  '#08979c',
  '#c41d7f',
];
