import { quoteIdentifier } from '@app/database';
import { Client } from 'pg';
import { TEMPLATE_ENV, TEST_SERVER_URL } from './test-env';

export default async function globalTeardown(): Promise<void> {
  const template = process.env[TEMPLATE_ENV];
  if (!template) return;
  const admin = new Client({ connectionString: TEST_SERVER_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(template)} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
