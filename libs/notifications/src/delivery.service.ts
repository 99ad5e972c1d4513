import type { WorkContext } from '@app/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { returning } from '@app/database';
import { Inject, Injectable } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import type { EntityManager } from 'typeorm';
import { isSent } from './events';
import { Mailer } from './mailer';
import { loadMessageContext } from './message-context';
import { deliveryJobId, loadOutboxEvent } from './outbox';
import type { Recipient } from './recipients';
import { Attempt, recordSendFailure } from './send-failure';
import { renderNotification } from './templates/render';

interface ClaimedRow {
  id: string;
  eventId: string;
  eventUid: string;
  channel: 'email' | 'inbox';
  userId: string;
  email: string;
  displayName: string;
  locale: Recipient['locale'];
}

interface ClaimedDelivery {
  id: string;
  eventId: string;
  eventUid: string;
  channel: 'email' | 'inbox';
  recipient: Recipient;
}

/**
 * Sends one delivery. The delivery row is the guard against duplicates: a delivery marked
 * sent is never sent again, whatever BullMQ runs twice. The one window left is an email the
 * SMTP server accepted just before the process died, before the row said so (see
 * docs/notifications.md).
 */
@Injectable()
export class DeliveryService {
  constructor(
    private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async deliver(
    ctx: WorkContext<null>,
    deliveryId: string,
    attempt: Attempt = { number: 1, max: 1 },
  ): Promise<{ status: string }> {
    const delivery = await this.claim(ctx.manager, deliveryId);
    if (!delivery) return { status: 'skipped' };
    try {
      if (delivery.channel === 'inbox') {
        await ctx.transaction(async (tx) => {
          await this.writeInboxItem(tx.manager, delivery);
          await markSent(tx.manager, delivery.id);
        });
      } else {
        const message = await this.render(ctx.manager, delivery);
        await this.mailer.send({
          to: delivery.recipient.email,
          subject: message.subject,
          text: message.text,
          html: message.html,
          // Stable across retries and unique across the installation's life: a client that
          // deduplicates by it drops a second send, never a different email.
          messageId: `<${deliveryJobId(delivery.eventUid, delivery.recipient.userId, 'email')}@${new URL(this.config.APP_BASE_URL).hostname}>`,
        });
        await markSent(ctx.manager, delivery.id);
      }
      return { status: 'sent' };
    } catch (error) {
      throw await recordSendFailure(ctx.manager, [delivery.id], error, attempt, 'pending');
    }
  }

  /**
   * Marks the delivery as being sent and counts the attempt; nothing when it was sent
   * already, is waiting for the digest, or failed for good (an administrator's retry makes
   * it pending again).
   */
  private async claim(
    manager: EntityManager,
    deliveryId: string,
  ): Promise<ClaimedDelivery | undefined> {
    const [row] = await returning<ClaimedRow>(
      manager,
      `UPDATE deliveries d
          SET status = 'sending', attempts = d.attempts + 1, updated_at = now(),
              claimed_until = now() + interval '5 minutes'
         FROM users u, outbox_events e
        WHERE d.id = $1 AND d.status IN ('pending', 'sending') AND u.id = d.user_id
          AND e.id = d.event_id
        RETURNING d.id::text, d.event_id::text AS "eventId", e.uid::text AS "eventUid", d.channel,
                  u.id AS "userId", u.email, u.display_name AS "displayName", u.locale`,
      [deliveryId],
    );
    if (!row) return undefined;
    return {
      id: row.id,
      eventId: row.eventId,
      eventUid: row.eventUid,
      channel: row.channel,
      recipient: {
        userId: row.userId,
        email: row.email,
        displayName: row.displayName,
        locale: row.locale,
      },
    };
  }

  private async writeInboxItem(manager: EntityManager, delivery: ClaimedDelivery) {
    const event = await this.event(manager, delivery.eventId);
    const context = await loadMessageContext(
      manager,
      event,
      delivery.recipient,
      this.config.APP_BASE_URL,
    );
    const message = renderNotification(context);
    await manager.query(
      `INSERT INTO notifications (user_id, event_id, type, title, body, link, nomination_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (event_id, user_id) DO NOTHING`,
      [
        delivery.recipient.userId,
        delivery.eventId,
        event.type,
        message.subject,
        message.text,
        context.link,
        event.type.startsWith('nomination.') ? event.aggregateId : null,
      ],
    );
  }

  private async render(manager: EntityManager, delivery: ClaimedDelivery) {
    const event = await this.event(manager, delivery.eventId);
    return renderNotification(
      await loadMessageContext(
        manager,
        event,
        delivery.recipient,
        this.config.APP_BASE_URL,
        this.config.JWT_SECRET,
      ),
    );
  }

  private async event(manager: EntityManager, eventId: string) {
    const event = await loadOutboxEvent(manager, eventId);
    if (!event || !isSent(event.type)) {
      throw new UnrecoverableError(`Event ${eventId} is not one that notifies`);
    }
    return { ...event, type: event.type };
  }
}

const markSent = (manager: EntityManager, id: string) =>
  manager.query(
    `UPDATE deliveries SET status = 'sent', sent_at = now(), claimed_until = NULL, last_error = NULL,
            updated_at = now()
      WHERE id = $1`,
    [id],
  );
