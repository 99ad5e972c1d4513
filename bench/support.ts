import { loadConfig } from '@app/config';
import { buildDataSourceOptions, quoteIdentifier, runMigrations } from '@app/database';
import { schema } from '@app/schema';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A freshly migrated database of its own for one benchmark; dropped by `close`. */
export async function benchDatabase(
  poolSize = 32,
): Promise<{ dataSource: DataSource; close(): Promise<void> }> {
  const name = `tn_bench_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${quoteIdentifier(name)}`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  const config = loadConfig({ DATABASE_URL: url.toString(), DATABASE_POOL_SIZE: String(poolSize) });
  await runMigrations(config, schema.migrations);
  const dataSource = await new DataSource(buildDataSourceOptions(config, schema)).initialize();
  return {
    dataSource,
    async close() {
      await dataSource.destroy();
      await admin.query(`DROP DATABASE ${quoteIdentifier(name)} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** Runs `task` `total` times with `concurrency` in flight; returns operations per second. */
export async function throughput(
  total: number,
  concurrency: number,
  task: (i: number) => Promise<unknown>,
) {
  let next = 0;
  let failed = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        await task(i).catch(() => failed++);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { perSecond: Math.round(total / seconds), seconds: Number(seconds.toFixed(2)), failed };
}
