import { ORGANIZATION_TIME_ZONE } from '@app/common';
import {
  DIGEST_PATTERN,
  DIGEST_SCHEDULER_ID,
  RECOVERY_PATTERN,
  RECOVERY_SCHEDULER_ID,
  REMINDERS_PATTERN,
  REMINDERS_SCHEDULER_ID,
} from '@app/notifications';
import { JobName, JobProducer, jobDefinitions } from '@app/queue';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';

/** The scheduled start of nominations: every hour at minute 5, organization time. */
export const START_DUE_SCHEDULER_ID = 'nominations.start-due.hourly';
export const START_DUE_PATTERN = '5 * * * *';

/** The daily compliance snapshot: 01:00 organization time. */
export const COMPLIANCE_SNAPSHOT_SCHEDULER_ID = 'reports.compliance-snapshot.daily';
export const COMPLIANCE_SNAPSHOT_PATTERN = '0 1 * * *';

/** Every recurring job: its scheduler id, cron pattern (organization time), and whether it also runs at start-up. */
const SCHEDULES: Array<{ id: string; job: JobName; pattern: string; runAtStart: boolean }> = [
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
 * there is still one schedule of each).
 */
@Injectable()
export class WorkerSchedules implements OnApplicationBootstrap {
  private readonly logger = new Logger(WorkerSchedules.name);

  constructor(private readonly producer: JobProducer) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const schedule of SCHEDULES) {
      const { queue, options } = jobDefinitions[schedule.job];
      try {
        await this.producer
          .queue(queue)
          .upsertJobScheduler(
            schedule.id,
            { pattern: schedule.pattern, tz: ORGANIZATION_TIME_ZONE },
            { name: schedule.job, data: {}, opts: options },
          );
        if (schedule.runAtStart) await this.producer.enqueue(schedule.job, {} as never);
      } catch (error) {
        // The queue backend was reachable at start-up; a hiccup now must not stop the worker.
        this.logger.warn(`Could not schedule ${schedule.job}: ${(error as Error).message}`);
      }
    }
  }
}
