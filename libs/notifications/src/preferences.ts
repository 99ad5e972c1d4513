import { DomainError } from '@app/common';
import { NOTIFIED_EVENTS, NotifiedEventType } from './events';

/** A user's choice for one event type; no row means the default. */
export interface Preference {
  email: boolean;
  inbox: boolean;
  /** Email once a day, gathered, instead of one email per event. */
  emailDigest: boolean;
}

export const DEFAULT_PREFERENCE: Preference = { email: true, inbox: true, emailDigest: false };

/** How one event reaches one user. */
export interface ChannelPlan {
  inbox: boolean;
  email: 'now' | 'digest' | false;
}

export function channelPlan(preference: Preference = DEFAULT_PREFERENCE): ChannelPlan {
  return {
    inbox: preference.inbox,
    email: preference.email ? (preference.emailDigest ? 'digest' : 'now') : false,
  };
}

/**
 * Throws the coded reason a preference cannot be saved: a digest needs email on, and an
 * event that asks the user to act must keep at least one channel.
 */
export function assertValidPreference(type: NotifiedEventType, preference: Preference): void {
  if (preference.emailDigest && !preference.email) {
    throw new DomainError(
      'DIGEST_NEEDS_EMAIL',
      'invalid',
      'A daily digest is a way of receiving email: turn email on to choose it.',
    );
  }
  if (NOTIFIED_EVENTS[type].awaitsAction && !preference.email && !preference.inbox) {
    throw new DomainError(
      'ACTION_NOTICE_REQUIRED',
      'invalid',
      `"${type}" asks you to act: keep email or the in-app inbox on for it.`,
      { eventType: type },
    );
  }
}
