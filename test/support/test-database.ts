import { quoteIdentifier } from '@app/database';
import { Client } from 'pg';
import {
  TEMPLATE_ENV,
  TEST_DB_PREFIX,
  TEST_SERVER_URL,
  databaseUrl,
  uniqueSuffix,
} from './test-env';

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

async function withAdmin<T>(work: (admin: Client) => Promise<T>): Promise<T> {
  const admin = new Client({ connectionString: TEST_SERVER_URL });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

/**
 * A fresh database for one test file: a copy of the migrated template, or empty, or a copy
 * of another test database (`copyOf`, which nobody may be connected to: a backup).
 */
export async function createTestDatabase(
  options: { empty?: boolean; copyOf?: string } = {},
): Promise<TestDatabase> {
  const template = options.copyOf ?? process.env[TEMPLATE_ENV];
  if (!options.empty && !template) throw new Error('The e2e global setup did not run');
  const name = `${TEST_DB_PREFIX}${uniqueSuffix()}`;
  await withAdmin((admin) =>
    admin.query(
      `CREATE DATABASE ${quoteIdentifier(name)}` +
        (options.empty ? '' : ` TEMPLATE ${quoteIdentifier(template!)}`),
    ),
  );
  return {
    name,
    url: databaseUrl(name),
    drop: () =>
      withAdmin((admin) =>
        admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`),
      ).then(() => undefined),
  };
}
