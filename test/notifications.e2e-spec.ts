import { addWorkingDays } from '@app/common';
import { JobProducer } from '@app/queue';
import {
  bearer,
  eventually,
  startSmtpServer,
  startTestStack,
  TestSmtpServer,
  TestStack,
  tokenFor,
} from '@app/testing';
import { DataSource } from 'typeorm';
import { seedNominationFixture, shiftDays } from './support/nomination-fixture';

type Fixture = Awaited<ReturnType<typeof seedNominationFixture>>;

/**
 * Every notified event, through the real outbox relay, queue, worker and SMTP: who gets an
 * email and an inbox item, and that nobody else does.
 */
describe('notifications', () => {
  let smtp: TestSmtpServer;
  let stack: TestStack;
  let fixture: Fixture;
  let db: DataSource;
  let intakes = 0;
  /**
   * An intake of its own for each nomination: they all nominate staffA2 (a user here), who
   * may hold one active nomination per intake.
   */
  const newIntake = () => fixture.intake(`CNKT-2027-TB${++intakes}`);
  let fundId: string;
  const people: Record<string, string> = {};
  const emailOf: Record<string, string> = {};

  beforeAll(async () => {
    smtp = await startSmtpServer();
    stack = await startTestStack({
      worker: true,
      env: {
        SMTP_URL: smtp.url,
        OUTBOX_POLL_MS: '200',
        APP_BASE_URL: 'https://daotao.example.vn',
        DELIVERY_ATTEMPTS: '3',
      },
    });
    fixture = await seedNominationFixture(stack);
    db = fixture.db;
    fundId = await fixture.fund(100_000_000_000n);
    const { org } = fixture;
    Object.assign(people, org.users);
    const [memberA] = await db.query(
      `SELECT ra.user_id FROM role_assignments ra WHERE ra.role = 'board_member' AND ra.authority_id = $1`,
      [org.authorities.authorityA],
    );
    people.memberA = memberA.user_id;
    // The nominee has an account; a deputy holds the reviewer's grant by delegation.
    people.nominee = await org.factory.user({ staffId: org.staff.staffA2 });
    people.deputy = await org.factory.user();
    await db.query(
      `INSERT INTO delegations (from_user_id, to_user_id, role, authority_id, starts_on, ends_on)
       VALUES ($1, $2, 'board_reviewer', $3, $4, $5)`,
      [people.reviewerA, people.deputy, org.authorities.authorityA, shiftDays(-1), shiftDays(30)],
    );
    await db.query(`UPDATE users SET locale = 'en' WHERE id = $1`, [people.memberA]);
    for (const row of await db.query(`SELECT id, email FROM users`)) emailOf[row.id] = row.email;
  });
  afterAll(async () => {
    await stack?.close();
    await smtp?.close();
  });

  const nameOf = (userId: string) =>
    Object.entries(people).find(([, id]) => id === userId)?.[0] ?? userId;

  /**
   * Waits until the event has been handled and its deliveries are settled, then answers who
   * got an email (as received by the SMTP server) and who got an inbox item.
   */
  async function notified(aggregateId: string, type: string) {
    const queue = stack.worker!.get(JobProducer).queue('notifications');
    const { id: event, uid } = await eventually(async () => {
      const [row] = await db.query(
        `SELECT id::text, uid::text FROM outbox_events
          WHERE aggregate_id = $1 AND type = $2 ORDER BY id DESC LIMIT 1`,
        [aggregateId, type],
      );
      return row as { id: string; uid: string } | undefined;
    });
    await eventually(async () =>
      (await (await queue.getJob(`event-${uid}`))?.getState()) === 'completed' ? true : undefined,
    );
    const deliveries: Array<{ id: string; userId: string; channel: string; status: string }> =
      await eventually(
        async () => {
          const rows = await db.query(
            `SELECT id::text, user_id AS "userId", channel, status FROM deliveries WHERE event_id = $1`,
            [event],
          );
          return rows.some((row: { status: string }) => ['pending', 'sending'].includes(row.status))
            ? undefined
            : rows;
        },
        { timeoutMs: 20_000 },
      );
    const emailIds = new Set(
      deliveries
        .filter((d) => d.channel === 'email')
        .map((d) => `<delivery-${uid}-${d.userId}-email@daotao.example.vn>`),
    );
    const mails = smtp.messages.filter((mail) => emailIds.has(mail.messageId ?? ''));
    const inbox: Array<{ userId: string; title: string; body: string; link: string }> =
      await db.query(
        `SELECT user_id AS "userId", title, body, link FROM notifications WHERE event_id = $1`,
        [event],
      );
    return {
      event,
      uid,
      deliveries,
      mails,
      emailed: mails.flatMap((mail) => mail.to).sort(),
      inboxed: inbox.map((item) => nameOf(item.userId)).sort(),
      inbox,
    };
  }

  const emails = (...names: string[]) => names.map((name) => emailOf[people[name]]).sort();

  async function submitted(): Promise<{ id: string; reference: string }> {
    const created = await fixture.nominate(fixture.org.staff.staffA2, await newIntake(), fundId);
    expect(created.status).toBe(201);
    expect((await fixture.act(created.body.id, 'submit', 1, 'unitHeadA')).status).toBe(201);
    return { id: created.body.id, reference: created.body.reference };
  }

  it('tells the step’s approvers and their delegates that a submission awaits them, in Vietnamese', async () => {
    const { id, reference } = await submitted();
    const result = await notified(id, 'nomination.submitted');
    expect(result.emailed).toEqual(emails('reviewerA', 'deputy'));
    expect(result.inboxed).toEqual(['deputy', 'reviewerA']);
    const mail = result.mails[0];
    expect(mail.subject).toContain(reference);
    expect(mail.text).toContain('Trần Thị Bích');
    expect(mail.text).toContain('Cập nhật kiến thức cho cán bộ lãnh đạo');
    expect(mail.text).toContain(`https://daotao.example.vn/nominations/${id}`);
    expect(mail.html).toContain(`href="https://daotao.example.vn/nominations/${id}"`);
    expect(result.inbox[0].title).toBe(mail.subject);
  });

  it('tells the next step’s approvers of a step approval, in their language', async () => {
    const { id, reference } = await submitted();
    expect((await fixture.act(id, 'approve', 2, 'reviewerA')).status).toBe(201);
    const result = await notified(id, 'nomination.step_approved');
    expect(result.emailed).toEqual(emails('memberA'));
    expect(result.inboxed).toEqual(['memberA']);
    expect(result.mails[0].subject).toContain('[Training]');
    expect(result.mails[0].subject).toContain(reference);
  });

  it('tells the unit head and the nominee of an approval, with the decision number', async () => {
    const { id } = await submitted();
    expect((await fixture.act(id, 'approve', 2, 'reviewerA')).status).toBe(201);
    const approved = await fixture.act(id, 'approve', 3, 'memberA');
    expect(approved.status).toBe(201);
    const result = await notified(id, 'nomination.approved');
    expect(result.emailed).toEqual(emails('unitHeadA', 'nominee'));
    expect(result.inboxed).toEqual(['nominee', 'unitHeadA']);
    expect(result.mails[0].text).toContain(approved.body.decisionNumber);
  });

  it('tells the unit head of a return, with the reason', async () => {
    const { id } = await submitted();
    const returned = await fixture.act(id, 'return', 2, 'reviewerA', {
      comment: 'Bổ sung bản sao văn bằng & lý lịch <đã ký>.',
    });
    expect(returned.status).toBe(201);
    const result = await notified(id, 'nomination.returned');
    expect(result.emailed).toEqual(emails('unitHeadA'));
    expect(result.inboxed).toEqual(['unitHeadA']);
    expect(result.mails[0].text).toContain('Bổ sung bản sao văn bằng & lý lịch <đã ký>.');
    expect(result.mails[0].html).toContain('&lt;đã ký&gt;');
  });

  it('tells the unit head and the nominee of a rejection and of a cancellation', async () => {
    const rejected = await submitted();
    expect(
      (await fixture.act(rejected.id, 'reject', 2, 'reviewerA', { comment: 'Chưa đủ điều kiện.' }))
        .status,
    ).toBe(201);
    const onReject = await notified(rejected.id, 'nomination.rejected');
    expect(onReject.emailed).toEqual(emails('unitHeadA', 'nominee'));
    expect(onReject.inboxed).toEqual(['nominee', 'unitHeadA']);

    const cancelled = await submitted();
    expect((await fixture.act(cancelled.id, 'approve', 2, 'reviewerA')).status).toBe(201);
    expect((await fixture.act(cancelled.id, 'approve', 3, 'memberA')).status).toBe(201);
    expect(
      (await fixture.act(cancelled.id, 'cancel', 4, 'memberA', { comment: 'Lớp hoãn.' })).status,
    ).toBe(201);
    const onCancel = await notified(cancelled.id, 'nomination.cancelled');
    expect(onCancel.emailed).toEqual(emails('unitHeadA', 'nominee'));
  });

  it('tells the waiting step’s approvers of a withdrawal, and notifies nobody of their own action', async () => {
    const { id } = await submitted();
    expect(
      (await fixture.act(id, 'withdraw', 2, 'unitHeadA', { comment: 'Đổi người.' })).status,
    ).toBe(201);
    const result = await notified(id, 'nomination.withdrawn');
    expect(result.emailed).toEqual(emails('reviewerA', 'deputy'));
    expect(result.inboxed).not.toContain('unitHeadA');
  });

  it('tells nobody of a step through the delegation of a deactivated approver, who could not act either', async () => {
    const { org } = fixture;
    people.formerReviewer = await org.factory.user({
      grants: [{ role: 'board_reviewer', authorityId: org.authorities.authorityA }],
    });
    people.formerDeputy = await org.factory.user();
    for (const row of await db.query(`SELECT id, email FROM users`)) emailOf[row.id] = row.email;
    fixture.tokens.formerDeputy = tokenFor(stack, people.formerDeputy);
    const [delegation] = await db.query(
      `INSERT INTO delegations (from_user_id, to_user_id, role, authority_id, starts_on, ends_on)
       VALUES ($1, $2, 'board_reviewer', $3, $4, $5) RETURNING id`,
      [
        people.formerReviewer,
        people.formerDeputy,
        org.authorities.authorityA,
        shiftDays(-1),
        shiftDays(30),
      ],
    );
    await db.query(`UPDATE users SET active = false WHERE id = $1`, [people.formerReviewer]);
    try {
      const { id } = await submitted();
      const result = await notified(id, 'nomination.submitted');
      expect(result.emailed).toEqual(emails('reviewerA', 'deputy'));
      expect(result.inboxed).toEqual(['deputy', 'reviewerA']);
      expect((await fixture.act(id, 'approve', 2, 'formerDeputy')).status).toBe(404);
      const awaiting = await stack.http.get(
        '/api/v1/nominations?awaiting=me',
        bearer(fixture.tokens.formerDeputy),
      );
      expect(awaiting.body.items).toEqual([]);
    } finally {
      await db.query(`UPDATE delegations SET revoked_at = now() WHERE id = $1`, [delegation.id]);
    }
  });

  it('tells the finance users over the fund’s owner when the fund crosses a threshold, once', async () => {
    const small = await fixture.fund(50_000_000n);
    const created = await fixture.nominate(fixture.org.staff.staffA2, await newIntake(), small);
    const id = created.body.id;
    expect((await fixture.act(id, 'submit', 1, 'unitHeadA')).status).toBe(201);
    expect((await fixture.act(id, 'approve', 2, 'reviewerA')).status).toBe(201);
    expect((await fixture.act(id, 'approve', 3, 'memberA')).status).toBe(201);
    const result = await notified(small, 'fund.threshold_crossed');
    expect(result.emailed).toEqual(emails('financeA'));
    expect(result.inboxed).toEqual(['financeA']);
    expect(result.mails[0].text).toMatch(/81[,.]00\s?%/);
    const [{ count }] = await db.query(
      `SELECT count(*)::int FROM outbox_events WHERE type = 'fund.threshold_crossed' AND aggregate_id = $1`,
      [small],
    );
    expect(count).toBe(1);
  });

  it('tells finance once, naming the highest threshold, when one commitment crosses several', async () => {
    const tight = await fixture.fund(42_000_000n); // 40.5 of 42 million: 96 %, past 80 and 95
    const nominee = (await fixture.nominees(1))[0];
    const id = await fixture.atLastStep(nominee, await newIntake(), tight);
    expect((await fixture.act(id, 'approve', 3, 'memberA')).status).toBe(201);
    const result = await notified(tight, 'fund.threshold_crossed');
    expect(result.emailed).toEqual(emails('financeA'));
    expect(result.mails).toHaveLength(1);
    expect(result.mails[0].subject).toMatch(/95/);
    const events = await db.query(
      `SELECT payload->>'threshold' AS threshold FROM outbox_events
        WHERE type = 'fund.threshold_crossed' AND aggregate_id = $1`,
      [tight],
    );
    expect(events).toEqual([{ threshold: '95' }]);
  });

  it('follows preferences: inbox only, and a daily digest gathering the emails', async () => {
    await db.query(
      `INSERT INTO notification_preferences (user_id, event_type, email, inbox, email_digest) VALUES
         ($1, 'nomination.submitted', false, true, false),
         ($2, 'nomination.step_approved', true, true, true)`,
      [people.deputy, people.memberA],
    );
    const first = await submitted();
    const onSubmit = await notified(first.id, 'nomination.submitted');
    expect(onSubmit.emailed).toEqual(emails('reviewerA'));
    expect(onSubmit.inboxed).toEqual(['deputy', 'reviewerA']);

    expect((await fixture.act(first.id, 'approve', 2, 'reviewerA')).status).toBe(201);
    const second = await submitted();
    expect((await fixture.act(second.id, 'approve', 2, 'reviewerA')).status).toBe(201);
    for (const { id } of [first, second]) {
      const result = await notified(id, 'nomination.step_approved');
      expect(result.emailed).toEqual([]);
      expect(result.inboxed).toEqual(['memberA']);
      expect(result.deliveries.find((d) => d.channel === 'email')?.status).toBe('digest');
    }
    const before = smtp.messages.length;
    await stack.worker!.get(JobProducer).enqueue('notifications.digest', { date: '2026-11-26' });
    const [digest] = await eventually(async () => {
      const mails = smtp.messages
        .slice(before)
        .filter((mail) => mail.to.includes(emailOf[people.memberA]));
      return mails.length ? mails : undefined;
    });
    expect(digest.subject).toContain('2');
    expect(digest.text).toContain(first.reference);
    expect(digest.text).toContain(second.reference);
    const [{ open }] = await db.query(
      `SELECT count(*)::int AS open FROM deliveries WHERE user_id = $1 AND status <> 'sent'`,
      [people.memberA],
    );
    expect(open).toBe(0);
    await db.query(`DELETE FROM notification_preferences`);
  });

  it('does not retry a permanent SMTP rejection, and retries a transient one', async () => {
    smtp.reject(emailOf[people.reviewerA], 550, 'Mailbox unavailable');
    const rejected = await submitted();
    const result = await notified(rejected.id, 'nomination.submitted');
    const failed = result.deliveries.find(
      (d) => d.userId === people.reviewerA && d.channel === 'email',
    )!;
    expect(failed.status).toBe('failed');
    const [row] = await db.query(`SELECT attempts, last_error FROM deliveries WHERE id = $1`, [
      failed.id,
    ]);
    expect(row.attempts).toBe(1);
    expect(row.last_error).toContain('550');
    expect(result.emailed).toEqual(emails('deputy'));
    smtp.clearRejections();

    smtp.failNext(2, 421);
    const retried = await submitted();
    const later = await notified(retried.id, 'nomination.submitted');
    expect(later.emailed).toEqual(emails('reviewerA', 'deputy'));
    const [{ attempts }] = await db.query(
      `SELECT sum(attempts)::int AS attempts FROM deliveries WHERE event_id = $1 AND channel = 'email'`,
      [later.event],
    );
    expect(attempts).toBe(4);
  });

  it('reminds the approvers after the working days, escalates to the board members later, each once', async () => {
    const { id, reference } = await submitted();
    const [{ since }] = await db.query(
      `SELECT max(occurred_at) AS since FROM nomination_history WHERE nomination_id = $1 AND action = 'submit'`,
      [id],
    );
    const producer = stack.worker!.get(JobProducer);
    const scan = async (now: Date) => {
      const jobId = await producer.enqueue('notifications.reminders', { now: now.toISOString() });
      const job = await producer.queue('notifications').getJob(jobId);
      return eventually(async () => {
        const state = await job!.getState();
        if (state === 'failed') throw new Error('reminder scan failed');
        return state === 'completed'
          ? (await producer.queue('notifications').getJob(jobId))!.returnvalue
          : undefined;
      });
    };
    // Other suites' nominations wait too; count this one's reminders only.
    const levels = async () =>
      (
        await db.query(
          `SELECT level FROM step_reminders WHERE nomination_id = $1 ORDER BY created_at`,
          [id],
        )
      ).map((row: { level: string }) => row.level);
    const reminderDue = addWorkingDays(new Date(since), 3);
    const escalationDue = addWorkingDays(new Date(since), 5);

    await scan(new Date(reminderDue.getTime() - 1));
    expect(await levels()).toEqual([]);
    // Two scans at once (as two workers would run them): one reminder.
    await Promise.all([scan(reminderDue), scan(reminderDue)]);
    expect(await levels()).toEqual(['reminder']);
    const reminder = await notified(id, 'nomination.reminder');
    expect(reminder.emailed).toEqual(emails('reviewerA', 'deputy'));
    expect(reminder.mails[0].subject).toContain(reference);
    expect(reminder.mails[0].text).toContain('3');

    await scan(new Date(escalationDue.getTime() - 1));
    expect(await levels()).toEqual(['reminder']);
    await scan(escalationDue);
    expect(await levels()).toEqual(['reminder', 'escalation']);
    const escalation = await notified(id, 'nomination.escalated');
    expect(escalation.emailed).toEqual(emails('memberA'));
    await scan(new Date(escalationDue.getTime() + 86_400_000));
    const [{ count }] = await db.query(
      `SELECT count(*)::int FROM outbox_events WHERE aggregate_id = $1 AND type IN ('nomination.reminder', 'nomination.escalated')`,
      [id],
    );
    expect(count).toBe(2);

    // Approving ends the wait: the next step waits from the approval, with its own count.
    expect((await fixture.act(id, 'approve', 2, 'reviewerA')).status).toBe(201);
    const [{ approvedAt }] = await db.query(
      `SELECT max(occurred_at) AS "approvedAt" FROM nomination_history WHERE nomination_id = $1`,
      [id],
    );
    await scan(new Date(addWorkingDays(new Date(approvedAt), 3).getTime() - 1));
    const [{ next }] = await db.query(
      `SELECT count(*)::int AS next FROM step_reminders WHERE nomination_id = $1 AND step_position = 2`,
      [id],
    );
    expect(next).toBe(0);
  });

  it('never sent anyone the same event twice', async () => {
    const [{ duplicates }] = await db.query(
      `SELECT count(*)::int AS duplicates FROM (
         SELECT event_id, user_id FROM notifications GROUP BY 1, 2 HAVING count(*) > 1) d`,
    );
    expect(duplicates).toBe(0);
    const ids = smtp.messages.map((mail) => mail.messageId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  // Last: it sends some deliveries again on purpose.
  it('puts back on the queue the events and deliveries whose jobs the queue lost', async () => {
    const producer = stack.worker!.get(JobProducer);
    const queue = producer.queue('notifications');
    const recover = async () => {
      const jobId = await producer.enqueue('notifications.recover', {});
      return eventually(async () => {
        const job = await queue.getJob(jobId);
        return (await job?.getState()) === 'completed' ? job!.returnvalue : undefined;
      });
    };
    const { id } = await submitted();
    const handled = await notified(id, 'nomination.submitted');
    // As if Redis had lost its data: the route job is gone, the event was never routed, and
    // a delivery whose job vanished was left pending.
    await (await queue.getJob(`event-${handled.uid}`))?.remove();
    for (const delivery of handled.deliveries) {
      await (
        await queue.getJob(`delivery-${handled.uid}-${delivery.userId}-${delivery.channel}`)
      )?.remove();
    }
    await db.query(`DELETE FROM notifications WHERE event_id = $1`, [handled.event]);
    await db.query(`DELETE FROM deliveries WHERE event_id = $1`, [handled.event]);
    await db.query(
      `UPDATE outbox_events SET routed_at = NULL, dispatched_at = now() - interval '11 minutes' WHERE id = $1`,
      [handled.event],
    );
    const before = smtp.messages.length;
    expect(await recover()).toMatchObject({ events: 1 });
    const again = await notified(id, 'nomination.submitted');
    // Under the same Message-IDs as the first time: the same event for the same people.
    const resent = smtp.messages.slice(before);
    expect(resent.flatMap((mail) => mail.to).sort()).toEqual(emails('reviewerA', 'deputy'));
    expect(resent.map((mail) => mail.messageId).sort()).toEqual(
      again.mails
        .slice(0, 2)
        .map((mail) => mail.messageId)
        .sort(),
    );

    // As after a restore from a backup: the database forgot a send its kept job completed.
    // The job's record wins, and the email is not sent a second time.
    const [stuck, other] = again.deliveries.filter((d) => d.channel === 'email');
    await db.query(
      `UPDATE deliveries SET status = 'pending', sent_at = NULL,
              updated_at = now() - interval '11 minutes' WHERE id = $1`,
      [stuck.id],
    );
    expect(await recover()).toMatchObject({ deliveries: 0, markedSent: 1 });
    const [marked] = await db.query(`SELECT status FROM deliveries WHERE id = $1`, [stuck.id]);
    expect(marked.status).toBe('sent');

    // A job that finished without sending (the delivery was not pending then): it runs again.
    const job = await queue.getJob(`delivery-${handled.uid}-${other.userId}-email`);
    await job!.remove();
    await queue.add('notifications.deliver', { deliveryId: other.id }, { jobId: job!.id });
    await eventually(async () =>
      (await (await queue.getJob(job!.id!))?.getState()) === 'completed' ? true : undefined,
    );
    await db.query(
      `UPDATE deliveries SET status = 'pending', updated_at = now() - interval '11 minutes' WHERE id = $1`,
      [other.id],
    );
    expect(await recover()).toMatchObject({ deliveries: 1 });
    await eventually(async () => (smtp.messages.length - before === 3 ? true : undefined));
  });
});
