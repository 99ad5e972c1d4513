import fc from 'fast-check';
import {
  addWorkingDays,
  organizationDay,
  organizationToday,
  organizationYear,
  workingDaysElapsed,
} from './calendar';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** An instant given in organization local time (UTC+7). */
const local = (isoLocal: string): Date => new Date(`${isoLocal}+07:00`);
/** The organization-local day of the week of an instant (0 = Sunday … 6 = Saturday). */
const localWeekday = (instant: Date): number => new Date(instant.getTime() + 7 * HOUR).getUTCDay();
const isWeekend = (instant: Date): boolean => [0, 6].includes(localWeekday(instant));

/** A day-by-day reference implementation using the Date calendar, to check the arithmetic. */
function referenceAdd(start: Date, days: number): Date {
  const cursor = new Date(start.getTime() + 7 * HOUR);
  if (cursor.getUTCDay() === 0 || cursor.getUTCDay() === 6) {
    while (cursor.getUTCDay() !== 1) cursor.setUTCDate(cursor.getUTCDate() + 1);
    cursor.setUTCHours(0, 0, 0, 0);
  }
  for (let left = days; left > 0;) {
    cursor.setUTCDate(cursor.getUTCDate() + 1);
    if (cursor.getUTCDay() !== 0 && cursor.getUTCDay() !== 6) left--;
  }
  return new Date(cursor.getTime() - 7 * HOUR);
}

