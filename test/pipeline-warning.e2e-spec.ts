import { JobProducer } from '@app/queue';
import {
  eventually,
  startSmtpServer,
  startTestStack,
  TestSmtpServer,
  TestStack,
} from '@app/testing';
import { NominationFixture, seedNominationFixture } from './support/nomination-fixture';

/**
 * The early warning: finance over the fund's owner hears, by email and inbox, when money in
 * review would take a fund's committed + pipeline past its warning percent, once per
 * crossing, through the outbox.
 */
describe('pipeline warning', () => {
  let smtp: TestSmtpServer;
  let stack: TestStack;
  let fx: NominationFixture;
  let intakes = 0;
  const intake = () => fx.intake(`CNKT-CBS-${++intakes}`);

  beforeAll(async () => {
    smtp = await startSmtpServer();
    stack = await startTestStack({
      worker: true,
      env: { SMTP_URL: smtp.url, OUTBOX_POLL_MS: '200', APP_BASE_URL: 'https://daotao.example.vn' },
    });
    fx = await seedNominationFixture(stack);
  });
  afterAll(async () => {
    await stack?.close();
    await smtp?.close();
  });

  /** A fund whose warning is at 80 %: two nominations of 40.5 million of 100 cross it. */
  const fund = async () => {
    const id = await fx.fund(100_000_000n);
    await fx.db.query(
      `UPDATE funds SET pipeline_warning_percent = 80, policy = 'warn' WHERE id = $1`,
      [id],
    );
    return id;
  };
  const submit = async (fundId: string) => {
    const [nominee] = await fx.nominees(1);
    const created = await fx.nominate(nominee, await intake(), fundId);
    expect(created.status).toBe(201);
    const submitted = await fx.act(created.body.id, 'submit', 1, 'unitHeadA');
    expect(submitted.status).toBe(201);
    return created.body.id as string;
  };
  const warnings = (fundId: string) =>
    fx.db.query(
      `SELECT id::text, uid::text, payload FROM outbox_events
        WHERE type = 'fund.pipeline_warning' AND aggregate_id = $1 ORDER BY id`,
      [fundId],
    );

  it('should warn finance by email and inbox, in Vietnamese, when review takes the fund past its percent', async () => {
    const fundId = await fund();
    await submit(fundId);
    expect(await warnings(fundId)).toEqual([]);
    const crossing = await submit(fundId);
    const [event] = await warnings(fundId);
    expect(event.payload).toMatchObject({
      threshold: 80,
      exposureBasisPoints: 8100,
      committed: '0',
      pipeline: '81000000',
      nominationId: crossing,
    });
    const queue = stack.worker!.get(JobProducer).queue('notifications');
    await eventually(async () =>
      (await (await queue.getJob(`event-${event.uid}`))?.getState()) === 'completed'
        ? true
        : undefined,
    );
    const [{ email: financeEmail }] = await fx.db.query(`SELECT email FROM users WHERE id = $1`, [
      fx.org.users.financeA,
    ]);
    const mail = await eventually(
      async () =>
        smtp.messages.find(
          (message) =>
            message.to.includes(financeEmail) && message.subject.includes('Cảnh báo sớm'),
        ),
      { timeoutMs: 20_000 },
    );
    expect(mail.subject).toContain('sắp vượt 80');
    expect(mail.text).toMatch(/81[,.]00\s?%/);
    expect(mail.text).toContain('Đang xét duyệt: 81.000.000');
    const inbox = await fx.db.query(
      `SELECT n.user_id AS "userId" FROM notifications n
         JOIN outbox_events e ON e.id = n.event_id WHERE e.uid = $1`,
      [event.uid],
    );
    expect(inbox).toEqual([{ userId: fx.org.users.financeA }]);
  });

  it('should warn once per crossing: not again while above, again after dropping below', async () => {
    const fundId = await fund();
    const first = await submit(fundId);
    const second = await submit(fundId);
    await submit(fundId); // 121.5 %: still above, no second warning
    expect(await warnings(fundId)).toHaveLength(1);

    // Two withdrawn: 40.5 % in review, below again; the next crossing warns again.
    for (const id of [first, second]) {
      expect((await fx.act(id, 'withdraw', 2, 'unitHeadA', { comment: 'Rút lại' })).status).toBe(
        201,
      );
    }
    await submit(fundId);
    const events = await warnings(fundId);
    expect(events).toHaveLength(2);
    expect(events[1].payload).toMatchObject({ exposureBasisPoints: 8100 });
  });

  it('should stay silent for a fund with the warning switched off', async () => {
    const fundId = await fund();
    await fx.db.query(`UPDATE funds SET pipeline_warning_percent = NULL WHERE id = $1`, [fundId]);
    await submit(fundId);
    await submit(fundId);
    expect(await warnings(fundId)).toEqual([]);
  });

  it('should let finance set the percent over HTTP, and refuse one out of range', async () => {
    const fundId = await fund();
    const headers = { authorization: `Bearer ${fx.tokens.financeA}` };
    const set = await stack.http.request('PATCH', `/api/v1/funds/${fundId}`, {
      body: { pipelineWarningPercent: 95 },
      headers,
    });
    expect([set.status, set.body.pipelineWarningPercent]).toEqual([200, 95]);
    const bad = await stack.http.request('PATCH', `/api/v1/funds/${fundId}`, {
      body: { pipelineWarningPercent: 101 },
      headers,
    });
    expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const outsider = await stack.http.request('PATCH', `/api/v1/funds/${fundId}`, {
      body: { pipelineWarningPercent: 50 },
      headers: { authorization: `Bearer ${fx.tokens.unitHeadB}` },
    });
    expect(outsider.status).toBe(404);
  });
});
