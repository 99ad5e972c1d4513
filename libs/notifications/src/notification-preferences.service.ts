import type { Ctx } from '@app/access';
import { DomainError } from '@app/common';
import { Injectable } from '@nestjs/common';
import { isNotified, NOTIFIED_EVENT_TYPES, NOTIFIED_EVENTS, NotifiedEventType } from './events';
import { assertValidPreference, DEFAULT_PREFERENCE, Preference } from './preferences';

/** How one event type reaches the user now: their saved choice, or the default. */
export interface EffectivePreference extends Preference {
  eventType: NotifiedEventType;
  /** The event asks the user to act: at least one channel must stay on. */
  awaitsAction: boolean;
  /** No choice saved: these are the defaults. */
  default: boolean;
}

/** Each user's choice of channels per notified event type: the acting user's own. */
@Injectable()
export class NotificationPreferencesService {
  /** One entry per notified event type, in the order of NOTIFIED_EVENTS. */
  async list(ctx: Ctx): Promise<EffectivePreference[]> {
    const rows: Array<Preference & { eventType: string }> = await ctx.manager.query(
      `SELECT event_type AS "eventType", email, inbox, email_digest AS "emailDigest"
         FROM notification_preferences WHERE user_id = $1`,
      [ctx.actor.userId],
    );
    const saved = new Map(rows.map(({ eventType, ...preference }) => [eventType, preference]));
    return NOTIFIED_EVENT_TYPES.map((eventType) => effective(eventType, saved.get(eventType)));
  }

  /**
   * Saves the user's choice for one event type (replacing any earlier one). Refused when it
   * asks for a digest without email, or switches off every channel of an event that asks the
   * user to act.
   */
  async set(
    ctx: Ctx,
    eventType: string,
    input: { email: boolean; inbox: boolean; emailDigest?: boolean },
  ): Promise<EffectivePreference> {
    const type = knownEventType(eventType);
    const preference: Preference = {
      email: input.email,
      inbox: input.inbox,
      emailDigest: input.emailDigest ?? false,
    };
    assertValidPreference(type, preference);
    await ctx.manager.query(
      `INSERT INTO notification_preferences (user_id, event_type, email, inbox, email_digest)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (user_id, event_type) DO UPDATE
         SET email = EXCLUDED.email, inbox = EXCLUDED.inbox,
             email_digest = EXCLUDED.email_digest, updated_at = now()`,
      [ctx.actor.userId, type, preference.email, preference.inbox, preference.emailDigest],
    );
    return effective(type, preference);
  }

  /** Forgets the user's choice for one event type, so the default applies again. */
  async reset(ctx: Ctx, eventType: string): Promise<void> {
    const type = knownEventType(eventType);
    await ctx.manager.query(
      `DELETE FROM notification_preferences WHERE user_id = $1 AND event_type = $2`,
      [ctx.actor.userId, type],
    );
  }
}

function knownEventType(eventType: string): NotifiedEventType {
  // An own key only: `in` would also accept "constructor" or "toString".
  if (!(NOTIFIED_EVENT_TYPES as string[]).includes(eventType) || !isNotified(eventType)) {
    throw new DomainError(
      'UNKNOWN_EVENT_TYPE',
      'not_found',
      `"${eventType}" is not an event type that notifies anyone.`,
      { eventTypes: NOTIFIED_EVENT_TYPES },
    );
  }
  return eventType;
}

const effective = (eventType: NotifiedEventType, saved?: Preference): EffectivePreference => ({
  eventType,
  email: (saved ?? DEFAULT_PREFERENCE).email,
  inbox: (saved ?? DEFAULT_PREFERENCE).inbox,
  emailDigest: (saved ?? DEFAULT_PREFERENCE).emailDigest,
  awaitsAction: NOTIFIED_EVENTS[eventType].awaitsAction,
  default: saved === undefined,
});
