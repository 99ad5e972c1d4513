import { ORGANIZATION_TIME_ZONE } from '@app/common';
import {
  DIGEST_PATTERN,
  DIGEST_SCHEDULER_ID,
  RECOVERY_PATTERN,
  RECOVERY_SCHEDULER_ID,
  REMINDERS_PATTERN,
  REMINDERS_SCHEDULER_ID,
} from '@app/notifications';
import { EventEmitter } from 'node:events';
import { APP_CONFIG, AppConfig } from '@app/config';
import { JobName, JobProducer, jobDefinitions } from '@app/queue';
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';

/** The scheduled start of nominations: every hour at minute 5, organization time. */
export const START_DUE_SCHEDULER_ID = 'nominations.start-due.hourly';
export const START_DUE_PATTERN = '5 * * * *';

/** The daily compliance snapshot: 01:00 organization time. */
export const COMPLIANCE_SNAPSHOT_SCHEDULER_ID = 'reports.compliance-snapshot.daily';
export const COMPLIANCE_SNAPSHOT_PATTERN = '0 1 * * *';

/** Every recurring job: its scheduler id, cron pattern (organization time), and whether it also runs at start-up. */
export const SCHEDULES: Array<{ id: string; job: JobName; pattern: string; runAtStart: boolean }> =
  [
    // At start too, so nothing due waits for the next hour after a deployment.
    {
      id: START_DUE_SCHEDULER_ID,
      job: 'nominations.start-due',
      pattern: START_DUE_PATTERN,
      runAtStart: true,
    },
    {
      id: REMINDERS_SCHEDULER_ID,
      job: 'notifications.reminders',
      pattern: REMINDERS_PATTERN,
      runAtStart: true,
    },
    {
      id: RECOVERY_SCHEDULER_ID,
      job: 'notifications.recover',
      pattern: RECOVERY_PATTERN,
      runAtStart: true,
    },
    {
      id: DIGEST_SCHEDULER_ID,
      job: 'notifications.digest',
      pattern: DIGEST_PATTERN,
      runAtStart: false,
    },
    // At start too, so a fresh installation has today's snapshot (taking it again replaces it).
    {
      id: COMPLIANCE_SNAPSHOT_SCHEDULER_ID,
      job: 'reports.compliance-snapshot',
      pattern: COMPLIANCE_SNAPSHOT_PATTERN,
      runAtStart: true,
    },
  ];

/**
 * Registers the worker's recurring jobs (upserted, so every worker instance may do it and
 * there is still one schedule of each), and keeps them registered: a Redis that comes back
 * empty (no persistence, a failover, FLUSHALL) has lost them, and nothing else would ever
 * add them again. The worker looks when its queue connection becomes ready again and every
 * WORKER_SCHEDULE_CHECK_MS, and puts back what is missing — running at once the jobs that
 * also run at start-up, as the lost data may include their work (the recovery pass
 * re-enqueues it).
 */
@Injectable()
export class WorkerSchedules implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WorkerSchedules.name);
  private timer?: NodeJS.Timeout;
  private checking?: Promise<string[]>;
  private readonly unsubscribe: Array<() => void> = [];
  private stopped = false;

  constructor(
    private readonly producer: JobProducer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const schedule of SCHEDULES) {
      try {
        await this.register(schedule);
      } catch (error) {
        // The queue backend was reachable at start-up; a hiccup now must not stop the worker.
        this.logger.warn(`Could not schedule ${schedule.job}: ${(error as Error).message}`);
      }
    }
    this.timer = setInterval(() => void this.restore(), this.config.WORKER_SCHEDULE_CHECK_MS);
    this.timer.unref();
    this.watchReconnects();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    for (const off of this.unsubscribe) off();
    await this.checking; // before the queues close
  }

  /** The scheduler ids that are not registered in the queue now. */
  async missing(): Promise<string[]> {
    const found = await Promise.all(
      SCHEDULES.map(async (schedule) =>
        (await this.producer.queue(jobDefinitions[schedule.job].queue).getJobScheduler(schedule.id))
          ? undefined
          : schedule.id,
      ),
    );
    return found.filter((id): id is string => id !== undefined);
  }

  /** Puts back the schedules that are missing; answers their ids. One check at a time. */
  restore(): Promise<string[]> {
    this.checking ??= this.restoreMissing()
      .catch((error: Error) => {
        // The queue is down: the next check (or its reconnection) tries again.
        this.logger.debug(`Could not check the schedules: ${error.message}`);
        return [];
      })
      .finally(() => (this.checking = undefined));
    return this.checking;
  }

  private async restoreMissing(): Promise<string[]> {
    if (this.stopped) return [];
    const missing = await this.missing();
    for (const id of missing) await this.register(SCHEDULES.find((s) => s.id === id)!);
    if (missing.length) {
      this.logger.warn(
        `Put back ${missing.length} missing schedule(s) (the queue lost its data?): ${missing.join(', ')}`,
      );
    }
    return missing;
  }

  private async register(schedule: (typeof SCHEDULES)[number]): Promise<void> {
    const { queue, options } = jobDefinitions[schedule.job];
    await this.producer
      .queue(queue)
      .upsertJobScheduler(
        schedule.id,
        { pattern: schedule.pattern, tz: ORGANIZATION_TIME_ZONE },
        { name: schedule.job, data: {}, opts: options },
      );
    if (schedule.runAtStart) await this.producer.enqueue(schedule.job, {} as never);
  }

  /** Checks as soon as a queue's Redis connection is ready again (it may be a new, empty server). */
  private watchReconnects(): void {
    const queues = new Set(SCHEDULES.map((schedule) => jobDefinitions[schedule.job].queue));
    for (const name of queues) {
      // The Redis backend says 'ready' on every (re)connection of its client.
      const backend = this.producer.queue(name).getBackend() as unknown;
      if (!(backend instanceof EventEmitter)) continue;
      const onReady = () => void this.restore();
      backend.on('ready', onReady);
      this.unsubscribe.push(() => backend.off('ready', onReady));
    }
  }
}
