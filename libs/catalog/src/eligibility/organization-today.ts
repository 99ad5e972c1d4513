import { organizationDay, ORGANIZATION_TIME_ZONE } from '@app/common';

/** The organization's calendar day; nomination windows are whole days in Vietnam's time. */
export { ORGANIZATION_TIME_ZONE };

/** The organization's calendar day at `now`; services read "now" from the injected `Clock`. */
export function organizationToday(now: Date = new Date()): string {
  return organizationDay(now);
}
