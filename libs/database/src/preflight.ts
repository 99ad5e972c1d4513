import { ServiceUnreachableError } from '@app/common';
import { redact } from '@app/config';
import { Client } from 'pg';

/** Fails fast, with one line naming the database, when Postgres does not answer. */
export async function assertPostgresReachable(
  databaseUrl: string,
  timeoutMs: number,
  /** What to name in the message, when `databaseUrl` is derived from it. */
  configuredUrl = databaseUrl,
): Promise<void> {
  const client = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: timeoutMs });
  // A failed connect can also emit 'error'; the rejection below is what we report.
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new ServiceUnreachableError(
      'Postgres',
      'DATABASE_URL',
      redact('DATABASE_URL', configuredUrl),
      error,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}
