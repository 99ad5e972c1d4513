import type { NominationListItem } from './types';

/**
 * Working days (Monday to Friday) a step may wait before its approvers are reminded: the
 * API's REMINDER_WORKING_DAYS default. The API does not publish its setting.
 */
export const REMINDER_WORKING_DAYS = 3;

/** Whole working days from an instant until now (weekends not counted). */
export function workingDaysSince(since: string | undefined, now = new Date()): number {
  if (!since) return 0;
  const start = new Date(since);
  if (Number.isNaN(start.getTime())) return 0;
  let days = 0;
  const cursor = new Date(start);
  cursor.setDate(cursor.getDate() + 1);
  while (cursor <= now) {
    const day = cursor.getDay();
    if (day !== 0 && day !== 6) days += 1;
    cursor.setDate(cursor.getDate() + 1);
  }
  return days;
}

/** When the item started waiting, and whether it waited past the reminder threshold. */
export function waitingOf(item: NominationListItem) {
  const since = item.currentStepSummary?.waitingSince ?? item.waitingSince ?? item.submittedAt;
  const days = item.currentStepSummary?.daysWaiting ?? item.waitingDays ?? 0;
  return { since, days, overdue: workingDaysSince(since) > REMINDER_WORKING_DAYS };
}
