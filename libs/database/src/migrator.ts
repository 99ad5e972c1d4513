import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@app/config';
import { buildDataSourceOptions } from './data-source-options';

type DatabaseConfig = Pick<
  AppConfig,
  'DATABASE_URL' | 'DATABASE_POOL_SIZE' | 'DATABASE_CONNECT_TIMEOUT_MS'
>;

// Any fixed number; every instance that migrates takes the same lock.
const MIGRATION_LOCK_KEY = 4_202_611;

/**
 * Runs pending migrations while holding a Postgres advisory lock, so two instances
 * starting at once migrate one after the other and the second finds nothing to do.
 * (Migrations are SQL: running them needs no entities, so the caller need not load the
 * libraries that declare them.)
 */
export async function runMigrations(
  config: DatabaseConfig,
  migrations: Function[],
): Promise<string[]> {
  return withMigrationLock(config, migrations, async (dataSource) => {
    await assertUtf8(dataSource);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  });
}

export async function revertLastMigration(
  config: DatabaseConfig,
  migrations: Function[],
): Promise<void> {
  await withMigrationLock(config, migrations, (dataSource) => dataSource.undoLastMigration());
}

export async function pendingMigrations(
  config: DatabaseConfig,
  migrations: Function[],
): Promise<boolean> {
  return withMigrationLock(config, migrations, (dataSource) => dataSource.showMigrations());
}

/**
 * Vietnamese names need a UTF-8 database, and so does the diacritic-free search form
 * (`normalize()`): a database created in another encoding fails here, by name, rather than
 * in the middle of a migration or on the first name with diacritics.
 */
async function assertUtf8(dataSource: DataSource): Promise<void> {
  const [{ encoding }] = (await dataSource.query(
    `SELECT pg_encoding_to_char(encoding) AS encoding FROM pg_database
      WHERE datname = current_database()`,
  )) as Array<{ encoding: string }>;
  if (encoding !== 'UTF8') {
    throw new Error(
      `The database is encoded ${encoding}; it must be UTF8 ` +
        `(CREATE DATABASE … ENCODING 'UTF8' TEMPLATE template0).`,
    );
  }
}

async function withMigrationLock<T>(
  config: DatabaseConfig,
  migrations: Function[],
  work: (dataSource: DataSource) => Promise<T>,
): Promise<T> {
  const lock = new Client({
    connectionString: config.DATABASE_URL,
    connectionTimeoutMillis: config.DATABASE_CONNECT_TIMEOUT_MS,
  });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const dataSource = new DataSource({
      ...buildDataSourceOptions(config, { entities: [], migrations }),
      extra: { max: 2, connectionTimeoutMillis: config.DATABASE_CONNECT_TIMEOUT_MS },
    });
    await dataSource.initialize();
    try {
      return await work(dataSource);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    // Ending the session releases the advisory lock too.
    await lock.end();
  }
}

/** Creates the database named in the URL if it does not exist (development convenience). */
export async function ensureDatabaseExists(
  databaseUrl: string,
  timeoutMs: number,
): Promise<boolean> {
  const name = databaseName(databaseUrl);
  const admin = new Client({
    connectionString: maintenanceUrl(databaseUrl),
    connectionTimeoutMillis: timeoutMs,
  });
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return false;
    await admin.query(`CREATE DATABASE ${quoteIdentifier(name)}`);
    return true;
  } catch (error) {
    // Another instance created it in the meantime.
    if ((error as { code?: string }).code === '42P04') return false;
    throw error;
  } finally {
    await admin.end();
  }
}

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function databaseName(databaseUrl: string): string {
  return decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, ''));
}

/** The same server's `postgres` database, from which databases are created and dropped. */
export function maintenanceUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.pathname = '/postgres';
  return url.toString();
}
