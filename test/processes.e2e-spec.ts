import { ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import {
  createTestDatabase,
  eventually,
  TEST_REDIS_URL,
  TEST_SERVER_URL,
  TestDatabase,
  uniqueSuffix,
} from '@app/testing';

// These suites run the built entry points (`npm test` builds first) as real processes.
const root = join(__dirname, '..');

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>;
}

function run(script: string, env: Record<string, string>, args: string[] = []): Running {
  const started = Date.now();
  const child = spawn(process.execPath, [join(root, script), ...args], {
    cwd: root,
    env: { PATH: process.env.PATH!, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>(
    (resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal, ms: Date.now() - started })),
  );
  return { child, output: () => output, exited };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function getJson(url: string): Promise<{ status: number; body: any } | undefined> {
  try {
    const response = await fetch(url);
    return { status: response.status, body: await response.json() };
  } catch {
    return undefined;
  }
}

const readyWithin = (url: string, timeoutMs: number) =>
  eventually(async () => ((await getJson(url))?.status === 200 ? true : undefined), {
    timeoutMs,
    intervalMs: 200,
  });

describe('entry points when a backing service does not answer', () => {
  const cases = [
    [
      'API',
      'dist/apps/api/src/main.js',
      { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nowhere' },
      /Postgres.*DATABASE_URL/,
    ],
    [
      'worker',
      'dist/apps/worker/src/main.js',
      { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nowhere' },
      /Postgres.*DATABASE_URL/,
    ],
    // With a Postgres that answers (the test server's own database), so Redis is what fails.
    [
      'API',
      'dist/apps/api/src/main.js',
      { DATABASE_URL: TEST_SERVER_URL, REDIS_URL: 'redis://127.0.0.1:1' },
      /Redis.*REDIS_URL/,
    ],
    [
      'worker',
      'dist/apps/worker/src/main.js',
      { DATABASE_URL: TEST_SERVER_URL, REDIS_URL: 'redis://127.0.0.1:1' },
      /Redis.*REDIS_URL/,
    ],
    [
      'npm start',
      'scripts/start.mjs',
      { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nowhere' },
      /Postgres.*DATABASE_URL/,
    ],
    [
      'npm start',
      'scripts/start.mjs',
      { DATABASE_URL: TEST_SERVER_URL, REDIS_URL: 'redis://127.0.0.1:1' },
      /Redis.*REDIS_URL/,
    ],
  ] as const;

  it.each(cases)('%s should exit 1 with one line when %j', async (_name, script, env, line) => {
    const process = run(script, { ...env, EMBEDDED: 'never' });
    const { code, ms } = await process.exited;
    expect(code).toBe(1);
    expect(ms).toBeLessThan(15_000);
    expect(process.output().trim().split('\n')).toEqual([expect.stringMatching(line)]);
  });

  it('should exit 1 with one line naming a malformed variable', async () => {
    const process = run('dist/apps/api/src/main.js', { API_PORT: 'eighty' });
    expect((await process.exited).code).toBe(1);
    expect(process.output().trim()).toBe(
      'Configuration error: API_PORT is invalid: expected an integer from 1 to 65535, got "eighty"',
    );
  });
});

describe('API and worker processes', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('should become ready, and stop with exit code 0 within 10 s of SIGTERM', async () => {
    const [apiPort, workerPort] = [await freePort(), await freePort()];
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: `test-${uniqueSuffix()}`,
      API_PORT: String(apiPort),
      WORKER_HEALTH_PORT: String(workerPort),
    };
    const api = run('dist/apps/api/src/main.js', env);
    const worker = run('dist/apps/worker/src/main.js', env);
    try {
      await readyWithin(`http://127.0.0.1:${apiPort}/api/v1/health/ready`, 20_000);
      await readyWithin(`http://127.0.0.1:${workerPort}/health/ready`, 20_000);
      const report = await getJson(`http://127.0.0.1:${workerPort}/health/ready`);
      expect(report?.body.checks.consumers.status).toBe('up');
      expect(report?.body.notifications).toMatchObject({
        queue: { failed: 0 },
        deliveries: { pending: expect.any(Number), failed: 0 },
        outbox: { undispatched: expect.any(Number) },
      });
    } finally {
      api.child.kill('SIGTERM');
      worker.child.kill('SIGTERM');
    }
    for (const exit of [await api.exited, await worker.exited]) {
      expect(exit).toMatchObject({ code: 0, signal: null });
    }
  });
});

describe('npm start in the embedded development mode', () => {
  let dataDir: string;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'tn-embedded-'));
    // The embedded server runs as the unprivileged `postgres` user when we are root.
    chmodSync(dataDir, 0o755);
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('should run on embedded Postgres with Postgres-backed queues, carry a job, and stop cleanly', async () => {
    const [apiPort, workerPort, pgPort] = [await freePort(), await freePort(), await freePort()];
    const start = run('scripts/start.mjs', {
      EMBEDDED: 'always',
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(pgPort),
      API_PORT: String(apiPort),
      WORKER_HEALTH_PORT: String(workerPort),
    });
    try {
      await readyWithin(`http://127.0.0.1:${apiPort}/api/v1/health/ready`, 60_000);
      await readyWithin(`http://127.0.0.1:${workerPort}/health/ready`, 10_000);
      expect(start.output()).toContain('Embedded development mode');
      const ready = await getJson(`http://127.0.0.1:${apiPort}/api/v1/health/ready`);
      expect(Object.keys(ready!.body.checks).sort()).toEqual(['postgres', 'queue']);

      // The first administrator was created at start-up with the development defaults.
      const login = await fetch(`http://127.0.0.1:${apiPort}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@example.org', password: 'admin-password-dev' }),
      });
      expect(login.status).toBe(200);
      const { accessToken } = (await login.json()) as { accessToken: string };
      const headers = { authorization: `Bearer ${accessToken}` };
      const requested = await fetch(`http://127.0.0.1:${apiPort}/api/v1/system/probes`, {
        method: 'POST',
        headers,
      });
      const { id } = (await requested.json()) as { id: string };
      const processed = await eventually(async () => {
        const probe = await fetch(`http://127.0.0.1:${apiPort}/api/v1/system/probes/${id}`, {
          headers,
        });
        return probe.status === 200 ? ((await probe.json()) as { status: string }) : undefined;
      });
      expect(processed.status).toBe('processed');
    } finally {
      start.child.kill('SIGTERM');
    }
    const exit = await start.exited;
    expect(exit).toMatchObject({ code: 0, signal: null });
  }, 90_000);
});

