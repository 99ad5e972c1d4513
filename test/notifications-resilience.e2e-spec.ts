import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import {
  eventually,
  PrivateRedis,
  startPrivateRedis,
  startSmtpServer,
  startTestStack,
  TestSmtpServer,
  TestStack,
} from '@app/testing';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { inBatches, seedNominationFixture } from './support/nomination-fixture';

type Fixture = Awaited<ReturnType<typeof seedNominationFixture>>;

// The worker runs as a real process (built by `npm test`), so it can be killed outright.
const WORKER = join(__dirname, '..', 'dist/apps/worker/src/main.js');

/**
 * Notifications when things fail: Redis down while people work, a worker killed with
 * SIGKILL in the middle of its work, and two workers at once. Every event reaches every
 * recipient, once.
 */
describe('notification delivery when things fail', () => {
  let smtp: TestSmtpServer;
  let redis: PrivateRedis;
  let stack: TestStack;
  let fixture: Fixture;
  let db: DataSource;
  let intakeId: string;
  let fundId: string;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    smtp = await startSmtpServer();
    redis = await startPrivateRedis();
    stack = await startTestStack({
      env: { REDIS_URL: redis.url, SMTP_URL: smtp.url, APP_BASE_URL: 'https://daotao.example.vn' },
    });
    fixture = await seedNominationFixture(stack);
    db = fixture.db;
    intakeId = await fixture.intake('CNKT-2027-SC');
    fundId = await fixture.fund(1_000_000_000_000n);
    // A second reviewer: every submission notifies two people on two channels.
    await fixture.org.factory.user({
      grants: [{ role: 'board_reviewer', authorityId: fixture.org.authorities.authorityA }],
    });
  }, 60_000);
  // A failed test leaves neither a worker running nor the SMTP server holding mail.
  afterEach(async () => {
    smtp.setDelay(0);
    const running = workers.filter((worker) => !exited(worker));
    for (const worker of running) worker.kill('SIGKILL');
    await Promise.all(running.map(stopped));
  });
  afterAll(async () => {
    await stack?.close();
    await redis?.close();
    await smtp?.close();
  });

  function startWorker(): ChildProcess {
    const worker = spawn(process.execPath, [WORKER], {
      env: {
        PATH: process.env.PATH!,
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        DATABASE_URL: stack.config.DATABASE_URL,
        DATABASE_POOL_SIZE: '5',
        REDIS_URL: redis.url,
        QUEUE_PREFIX: stack.config.QUEUE_PREFIX,
        SMTP_URL: smtp.url,
        APP_BASE_URL: 'https://daotao.example.vn',
        WORKER_HEALTH_PORT: '0',
        OUTBOX_POLL_MS: '200',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    worker.stderr!.on('data', (chunk) => process.env.TEST_LOG_LEVEL && process.stderr.write(chunk));
    workers.push(worker);
    return worker;
  }

  // A process killed by a signal keeps a null exit code: its signal code says it ended.
  const exited = (worker: ChildProcess) => worker.exitCode !== null || worker.signalCode !== null;
  const stopped = (worker: ChildProcess) =>
    new Promise((resolve) => (exited(worker) ? resolve(null) : worker.once('exit', resolve)));

  /** Nominations created and submitted over HTTP; answers their ids. */
  async function submit(count: number): Promise<string[]> {
    const nominees = await fixture.nominees(count);
    return inBatches(nominees, 10, async (nominee) => {
      const created = await fixture.nominate(nominee, intakeId, fundId);
      expect(created.status).toBe(201);
      expect((await fixture.act(created.body.id, 'submit', 1, 'unitHeadA')).status).toBe(201);
      return created.body.id as string;
    });
  }

  /** The submissions' deliveries, once every one of them is sent (4 per nomination). */
  async function allSent(ids: string[], timeoutMs: number) {
    const counts = () =>
      db.query(
        `SELECT d.status, d.channel, count(*)::int AS n, max(d.last_error) AS "lastError"
           FROM deliveries d JOIN outbox_events e ON e.id = d.event_id
          WHERE e.aggregate_id = ANY($1::uuid[]) AND e.type = 'nomination.submitted'
          GROUP BY 1, 2`,
        [ids],
      );
    try {
      return await eventually(
        async () => {
          const rows: Array<{ status: string; n: number }> = await counts();
          const total = rows.reduce((sum, row) => sum + row.n, 0);
          const sent = rows.filter((row) => row.status === 'sent').reduce((s, r) => s + r.n, 0);
          return total === ids.length * 4 && sent === total ? rows : undefined;
        },
        { timeoutMs, intervalMs: 250 },
      );
    } catch (error) {
      // Say where the deliveries stand, so a failure can be read from the log.
      const [{ undispatched }] = await db.query(
        `SELECT count(*)::int AS undispatched FROM outbox_events
          WHERE aggregate_id = ANY($1::uuid[]) AND dispatched_at IS NULL`,
        [ids],
      );
      throw new Error(
        `${(error as Error).message}: ${JSON.stringify({ deliveries: await counts(), undispatched })}`,
        { cause: error },
      );
    }
  }

  /** Emails received per delivery of these nominations' events: each must be exactly 1. */
  async function emailsPerDelivery(ids: string[]) {
    const deliveries: Array<{ messageId: string }> = await db.query(
      `SELECT '<delivery-' || e.uid || '-' || d.user_id || '-email@daotao.example.vn>' AS "messageId"
         FROM deliveries d JOIN outbox_events e ON e.id = d.event_id
        WHERE e.aggregate_id = ANY($1::uuid[]) AND d.channel = 'email'`,
      [ids],
    );
    const received = new Map<string, number>();
    for (const mail of smtp.messages) {
      received.set(mail.messageId ?? '', (received.get(mail.messageId ?? '') ?? 0) + 1);
    }
    return deliveries.map(({ messageId }) => received.get(messageId) ?? 0);
  }

  it('refuses to start on a Redis that may evict queued jobs', async () => {
    const admin = new Redis(redis.url);
    await admin.config('SET', 'maxmemory-policy', 'allkeys-lru');
    try {
      const worker = startWorker();
      let output = '';
      worker.stderr!.on('data', (chunk) => (output += chunk));
      await stopped(worker);
      expect(worker.exitCode).toBe(1);
      expect(output).toContain('maxmemory-policy allkeys-lru');
      expect(output).toContain('noeviction');
    } finally {
      await admin.config('SET', 'maxmemory-policy', 'noeviction');
      admin.disconnect();
    }
  });

  it('keeps the workflow working while Redis is down, and delivers every event once after it returns', async () => {
    const worker = startWorker();
    await redis.stop();
    const ids = await submit(5);
    const [{ waiting }] = await db.query(
      `SELECT count(*)::int AS waiting FROM outbox_events
        WHERE aggregate_id = ANY($1::uuid[]) AND dispatched_at IS NULL`,
      [ids],
    );
    expect(waiting).toBe(5);

    await redis.start();
    await allSent(ids, 30_000);
    expect(await emailsPerDelivery(ids)).toEqual(Array(10).fill(1));
    worker.kill('SIGTERM');
    await stopped(worker);
  }, 60_000);

  it('delivers every event once when a worker is killed with SIGKILL mid-batch and another starts', async () => {
    // The SMTP server accepts 8 of this test's emails, then holds the ones after: the kill
    // lands while they are in flight, not accepted yet. (An email accepted in the instant
    // before a kill, before its delivery is marked sent, would be sent again: see
    // docs/notifications.md.)
    smtp.setDelay(60_000, { afterMessages: smtp.messages.length + 8 });
    const first = startWorker();
    const ids = await submit(30);
    await eventually(async () => (smtp.holding() >= 3 ? true : undefined), { timeoutMs: 30_000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    first.kill('SIGKILL');
    await stopped(first);
    const [{ sent }] = await db.query(
      `SELECT count(*)::int AS sent FROM deliveries d JOIN outbox_events e ON e.id = d.event_id
        WHERE e.aggregate_id = ANY($1::uuid[]) AND d.status = 'sent'`,
      [ids],
    );
    expect(sent).toBeLessThan(ids.length * 4);

    smtp.setDelay(0);
    const second = startWorker();
    // Jobs the killed worker held come back once their lock expires (about 30 s).
    await allSent(ids, 150_000);
    expect(await emailsPerDelivery(ids)).toEqual(Array(ids.length * 2).fill(1));
    const [{ duplicates }] = await db.query(
      `SELECT count(*)::int AS duplicates FROM (
         SELECT event_id, user_id FROM notifications GROUP BY 1, 2 HAVING count(*) > 1) d`,
    );
    expect(duplicates).toBe(0);
    second.kill('SIGTERM');
    await stopped(second);
  }, 200_000);

  it('delivers each event once with two workers running at once', async () => {
    const pair = [startWorker(), startWorker()];
    const ids = await submit(30);
    await allSent(ids, 30_000);
    expect(await emailsPerDelivery(ids)).toEqual(Array(ids.length * 2).fill(1));
    const [{ undispatched }] = await db.query(
      `SELECT count(*)::int AS undispatched FROM outbox_events WHERE dispatched_at IS NULL`,
    );
    expect(undispatched).toBe(0);
    for (const worker of pair) worker.kill('SIGTERM');
    await Promise.all(pair.map(stopped));
  }, 60_000);
});
