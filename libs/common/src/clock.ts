import { Global, Injectable, Module } from '@nestjs/common';

/**
 * The organization's time zone: every calendar day and year the domain derives (nomination
 * windows, references, decision numbers, fiscal years, reports) is read in it, whatever the
 * server's own zone. Vietnam has been UTC+7 all year, without daylight saving, since 1975.
 */
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
 * The one source of "now" for the dates the domain derives, read in the organization's
 * calendar. Services take it by injection, so a test can stand at any instant (e.g. 23:30 UTC
 * on 31 December, already the new year in Vietnam) by replacing `now`.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }

  /** The organization's calendar day now (YYYY-MM-DD). */
  today(): string {
    return organizationDay(this.now());
  }

  /** The organization's calendar year now. */
  year(): number {
    return organizationYear(this.now());
  }
}

/** Provides the one {@link Clock} to every module of an app. */
@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}
