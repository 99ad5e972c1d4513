import 'reflect-metadata';
import { loadConfig } from '@app/config';
import { redisOptionsFromUrl, selectQueueBackend } from '@app/queue';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import Redis from 'ioredis';
import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { benchDatabase, throughput } from './support';

/**
 * From a committed workflow transition to its emails accepted by an SMTP server, under
 * load: the real worker (outbox relay, router, deliveries, mailer) runs in this process
 * against a database of its own, a private queue prefix in Redis and a minimal SMTP
 * receiver on a free port. Each transition is committed here in SQL the way a submission
 * writes it (nomination in review, its chain, history, and a `nomination.submitted` outbox
 * event in one transaction), at a steady rate and then as one burst; two board reviewers
 * await each nomination, so each event is two emails (and two inbox items).
 * Run: `npm run bench -- notification-latency`. BENCH_RATES (the steady phases as
 * events/s:seconds, default 20:10,50:10,200:5), BENCH_BURST (default 2000, 0 for none) and
 * BENCH_WORKER_CONCURRENCY (default 5) change the load.
 */

/** Milliseconds on one clock shared by the committer and the SMTP receiver. */
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const REVIEWERS = 2;
const STAFF = 50;

interface Organization {
  nominatorId: string;
  authorityId: string;
  unitId: string;
  staffIds: string[];
  intakeId: string;
  fundId: string;
}

/** A city, one district with its Standing Committee and staff, two reviewers, an intake, a fund. */
async function seedOrganization(db: DataSource): Promise<Organization> {
  const [city, district] = await db.query(
    `INSERT INTO tiers (code, name, level) VALUES ('city', 'Thành phố', 1), ('district', 'Quận/huyện', 2)
     RETURNING id`,
  );
  const cityUnit = randomUUID();
  const unitId = randomUUID();
  await db.query(
    `INSERT INTO units (id, code, name, tier_id, kind, parent_id, path) VALUES
       ($1, 'CT', 'Thành ủy Cần Thơ', $2, 'party_committee', NULL, $3),
       ($4, 'CT.NK', 'Quận ủy Ninh Kiều', $5, 'party_committee', $1, $6)`,
    [cityUnit, city.id, `/${cityUnit}/`, unitId, district.id, `/${cityUnit}/${unitId}/`],
  );
  const [authority] = await db.query(
    `INSERT INTO management_authorities (code, name, kind, unit_id)
     VALUES ('BTV-NK', 'Ban Thường vụ Quận ủy Ninh Kiều', 'standing_committee', $1) RETURNING id`,
    [unitId],
  );
  const staff: Array<{ id: string }> = await db.query(
    `INSERT INTO staff (code, full_name, search_name, birth_date, gender, unit_id, education_level,
                        authority_id, joined_service_on)
     SELECT 'S' || g, 'Nguyễn Văn ' || g, 'nguyen van ' || g, '1985-06-15', 'male', $1, 3, $2, '2010-01-01'
       FROM generate_series(1, $3::int) g
     RETURNING id`,
    [unitId, authority.id, STAFF],
  );
  const user = async (
    email: string,
    role: string,
    scope: { unit?: string; authority?: string },
  ) => {
    const [row] = await db.query(
      `INSERT INTO users (email, password_hash, display_name) VALUES ($1, 'x', $1) RETURNING id`,
      [email],
    );
    await db.query(
      `INSERT INTO role_assignments (user_id, role, unit_id, authority_id) VALUES ($1, $2, $3, $4)`,
      [row.id, role, scope.unit ?? null, scope.authority ?? null],
    );
    return row.id as string;
  };
  const nominatorId = await user('unit.head@bench.example.org', 'unit_head', { unit: unitId });
  for (let i = 1; i <= REVIEWERS; i++) {
    await user(`reviewer${i}@bench.example.org`, 'board_reviewer', { authority: authority.id });
  }
  await user('member@bench.example.org', 'board_member', { authority: authority.id });
  const [provider] = await db.query(
    `INSERT INTO providers (code, name, country) VALUES ('TCT-CT', 'Trường Chính trị thành phố Cần Thơ', 'VN')
     RETURNING id`,
  );
  const [program] = await db.query(
    `INSERT INTO programs (code, name, category, provider_id, mode, duration_months)
     VALUES ('CNKT-LD', 'Cập nhật kiến thức cho cán bộ lãnh đạo', 'knowledge_update', $1, 'in_service', 1)
     RETURNING id`,
    [provider.id],
  );
  const [intake] = await db.query(
    `INSERT INTO intakes (code, program_id, starts_on, ends_on, location, seats_total,
                          nomination_opens_on, nomination_closes_on, cost_tuition, cost_allowances)
     VALUES ('CNKT-LD-B', $1, current_date + 60, current_date + 90, 'Cần Thơ', 100000,
             current_date - 5, current_date + 30, 28500000, 12000000)
     RETURNING id`,
    [program.id],
  );
  const [fund] = await db.query(
    `INSERT INTO funds (code, name, fiscal_year, owner_unit_id, source, allocated)
     VALUES ('KP-NK', 'Kinh phí đào tạo quận Ninh Kiều', extract(year FROM current_date + 60)::int, $1,
             'state_budget', 1000000000000000)
     RETURNING id`,
    [unitId],
  );
  await db.query(
    `INSERT INTO fund_ledger (fund_id, kind, amount, comment) VALUES ($1, 'allocation', 1000000000000000, 'Dự toán')`,
    [fund.id],
  );
  return {
    nominatorId,
    authorityId: authority.id,
    unitId,
    staffIds: staff.map((row) => row.id),
    intakeId: intake.id,
    fundId: fund.id,
  };
}

