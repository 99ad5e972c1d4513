import { SETTLED_ELSEWHERE } from '@app/budget';
import { startTestStack, TestStack } from '@app/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  actionTrail,
  insertFund,
  insertRow,
  IntakeFixture,
  nominationDraft,
  seedIntakeFixture,
  shiftDays,
} from './support/nomination-fixture';

const COST = 40_500_000n;

/**
 * Money through the workflow: who may override a `warn` fund, which funds actual costs
 * may be settled on, and the budget check an approver reads.
 */
describe('nomination money over HTTP', () => {
  let stack: TestStack;
  let fixture: IntakeFixture;
  let org: IntakeFixture['org'];
  let db: DataSource;

  const act: IntakeFixture['act'] = (...args) => fixture.act(...args);
  const trail = (id: string) => actionTrail(db, id);
  const funds = async (...ids: string[]) =>
    (
      await db.query(
        `SELECT id, reserved::text, spent::text, available::text FROM funds WHERE id = ANY($1::uuid[])`,
        [ids],
      )
    ).reduce(
      (all: Record<string, unknown>, { id, ...row }: { id: string }) => ({ ...all, [id]: row }),
      {},
    );
  const status = async (id: string) =>
    (await db.query(`SELECT status FROM nominations WHERE id = $1`, [id]))[0].status;

  /** A new nominee of commune A (one nomination each), nominated and submitted. */
  async function submitted(fundId: string): Promise<{ id: string; body: Record<string, any> }> {
    const nominee = await org.factory.staff({
      unitId: org.units.communeA,
      authorityId: org.authorities.authorityA,
      fullName: 'Trần Văn Bình',
    });
    const created = await stack.http.post(
      '/api/v1/nominations',
      nominationDraft(nominee, fixture.intakeId, fundId, COST.toString()),
      fixture.as('unitHeadA'),
    );
    if (created.status !== 201) throw new Error(`create: ${created.status} ${created.text}`);
    const response = await act(created.body.id, 'submit', 1, 'unitHeadA');
    if (response.status !== 201) throw new Error(`submit: ${response.status} ${response.text}`);
    return { id: created.body.id, body: response.body };
  }

  /** Submitted and approved by the reviewer: at the deciding step, version 3. */
  async function atLastStep(fundId: string): Promise<string> {
    const { id } = await submitted(fundId);
    const reviewed = await act(id, 'approve', 2, 'reviewerA');
    if (reviewed.status !== 201) throw new Error(`approve: ${reviewed.status} ${reviewed.text}`);
    return id;
  }

  /** Decided and started: in training, version 5. */
  async function inTraining(fundId: string): Promise<string> {
    const id = await atLastStep(fundId);
    for (const [action, version] of [
      ['approve', 3],
      ['start', 4],
    ] as const) {
      const response = await act(id, action, version, 'memberA');
      if (response.status !== 201) throw new Error(`${action}: ${response.status}`);
    }
    return id;
  }

  beforeAll(async () => {
    stack = await startTestStack();
    fixture = await seedIntakeFixture(stack);
    ({ org, db } = fixture);
    // Users who also hold finance: they may complete (as unit head) or decide (as member).
    await fixture.newUser('headAndFinanceA', {
      grants: [
        { role: 'unit_head', unitId: org.units.districtA },
        { role: 'finance', unitId: org.units.districtA },
      ],
    });
    await fixture.newUser('headAndFinanceB', {
      grants: [
        { role: 'unit_head', unitId: org.units.districtA },
        { role: 'finance', unitId: org.units.districtB },
      ],
    });
    await fixture.newUser('memberAndFinanceA', {
      grants: [
        { role: 'board_member', authorityId: org.authorities.authorityA },
        { role: 'finance', unitId: org.units.districtA },
      ],
    });
  });
  afterAll(() => stack.close());

  describe('an override of a warn fund', () => {
    it('should refuse it at the decision from anyone but finance over the fund, instead of dropping it', async () => {
      const warn = await insertFund(db, org.units.districtA, COST - 1_000_000n, {
        policy: 'warn',
      });
      const id = await atLastStep(warn);
      const before = await trail(id);
      const refused = await act(id, 'approve', 3, 'memberA', { overrideReason: 'Cần gấp' });
      expect([refused.status, refused.body.code]).toEqual([403, 'OVERRIDE_NOT_ALLOWED']);
      expect(await trail(id)).toEqual(before);
      expect(await funds(warn)).toEqual({
        [warn]: { reserved: '0', spent: '0', available: '39500000' },
      });

      const decided = await act(id, 'approve', 3, 'memberAndFinanceA', {
        overrideReason: 'Quyết định bổ sung dự toán',
      });
      expect([decided.status, decided.body.status]).toEqual([201, 'approved']);
      expect((await funds(warn))[warn]).toMatchObject({ available: '-1000000' });
      const [entry] = await db.query(
        `SELECT override_reason FROM fund_ledger WHERE nomination_id = $1 AND kind = 'reservation'`,
        [id],
      );
      expect(entry.override_reason).toBe('Quyết định bổ sung dự toán');
    });

    it('should refuse it at completion from anyone but finance over the fund', async () => {
      const warn = await insertFund(db, org.units.districtA, COST + 1_000_000n, {
        policy: 'warn',
      });
      const id = await inTraining(warn);
      const before = await trail(id);
      const overrun = { actualCostLines: [{ fundId: warn, amount: '45000000' }] };
      for (const who of ['unitHeadA', 'memberA', 'admin', 'headAndFinanceB']) {
        const refused = await act(id, 'complete', 5, who, {
          ...overrun,
          overrideReason: 'Phát sinh',
        });
        expect([who, refused.status, refused.body.code]).toEqual([
          who,
          403,
          'OVERRIDE_NOT_ALLOWED',
        ]);
      }
      // Even one that needs no override is refused rather than let through without it.
      const within = await act(id, 'complete', 5, 'unitHeadA', { overrideReason: 'Phát sinh' });
      expect(within.body.code).toBe('OVERRIDE_NOT_ALLOWED');
      expect((await act(id, 'complete', 5, 'unitHeadA', overrun)).body.code).toBe(
        'BUDGET_EXCEEDED',
      );
      expect(await trail(id)).toEqual(before);
      expect(await status(id)).toBe('in_training');

      const completed = await act(id, 'complete', 5, 'headAndFinanceA', {
        ...overrun,
        overrideReason: 'Phát sinh chi phí đi lại',
      });
      expect([completed.status, completed.body.status]).toEqual([201, 'completed']);
      expect(await funds(warn)).toEqual({
        [warn]: { reserved: '0', spent: '45000000', available: '-3500000' },
      });
    });
  });

  describe('the actual cost', () => {
    it('should be settled only on the reserved funds, or on another that finance over it names', async () => {
      const reserved = await insertFund(db, org.units.districtA, 1_000_000_000n);
      const sameDistrict = await insertFund(db, org.units.districtA, 1_000_000_000n);
      const otherDistrict = await insertFund(db, org.units.districtB, 1_000_000_000n);
      const id = await inTraining(reserved);
      const before = await trail(id);
      const on = (fundId: string) => ({ actualCostLines: [{ fundId, amount: '30000000' }] });
      const refusals: Array<[string, string]> = [
        // A fund the caller cannot even read, one they can, and one that does not exist.
        ['unitHeadA', otherDistrict],
        ['memberA', otherDistrict],
        ['unitHeadA', sameDistrict],
        ['unitHeadA', randomUUID()],
        ['admin', sameDistrict],
        // Finance over the fund, but its owner cannot pay for a nominee of district A.
        ['headAndFinanceB', otherDistrict],
      ];
      for (const [who, fundId] of refusals) {
        const refused = await act(id, 'complete', 5, who, on(fundId));
        expect([who, refused.status, refused.body.code]).toEqual([who, 422, 'FUND_NOT_RESERVED']);
      }
      expect(await trail(id)).toEqual(before);
      expect(await status(id)).toBe('in_training');
      expect(await funds(reserved, sameDistrict, otherDistrict)).toEqual({
        [reserved]: { reserved: COST.toString(), spent: '0', available: '959500000' },
        [sameDistrict]: { reserved: '0', spent: '0', available: '1000000000' },
        [otherDistrict]: { reserved: '0', spent: '0', available: '1000000000' },
      });

      const completed = await act(id, 'complete', 5, 'headAndFinanceA', on(sameDistrict));
      expect([completed.status, completed.body.status]).toEqual([201, 'completed']);
      expect(await funds(reserved, sameDistrict)).toEqual({
        [reserved]: { reserved: '0', spent: '0', available: '1000000000' },
        [sameDistrict]: { reserved: '0', spent: '30000000', available: '970000000' },
      });
      const [spend] = await db.query(
        `SELECT comment FROM fund_ledger WHERE nomination_id = $1 AND kind = 'spend'`,
        [id],
      );
      expect(spend.comment).toBe(SETTLED_ELSEWHERE);
    });
  });

  describe('the budget check', () => {
    it('should leave the nomination’s own lines out of its pipeline', async () => {
      const fundId = await insertFund(db, org.units.districtA, 70_000_000n);
      const first = await submitted(fundId);
      const alone = {
        fundId,
        available: '70000000',
        afterCommitment: '29500000',
        pipeline: '0',
        afterPipeline: '29500000',
        verdict: 'ok',
      };
      expect(first.body.submissionBudgetCheck).toEqual([alone]);
      expect(first.body.budgetCheck).toEqual([alone]);
      const read = async (id: string) =>
        (await stack.http.get(`/api/v1/nominations/${id}`, fixture.as('reviewerA'))).body
          .budgetCheck;
      expect(await read(first.id)).toEqual([alone]);

      // A second one in review: each now sees the other, and not itself.
      const second = await submitted(fundId);
      const together = {
        ...alone,
        pipeline: '40500000',
        afterPipeline: '-11000000',
        verdict: 'warn',
      };
      expect(second.body.budgetCheck).toEqual([together]);
      expect(second.body.submissionBudgetCheck).toEqual([together]);
      expect(await read(first.id)).toEqual([together]);
      expect(await read(second.id)).toEqual([together]);
    });
  });

  describe('an override given at finance’s own step', () => {
    const HIGH = 250_000_000n; // at or above 200 million: board, finance, Standing Committee
    let highIntake: string;

    beforeAll(async () => {
      highIntake = await insertRow(db, 'intakes', {
        code: 'CNKT-2027-HIGH',
        program_id: (
          await db.query(`SELECT program_id FROM intakes WHERE id = $1`, [fixture.intakeId])
        )[0].program_id,
        starts_on: shiftDays(60),
        ends_on: shiftDays(90),
        location: 'Cần Thơ',
        seats_total: 40,
        nomination_opens_on: shiftDays(-5),
        nomination_closes_on: shiftDays(30),
        cost_tuition: HIGH.toString(),
      });
    });

    /** Submitted on a high-cost intake and approved by the reviewer: finance's step, version 3. */
    async function atFinanceStep(fundId: string): Promise<string> {
      const nominee = await fixture.nominee();
      const created = await stack.http.post(
        '/api/v1/nominations',
        nominationDraft(nominee, highIntake, fundId, HIGH.toString()),
        fixture.as('unitHeadA'),
      );
      if (created.status !== 201) throw new Error(`create: ${created.status} ${created.text}`);
      const id = created.body.id;
      for (const [action, version, who] of [
        ['submit', 1, 'unitHeadA'],
        ['approve', 2, 'reviewerA'],
      ] as const) {
        const response = await act(id, action, version, who);
        if (response.status !== 201)
          throw new Error(`${action}: ${response.status} ${response.text}`);
      }
      return id;
    }

    it('should let the Standing Committee decide beyond a warn fund’s money when finance overrode at its step', async () => {
      const warn = await insertFund(db, org.units.districtA, HIGH - 10_000_000n, {
        policy: 'warn',
      });
      const id = await atFinanceStep(warn);
      const confirmed = await act(id, 'approve', 3, 'financeA', {
        overrideReason: 'Bổ sung dự toán quý IV',
      });
      expect(confirmed.status).toBe(201);
      const decided = await act(id, 'approve', 4, 'memberA');
      expect(decided.status).toBe(201);
      expect(await status(id)).toBe('approved');
      expect(await funds(warn)).toEqual({
        [warn]: { reserved: HIGH.toString(), spent: '0', available: '-10000000' },
      });
      const [entry] = await db.query(
        `SELECT override_reason FROM fund_ledger WHERE nomination_id = $1 AND kind = 'reservation'`,
        [id],
      );
      expect(entry.override_reason).toBe('Bổ sung dự toán quý IV');
    });

    it('should refuse the decision beyond the money when finance gave no override', async () => {
      const warn = await insertFund(db, org.units.districtA, HIGH - 10_000_000n, {
        policy: 'warn',
      });
      const id = await atFinanceStep(warn);
      expect((await act(id, 'approve', 3, 'financeA')).status).toBe(201);
      const refused = await act(id, 'approve', 4, 'memberA');
      expect([refused.status, refused.body.code]).toEqual([422, 'BUDGET_EXCEEDED']);
    });

    it('should keep the override through a return that resumes after finance’s step, and forget it when the chain restarts', async () => {
      const warn = await insertFund(db, org.units.districtA, HIGH - 10_000_000n, {
        policy: 'warn',
      });
      const id = await atFinanceStep(warn);
      expect((await act(id, 'approve', 3, 'financeA', { overrideReason: 'Tạm ứng' })).status).toBe(
        201,
      );
      expect((await act(id, 'return', 4, 'memberA', { comment: 'Xem lại dự toán' })).status).toBe(
        201,
      );
      // Resubmitted unchanged, the chain resumes at the Standing Committee: finance's word stands.
      expect((await act(id, 'submit', 5, 'unitHeadA')).status).toBe(201);
      const [kept] = await db.query(
        `SELECT budget_override_reason FROM nominations WHERE id = $1`,
        [id],
      );
      expect(kept.budget_override_reason).toBe('Tạm ứng');
      // Changed materially, the chain restarts and finance is asked again.
      const again = await atFinanceStep(warn);
      expect(
        (await act(again, 'approve', 3, 'financeA', { overrideReason: 'Tạm ứng' })).status,
      ).toBe(201);
      expect((await act(again, 'return', 4, 'memberA', { comment: 'Sai' })).status).toBe(201);
      const edited = await stack.http.request('PATCH', `/api/v1/nominations/${again}`, {
        body: { costLines: [{ fundId: warn, amount: HIGH.toString() }] },
        headers: { ...fixture.as('unitHeadA'), 'if-match': '"5"' },
      });
      expect(edited.status).toBe(200);
      expect((await act(again, 'submit', 6, 'unitHeadA')).status).toBe(201);
      const [forgotten] = await db.query(
        `SELECT budget_override_reason FROM nominations WHERE id = $1`,
        [again],
      );
      expect(forgotten.budget_override_reason).toBeNull();
    });

    it('should refuse an override from the reviewer at an earlier step, and leave everything as it was', async () => {
      const warn = await insertFund(db, org.units.districtA, HIGH, { policy: 'warn' });
      const nominee = await fixture.nominee();
      const created = await stack.http.post(
        '/api/v1/nominations',
        nominationDraft(nominee, highIntake, warn, HIGH.toString()),
        fixture.as('unitHeadA'),
      );
      const id = created.body.id;
      expect((await act(id, 'submit', 1, 'unitHeadA')).status).toBe(201);
      const before = await trail(id);
      const refused = await act(id, 'approve', 2, 'reviewerA', { overrideReason: 'Cần gấp' });
      expect([refused.status, refused.body.code]).toEqual([403, 'OVERRIDE_NOT_ALLOWED']);
      expect(await trail(id)).toEqual(before);
    });

    it('should refuse an override on an action that moves no money', async () => {
      const warn = await insertFund(db, org.units.districtA, HIGH, { policy: 'warn' });
      const id = await atFinanceStep(warn);
      const before = await trail(id);
      const refused = await act(id, 'return', 3, 'financeA', {
        comment: 'Thiếu hồ sơ',
        overrideReason: 'Cần gấp',
      });
      expect([refused.status, refused.body.code]).toEqual([400, 'OVERRIDE_NOT_APPLICABLE']);
      expect(await trail(id)).toEqual(before);
    });
  });

  describe('finance at completion', () => {
    it('should refuse two actual cost lines on one fund, and leave the money as it was', async () => {
      const fundId = await insertFund(db, org.units.districtA, COST * 2n);
      const id = await inTraining(fundId);
      const half = (COST / 2n).toString();
      const refused = await act(id, 'complete', 5, 'unitHeadA', {
        actualCostLines: [
          { fundId, amount: half },
          { fundId, amount: half },
        ],
      });
      expect([refused.status, refused.body.code]).toEqual([400, 'DUPLICATE_FUND']);
      expect(await funds(fundId)).toEqual({
        [fundId]: { reserved: COST.toString(), spent: '0', available: COST.toString() },
      });
    });
    it('should let finance over the reserved fund record an overrun on a warn fund, with its reason', async () => {
      const warn = await insertFund(db, org.units.districtA, COST, { policy: 'warn' });
      const id = await inTraining(warn);
      await fixture.newUser('financeOfB', {
        grants: [{ role: 'finance', unitId: org.units.districtB }],
      });
      const outsider = await act(id, 'complete', 5, 'financeOfB', {
        actualCostLines: [{ fundId: warn, amount: (COST + 5_000_000n).toString() }],
        overrideReason: 'Phát sinh học phí',
      });
      expect([outsider.status, outsider.body.code]).toEqual([404, 'NOMINATION_NOT_FOUND']);
      const completed = await act(id, 'complete', 5, 'financeA', {
        actualCostLines: [{ fundId: warn, amount: (COST + 5_000_000n).toString() }],
        overrideReason: 'Phát sinh học phí',
      });
      expect(completed.status).toBe(201);
      expect(await status(id)).toBe('completed');
      expect(await funds(warn)).toEqual({
        [warn]: { reserved: '0', spent: (COST + 5_000_000n).toString(), available: '-5000000' },
      });
    });
  });
});
