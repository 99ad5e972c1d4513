import { WorkContexts } from '@app/database';
import { RecoveryService } from '@app/notifications';
import {
  createTestDatabase,
  eventually,
  startSmtpServer,
  startTestStack,
  TestDatabase,
  TestSmtpServer,
  TestStack,
  uniqueSuffix,
} from '@app/testing';
import { DataSource } from 'typeorm';
import {
  nominationClient,
  nominationDraft,
  seedNominationFixture,
} from './support/nomination-fixture';

const APP_BASE_URL = 'https://daotao.example.vn';

/**
 * One Redis and one queue prefix outliving the database: a database recreated from scratch,
 * or restored from a backup, hands out the same event numbers again. Every new event still
 * reaches its recipients, and an event the backup holds is not sent twice.
 */
describe('notifications when the database is recreated or restored on the same Redis', () => {
  let smtp: TestSmtpServer;
  const stacks: TestStack[] = [];

  beforeAll(async () => {
    smtp = await startSmtpServer();
  });
  afterAll(async () => {
    // Each drops its database and the queue keys of its prefix.
    for (const stack of stacks) await stack.close();
    await smtp?.close();
  });

  async function start(prefix: string, options: { worker: boolean; database?: TestDatabase }) {
    const stack = await startTestStack({
      worker: options.worker,
      database: options.database,
      env: {
        QUEUE_PREFIX: prefix,
        SMTP_URL: smtp.url,
        OUTBOX_POLL_MS: '200',
        APP_BASE_URL,
      },
    });
    stacks.push(stack);
    return stack;
  }

  /** Creates and submits a nomination for each nominee through `stack`'s API. */
  async function submit(
    stack: TestStack,
    tokens: Record<string, string>,
    ids: { intakeId: string; fundId: string },
    nominees: string[],
  ): Promise<string[]> {
    const { as, act } = nominationClient(stack, tokens);
    const created: string[] = [];
    for (const nominee of nominees) {
      const draft = nominationDraft(nominee, ids.intakeId, ids.fundId);
      const response = await stack.http.post('/api/v1/nominations', draft, as('unitHeadA'));
      expect(response.status).toBe(201);
      expect((await act(response.body.id, 'submit', 1, 'unitHeadA')).status).toBe(201);
      created.push(response.body.id);
    }
    return created;
  }

  /** The Message-IDs of the submissions' email deliveries, once they are all sent. */
  async function emailsSent(db: DataSource, nominations: string[], timeoutMs = 60_000) {
    return eventually(
      async () => {
        const rows: Array<{ status: string; messageId: string }> = await db.query(
          `SELECT d.status,
                  '<delivery-' || e.uid || '-' || d.user_id || '-email@daotao.example.vn>' AS "messageId"
             FROM outbox_events e JOIN deliveries d ON d.event_id = e.id AND d.channel = 'email'
            WHERE e.aggregate_id = ANY($1::uuid[]) AND e.type = 'nomination.submitted'`,
          [nominations],
        );
        const done = rows.length >= nominations.length && rows.every((r) => r.status === 'sent');
        return done ? rows.map((row) => row.messageId) : undefined;
      },
      { timeoutMs, intervalMs: 250 },
    );
  }

  /** How many times the SMTP server received each of these messages. */
  const received = (messageIds: string[]) =>
    messageIds.map((id) => smtp.messages.filter((mail) => mail.messageId === id).length);

  it('delivers every email of a second database started on the same Redis and prefix', async () => {
    const prefix = `test-${uniqueSuffix()}`;
    const rounds: string[][] = [];
    for (let round = 0; round < 2; round++) {
      const stack = await start(prefix, { worker: true });
      const fixture = await seedNominationFixture(stack);
      const ids = {
        intakeId: await fixture.intake('CNKT-2027-DB'),
        fundId: await fixture.fund(10_000_000_000n),
      };
      const nominations = await submit(stack, fixture.tokens, ids, await fixture.nominees(3));
      const messageIds = await emailsSent(fixture.db, nominations);
      await eventually(async () => (received(messageIds).every((n) => n === 1) ? true : undefined));
      rounds.push(messageIds);
      if (round === 0) {
        // Dropped, but Redis keeps its finished jobs: the next database numbers its events
        // from the same start.
        await stack.stop();
        await stack.database.drop();
      }
    }
    expect(received(rounds[1])).toEqual([1, 1, 1]);
    expect(new Set([...rounds[0], ...rounds[1]]).size).toBe(6);
  }, 180_000);

  it('neither loses nor repeats a notification when the database is restored from a backup', async () => {
    const prefix = `test-${uniqueSuffix()}`;
    // Before the backup: two nominations submitted while no worker runs, so the backup holds
    // their events undispatched.
    const first = await start(prefix, { worker: false });
    const fixture = await seedNominationFixture(first);
    const ids = {
      intakeId: await fixture.intake('CNKT-2027-RS'),
      fundId: await fixture.fund(10_000_000_000n),
    };
    const [early, late, afterRestore] = [
      await fixture.nominees(2),
      await fixture.nominees(2),
      await fixture.nominees(2),
    ];
    const beforeBackup = await submit(first, fixture.tokens, ids, early);
    await first.stop();
    const backup = await eventually(
      () => createTestDatabase({ copyOf: first.database.name }).catch(() => undefined),
      { timeoutMs: 20_000, intervalMs: 500 },
    );

    // The installation goes on: the worker sends them, and two more nominations are
    // submitted and notified (which the backup will not know of).
    const running = await start(prefix, { worker: true, database: first.database });
    const db = running.api.get(DataSource);
    const earlyEmails = await emailsSent(db, beforeBackup);
    const lost = await submit(running, fixture.tokens, ids, late);
    const lostEmails = await emailsSent(db, lost);
    await running.stop();

    // Restored: the events of the backup are undispatched again, and the next events take
    // the numbers of those the backup does not know of.
    const restored = await start(prefix, { worker: true, database: backup });
    const rdb = restored.api.get(DataSource);
    const newEvents = await submit(restored, fixture.tokens, ids, afterRestore);
    const newEmails = await emailsSent(rdb, newEvents);
    await eventually(async () => (received(newEmails).every((n) => n === 1) ? true : undefined));

    // The relay hands the restored events to the queue again, which already ran them. The
    // recovery pass (run here as if its 10 minutes had passed) routes them once more and
    // finds their emails sent: nothing goes out twice, and the inbox gets its items back.
    const recovery = restored.worker!.get(RecoveryService);
    const recover = () => recovery.recover(restored.worker!.get(WorkContexts).forSystem());
    await eventually(async () => {
      const [{ waiting }] = await rdb.query(
        `SELECT count(*)::int AS waiting FROM outbox_events
          WHERE aggregate_id = ANY($1::uuid[]) AND dispatched_at IS NULL`,
        [beforeBackup],
      );
      return waiting === 0 ? true : undefined;
    });
    await rdb.query(
      `UPDATE outbox_events SET dispatched_at = now() - interval '11 minutes'
        WHERE aggregate_id = ANY($1::uuid[])`,
      [beforeBackup],
    );
    expect(await recover()).toMatchObject({ events: 2 });
    await eventually(async () => {
      const [{ routed }] = await rdb.query(
        `SELECT count(*)::int AS routed FROM outbox_events
          WHERE aggregate_id = ANY($1::uuid[]) AND routed_at IS NOT NULL`,
        [beforeBackup],
      );
      return routed === 2 ? true : undefined;
    });
    await rdb.query(
      `UPDATE deliveries SET updated_at = now() - interval '11 minutes'
        WHERE status = 'pending' AND event_id IN (
          SELECT id FROM outbox_events WHERE aggregate_id = ANY($1::uuid[]))`,
      [beforeBackup],
    );
    expect(await recover()).toMatchObject({ markedSent: 2 });
    expect(await emailsSent(rdb, beforeBackup)).toEqual(expect.arrayContaining(earlyEmails));
    await eventually(async () => {
      const [{ items }] = await rdb.query(
        `SELECT count(*)::int AS items FROM notifications n JOIN outbox_events e ON e.id = n.event_id
          WHERE e.aggregate_id = ANY($1::uuid[])`,
        [beforeBackup],
      );
      return items === 2 ? true : undefined;
    });

    expect(received(earlyEmails)).toEqual([1, 1]);
    expect(received(lostEmails)).toEqual([1, 1]);
    expect(received(newEmails)).toEqual([1, 1]);
  }, 240_000);
});