/**
 * `count` draft nominations with their cost line, ready to be submitted; their ids. Each
 * nominates a person of its own: a person holds one active nomination per intake.
 */
async function insertDrafts(db: DataSource, org: Organization, count: number): Promise<string[]> {
  const rows: Array<{ id: string }> = await db.query(
    `WITH people AS (
       INSERT INTO staff (code, full_name, search_name, birth_date, gender, unit_id, education_level,
                          authority_id, joined_service_on)
       SELECT 'SD' || n, 'Nguyễn Văn ' || n, 'nguyen van ' || n, '1985-06-15', 'male', $3, 3, $5,
              '2010-01-01'
         FROM (SELECT nextval('nomination_reference_seq') AS n FROM generate_series(1, $6::int)) g
       RETURNING id),
     drafts AS (
       INSERT INTO nominations (reference, nominee_staff_id, intake_id, nominating_unit_id,
                                nominator_user_id, target_group, justification, estimated_cost)
       SELECT 'DT-B-' || lpad(nextval('nomination_reference_seq')::text, 6, '0'),
              p.id, $1, $3, $2, 3, 'Cập nhật kiến thức cho cán bộ lãnh đạo.', 40500000
         FROM people p
       RETURNING id)
     INSERT INTO nomination_cost_lines (nomination_id, fund_id, amount)
     SELECT id, $4, 40500000 FROM drafts
     RETURNING nomination_id AS id`,
    [org.intakeId, org.nominatorId, org.unitId, org.fundId, org.authorityId, count],
  );
  return rows.map((row) => row.id);
}

/**
 * The submission's writes in one transaction: the nomination in review at step 1, its
 * two-step chain (the first step's clock started), the history row and the outbox event.
 * Answers the event id and the time COMMIT returned.
 */
async function submit(db: DataSource, org: Organization, nominationId: string) {
  const runner = db.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    await runner.query(
      `UPDATE nominations SET status = 'in_review', current_step = 1, version = version + 1,
              submitted_at = now(), updated_at = now()
        WHERE id = $1 AND status = 'draft'`,
      [nominationId],
    );
    await runner.query(
      `INSERT INTO nomination_steps (nomination_id, position, role, authority_id, started_at)
       VALUES ($1, 1, 'board_reviewer', $2, now()), ($1, 2, 'board_member', $2, NULL)`,
      [nominationId, org.authorityId],
    );
    await runner.query(
      `INSERT INTO nomination_history (nomination_id, action, from_status, to_status, actor_user_id)
       VALUES ($1, 'submit', 'draft', 'in_review', $2)`,
      [nominationId, org.nominatorId],
    );
    const [event] = await runner.query(
      `INSERT INTO outbox_events (type, aggregate_id, payload)
       VALUES ('nomination.submitted', $1, $2::jsonb) RETURNING id::text`,
      [
        nominationId,
        JSON.stringify({
          from: 'draft',
          to: 'in_review',
          actorUserId: org.nominatorId,
          step: null,
          waitingStep: 1,
        }),
      ],
    );
    await runner.commitTransaction();
    return { eventId: event.id as string, committedAt: now() };
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.release();
  }
}

