import { APP_CONFIG, AppConfig } from '@app/config';
import { JobProducer, QueueName } from '@app/queue';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NOTIFIED_EVENT_TYPES } from './events';
import { deliveryJobId } from './outbox';

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
 * kept failed job would swallow an add under the same id.
 */
@Injectable()
export class RecoveryService {
  private readonly logger = new Logger(RecoveryService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobProducer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async recover(): Promise<{ events: number; deliveries: number }> {
    const queue = this.jobs.queue(QueueName.notifications);
    const events: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id::text FROM outbox_events
        WHERE routed_at IS NULL AND dispatched_at < now() - ${STALE} AND type = ANY($1::text[])
        ORDER BY id LIMIT ${LIMIT}`,
      [NOTIFIED_EVENT_TYPES],
    );
    const requeued = { events: 0, deliveries: 0 };
    for (const { id } of events) {
      const job = await queue.getJob(`event-${id}`);
      if (!job) {
        await this.jobs.enqueue('notifications.route', { eventId: id }, { jobId: `event-${id}` });
      } else if (await job.isFailed()) {
        await job.retry();
      } else continue;
      requeued.events++;
    }
    const deliveries: Array<{ id: string; eventId: string; userId: string; channel: string }> =
      await this.dataSource.query(
        `SELECT id::text, event_id::text AS "eventId", user_id AS "userId", channel FROM deliveries
          WHERE (status = 'pending' AND updated_at < now() - ${STALE})
             OR (status = 'sending' AND claimed_until < now())
          ORDER BY id LIMIT ${LIMIT}`,
      );
    for (const delivery of deliveries) {
      const jobId = deliveryJobId(delivery.eventId, delivery.userId, delivery.channel);
      const job = await queue.getJob(jobId);
      if (job) {
        // Still to run: leave it. Finished while the delivery says otherwise: its record is
        // the truth, and the kept job would swallow the add.
        if (!((await job.isCompleted()) || (await job.isFailed()))) continue;
        await job.remove();
      }
      await this.jobs.enqueue(
        'notifications.deliver',
        { deliveryId: delivery.id },
        { jobId, attempts: this.config.DELIVERY_ATTEMPTS },
      );
      requeued.deliveries++;
    }
    if (requeued.events || requeued.deliveries) {
      this.logger.warn(
        `Requeued ${requeued.events} event(s) and ${requeued.deliveries} delivery(ies) the queue had lost`,
      );
    }
    return requeued;
  }
}