describe('the organization calendar', () => {
  it('should read the day and year in Vietnam, not in UTC', () => {
    expect(organizationDay(new Date('2026-12-31T16:59:59Z'))).toBe('2026-12-31');
    expect(organizationDay(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
    expect(organizationToday(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
    expect(organizationYear(new Date('2026-12-31T16:59:59Z'))).toBe(2026);
    expect(organizationYear(new Date('2026-12-31T23:30:00Z'))).toBe(2027);
  });

  it('should refuse an invalid instant', () => {
    expect(() => organizationDay(new Date('nonsense'))).toThrow(RangeError);
  });
});

// Fri 2026-11-27, Sat 28, Sun 29, Mon 30, Tue 2026-12-01.
describe('addWorkingDays', () => {
  it('goes from a Friday over the weekend, keeping the local time of day', () => {
    expect(addWorkingDays(local('2026-11-27T16:00:00'), 1)).toEqual(local('2026-11-30T16:00:00'));
    expect(addWorkingDays(local('2026-11-27T16:00:00'), 2)).toEqual(local('2026-12-01T16:00:00'));
  });

  it('counts a weekend start from the next Monday 00:00', () => {
    expect(addWorkingDays(local('2026-11-28T10:00:00'), 1)).toEqual(local('2026-12-01T00:00:00'));
    expect(addWorkingDays(local('2026-11-29T23:59:59.999'), 1)).toEqual(
      local('2026-12-01T00:00:00'),
    );
  });

  it('returns the start for 0 days, or the next Monday 00:00 on a weekend', () => {
    const friday = local('2026-11-27T16:00:00');
    expect(addWorkingDays(friday, 0)).toEqual(friday);
    expect(addWorkingDays(local('2026-11-28T10:00:00'), 0)).toEqual(local('2026-11-30T00:00:00'));
  });

  it('adds whole weeks', () => {
    expect(addWorkingDays(local('2026-11-30T09:00:00'), 5)).toEqual(local('2026-12-07T09:00:00'));
    expect(addWorkingDays(local('2026-12-02T09:00:00'), 3)).toEqual(local('2026-12-07T09:00:00'));
    expect(addWorkingDays(local('2026-11-30T09:00:00'), 10)).toEqual(local('2026-12-14T09:00:00'));
  });

  it('decides weekends in local time, not UTC', () => {
    // Sunday 20:00 UTC is Monday 03:00 local: a working day.
    expect(addWorkingDays(new Date('2026-11-29T20:00:00Z'), 1)).toEqual(
      local('2026-12-01T03:00:00'),
    );
    // Friday 22:00 UTC is Saturday 05:00 local: the weekend.
    expect(addWorkingDays(new Date('2026-11-27T22:00:00Z'), 1)).toEqual(
      local('2026-12-01T00:00:00'),
    );
  });

  it('rejects a negative, fractional or non-finite number of days and an invalid date', () => {
    const start = local('2026-11-27T16:00:00');
    for (const days of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => addWorkingDays(start, days)).toThrow(RangeError);
    }
    expect(() => addWorkingDays(new Date('nope'), 1)).toThrow(RangeError);
  });

  it('agrees with a day-by-day count over three years', () => {
    const start = local('2024-01-03T08:30:00');
    for (const days of [0, 1, 4, 5, 6, 261, 262, 500, 783]) {
      expect(addWorkingDays(start, days)).toEqual(referenceAdd(start, days));
    }
  });
});

describe('workingDaysElapsed', () => {
  const friday = local('2026-11-27T16:00:00');

  it('is 0 before the start and over the weekend', () => {
    expect(workingDaysElapsed(friday, local('2026-11-27T15:00:00'))).toBe(0);
    expect(workingDaysElapsed(friday, friday)).toBe(0);
    expect(workingDaysElapsed(friday, local('2026-11-29T23:00:00'))).toBe(0);
  });

  it('counts a day exactly at the deadline, not one millisecond before', () => {
    const deadline = local('2026-11-30T16:00:00');
    expect(workingDaysElapsed(friday, deadline)).toBe(1);
    expect(workingDaysElapsed(friday, new Date(deadline.getTime() - 1))).toBe(0);
    expect(workingDaysElapsed(friday, new Date(deadline.getTime() + 1))).toBe(1);
  });

  it('stands still over a weekend that follows working days', () => {
    expect(workingDaysElapsed(friday, local('2026-12-04T16:00:00'))).toBe(5);
    expect(workingDaysElapsed(friday, local('2026-12-06T23:59:59'))).toBe(5);
    expect(workingDaysElapsed(friday, local('2026-12-07T15:59:59'))).toBe(5);
    expect(workingDaysElapsed(friday, local('2026-12-07T16:00:00'))).toBe(6);
  });

  it('starts a weekend start at Monday 00:00', () => {
    const saturday = local('2026-11-28T10:00:00');
    expect(workingDaysElapsed(saturday, local('2026-11-29T12:00:00'))).toBe(0);
    expect(workingDaysElapsed(saturday, local('2026-11-30T23:59:59.999'))).toBe(0);
    expect(workingDaysElapsed(saturday, local('2026-12-01T00:00:00'))).toBe(1);
  });

  it('is consistent with addWorkingDays over three years', () => {
    const start = local('2024-01-03T08:30:00');
    const now = local('2027-01-03T12:00:00');
    const n = workingDaysElapsed(start, now);
    // Weekdays in (Wed 2024-01-03, Sun 2027-01-03], counted independently.
    expect(n).toBe(782);
    expect(addWorkingDays(start, n).getTime()).toBeLessThanOrEqual(now.getTime());
    expect(addWorkingDays(start, n + 1).getTime()).toBeGreaterThan(now.getTime());
  });

  it('handles spans of millennia without looping over days', () => {
    const start = local('2026-11-27T16:00:00');
    const far = addWorkingDays(start, 1_000_000);
    expect(workingDaysElapsed(start, far)).toBe(1_000_000);
  });
});

describe('working days, properties', () => {
  const MIN = Date.UTC(1990, 0, 1);
  const MAX = Date.UTC(2100, 0, 1);
  const anyInstant = fc.integer({ min: MIN, max: MAX }).map((ms) => new Date(ms));
  const weekdayInstant = anyInstant.filter((instant) => !isWeekend(instant));
  const days = fc.integer({ min: 0, max: 3000 });

  it('workingDaysElapsed(start, addWorkingDays(start, n)) === n for weekday starts', () => {
    fc.assert(
      fc.property(weekdayInstant, days, (start, n) => {
        const deadline = addWorkingDays(start, n);
        expect(workingDaysElapsed(start, deadline)).toBe(n);
        if (n > 0) expect(workingDaysElapsed(start, new Date(deadline.getTime() - 1))).toBe(n - 1);
      }),
    );
  });

  it('never lands on a weekend', () => {
    fc.assert(
      fc.property(anyInstant, days, (start, n) => {
        expect(isWeekend(addWorkingDays(start, n))).toBe(false);
      }),
    );
  });

  it('matches the day-by-day reference', () => {
    fc.assert(
      fc.property(anyInstant, fc.integer({ min: 0, max: 400 }), (start, n) => {
        expect(addWorkingDays(start, n)).toEqual(referenceAdd(start, n));
      }),
    );
  });

  it('elapsed is the largest n whose deadline has passed', () => {
    fc.assert(
      fc.property(anyInstant, fc.integer({ min: -DAY, max: 400 * DAY }), (start, delta) => {
        const now = new Date(start.getTime() + delta);
        const n = workingDaysElapsed(start, now);
        expect(n).toBeGreaterThanOrEqual(0);
        if (addWorkingDays(start, 0) <= now) {
          expect(addWorkingDays(start, n).getTime()).toBeLessThanOrEqual(now.getTime());
        } else {
          expect(n).toBe(0);
        }
        expect(addWorkingDays(start, n + 1).getTime()).toBeGreaterThan(now.getTime());
      }),
    );
  });
});
