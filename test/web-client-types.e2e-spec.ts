import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createTestDatabase, TEST_REDIS_URL, type TestDatabase } from '@app/testing';

/**
 * The web client's types (apps/web/src/api/schema.d.ts) are generated from the API's own
 * OpenAPI document; this fails when a DTO changed and `npm run openapi` was not run.
 */
const root = join(__dirname, '..');

function runCheck(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'scripts/openapi.mjs'), '--check'], {
      cwd: root,
      env: { PATH: process.env.PATH!, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('the web client types', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('should match the OpenAPI document the API serves', async () => {
    const { code, output } = await runCheck({
      OPENAPI_DATABASE_URL: database.url,
      REDIS_URL: TEST_REDIS_URL,
    });
    if (code !== 0) throw new Error(output.trim() || `scripts/openapi.mjs exited with ${code}`);
    expect(output).toContain('The web client types match the API.');
  }, 120_000);
});
