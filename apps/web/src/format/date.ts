/** Dates are shown as dd/MM/yyyy (and times as HH:mm) in the organization's time zone. */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const dayFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const timeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** "2026-12-05" (a day) or an ISO instant → "05/12/2026". */
export function formatDay(value: string | null | undefined): string {
  if (!value) return '—';
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (day) return `${day[3]}/${day[2]}/${day[1]}`;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : dayFormat.format(date);
}

/** An ISO instant → "05/12/2026 14:30". */
export function formatInstant(value: string | null | undefined): string {
  if (!value) return '—';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return `${dayFormat.format(date)} ${timeFormat.format(date)}`;
}

/** "05/12/2026" → "2026-12-05", or null when it is not a real day. */
export function parseDay(text: string): string | null {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (!match) return null;
  const [, d, m, y] = match;
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return date.toISOString().slice(0, 10) === iso ? iso : null;
}

/** Whole days from an instant until now (for "days waiting"). */
export function daysSince(value: string | null | undefined, now = Date.now()): number | null {
  if (!value) return null;
  const then = new Date(value).getTime();
  return Number.isNaN(then) ? null : Math.max(0, Math.floor((now - then) / 86_400_000));
}
