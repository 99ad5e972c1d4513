/**
 * The organization's calendar, in one place: its time zone, its calendar day and year, and
 * working-day arithmetic. Every calendar day and year the domain derives (nomination windows,
 * references, decision numbers, fiscal years, reports, reminder deadlines) is read here,
 * whatever the server's own zone.
 *
 * Asia/Ho_Chi_Minh has been UTC+7 all year, with no daylight saving time, since 1975. So an
 * instant's local date and time of day are exactly those of the instant shifted by +7 h and read
 * in UTC, and local day arithmetic can be done on whole 24 h days in UTC with no time-zone
 * library. (Instants before 1975, when the offset was different, are not meaningful deadlines.)
 */

/** The organization's time zone (UTC+7, no daylight saving; see above). */
export const ORGANIZATION_TIME_ZONE = 'Asia/Ho_Chi_Minh';

// en-CA formats as YYYY-MM-DD. Built once: a formatter costs more than the formatting.
const DAY_FORMAT = new Intl.DateTimeFormat('en-CA', {
  timeZone: ORGANIZATION_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The organization's calendar day (YYYY-MM-DD) at `instant`. */
export function organizationDay(instant: Date): string {
  if (Number.isNaN(instant.getTime())) throw new RangeError('instant is not a valid date');
  return DAY_FORMAT.format(instant);
}

/** The organization's calendar year at `instant`. */
export function organizationYear(instant: Date): number {
  return Number(organizationDay(instant).slice(0, 4));
}

/**
 * The organization's calendar day at `now` (by default the machine's now). Services read
 * "now" from their context's clock instead; this is for scripts and tests.
 */
export function organizationToday(now: Date = new Date()): string {
  return organizationDay(now);
}

// Working days: Monday to Friday, for reminder deadlines and waiting times. Public holidays
// are not modelled: a reminder may fall on a holiday.

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Asia/Ho_Chi_Minh: UTC+7, no DST (see above). */
const LOCAL_OFFSET_MS = 7 * HOUR_MS;
/** Day number 4 (counting 1970-01-01 as 0) was Monday 1970-01-05; weeks are counted from it. */
const MONDAY_DAY_NUMBER = 4;

/** A local calendar day (days since 1970-01-01 local) and the local time of day in ms. */
interface LocalTime {
  day: number;
  timeOfDay: number;
}

function toLocal(instant: Date, name: string): LocalTime {
  const ms = instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`${name} is not a valid date`);
  const local = ms + LOCAL_OFFSET_MS;
  const day = Math.floor(local / DAY_MS);
  return { day, timeOfDay: local - day * DAY_MS };
}

function fromLocal({ day, timeOfDay }: LocalTime): Date {
  const result = new Date(day * DAY_MS + timeOfDay - LOCAL_OFFSET_MS);
  if (Number.isNaN(result.getTime())) throw new RangeError('deadline is out of the Date range');
  return result;
}

function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}

/** 0 = Monday … 4 = Friday, 5 = Saturday, 6 = Sunday. */
function weekdayIndex(day: number): number {
  return mod(day - MONDAY_DAY_NUMBER, 7);
}

function isWorkingDay(day: number): boolean {
  return weekdayIndex(day) < 5;
}

/**
 * Working days strictly before `day`, counted from the reference Monday (negative before it).
 * Differences of this count give the working days in a range in constant time.
 */
function workingDaysBefore(day: number): number {
  const sinceMonday = day - MONDAY_DAY_NUMBER;
  return Math.floor(sinceMonday / 7) * 5 + Math.min(mod(sinceMonday, 7), 5);
}

/**
 * Where the waiting clock starts: `start` itself on a working day; on a Saturday or Sunday,
 * 00:00 of the following Monday. Something submitted at the weekend has been waiting since the
 * first working morning, not since Friday's office hours, so Saturday 10:00 + 1 working day is
 * Tuesday 00:00 (while Friday 16:00 + 1 is Monday 16:00).
 */
function clockStart(start: Date): LocalTime {
  const local = toLocal(start, 'start');
  const weekday = weekdayIndex(local.day);
  if (weekday < 5) return local;
  return { day: local.day + (7 - weekday), timeOfDay: 0 };
}

/**
 * The instant `days` working days after `start`, at the same local time of day (see
 * {@link clockStart} for weekend starts). `days` = 0 gives the clock start itself.
 */
export function addWorkingDays(start: Date, days: number): Date {
  if (!Number.isSafeInteger(days) || days < 0) {
    throw new RangeError(`days must be a non-negative integer, got ${days}`);
  }
  const from = clockStart(start);
  const weekday = weekdayIndex(from.day);
  const monday = from.day - weekday;
  const target = weekday + days;
  const day = monday + Math.floor(target / 5) * 7 + (target % 5);
  return fromLocal({ day, timeOfDay: from.timeOfDay });
}

/**
 * Whole working days that have passed between `start` and `now`: the largest n with
 * addWorkingDays(start, n) <= now, or 0 if there is none (now before the clock start).
 */
export function workingDaysElapsed(start: Date, now: Date): number {
  const from = clockStart(start);
  const to = toLocal(now, 'now');
  if (to.day < from.day || (to.day === from.day && to.timeOfDay < from.timeOfDay)) return 0;
  // The n-th working day after the clock start, for n = the working days in (from.day, to.day],
  // is the last working day up to now's local day; it has been reached unless it is today and
  // the time of day has not come yet.
  const n = workingDaysBefore(to.day + 1) - workingDaysBefore(from.day + 1);
  const notYetToday = isWorkingDay(to.day) && to.timeOfDay < from.timeOfDay;
  return notYetToday ? n - 1 : n;
}
