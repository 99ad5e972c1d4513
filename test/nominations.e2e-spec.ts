import { startTestStack, TestStack, tokenFor } from '@app/testing';
import { DataSource } from 'typeorm';
import {
  actionTrail,
  fundBalances,
  insertRow,
  IntakeFixture,
  nominationDraft,
  seatsTaken as intakeSeatsTaken,
  seedIntakeFixture,
  shiftDays as shift,
} from './support/nomination-fixture';

const COST = 40_500_000n;

describe('the nomination workflow over HTTP', () => {
  let stack: TestStack;
  let fixture: IntakeFixture;
  let org: IntakeFixture['org'];
  let db: DataSource;
  let tokens: Record<string, string>;
  const ids: Record<string, string> = {};

  const insert = (table: string, values: Record<string, unknown>) => insertRow(db, table, values);
  const fund = (allocated: bigint) => fixture.fund(allocated);
  const as: IntakeFixture['as'] = (who) => fixture.as(who);
  const person = () => fixture.nominee();
  const nominate = async (fundId: string, who = 'unitHeadA', nominee?: string) =>
    stack.http.post(
      '/api/v1/nominations',
      nominationDraft(nominee ?? (await person()), ids.intake, fundId, COST.toString()),
      as(who),
    );
  const act: IntakeFixture['act'] = (...args) => fixture.act(...args);
  const balances = (fundId: string) => fundBalances(db, fundId);
  const seatsTaken = () => intakeSeatsTaken(db, ids.intake);
  const trail = (id: string) => actionTrail(db, id);

  beforeAll(async () => {
    stack = await startTestStack();
    fixture = await seedIntakeFixture(stack);
    ({ org, db, tokens } = fixture);
    await fixture.newUser('headAndReviewer', {
      grants: [
        { role: 'unit_head', unitId: org.units.districtA },
        { role: 'board_reviewer', authorityId: org.authorities.authorityA },
      ],
    });
    ids.intake = fixture.intakeId;
  });
  afterAll(() => stack.close());

  it('should walk the default chain to a decision, reserving money and a seat only at the end', async () => {
    const fundId = await fund(1_000_000_000n);
    const created = await nominate(fundId);
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.body).toMatchObject({
      status: 'draft',
      reference: expect.stringMatching(/^DT-\d{4}-\d{6}$/),
      estimatedCost: COST.toString(),
      allowedActions: ['edit', 'submit', 'withdraw'],
      eligibility: { eligible: true },
    });
    const id = created.body.id;

    const submitted = await act(id, 'submit', 1, 'unitHeadA');
    expect(submitted.status).toBe(201);
    expect(submitted.body).toMatchObject({ status: 'in_review', currentStep: 1, version: 2 });
    expect(submitted.body.steps.map((step: { role: string }) => step.role)).toEqual([
      'board_reviewer',
      'board_member',
    ]);
    expect(submitted.body.submissionBudgetCheck).toEqual([
      expect.objectContaining({ fundId, verdict: 'ok', afterCommitment: '959500000' }),
    ]);
    expect(await balances(fundId)).toEqual({ reserved: '0', available: '1000000000' });

    const reviewed = await act(id, 'approve', 2, 'reviewerA', { comment: 'Đủ điều kiện.' });
    expect(reviewed.body).toMatchObject({ status: 'in_review', currentStep: 2 });
    expect(reviewed.body.budgetCheck).toEqual([
      expect.objectContaining({ available: '1000000000' }),
    ]);
    expect(await seatsTaken()).toBe(0);

    const decided = await act(id, 'approve', 3, 'memberA');
    expect(decided.body).toMatchObject({
      status: 'approved',
      decisionNumber: expect.stringMatching(/^0001\/QĐ-.+\/\d{4}$/),
      allowedActions: ['cancel', 'start'],
    });
    expect(await balances(fundId)).toEqual({
      reserved: COST.toString(),
      available: (1_000_000_000n - COST).toString(),
    });
    expect(await seatsTaken()).toBe(1);
    expect(await trail(id)).toEqual({
      history: ['create', 'submit', 'approve', 'approve'],
      events: ['nomination.submitted', 'nomination.step_approved', 'nomination.approved'],
    });

    const cancelled = await act(id, 'cancel', 4, 'memberA', {
      comment: 'Đồng chí được điều động công tác khác.',
    });
    expect(cancelled.body.status).toBe('cancelled');
    expect(await balances(fundId)).toEqual({ reserved: '0', available: '1000000000' });
    expect(await seatsTaken()).toBe(0);
  });

  it('should start, complete and settle the actual cost', async () => {
    const fundId = await fund(1_000_000_000n);
    const { body } = await nominate(fundId);
    await act(body.id, 'submit', 1, 'unitHeadA');
    await act(body.id, 'approve', 2, 'reviewerA');
    await act(body.id, 'approve', 3, 'memberA');
    expect((await act(body.id, 'start', 4, 'memberA')).body.status).toBe('in_training');
    const completed = await act(body.id, 'complete', 5, 'unitHeadA', {
      passed: true,
      actualCostLines: [{ fundId, amount: '38000000' }],
    });
    expect(completed.body).toMatchObject({ status: 'completed' });
    expect(await balances(fundId)).toEqual({ reserved: '0', available: '962000000' });
    expect((await trail(body.id)).events.slice(-2)).toEqual([
      'nomination.started',
      'nomination.completed',
    ]);
  });

  it('should take quota seats of the nominee’s tier and give them back on cancel', async () => {
    const fundId = await fund(1_000_000_000n);
    const [source] = await db.query(`SELECT program_id FROM intakes WHERE id = $1`, [ids.intake]);
    const quotaIntake = await insert('intakes', {
      code: 'CNKT-QUOTA',
      program_id: source.program_id,
      starts_on: shift(60),
      ends_on: shift(90),
      location: 'Cần Thơ',
      seats_total: 10,
      nomination_opens_on: shift(-5),
      nomination_closes_on: shift(30),
      cost_tuition: '28500000',
      cost_allowances: '12000000',
    });
    const [quota] = await db.query(
      `INSERT INTO intake_seat_quotas (intake_id, tier_id, seats) VALUES ($1, $2, 1) RETURNING id`,
      [quotaIntake, org.tiers.communeTier],
    );
    const decideFor = async () => {
      const created = await stack.http.post(
        '/api/v1/nominations',
        {
          nomineeStaffId: await person(),
          intakeId: quotaIntake,
          targetGroup: 3,
          justification: 'Suất dành cho cấp xã.',
          costLines: [{ fundId, amount: COST.toString() }],
        },
        as('unitHeadA'),
      );
      await act(created.body.id, 'submit', 1, 'unitHeadA');
      await act(created.body.id, 'approve', 2, 'reviewerA');
      return { id: created.body.id, decision: await act(created.body.id, 'approve', 3, 'memberA') };
    };
    const first = await decideFor();
    expect(first.decision.body.status).toBe('approved');
    const second = await decideFor();
    expect([second.decision.status, second.decision.body.code]).toEqual([422, 'INTAKE_FULL']);
    const quotaTaken = async () =>
      (await db.query(`SELECT seats_taken FROM intake_seat_quotas WHERE id = $1`, [quota.id]))[0]
        .seats_taken;
    expect(await quotaTaken()).toBe(1);
    await act(first.id, 'cancel', 4, 'memberA', { comment: 'Nhường suất.' });
    expect(await quotaTaken()).toBe(0);
    expect((await act(second.id, 'approve', 3, 'memberA')).body.status).toBe('approved');
  });

  it('should refuse a stale or missing version', async () => {
    const { body } = await nominate(await fund(1_000_000_000n));
    await act(body.id, 'submit', 1, 'unitHeadA');
    const stale = await act(body.id, 'approve', 1, 'reviewerA');
    expect([stale.status, stale.body.code, stale.body.currentVersion]).toEqual([
      409,
      'VERSION_CONFLICT',
      2,
    ]);
    const missing = await stack.http.request(
      'POST',
      `/api/v1/nominations/${body.id}/actions/approve`,
      { body: {}, headers: as('reviewerA') },
    );
    expect([missing.status, missing.body.code]).toEqual([400, 'VERSION_REQUIRED']);
  });

  it('should let exactly one of two concurrent approvals of a step win', async () => {
    const { body } = await nominate(await fund(1_000_000_000n));
    await act(body.id, 'submit', 1, 'unitHeadA');
    const second = await org.factory.user({
      grants: [{ role: 'board_reviewer', authorityId: org.authorities.authorityA }],
    });
    tokens.reviewerA2 = tokenFor(stack, second);
    const results = await Promise.all([
      act(body.id, 'approve', 2, 'reviewerA'),
      act(body.id, 'approve', 2, 'reviewerA2'),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual([201, 409]);
    expect((await trail(body.id)).history).toEqual(['create', 'submit', 'approve']);
  });

  it('should hide nominations from approvers out of scope, and keep nominee and nominator from deciding', async () => {
    const { body } = await nominate(await fund(1_000_000_000n), 'headAndReviewer');
    await act(body.id, 'submit', 1, 'headAndReviewer');
    expect((await stack.http.get(`/api/v1/nominations/${body.id}`, as('unitHeadB'))).status).toBe(
      404,
    );
    expect((await act(body.id, 'approve', 2, 'unitHeadB')).status).toBe(404);
    expect((await act(body.id, 'approve', 2, 'memberCity')).status).toBe(404);
    const own = await act(body.id, 'approve', 2, 'headAndReviewer');
    expect([own.status, own.body.code]).toEqual([403, 'CONFLICT_OF_INTEREST']);
    const wrongStep = await act(body.id, 'approve', 2, 'financeA');
    expect([wrongStep.status, wrongStep.body.code]).toEqual([403, 'NOT_YOUR_STEP']);
  });

  it('should resume at the returning step when nothing changed', async () => {
    const { body } = await nominate(await fund(1_000_000_000n));
    await act(body.id, 'submit', 1, 'unitHeadA');
    await act(body.id, 'approve', 2, 'reviewerA');
    const noComment = await act(body.id, 'return', 3, 'memberA');
    expect([noComment.status, noComment.body.code]).toEqual([400, 'COMMENT_REQUIRED']);
    const returned = await act(body.id, 'return', 3, 'memberA', {
      comment: 'Bổ sung bản nhận xét của cấp ủy.',
    });
    expect(returned.body).toMatchObject({ status: 'returned', allowedActions: [] });
    const resubmitted = await act(body.id, 'submit', 4, 'unitHeadA');
    expect(resubmitted.body).toMatchObject({ status: 'in_review', currentStep: 2 });
    expect(resubmitted.body.steps.map((step: { state: string }) => step.state)).toEqual([
      'approved',
      'pending',
    ]);
  });

  it('should restart at step 1 after a material change while returned', async () => {
    const fundId = await fund(1_000_000_000n);
    const { body } = await nominate(fundId);
    await act(body.id, 'submit', 1, 'unitHeadA');
    await act(body.id, 'approve', 2, 'reviewerA');
    await act(body.id, 'return', 3, 'memberA', { comment: 'Điều chỉnh cơ cấu kinh phí.' });
    const edit = (version: number, patch: Record<string, unknown>) =>
      stack.http.request('PATCH', `/api/v1/nominations/${body.id}`, {
        body: patch,
        headers: { ...as('unitHeadA'), 'if-match': `"${version}"` },
      });
    const edited = await edit(4, {
      justification: 'Bổ sung nhận xét.',
      learnerShare: '500000',
      costLines: [{ fundId, amount: '40000000' }],
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      version: 5,
      learnerShare: '500000',
      justification: 'Bổ sung nhận xét.',
    });
    expect((await edit(4, { justification: 'x' })).body.code).toBe('VERSION_CONFLICT');
    expect((await edit(5, { nomineeStaffId: org.staff.staffA })).body.code).toBe('NOMINEE_FIXED');
    const resubmitted = await act(body.id, 'submit', 5, 'unitHeadA');
    expect(resubmitted.body).toMatchObject({ status: 'in_review', currentStep: 1 });
    expect(resubmitted.body.steps.map((step: { state: string }) => step.state)).toEqual([
      'pending',
      'pending',
    ]);
  });

  it('should refuse the decision when the fund cannot pay, leaving no trace', async () => {
    const fundId = await fund(COST);
    const first = await nominate(fundId);
    const second = await nominate(fundId);
    for (const nomination of [first.body, second.body]) {
      await act(nomination.id, 'submit', 1, 'unitHeadA');
      await act(nomination.id, 'approve', 2, 'reviewerA');
    }
    expect((await act(first.body.id, 'approve', 3, 'memberA')).body.status).toBe('approved');
    const before = await trail(second.body.id);
    const refused = await act(second.body.id, 'approve', 3, 'memberA');
    expect([
      refused.status,
      refused.body.code,
      refused.body.available,
      refused.body.requested,
    ]).toEqual([422, 'BUDGET_EXCEEDED', '0', COST.toString()]);
    expect(await trail(second.body.id)).toEqual(before);
    expect(
      (await stack.http.get(`/api/v1/nominations/${second.body.id}`, as('memberA'))).body,
    ).toMatchObject({
      status: 'in_review',
      version: 3,
    });
  });

  it('should answer INVALID_TRANSITION with the actions allowed', async () => {
    const { body } = await nominate(await fund(1_000_000_000n));
    const response = await act(body.id, 'approve', 1, 'reviewerA');
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({
      code: 'INVALID_TRANSITION',
      allowedActions: ['edit', 'submit', 'withdraw'],
    });
  });

  it('should let only a unit head over the nominee nominate', async () => {
    const fundId = await fund(1_000_000_000n);
    expect((await nominate(fundId, 'unitHeadB')).status).toBe(404);
    expect((await nominate(fundId, 'financeA')).status).toBe(403);
    expect((await nominate(fundId, 'staffA')).status).toBe(404);
  });

  it('should list nominations in scope only', async () => {
    const mine = await stack.http.get('/api/v1/nominations?pageSize=100', as('unitHeadA'));
    expect(mine.body.total).toBeGreaterThan(0);
    const none = await stack.http.get('/api/v1/nominations', as('unitHeadB'));
    expect(none.body.total).toBe(0);
  });
});
