import { DomainError, withTimeout } from '@app/common';
import { getQueueToken } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { JobsOptions, Queue } from 'bullmq';
import { JobName, JobPayloads, jobDefinitions } from './jobs';

// While the queue backend reconnects, an add waits; a request must not wait longer than this.
const ENQUEUE_TIMEOUT_MS = 3000;

/** Adds jobs to the queue their definition names, with the options defined there. */
@Injectable()
export class JobProducer {
  constructor(private readonly moduleRef: ModuleRef) {}

  /** Resolves to the job id. A job id given twice adds the job once. */
  async enqueue<N extends JobName>(
    name: N,
    payload: JobPayloads[N],
    options: Pick<JobsOptions, 'jobId' | 'attempts' | 'delay'> = {},
  ): Promise<string> {
    const definition = jobDefinitions[name];
    try {
      const job = await withTimeout(
        this.queue(definition.queue).add(name, payload, { ...definition.options, ...options }),
        ENQUEUE_TIMEOUT_MS,
        'Adding a job',
      );
      return job.id as string;
    } catch (error) {
      throw unavailable(error);
    }
  }

  /** Adds several jobs of one kind in one round trip; ids given twice add a job once. */
  async enqueueMany<N extends JobName>(
    name: N,
    jobs: Array<{ payload: JobPayloads[N]; options?: Pick<JobsOptions, 'jobId' | 'attempts'> }>,
  ): Promise<void> {
    if (!jobs.length) return;
    const definition = jobDefinitions[name];
    try {
      await withTimeout(
        this.queue(definition.queue).addBulk(
          jobs.map((job) => ({
            name,
            data: job.payload,
            opts: { ...definition.options, ...job.options },
          })),
        ),
        ENQUEUE_TIMEOUT_MS,
        'Adding jobs',
      );
    } catch (error) {
      throw unavailable(error);
    }
  }

  queue(name: string): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }
}

const unavailable = (error: unknown) =>
  new DomainError(
    'QUEUE_UNAVAILABLE',
    'unavailable',
    'The job queue is not reachable; try again shortly.',
    { cause: (error as Error).message },
  );
