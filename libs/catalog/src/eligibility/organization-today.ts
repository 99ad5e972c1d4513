/** The organization's calendar day; nomination windows are whole days in Vietnam's time. */
export const ORGANIZATION_TIME_ZONE = 'Asia/Ho_Chi_Minh';

export function organizationToday(now: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: ORGANIZATION_TIME_ZONE }).format(now);
}
