import { WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobHandlers, JobName, QueueName } from './jobs';

/**
 * Base of every queue consumer: dispatches each job to the handler of its name.
 * A handler that throws lets the error reach BullMQ, so the job's retries apply.
 */
export abstract class QueueConsumer<Q extends QueueName>
  extends WorkerHost
  implements OnApplicationBootstrap
{
  protected abstract readonly handlers: JobHandlers<Q>;
  protected abstract readonly concurrency: number;
  protected readonly logger = new Logger(this.constructor.name);

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.concurrency;
  }

  async process(job: Job): Promise<unknown> {
    const handler = (
      this.handlers as unknown as Record<
        string,
        ((payload: unknown, context: unknown) => Promise<unknown>) | undefined
      >
    )[job.name];
    if (!handler) {
      // A job nobody handles would retry forever; fail it loudly instead.
      throw new Error(`No handler for job "${job.name}" on queue "${job.queueName}"`);
    }
    const started = performance.now();
    const result = await handler(job.data, {
      jobId: job.id as string,
      attempt: job.attemptsMade + 1,
      maxAttempts: job.opts.attempts ?? 1,
    });
    this.logger.log({
      msg: 'Job done',
      job: job.name as JobName,
      jobId: job.id,
      ms: Math.round(performance.now() - started),
    });
    return result;
  }
}