/** An SMTP server that accepts everything and notes when each delivery's message was accepted. */
async function startReceiver() {
  const received = new Map<string, number>();
  let duplicates = 0;
  let unmatched = 0;
  let connections = 0;
  // The first message of each connection: it waited for the connection to be opened.
  const firstOnConnection = new Set<string>();
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    closeTimeout: 250,
    disableReverseLookup: true,
    onConnect(_session, callback) {
      connections++;
      callback();
    },
    onData(stream, session, callback) {
      // Only the header block is kept: it carries the Message-ID.
      let head = '';
      stream.on('data', (chunk: Buffer) => {
        if (head.length < 16_384) head += chunk.toString('latin1');
      });
      stream.on('error', (error) => callback(error));
      stream.on('end', () => {
        const id = /^message-id:\s*<delivery-(\d+)@/im.exec(head)?.[1];
        const at = now();
        if (!id) unmatched++;
        else if (received.has(id)) duplicates++;
        else received.set(id, at);
        if (id && session.transaction === 1) firstOnConnection.add(id);
        callback();
      });
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    firstOnConnection,
    counts: () => ({ connections, duplicates, unmatched }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] : NaN;

function summary(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const round = (value: number) => Math.round(value);
  return {
    count: sorted.length,
    min: round(sorted[0] ?? NaN),
    p50: round(percentile(sorted, 0.5)),
    p90: round(percentile(sorted, 0.9)),
    p99: round(percentile(sorted, 0.99)),
    max: round(sorted[sorted.length - 1] ?? NaN),
  };
}

async function deleteQueueKeys(redisUrl: string, prefix: string) {
  const redis = new Redis(redisOptionsFromUrl(redisUrl));
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

async function main() {
  // "rate:seconds" per steady phase; the default ends above what one worker keeps up with.
  const steady = (process.env.BENCH_RATES ?? '20:10,50:10,200:5')
    .split(',')
    .filter(Boolean)
    .map((entry) => entry.split(':').map(Number));
  const burst = Number(process.env.BENCH_BURST ?? 2000);
  const phases: Array<{ name: string; rate?: number; events: number }> = [
    ...steady.map(([rate, seconds]) => ({
      name: `${rate}/s for ${seconds} s`,
      rate,
      events: rate * seconds,
    })),
    ...(burst ? [{ name: `burst of ${burst}`, events: burst }] : []),
  ];

  const { dataSource: db, close } = await benchDatabase(16);
  const receiver = await startReceiver();
  const prefix = `bench-notify-${randomBytes(4).toString('hex')}`;
  const config = loadConfig({
    DATABASE_URL: (db.options as { url: string }).url,
    QUEUE_PREFIX: prefix,
    SMTP_URL: receiver.url,
    WORKER_HEALTH_PORT: '0',
    LOG_LEVEL: 'silent',
    WORKER_CONCURRENCY: process.env.BENCH_WORKER_CONCURRENCY ?? '5',
  });
  let worker: INestApplicationContext | undefined;
  try {
    const org = await seedOrganization(db);
    const drafts = await insertDrafts(
      db,
      org,
      phases.reduce((sum, phase) => sum + phase.events, 0),
    );
    await db.query('ANALYZE');

    selectQueueBackend(config);
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
      logger: false,
    });
    await worker.init();
    // The start-up jobs (due nominations, reminders) find nothing; let them pass.
    await sleep(1_000);

    const committedAt = new Map<string, number>();
    const results: Record<string, unknown> = {};
    let used = 0;
    for (const phase of phases) {
      const ids = drafts.slice(used, used + phase.events);
      used += phase.events;
      const eventIds: string[] = [];
      let failed = 0;
      const commit = (nominationId: string) =>
        submit(db, org, nominationId).then(
          ({ eventId, committedAt: at }) => {
            committedAt.set(eventId, at);
            eventIds.push(eventId);
          },
          () => {
            failed++;
          },
        );
      const started = now();
      if (phase.rate) {
        // Open loop: each transition starts at its scheduled time, whatever the others do.
        const pending: Promise<void>[] = [];
        for (let i = 0; i < ids.length;) {
          const due = started + (i * 1000) / phase.rate;
          if (now() < due) await sleep(Math.max(1, due - now()));
          else pending.push(commit(ids[i++]));
        }
        await Promise.all(pending);
      } else {
        // As fast as 16 connections commit them.
        await throughput(ids.length, 16, (i) => commit(ids[i]));
      }
      const commits = eventIds.map((id) => committedAt.get(id)!);
      const firstCommit = Math.min(...commits);
      const lastCommit = Math.max(...commits);

      // Done when every delivery of the phase (email and inbox) is sent, or nothing moves for 30 s.
      let lastProgress = now();
      let lastSent = -1;
      for (;;) {
        const [state] = await db.query(
          `SELECT count(*) FILTER (WHERE d.status = 'sent')::int AS sent,
                  count(*) FILTER (WHERE d.status <> 'sent')::int AS open,
                  count(*) FILTER (WHERE d.channel = 'email')::int AS emails,
                  (SELECT count(*)::int FROM outbox_events o
                    WHERE o.id = ANY($1::bigint[]) AND o.dispatched_at IS NULL) AS undispatched
             FROM deliveries d WHERE d.event_id = ANY($1::bigint[])`,
          [eventIds],
        );
        const done =
          state.undispatched === 0 &&
          state.open === 0 &&
          state.emails === eventIds.length * REVIEWERS;
        if (done) break;
        if (state.sent !== lastSent) {
          lastSent = state.sent;
          lastProgress = now();
        } else if (now() - lastProgress > 30_000) {
          console.warn(`${phase.name}: no progress for 30 s`, state);
          break;
        }
        await sleep(100);
      }

      const deliveries: Array<{ id: string; eventId: string }> = await db.query(
        `SELECT id::text, event_id::text AS "eventId" FROM deliveries
          WHERE channel = 'email' AND event_id = ANY($1::bigint[])`,
        [eventIds],
      );
      const latencies: number[] = [];
      const onNewConnection: number[] = [];
      let lastReceived = 0;
      for (const delivery of deliveries) {
        const at = receiver.received.get(delivery.id);
        if (at === undefined) continue;
        latencies.push(at - committedAt.get(delivery.eventId)!);
        if (receiver.firstOnConnection.has(delivery.id)) onNewConnection.push(latencies.at(-1)!);
        lastReceived = Math.max(lastReceived, at);
      }
      // Stages on the database clock: outbox lag, then routing, then sending.
      const [stages] = await db.query(
        `WITH e AS (SELECT * FROM outbox_events WHERE id = ANY($1::bigint[])),
              d AS (SELECT d.*, e.dispatched_at FROM deliveries d JOIN e ON e.id = d.event_id
                     WHERE d.channel = 'email')
         SELECT (SELECT percentile_cont(ARRAY[0.5, 0.99]) WITHIN GROUP (ORDER BY
                   extract(epoch FROM dispatched_at - created_at) * 1000) FROM e) AS "outboxLag",
                (SELECT percentile_cont(ARRAY[0.5, 0.99]) WITHIN GROUP (ORDER BY
                   extract(epoch FROM created_at - dispatched_at) * 1000) FROM d) AS "routed",
                (SELECT percentile_cont(ARRAY[0.5, 0.99]) WITHIN GROUP (ORDER BY
                   extract(epoch FROM sent_at - created_at) * 1000) FROM d) AS "sent",
                (SELECT round(extract(epoch FROM max(created_at) - min(dispatched_at)) * 1000) FROM d)
                  AS "routedWithinMs",
                (SELECT round(extract(epoch FROM min(sent_at) - min(dispatched_at)) * 1000) FROM d)
                  AS "firstSentAfterMs",
                (SELECT max(attempts) FROM d) AS "maxAttempts"`,
        [eventIds],
      );
      const pair = (values: number[] | null) => ({
        p50: Math.round(values?.[0] ?? NaN),
        p99: Math.round(values?.[1] ?? NaN),
      });
      results[phase.name] = {
        events: eventIds.length,
        failedCommits: failed,
        commitsPerSecond: Math.round(eventIds.length / ((lastCommit - started) / 1000 || 1)),
        commitSpanMs: Math.round(lastCommit - firstCommit),
        emails: deliveries.length,
        received: latencies.length,
        latencyMs: summary(latencies),
        // The emails that opened a new SMTP connection (the pool reconnects every 100 messages).
        newConnectionLatencyMs: summary(onNewConnection),
        emailsPerSecond: Math.round(latencies.length / ((lastReceived - firstCommit) / 1000)),
        drainAfterLastCommitMs: Math.round(lastReceived - lastCommit),
        outboxLagMs: pair(stages.outboxLag),
        dispatchToDeliveryRowMs: pair(stages.routed),
        deliveryRowToSentMs: pair(stages.sent),
        // From the first event on the queue: when the last delivery row was written, and
        // when the first email was accepted.
        routedWithinMs: Number(stages.routedWithinMs),
        firstSentAfterMs: Number(stages.firstSentAfterMs),
        maxAttempts: stages.maxAttempts,
      };
      const { p50, p99 } = summary(latencies);
      console.log(`${phase.name}: ${latencies.length} emails, p50 ${p50} ms, p99 ${p99} ms`);
      await sleep(1_000);
    }
    console.log(
      JSON.stringify(
        {
          workerConcurrency: config.WORKER_CONCURRENCY,
          outboxPollMs: config.OUTBOX_POLL_MS,
          outboxBatchSize: config.OUTBOX_BATCH_SIZE,
          emailsPerEvent: REVIEWERS,
          smtp: receiver.counts(),
          phases: results,
        },
        null,
        2,
      ),
    );
  } finally {
    await worker?.close();
    await deleteQueueKeys(config.REDIS_URL, prefix);
    await receiver.close();
    await close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
