import type { WorkContext } from '@app/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { JobProducer } from '@app/queue';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { isAccountEvent, isNotified, NOTIFIED_EVENTS } from './events';
import { deliveryJobId, loadOutboxEvent } from './outbox';
import { channelPlan, Preference } from './preferences';
import { accountHolder, Recipient, resolveRecipients } from './recipients';

/**
 * Handles one outbox event: resolves who must hear of it, records one delivery per
 * recipient and channel (unique, so handling an event again adds nothing), and enqueues the
 * pending ones under ids derived from the delivery, which BullMQ adds only once.
 */
@Injectable()
export class NotificationRouter {
  constructor(
    private readonly jobs: JobProducer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async route(ctx: WorkContext<null>, eventId: string, today = ctx.clock.today()) {
    const { manager } = ctx;
    const event = await loadOutboxEvent(manager, eventId);
    if (!event) return { recipients: 0, enqueued: 0 };
    const account = isAccountEvent(event.type);
    let recipients: Recipient[];
    if (account) recipients = await accountHolder(manager, event);
    else if (isNotified(event.type)) {
      const { audience } = NOTIFIED_EVENTS[event.type];
      recipients = await resolveRecipients(manager, event, audience, today);
    } else {
      await manager.query(`UPDATE outbox_events SET routed_at = now() WHERE id = $1`, [eventId]);
      return { recipients: 0, enqueued: 0 };
    }
    if (account) {
      // About the user's own account: by email, now, whatever their preferences.
      await manager.query(
        `INSERT INTO deliveries (event_id, user_id, channel, digest, status)
         SELECT $1, r.user_id, 'email', false, 'pending' FROM unnest($2::uuid[]) AS r(user_id)
         ON CONFLICT (event_id, user_id, channel) DO NOTHING`,
        [eventId, recipients.map((recipient) => recipient.userId)],
      );
    } else if (recipients.length) {
      const preferences = await this.preferencesOf(
        manager,
        recipients.map((recipient) => recipient.userId),
        event.type,
      );
      const rows: Array<[string, string, boolean]> = [];
      for (const recipient of recipients) {
        const plan = channelPlan(preferences.get(recipient.userId));
        if (plan.inbox) rows.push([recipient.userId, 'inbox', false]);
        if (plan.email) rows.push([recipient.userId, 'email', plan.email === 'digest']);
      }
      await manager.query(
        `INSERT INTO deliveries (event_id, user_id, channel, digest, status)
         SELECT $1, r.user_id, r.channel, r.digest, CASE WHEN r.digest THEN 'digest' ELSE 'pending' END
           FROM unnest($2::uuid[], $3::text[], $4::boolean[]) AS r(user_id, channel, digest)
         ON CONFLICT (event_id, user_id, channel) DO NOTHING`,
        [eventId, rows.map((row) => row[0]), rows.map((row) => row[1]), rows.map((row) => row[2])],
      );
    }
    // Pending ones include any whose job an earlier attempt failed to add.
    const pending: Array<{ id: string; userId: string; channel: string }> = await manager.query(
      `SELECT id::text, user_id AS "userId", channel FROM deliveries
        WHERE event_id = $1 AND status = 'pending' ORDER BY id`,
      [eventId],
    );
    await this.jobs.enqueueMany(
      'notifications.deliver',
      pending.map((delivery) => ({
        payload: { deliveryId: delivery.id },
        options: {
          jobId: deliveryJobId(event.uid, delivery.userId, delivery.channel),
          attempts: this.config.DELIVERY_ATTEMPTS,
        },
      })),
    );
    await manager.query(`UPDATE outbox_events SET routed_at = now() WHERE id = $1`, [eventId]);
    return { recipients: recipients.length, enqueued: pending.length };
  }

  private async preferencesOf(manager: EntityManager, userIds: string[], eventType: string) {
    const rows: Array<Preference & { userId: string }> = await manager.query(
      `SELECT user_id AS "userId", email, inbox, email_digest AS "emailDigest"
         FROM notification_preferences WHERE user_id = ANY($1::uuid[]) AND event_type = $2`,
      [userIds, eventType],
    );
    return new Map(rows.map(({ userId, ...preference }) => [userId, preference]));
  }
}
