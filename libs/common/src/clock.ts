import { Global, Injectable, Module } from '@nestjs/common';
import { organizationDay, organizationYear } from './calendar';

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
