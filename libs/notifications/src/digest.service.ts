import type { WorkContext } from '@app/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { returning } from '@app/database';
import { JobProducer } from '@app/queue';
import { Inject, Injectable } from '@nestjs/common';
import { isNotified } from './events';
import { Mailer } from './mailer';
import { loadMessageContext } from './message-context';
import { loadOutboxEvent } from './outbox';
import type { Recipient } from './recipients';
import { Attempt, recordSendFailure } from './send-failure';
import { renderDigest, renderNotification } from './templates/render';
import type { DigestItem } from './templates/context';

/** The daily digest, every day at 07:30 organization time. */
export const DIGEST_SCHEDULER_ID = 'notifications.digest.daily';
export const DIGEST_PATTERN = '30 7 * * *';

// A digest being sent longer than this was abandoned by a crashed worker.
const CLAIM = `interval '10 minutes'`;

/** Emails gathered for users who chose a daily digest, sent as one message per user. */
@Injectable()
export class DigestService {
  constructor(
    private readonly jobs: JobProducer,
    private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Enqueues one digest job per user with gathered emails; one per user and day. */
  async enqueueDigests(
    ctx: WorkContext<null>,
    date = ctx.clock.today(),
  ): Promise<{ users: number }> {
    const users: Array<{ userId: string }> = await ctx.manager.query(
      `SELECT DISTINCT user_id AS "userId" FROM deliveries
        WHERE status = 'digest' OR (status = 'sending' AND digest AND claimed_until < now())`,
    );
    await this.jobs.enqueueMany(
      'notifications.send-digest',
      users.map(({ userId }) => ({
        payload: { userId, date },
        options: { jobId: `digest-${userId}-${date}` },
      })),
    );
    return { users: users.length };
  }

  async sendDigest(
    ctx: WorkContext<null>,
    userId: string,
    date: string,
    attempt: Attempt = { number: 1, max: 1 },
  ): Promise<{ items: number }> {
    const { manager } = ctx;
    const deliveries = await returning<{ id: string; eventId: string; createdAt: Date }>(
      manager,
      `UPDATE deliveries SET status = 'sending', attempts = attempts + 1, updated_at = now(),
              claimed_until = now() + ${CLAIM}
        WHERE user_id = $1 AND channel = 'email' AND digest
          AND (status = 'digest' OR (status = 'sending' AND claimed_until < now()))
        RETURNING id::text, event_id::text AS "eventId", created_at AS "createdAt"`,
      [userId],
    );
    if (!deliveries.length) return { items: 0 };
    const ids = deliveries.map((delivery) => delivery.id);
    try {
      const [recipient]: Recipient[] = await manager.query(
        `SELECT id AS "userId", email, display_name AS "displayName", locale FROM users WHERE id = $1`,
        [userId],
      );
      const items: DigestItem[] = [];
      for (const delivery of deliveries.sort((a, b) => Number(a.eventId) - Number(b.eventId))) {
        const event = await loadOutboxEvent(manager, delivery.eventId);
        if (!event || !isNotified(event.type)) continue;
        const context = await loadMessageContext(
          manager,
          { ...event, type: event.type },
          recipient,
          this.config.APP_BASE_URL,
        );
        const message = renderNotification(context);
        items.push({
          subject: message.subject,
          text: message.text,
          link: context.link,
          at: new Date(event.createdAt).toISOString(),
        });
      }
      const digest = renderDigest(recipient, items, date);
      await this.mailer.send({
        to: recipient.email,
        ...digest,
        messageId: `<digest-${userId}-${date}-${ids[0]}@${new URL(this.config.APP_BASE_URL).hostname}>`,
      });
      await manager.query(
        `UPDATE deliveries SET status = 'sent', sent_at = now(), claimed_until = NULL,
                last_error = NULL, updated_at = now()
          WHERE id = ANY($1::bigint[])`,
        [ids],
      );
      return { items: items.length };
    } catch (error) {
      throw await recordSendFailure(manager, ids, error, attempt, 'digest');
    }
  }
}
