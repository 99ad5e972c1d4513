import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { PASSWORD_HASH_OPTIONS } from '@app/access';
import { argon2id, hash, verify } from 'argon2';
import { benchDatabase, throughput } from './support';

/*
 * What a password hash costs, at the parameters chosen (libs/access/src/passwords.ts) and
 * at others for comparison; then what creating users costs through the API: one at a time
 * with a password (one hash each), invited (no hash), and a 1,000-user import (no hash).
 * `npm run bench -- passwords`.
 */

const SETTINGS: Array<[string, { memoryCost: number; timeCost: number; parallelism: number }]> = [
  [
    'library defaults (before): m=64 MiB, t=3, p=4',
    { memoryCost: 65_536, timeCost: 3, parallelism: 4 },
  ],
  ['OWASP 1 (chosen): m=19 MiB, t=2, p=1', PASSWORD_HASH_OPTIONS],
  ['OWASP 2: m=12 MiB, t=3, p=1', { memoryCost: 12_288, timeCost: 3, parallelism: 1 }],
  ['OWASP 3: m=46 MiB, t=1, p=1', { memoryCost: 47_104, timeCost: 1, parallelism: 1 }],
];

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function hashes() {
  const rows = [];
  for (const [name, options] of SETTINGS) {
    const times: number[] = [];
    let digest = '';
    for (let i = 0; i < 21; i++) {
      const started = performance.now();
      digest = await hash(`mật khẩu thử nghiệm ${i}`, { type: argon2id, ...options });
      if (i > 0) times.push(performance.now() - started); // the first warms up
    }
    const verifyStarted = performance.now();
    await verify(digest, 'mật khẩu thử nghiệm 20');
    const verifyMs = performance.now() - verifyStarted;
    times.sort((a, b) => a - b);
    // Four at once: libuv's default thread pool, i.e. four sign-ins at the same moment.
    const parallel = await throughput(40, 4, (i) =>
      hash(`parallel ${i}`, { type: argon2id, ...options }),
    );
    rows.push({
      setting: name,
      'hash p50 ms': Math.round(percentile(times, 50)),
      'hash p95 ms': Math.round(percentile(times, 95)),
      'verify ms': Math.round(verifyMs),
      'hashes/s (4 at once)': parallel.perSecond,
    });
  }
  console.table(rows);
}

async function api() {
  const database = await benchDatabase(4);
  const options = database.dataSource.options as { url?: string };
  const tierId = randomUUID();
  const unitId = randomUUID();
  await database.dataSource.query(
    `INSERT INTO tiers (id, code, name, level) VALUES ($1, 'CITY', 'Thành phố', 1)`,
    [tierId],
  );
  await database.dataSource.query(
    `INSERT INTO units (id, code, name, tier_id, kind, path)
     VALUES ($1, 'QU-BT', 'Quận ủy Bình Thủy', $2, 'party_committee', $3)`,
    [unitId, tierId, `/${unitId}/`],
  );
  const port = await freePort();
  const base = `http://127.0.0.1:${port}/api/v1`;
  const child = spawn(process.execPath, [join(__dirname, '../apps/api/src/main.js')], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'development',
      DATABASE_URL: options.url!,
      QUEUE_PREFIX: `bench-passwords-${port}`,
      API_PORT: String(port),
      LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await ready(`${base}/health/live`, child);
    const login = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@example.org', password: 'admin-password-dev' }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const headers = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };
    const create = (i: number, password?: string) =>
      fetch(`${base}/users`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          email: `${password ? 'with' : 'invited'}-${i}@example.org`,
          displayName: `Cán bộ số ${i}`,
          ...(password ? { password } : {}),
          roles: [{ role: 'unit_head', unitId }],
        }),
      }).then((response) => {
        if (response.status !== 201) throw new Error(`status ${response.status}`);
      });
    const rows = [];
    for (const [name, task] of [
      [
        'POST /users with a password, 1 at a time',
        (i: number) => create(i, 'a long enough password'),
      ],
      ['POST /users invited (no password), 1 at a time', (i: number) => create(i)],
    ] as const) {
      const run = await throughput(100, 1, task);
      rows.push({
        scenario: name,
        time: `${Math.round((run.seconds * 1000) / 100)} ms per user`,
        failed: run.failed,
      });
    }
    for (const dryRun of [true, false]) {
      const csv = [
        'Email,Họ và tên,Vai trò',
        ...Array.from(
          { length: 1000 },
          (_, i) => `import-${i}@example.org,Cán bộ nhập số ${i},Thủ trưởng đơn vị@QU-BT`,
        ),
      ].join('\n');
      const form = new FormData();
      form.append('file', new Blob([csv]), 'users.csv');
      const started = performance.now();
      const response = await fetch(`${base}/imports/users?dryRun=${dryRun}`, {
        method: 'POST',
        body: form,
        headers: { authorization: `Bearer ${accessToken}` },
      });
      const answer = (await response.json()) as { created?: number };
      rows.push({
        scenario: `import of 1,000 new users${dryRun ? ' (dry run)' : ''}`,
        time: `${((performance.now() - started) / 1000).toFixed(2)} s in all`,
        failed: response.status === 200 && answer.created === 1000 ? 0 : 1,
      });
    }
    console.table(rows);
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await database.close();
  }
}

async function ready(url: string, child: ChildProcess) {
  for (let attempt = 0; attempt < 600; attempt++) {
    if (child.exitCode !== null) throw new Error(`The API exited with code ${child.exitCode}`);
    if (
      await fetch(url).then(
        (response) => response.ok,
        () => false,
      )
    )
      return;
    await sleep(100);
  }
  throw new Error('The API did not start within a minute');
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

void (async () => {
  await hashes();
  await api();
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
