import { withTimeout } from '@app/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { JobProducer, QueueName } from '@app/queue';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface DependencyStatus {
  status: 'up' | 'down';
  latencyMs: number;
  error?: string;
}

export interface ReadinessReport {
  status: 'ok' | 'unavailable';
  checks: Record<string, DependencyStatus>;
}

const CHECK_TIMEOUT_MS = 2000;

/**
 * Whether this process can do its work: Postgres answers and the queue backend answers.
 * It probes the connection pool itself, for anyone and before any request context exists,
 * so it keeps the DataSource rather than taking a work context.
 */
@Injectable()
export class ReadinessService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobProducer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async check(extra: Record<string, () => Promise<void>> = {}): Promise<ReadinessReport> {
    const probes: Record<string, () => Promise<unknown>> = {
      postgres: () => this.dataSource.query('SELECT 1'),
      // Named after where the queues live, so an operator knows what to look at.
      [this.config.QUEUE_BACKEND === 'redis' ? 'redis' : 'queue']: () =>
        this.jobs.queue(QueueName.system).getJobCounts('waiting'),
      ...extra,
    };
    const entries = await Promise.all(
      Object.entries(probes).map(
        async ([name, probe]) => [name, await measure(name, probe)] as const,
      ),
    );
    const checks = Object.fromEntries(entries);
    const up = entries.every(([, result]) => result.status === 'up');
    return { status: up ? 'ok' : 'unavailable', checks };
  }
}

async function measure(name: string, probe: () => Promise<unknown>): Promise<DependencyStatus> {
  const started = performance.now();
  try {
    await withTimeout(probe(), CHECK_TIMEOUT_MS, `${name} check`);
    return { status: 'up', latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return {
      status: 'down',
      latencyMs: Math.round(performance.now() - started),
      error: (error as Error).message,
    };
  }
}
