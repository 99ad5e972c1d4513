import type { Actor, Ctx } from '@app/access';
import { ClockModule, WorkContext } from '@app/common';
import { AppConfig, ConfigModule } from '@app/config';
import { schema } from '@app/schema';
import { DatabaseModule, WorkContexts } from '@app/database';
import { QueueModule, selectQueueBackend } from '@app/queue';
import type { Abstract, ModuleMetadata, Provider, Type } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from './test-database';
import { deleteQueueKeys, testConfig } from './test-config';

export interface MediumStack {
  config: AppConfig;
  database: TestDatabase;
  dataSource: DataSource;
  /** The Nest container: the given modules and providers, the database, the clock. */
  app: TestingModule;
  /** A provider from anywhere in the container. */
  get<T>(type: Type<T> | Abstract<T> | string | symbol): T;
  /** A context for `actor`'s work, outside any transaction (as the auth guard makes one). */
  ctx(actor: Actor, requestId?: string | null): Ctx;
  /** A context for the system's own work (as a job makes one). */
  systemCtx(): WorkContext<null>;
  close(): Promise<void>;
}

/**
 * The medium test tier: the services under test on a fresh database copied from the migrated
 * template, with the configuration, the database module (DataSource, WorkContexts) and the
 * clock, and nothing else: no HTTP server, no logger, no queues unless `queue` asks for the
 * producer side (which then needs Redis, or Postgres with QUEUE_BACKEND=postgres).
 */
export async function startMediumStack(
  options: {
    imports?: ModuleMetadata['imports'];
    providers?: Provider[];
    queue?: boolean;
    env?: Record<string, string>;
    database?: TestDatabase;
  } = {},
): Promise<MediumStack> {
  const database = options.database ?? (await createTestDatabase());
  const config = testConfig({ DATABASE_URL: database.url, ...options.env });
  let app: TestingModule | undefined;
  try {
    if (options.queue) selectQueueBackend(config);
    app = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(schema),
        ClockModule,
        ...(options.queue ? [QueueModule.forRoot('producer')] : []),
        ...(options.imports ?? []),
      ],
      providers: options.providers ?? [],
    }).compile();
    await app.init();
  } catch (error) {
    await app?.close();
    if (!options.database) await database.drop();
    throw error;
  }
  const booted = app;
  const contexts = booted.get(WorkContexts);
  let closed: Promise<void> | undefined;
  return {
    config,
    database,
    dataSource: booted.get(DataSource),
    app: booted,
    get: (type) => booted.get(type, { strict: false }),
    ctx: (actor, requestId = null) => contexts.forRequest(actor, requestId),
    systemCtx: () => contexts.forSystem(),
    close: () =>
      (closed ??= (async () => {
        await booted.close();
        if (options.queue) await deleteQueueKeys(config);
        await database.drop();
      })()),
  };
}
