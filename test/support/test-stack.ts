import { AppConfig } from '@app/config';
import { selectQueueBackend } from '@app/queue';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { HttpClient } from './http-client';
import { deleteQueueKeys, testConfig } from './test-config';
import { createTestDatabase, TestDatabase } from './test-database';

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
