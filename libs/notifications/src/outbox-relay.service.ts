import { Clock, withTimeout, WorkContext } from '@app/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { jobDefinitions, queueConnection } from '@app/queue';
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { isSent } from './events';
import { routeJobId } from './outbox';

const ROUTE = jobDefinitions['notifications.route'];
// After a failed batch (the queue is down), wait this long, doubling up to the maximum.
const RETRY_MIN_MS = 1_000;
const RETRY_MAX_MS = 30_000;

/**
 * Moves outbox events to the notifications queue. Each batch claims the oldest pending
 * rows (FOR UPDATE SKIP LOCKED, so several workers share the work and never take the same
 * row), adds one job per event under an id derived from its uid, and marks the rows dispatched
 * in the same transaction — only once the queue has accepted the jobs. When the queue is
 * down the transaction rolls back and the events wait in Postgres.
 *
 * It runs when Postgres NOTIFYs a new event and, in case a notification is missed, every
 * OUTBOX_POLL_MS.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly queue: Queue;
  private listener?: Client;
  private poll?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private stopped = false;
  private retryAt = 0;
  private retryDelay = RETRY_MIN_MS;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    // Its own producer connection: with the queue down, an add fails at once instead of
    // waiting in a client-side buffer.
    this.queue = new Queue(ROUTE.queue, {
      connection: queueConnection(config, 'producer'),
      prefix: config.QUEUE_PREFIX,
    });
    this.queue.on('error', () => undefined); // reported by the failed batches below
  }

  onApplicationBootstrap(): void {
    this.poll = setInterval(() => this.wake(), this.config.OUTBOX_POLL_MS);
    void this.listen();
    this.wake();
  }

  /** Runs batches until the outbox is empty; a call while running asks for one more pass. */
  wake(): void {
    if (this.stopped || Date.now() < this.retryAt) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  /** One batch: how many events it moved (0 when the outbox is empty). */
  async relayBatch(): Promise<number> {
    // Not a job but a loop of the worker's own: each batch is the system's work, in a context
    // of its own.
    const ctx = WorkContext.start(null, this.dataSource, this.clock);
    return ctx.transaction(async ({ manager }) => {
      const rows: Array<{ id: string; uid: string; type: string }> = await manager.query(
        `SELECT id::text, uid::text, type FROM outbox_events
          WHERE dispatched_at IS NULL
          ORDER BY id LIMIT $1
          FOR UPDATE SKIP LOCKED`,
        [this.config.OUTBOX_BATCH_SIZE],
      );
      if (!rows.length) return 0;
      // Events nobody is notified of are only marked.
      const routed = rows.filter((row) => isSent(row.type));
      if (routed.length) {
        await withTimeout(
          this.queue.addBulk(
            routed.map((row) => ({
              name: 'notifications.route',
              data: { eventId: row.id },
              opts: { ...ROUTE.options, jobId: routeJobId(row.uid) },
            })),
          ),
          5_000,
          'Adding outbox events to the queue',
        );
      }
      await manager.query(
        `UPDATE outbox_events SET dispatched_at = now() WHERE id = ANY($1::bigint[])`,
        [rows.map((row) => row.id)],
      );
      return rows.length;
    });
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearInterval(this.poll);
    await this.running;
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
    await this.queue.close();
  }

  private async drain(): Promise<void> {
    try {
      while (!this.stopped && (await this.relayBatch()) === this.config.OUTBOX_BATCH_SIZE);
      this.retryDelay = RETRY_MIN_MS;
    } catch (error) {
      this.retryAt = Date.now() + this.retryDelay;
      // Said once the outage outlasts a start-up hiccup, then about every 30 s.
      if (this.retryDelay === 4 * RETRY_MIN_MS || this.retryDelay === RETRY_MAX_MS) {
        this.logger.warn(
          `Outbox events wait in Postgres: ${(error as Error).message} (retrying every ${this.retryDelay / 1000} s or less)`,
        );
      }
      this.retryDelay = Math.min(this.retryDelay * 2, RETRY_MAX_MS);
    }
  }

  /** LISTEN on its own connection; reconnects after a second when it drops. */
  private async listen(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.config.DATABASE_URL });
    const reconnect = () => {
      if (this.listener !== client) return;
      this.listener = undefined;
      void client.end().catch(() => undefined);
      setTimeout(() => void this.listen(), 1_000).unref();
    };
    this.listener = client;
    client.on('error', reconnect);
    client.on('end', reconnect);
    client.on('notification', () => this.wake());
    try {
      await client.connect();
      await client.query('LISTEN outbox_events');
    } catch {
      reconnect();
    }
  }
}
