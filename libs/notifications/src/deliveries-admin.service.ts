import { Actor, Ctx, forbidden, isAdmin, notFound } from '@app/access';
import { AuditService } from '@app/audit';
import { DomainError, withTimeout } from '@app/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { returning } from '@app/database';
import { jobDefinitions, JobProducer } from '@app/queue';
import { Inject, Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { Channel } from './events';
import { deliveryJobId } from './outbox';

export const DELIVERY_STATUSES = ['pending', 'sending', 'sent', 'failed', 'digest'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface DeliveryFilter {
  status?: DeliveryStatus;
  channel?: Channel;
  userId?: string;
  eventType?: string;
}

/** One delivery of one event to one recipient on one channel, as administrators see it. */
export interface DeliveryView {
  id: string;
  eventId: string;
  eventType: string;
  aggregateId: string;
  recipient: { userId: string; email: string; displayName: string };
  channel: Channel;
  status: DeliveryStatus;
  /** Gathered into the recipient's daily digest email. */
  digest: boolean;
  attempts: number;
  lastError: string | null;
  sentAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const SELECT_DELIVERY = `
  SELECT d.id::text, d.event_id::text AS "eventId", e.type AS "eventType",
         e.aggregate_id AS "aggregateId", d.user_id AS "userId", u.email,
         u.display_name AS "displayName", d.channel, d.status, d.digest, d.attempts,
         d.last_error AS "lastError", d.sent_at AS "sentAt", d.created_at AS "createdAt",
         d.updated_at AS "updatedAt"
    FROM deliveries d
    JOIN outbox_events e ON e.id = d.event_id
    JOIN users u ON u.id = d.user_id`;

const DELIVER = 'notifications.deliver';
// As for an enqueue: a request must not wait on a reconnecting queue backend.
const QUEUE_TIMEOUT_MS = 3000;

/**
 * Administrators' view of the deliveries the worker records, and the retry of a failed one.
 * Both check the role themselves, whatever guard the caller has passed.
 */
@Injectable()
export class DeliveriesAdminService {
  constructor(
    private readonly jobs: JobProducer,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Newest first (by id: the order they were recorded in). */
  async list(
    ctx: Ctx,
    query: DeliveryFilter & { page: number; pageSize: number },
  ): Promise<{ items: DeliveryView[]; total: number }> {
    assertAdmin(ctx.actor);
    const clauses: string[] = [];
    const params: unknown[] = [];
    const where = (sql: string, value: unknown) => {
      params.push(value);
      clauses.push(sql.replace('?', `$${params.length}`));
    };
    if (query.status !== undefined) where('d.status = ?', query.status);
    if (query.channel !== undefined) where('d.channel = ?', query.channel);
    if (query.userId !== undefined) where('d.user_id = ?', query.userId);
    if (query.eventType !== undefined) where('e.type = ?', query.eventType);
    const filter = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
    const paging = [query.pageSize, (query.page - 1) * query.pageSize];
    const [rows, [{ total }]] = await Promise.all([
      ctx.manager.query(
        `${SELECT_DELIVERY} ${filter} ORDER BY d.id DESC
          LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, ...paging],
      ),
      ctx.manager.query(
        `SELECT count(*)::int AS total
           FROM deliveries d JOIN outbox_events e ON e.id = d.event_id ${filter}`,
        params,
      ),
    ]);
    return { items: (rows as DeliveryRow[]).map(toView), total };
  }

  /**
   * Sends a failed delivery again: it becomes pending (its last error kept until the next
   * attempt) and its job is enqueued under the delivery's own job id, with the full number of
   * attempts. A finished job kept under that id is removed first, or BullMQ would ignore the
   * new one; a job still running refuses the retry.
   *
   * The status changes and commits before the enqueue: a job taken by a worker before the
   * commit would find the delivery still failed and skip it. If the enqueue fails, the
   * delivery is put back to failed, so nothing stays half done.
   */
  async retry(ctx: Ctx, id: string): Promise<DeliveryView> {
    assertAdmin(ctx.actor);
    const claimed = await ctx.transaction(async (tx) => {
      const { manager } = tx;
      const [row] = await manager.query(
        `SELECT e.uid::text AS "eventUid", d.user_id AS "userId", d.channel, d.status,
                d.attempts, d.updated_at::text AS "updatedAt"
           FROM deliveries d JOIN outbox_events e ON e.id = d.event_id
          WHERE d.id = $1 FOR UPDATE OF d`,
        [id],
      );
      if (!row) throw notFound('delivery', id);
      if (row.status !== 'failed') {
        throw new DomainError(
          'DELIVERY_NOT_FAILED',
          'conflict',
          `Delivery ${id} is ${row.status}; only a failed delivery can be retried.`,
          { deliveryStatus: row.status },
        );
      }
      const jobId = deliveryJobId(row.eventUid, row.userId, row.channel);
      await this.removeFinishedJob(id, jobId);
      await manager.query(
        `UPDATE deliveries SET status = 'pending', claimed_until = NULL, updated_at = now()
          WHERE id = $1`,
        [id],
      );
      await this.audit.record(tx, 'delivery', id, { status: 'failed' }, { status: 'pending' });
      // updatedAt as text keeps its microseconds, to be put back exactly if need be.
      return { jobId, attempts: row.attempts as number, updatedAt: row.updatedAt as string };
    });
    try {
      await this.jobs.enqueue(
        DELIVER,
        { deliveryId: id },
        { jobId: claimed.jobId, attempts: this.config.DELIVERY_ATTEMPTS },
      );
    } catch (error) {
      await ctx.transaction(async (tx) => {
        const restored = await returning(
          tx.manager,
          `UPDATE deliveries SET status = 'failed', updated_at = $3::timestamptz
            WHERE id = $1 AND status = 'pending' AND attempts = $2
            RETURNING id`,
          [id, claimed.attempts, claimed.updatedAt],
        );
        if (restored.length) {
          await this.audit.record(tx, 'delivery', id, { status: 'pending' }, { status: 'failed' });
        }
      });
      throw error;
    }
    return this.find(ctx, id);
  }

  private async find(ctx: Ctx, id: string): Promise<DeliveryView> {
    const [row] = await ctx.manager.query(`${SELECT_DELIVERY} WHERE d.id = $1`, [id]);
    if (!row) throw notFound('delivery', id);
    return toView(row);
  }

  /** Removes a completed, failed or waiting job kept under the id; refuses a running one. */
  private async removeFinishedJob(deliveryId: string, jobId: string): Promise<void> {
    const queue = this.jobs.queue(jobDefinitions[DELIVER].queue);
    const bounded = <T>(promise: Promise<T>) =>
      withTimeout(promise, QUEUE_TIMEOUT_MS, 'Reading the queue');
    try {
      const job = (await bounded(queue.getJob(jobId))) as Job | undefined;
      if (!job) return;
      if (await bounded(job.isActive())) throw inProgress(deliveryId);
      try {
        await bounded(job.remove());
      } catch (error) {
        // Taken by a worker meanwhile, or removed by someone else.
        const again = (await bounded(queue.getJob(jobId))) as Job | undefined;
        if (!again) return;
        if (await bounded(again.isActive())) throw inProgress(deliveryId);
        throw error;
      }
    } catch (error) {
      if (error instanceof DomainError) throw error;
      throw new DomainError(
        'QUEUE_UNAVAILABLE',
        'unavailable',
        'The job queue is not reachable; try again shortly.',
        { cause: (error as Error).message },
      );
    }
  }
}

function assertAdmin(actor: Actor) {
  if (!isAdmin(actor)) throw forbidden('Only administrators may see or retry deliveries.');
}

const inProgress = (id: string) =>
  new DomainError(
    'DELIVERY_IN_PROGRESS',
    'conflict',
    `Delivery ${id} is being sent right now; retry once that attempt has ended.`,
  );

type DeliveryRow = Omit<DeliveryView, 'recipient'> & DeliveryView['recipient'];

function toView({ userId, email, displayName, ...delivery }: DeliveryRow): DeliveryView {
  return { ...delivery, recipient: { userId, email, displayName } };
}
