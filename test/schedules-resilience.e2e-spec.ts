import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { jobDefinitions } from '@app/queue';
import {
  eventually,
  PrivateRedis,
  startPrivateRedis,
  startSmtpServer,
  startTestStack,
  TestSmtpServer,
  TestStack,
} from '@app/testing';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { SCHEDULES } from '../apps/worker/src/schedules';
import { inBatches, seedNominationFixture } from './support/nomination-fixture';

type Fixture = Awaited<ReturnType<typeof seedNominationFixture>>;

// The worker runs as a real process (built by `npm test`), on a Redis of the suite's own.
const WORKER = join(__dirname, '..', 'dist/apps/worker/src/main.js');
const APP_BASE_URL = 'https://daotao.example.vn';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Redis coming back empty (a restart without persistence, a failover, FLUSHALL) takes the
 * worker's recurring jobs with it. The worker notices, puts them back and runs the recovery
 * pass, which re-enqueues the work lost with them; until they are back it is not ready.
 */
describe('recurring jobs when Redis loses its data', () => {
  let smtp: TestSmtpServer;
  let redis: PrivateRedis;
  let stack: TestStack;
  let fixture: Fixture;
  let db: DataSource;
  let intakeId: string;
  let fundId: string;
  const queues: Queue[] = [];
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    smtp = await startSmtpServer();
    redis = await startPrivateRedis();
    stack = await startTestStack({
      env: { REDIS_URL: redis.url, SMTP_URL: smtp.url, APP_BASE_URL },
    });
    fixture = await seedNominationFixture(stack);
    db = fixture.db;
    intakeId = await fixture.intake('CNKT-2027-SR');
    fundId = await fixture.fund(1_000_000_000_000n);
    for (const name of new Set(SCHEDULES.map((s) => jobDefinitions[s.job].queue))) {
      const queue = new Queue(name, {
        connection: { host: '127.0.0.1', port: redis.port, maxRetriesPerRequest: null },
        prefix: stack.config.QUEUE_PREFIX,
      });
      queue.on('error', () => undefined);
      queues.push(queue);
    }
  }, 60_000);
  afterAll(async () => {
    for (const worker of workers) worker.kill('SIGKILL');
    for (const queue of queues) await queue.close();
    await stack?.close();
    await redis?.close();
    await smtp?.close();
  });

  function startWorker(env: Record<string, string>): ChildProcess {
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
        APP_BASE_URL,
        OUTBOX_POLL_MS: '200',
        ...env,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    worker.stderr!.on('data', (chunk) => process.env.TEST_LOG_LEVEL && process.stderr.write(chunk));
    workers.push(worker);
    return worker;
  }

  const stopped = (worker: ChildProcess) =>
    new Promise((resolve) =>
      worker.exitCode !== null ? resolve(null) : worker.once('exit', resolve),
    );

  /** The scheduler ids registered in Redis now. */
  async function registered(): Promise<string[]> {
    const ids: string[] = [];
    for (const queue of queues) {
      for (const scheduler of await queue.getJobSchedulers()) ids.push(scheduler.key);
    }
    return ids.sort();
  }
  const allIds = SCHEDULES.map((schedule) => schedule.id).sort();
  const allRegistered = async () =>
    (await registered()).length === allIds.length ? true : undefined;

  async function ready(port: number) {
    const response = await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => undefined);
    return response && { status: response.status, body: (await response.json()) as any };
  }

  /** Nominations created and submitted over HTTP; answers their ids. */
  async function submit(count: number): Promise<string[]> {
    const nominees = await fixture.nominees(count);
    return inBatches(nominees, 5, async (nominee) => {
      const created = await fixture.nominate(nominee, intakeId, fundId);
      expect(created.status).toBe(201);
      expect((await fixture.act(created.body.id, 'submit', 1, 'unitHeadA')).status).toBe(201);
      return created.body.id as string;
    });
  }

  async function deliveryCounts(ids: string[]) {
    const rows: Array<{ status: string; n: number }> = await db.query(
      `SELECT d.status, count(*)::int AS n
         FROM deliveries d JOIN outbox_events e ON e.id = d.event_id
        WHERE e.aggregate_id = ANY($1::uuid[]) GROUP BY 1`,
      [ids],
    );
    return Object.fromEntries(rows.map((row) => [row.status, row.n])) as Record<string, number>;
  }

  /** Emails received per email delivery of these nominations' events: each must be exactly 1. */
  async function emailsPerDelivery(ids: string[]) {
    const deliveries: Array<{ messageId: string }> = await db.query(
      `SELECT '<delivery-' || e.uid || '-' || d.user_id || '-email@daotao.example.vn>' AS "messageId"
         FROM deliveries d JOIN outbox_events e ON e.id = d.event_id
        WHERE e.aggregate_id = ANY($1::uuid[]) AND d.channel = 'email'`,
      [ids],
    );
    return deliveries.map(
      ({ messageId }) => smtp.messages.filter((mail) => mail.messageId === messageId).length,
    );
  }

  it('puts the schedules back after Redis restarts empty with jobs in flight, and the lost work arrives once', async () => {
    const healthPort = await freePort();
    // No periodic check within the test: the reconnection is what must be noticed.
    const worker = startWorker({
      WORKER_HEALTH_PORT: String(healthPort),
      WORKER_CONCURRENCY: '1',
      WORKER_SCHEDULE_CHECK_MS: '3600000',
    });
    await eventually(async () => ((await ready(healthPort))?.status === 200 ? true : undefined), {
      timeoutMs: 60_000,
      intervalMs: 250,
    });
    expect(await registered()).toEqual(allIds);
    expect((await ready(healthPort))!.body.checks.schedules.status).toBe('up');

    // Slow mail and one job at a time: most of the work is still queued when Redis dies.
    smtp.setDelay(300);
    const ids = await submit(12);
    await eventually(async () => ((await deliveryCounts(ids)).sent >= 3 ? true : undefined), {
      timeoutMs: 60_000,
      intervalMs: 100,
    });
    await redis.stop();
    // The send under way finishes (Postgres still answers); what was queued is lost.
    await eventually(async () => (!(await deliveryCounts(ids)).sending ? true : undefined), {
      timeoutMs: 30_000,
      intervalMs: 100,
    });
    const [{ unrouted }] = await db.query(
      `SELECT count(*)::int AS unrouted FROM outbox_events
        WHERE aggregate_id = ANY($1::uuid[]) AND routed_at IS NULL`,
      [ids],
    );
    const counts = await deliveryCounts(ids);
    expect(unrouted + (counts.pending ?? 0)).toBeGreaterThan(0);
    // As if the outage had lasted past the recovery pass's 10 minutes.
    await db.query(
      `UPDATE outbox_events SET dispatched_at = dispatched_at - interval '11 minutes'
        WHERE aggregate_id = ANY($1::uuid[])`,
      [ids],
    );
    await db.query(
      `UPDATE deliveries SET updated_at = updated_at - interval '11 minutes'
        WHERE status = 'pending' AND event_id IN (
          SELECT id FROM outbox_events WHERE aggregate_id = ANY($1::uuid[]))`,
      [ids],
    );
    smtp.setDelay(0);

    await redis.start();
    await eventually(allRegistered, { timeoutMs: 30_000, intervalMs: 250 });
    // The recovery pass ran at once: every email arrives, once.
    await eventually(
      async () => {
        const now = await deliveryCounts(ids);
        return now.sent === ids.length * 2 ? true : undefined;
      },
      { timeoutMs: 90_000, intervalMs: 250 },
    );
    expect(await emailsPerDelivery(ids)).toEqual(Array(ids.length).fill(1));
    expect((await ready(healthPort))!.status).toBe(200);

    // Emptied without a reconnection: readiness says what is missing, and puts it back.
    const admin = new Redis(redis.url);
    await admin.flushall();
    admin.disconnect();
    const unready = await ready(healthPort);
    expect(unready!.status).toBe(503);
    expect(unready!.body.checks.schedules).toMatchObject({ status: 'down' });
    expect(unready!.body.checks.schedules.error).toContain(allIds[0]);
    await eventually(async () => ((await ready(healthPort))?.status === 200 ? true : undefined), {
      timeoutMs: 30_000,
      intervalMs: 250,
    });
    expect(await registered()).toEqual(allIds);

    worker.kill('SIGTERM');
    await stopped(worker);
  }, 240_000);

  it('puts the schedules back on its periodic check when Redis is emptied under it', async () => {
    const worker = startWorker({ WORKER_HEALTH_PORT: '0', WORKER_SCHEDULE_CHECK_MS: '1000' });
    await eventually(allRegistered, { timeoutMs: 60_000, intervalMs: 250 });
    const admin = new Redis(redis.url);
    await admin.flushall();
    admin.disconnect();
    await eventually(allRegistered, { timeoutMs: 30_000, intervalMs: 250 });
    worker.kill('SIGTERM');
    await stopped(worker);
  }, 120_000);
});
