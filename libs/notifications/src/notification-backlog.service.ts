import type { WorkContext } from '@app/common';
import { JobProducer, QueueName } from '@app/queue';
import { Injectable } from '@nestjs/common';

export interface NotificationBacklog {
  queue: { waiting: number; active: number; delayed: number; failed: number };
  deliveries: { pending: number; failed: number };
  outbox: { undispatched: number; oldestUndispatchedSeconds: number | null };
}

/** How far behind notifications are: for the worker's readiness report and for operators. */
@Injectable()
export class NotificationBacklogService {
  constructor(private readonly jobs: JobProducer) {}

  async backlog(ctx: WorkContext): Promise<NotificationBacklog> {
    const [counts, [deliveries], [outbox]] = await Promise.all([
      this.jobs
        .queue(QueueName.notifications)
        .getJobCounts('waiting', 'active', 'delayed', 'failed'),
      ctx.manager.query(
        `SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending,
                count(*) FILTER (WHERE status = 'failed')::int AS failed
           FROM deliveries WHERE status IN ('pending', 'failed')`,
      ),
      ctx.manager.query(
        `SELECT count(*)::int AS undispatched,
                floor(extract(epoch FROM now() - min(created_at)))::int AS "oldestUndispatchedSeconds"
           FROM outbox_events WHERE dispatched_at IS NULL`,
      ),
    ]);
    return {
      queue: {
        waiting: counts.waiting ?? 0,
        active: counts.active ?? 0,
        delayed: counts.delayed ?? 0,
        failed: counts.failed ?? 0,
      },
      deliveries,
      outbox,
    };
  }
}
