import { ORGANIZATION_TIME_ZONE } from '@app/catalog';
import { JobProducer, jobDefinitions } from '@app/queue';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';

/** The scheduled start of nominations: every hour at minute 5, organization time. */
export const START_DUE_SCHEDULER_ID = 'nominations.start-due.hourly';
export const START_DUE_PATTERN = '5 * * * *';

/**
 * Registers the worker's recurring jobs (upserted, so every worker instance may do it and
 * there is still one schedule) and runs the scheduled start once at start-up, so nothing
 * due waits for the next hour after a deployment.
 */
@Injectable()
export class WorkerSchedules implements OnApplicationBootstrap {
  private readonly logger = new Logger(WorkerSchedules.name);

  constructor(private readonly producer: JobProducer) {}

  async onApplicationBootstrap(): Promise<void> {
    const { queue, options } = jobDefinitions['nominations.start-due'];
    try {
      await this.producer
        .queue(queue)
        .upsertJobScheduler(
          START_DUE_SCHEDULER_ID,
          { pattern: START_DUE_PATTERN, tz: ORGANIZATION_TIME_ZONE },
          { name: 'nominations.start-due', data: {}, opts: options },
        );
      await this.producer.enqueue('nominations.start-due', {});
    } catch (error) {
      // The queue backend was reachable at start-up; a hiccup now must not stop the worker.
      this.logger.warn(
        `Could not schedule the start of due nominations: ${(error as Error).message}`,
      );
    }
  }
}