/** The pid of `parent`'s child process whose command line contains `script`, if any. */
function childPid(parent: number, script: string): number | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The fields after the command name, which may contain spaces: state, ppid, ...
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== parent) continue;
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(script)) return Number(entry);
    } catch {
      // Gone meanwhile.
    }
  }
  return undefined;
}

describe('npm start when an app crashes', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    // Marked as seeded: the demo data is not what this is about, and takes long to write.
    const client = new Client({ connectionString: database.url });
    await client.connect();
    await client.query(
      `INSERT INTO app_metadata (key, value) VALUES ('demo_data_seeded_at', to_jsonb(now()))`,
    );
    await client.end();
  });
  afterAll(() => database.drop());

  it('should restart a worker killed with SIGKILL while the API keeps answering, and stop with 0 on SIGTERM', async () => {
    const [apiPort, workerPort] = [await freePort(), await freePort()];
    const start = run('scripts/start.mjs', {
      EMBEDDED: 'never',
      DATABASE_URL: database.url,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: `test-${uniqueSuffix()}`,
      API_PORT: String(apiPort),
      WORKER_HEALTH_PORT: String(workerPort),
    });
    const apiLive = `http://127.0.0.1:${apiPort}/api/v1/health/live`;
    const workerReady = `http://127.0.0.1:${workerPort}/health/ready`;
    try {
      await readyWithin(`http://127.0.0.1:${apiPort}/api/v1/health/ready`, 120_000).catch(
        (error: Error) => {
          throw new Error(`${error.message}; npm start said:\n${start.output().slice(-3000)}`);
        },
      );
      await readyWithin(workerReady, 60_000);
      const worker = childPid(start.child.pid!, 'dist/apps/worker/src/main.js');
      expect(worker).toBeDefined();

      process.kill(worker!, 'SIGKILL');
      // The API answers every request while the worker is down and comes back.
      const failures: number[] = [];
      const restarted = await eventually(
        async () => {
          const live = await getJson(apiLive);
          if (live?.status !== 200) failures.push(live?.status ?? 0);
          const next = childPid(start.child.pid!, 'dist/apps/worker/src/main.js');
          const ready = next && next !== worker ? await getJson(workerReady) : undefined;
          return ready?.status === 200 ? next : undefined;
        },
        { timeoutMs: 90_000, intervalMs: 250 },
      );
      expect(restarted).not.toBe(worker);
      expect(failures).toEqual([]);
      expect(start.output()).toMatch(
        /worker exited unexpectedly \(SIGKILL\); restarting it in 1 s[\s\S]*restarting worker/,
      );
      expect(start.child.exitCode).toBeNull();
    } finally {
      start.child.kill('SIGTERM');
    }
    const exit = await start.exited;
    expect(exit).toMatchObject({ code: 0, signal: null });
  }, 300_000);
});
