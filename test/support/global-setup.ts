import { loadConfig } from '@app/config';
import { quoteIdentifier, runMigrations } from '@app/database';
import { Client } from 'pg';
import { allMigrations } from '../../migrations';
import {
  TEMPLATE_ENV,
  TEST_DB_PREFIX,
  TEST_SERVER_URL,
  databaseUrl,
  uniqueSuffix,
} from './test-env';

/**
 * Creates one migrated template database per run; every suite copies it (fast) instead
 * of migrating its own. Databases left behind by runs that crashed over an hour ago go.
 */
export default async function globalSetup(): Promise<void> {
  const admin = new Client({ connectionString: TEST_SERVER_URL });
  await admin.connect();
  try {
    const stale = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1`,
      [`${TEST_DB_PREFIX}%`],
    );
    const hourAgo = Date.now() - 3600_000;
    for (const { datname } of stale.rows) {
      // Names end in <base-36 creation time>_<8 hex digits> (see uniqueSuffix).
      const match = /_([0-9a-z]+)_[0-9a-f]{8}$/.exec(datname);
      const created = match ? parseInt(match[1], 36) : NaN;
      if (created < hourAgo)
        await admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(datname)} WITH (FORCE)`);
    }
    const template = `${TEST_DB_PREFIX}template_${uniqueSuffix()}`;
    await admin.query(`CREATE DATABASE ${quoteIdentifier(template)}`);
    process.env[TEMPLATE_ENV] = template;
  } finally {
    await admin.end();
  }
  await runMigrations(
    loadConfig({ DATABASE_URL: databaseUrl(process.env[TEMPLATE_ENV]!), DATABASE_POOL_SIZE: '2' }),
    allMigrations,
  );
}
