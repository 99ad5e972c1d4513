import { AppConfig, loadConfig } from '@app/config';
import { redisOptionsFromUrl, selectQueueBackend } from '@app/queue';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import Redis from 'ioredis';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { HttpClient } from './http-client';
import { createTestDatabase, TestDatabase } from './test-database';
import { TEST_REDIS_URL, uniqueSuffix } from './test-env';

export interface TestStack {
  config: AppConfig;
  database: TestDatabase;
  api: NestFastifyApplication;
  worker?: INestApplicationContext;
  http: HttpClient;
  /** Closes the apps (once), leaving the database and the queue keys. */
  stop(): Promise<void>;
  close(): Promise<void>;
}

/** Configuration for a suite: its own database and its own queue prefix in Redis. */
export function testConfig(overrides: Record<string, string>): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: `test-${uniqueSuffix()}`,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATABASE_POOL_SIZE: '5',
    ...overrides,
  });
}

/**
 * Boots the real API on a real HTTP port (and, if asked, the real worker) against a fresh
 * database copied from the migrated template and a private queue prefix in Redis.
 */
export async function startTestStack(
  options: { worker?: boolean; env?: Record<string, string>; database?: TestDatabase } = {},
): Promise<TestStack> {
  const database = options.database ?? (await createTestDatabase());
  const config = testConfig({ DATABASE_URL: database.url, ...options.env });
  selectQueueBackend(config);
  const api = await createApiApp(config);
  await api.listen({ host: '127.0.0.1', port: 0 });
  const address = api.getHttpServer().address() as { port: number };
  let worker: INestApplicationContext | undefined;
  if (options.worker) {
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
      logger: false,
    });
    await worker.init();
  }
  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      await api.close();
      await worker?.close();
    })());
  return {
    config,
    database,
    api,
    worker,
    http: new HttpClient(`http://127.0.0.1:${address.port}`),
    stop,
    async close() {
      await stop();
      await deleteQueueKeys(config);
      await database.drop();
    },
  };
}

async function deleteQueueKeys(config: AppConfig): Promise<void> {
  // The suite's own REDIS_URL may point nowhere on purpose; its keys live on the test Redis.
  const redis = new Redis(redisOptionsFromUrl(TEST_REDIS_URL));
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(
        cursor,
        'MATCH',
        `${config.QUEUE_PREFIX}:*`,
        'COUNT',
        500,
      );
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** Polls `check` with a pause until it returns a value, or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  { timeoutMs = 10_000, intervalMs = 50 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
