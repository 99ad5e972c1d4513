/** The organization's calendar day; nomination windows are whole days in Vietnam's time. */
export const ORGANIZATION_TIME_ZONE = 'Asia/Ho_Chi_Minh';

// en-CA formats as YYYY-MM-DD. Built once: a formatter costs more than the formatting.
const DAY_FORMAT = new Intl.DateTimeFormat('en-CA', { timeZone: ORGANIZATION_TIME_ZONE });

export function organizationToday(now: Date = new Date()): string {
  return DAY_FORMAT.format(now);
}
