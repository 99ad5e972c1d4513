import type { WorkContext } from '@app/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { JobProducer, QueueName } from '@app/queue';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { SENT_EVENT_TYPES } from './events';
import { deliveryJobId, routeJobId } from './outbox';

/** The recovery pass, every 5 minutes. */
export const RECOVERY_SCHEDULER_ID = 'notifications.recover.every-5-minutes';
export const RECOVERY_PATTERN = '*/5 * * * *';

// Work untouched for this long has lost its job (or its worker).
const STALE = `interval '10 minutes'`;
const LIMIT = 1000;

/**
 * Puts back on the queue what Postgres says is unfinished but the queue no longer holds:
 * events dispatched but never routed, and deliveries left pending or abandoned mid-send —
 * as after Redis lost its data, or a crash between a commit and an enqueue. A job still in
 * the queue is left alone; a failed route job is retried rather than added again, since a
 * kept failed job would swallow an add under the same id. After a restore from a backup the
 * database may have forgotten work the queue finished: a completed route job is run again
 * (routing is idempotent) and a delivery whose kept job sent it is marked sent, not resent.
 */
@Injectable()
export class RecoveryService {
  private readonly logger = new Logger(RecoveryService.name);

  constructor(
    private readonly jobs: JobProducer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async recover(
    ctx: WorkContext<null>,
  ): Promise<{ events: number; deliveries: number; markedSent: number }> {
    const queue = this.jobs.queue(QueueName.notifications);
    const events: Array<{ id: string; uid: string }> = await ctx.manager.query(
      `SELECT id::text, uid::text FROM outbox_events
        WHERE routed_at IS NULL AND dispatched_at < now() - ${STALE} AND type = ANY($1::text[])
        ORDER BY id LIMIT ${LIMIT}`,
      [SENT_EVENT_TYPES],
    );
    const requeued = { events: 0, deliveries: 0, markedSent: 0 };
    for (const { id, uid } of events) {
      const jobId = routeJobId(uid);
      const job = await queue.getJob(jobId);
      if (job && (await job.isFailed())) {
        await job.retry();
      } else if (!job || (await job.isCompleted())) {
        // Routed by the queue but not by the database (restored from a backup): routing
        // again records the deliveries, which then meet the jobs Redis kept for them.
        await job?.remove();
        await this.jobs.enqueue('notifications.route', { eventId: id }, { jobId });
      } else continue;
      requeued.events++;
    }
    const deliveries: Array<{ id: string; eventUid: string; userId: string; channel: string }> =
      await ctx.manager.query(
        `SELECT d.id::text, e.uid::text AS "eventUid", d.user_id AS "userId", d.channel
           FROM deliveries d JOIN outbox_events e ON e.id = d.event_id
          WHERE (d.status = 'pending' AND d.updated_at < now() - ${STALE})
             OR (d.status = 'sending' AND d.claimed_until < now())
          ORDER BY d.id LIMIT ${LIMIT}`,
      );
    for (const delivery of deliveries) {
      const jobId = deliveryJobId(delivery.eventUid, delivery.userId, delivery.channel);
      const job = await queue.getJob(jobId);
      if (job) {
        // Still to run: leave it.
        const completed = await job.isCompleted();
        if (!(completed || (await job.isFailed()))) continue;
        const sent = (job.returnvalue as { status?: string } | null)?.status === 'sent';
        // An inbox item lives in the database: one it forgot is written again (once).
        if (completed && sent && delivery.channel === 'email') {
          // Sent, but the database does not know (restored from a backup): record it rather
          // than send it a second time.
          await ctx.manager.query(
            `UPDATE deliveries SET status = 'sent', sent_at = to_timestamp($2 / 1000.0),
                    claimed_until = NULL, last_error = NULL, updated_at = now()
              WHERE id = $1 AND status IN ('pending', 'sending')`,
            [delivery.id, job.finishedOn ?? Date.now()],
          );
          requeued.markedSent++;
          continue;
        }
        // Finished otherwise while the delivery says it is not: its record is the truth, and
        // the kept job would swallow the add.
        await job.remove();
      }
      await this.jobs.enqueue(
        'notifications.deliver',
        { deliveryId: delivery.id },
        { jobId, attempts: this.config.DELIVERY_ATTEMPTS },
      );
      requeued.deliveries++;
    }
    if (requeued.markedSent) {
      this.logger.warn(
        `Marked ${requeued.markedSent} delivery(ies) sent that the queue had sent and the database did not know of`,
      );
    }
    if (requeued.events || requeued.deliveries) {
      this.logger.warn(
        `Requeued ${requeued.events} event(s) and ${requeued.deliveries} delivery(ies) the queue had lost`,
      );
    }
    return requeued;
  }
}
