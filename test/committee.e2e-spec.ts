import { organizationToday } from '@app/common';
import { bearer, seedOrganizationFixture, startTestStack, TestStack, tokenFor } from '@app/testing';
import { DataSource } from 'typeorm';

const shift = (days: number) => {
  const date = new Date(`${organizationToday()}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

describe('a committee step', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack.close());

  it('should decide at its quorum and not before, one vote per member', async () => {
    const org = await seedOrganizationFixture(stack);
    const db = stack.api.get(DataSource);
    const members = await Promise.all(
      [1, 2, 3].map(() =>
        org.factory.user({
          grants: [{ role: 'board_member', authorityId: org.authorities.authorityA }],
        }),
      ),
    );
    const [first, second, third] = members.map((id) => bearer(tokenFor(stack, id)));
    await db.query(
      `INSERT INTO approval_policies (priority, name, match_categories, steps) VALUES
         (1, 'Leadership courses: board, then the Standing Committee together', '{leadership_skills}',
          '[{"role":"board_reviewer","authority":"managing"},
            {"role":"board_member","authority":"managing","committee":{"quorum":"majority"}}]')`,
    );
    const [provider] = await db.query(
      `INSERT INTO providers (code, name, country) VALUES ('HV', 'Học viện', 'VN') RETURNING id`,
    );
    const [program] = await db.query(
      `INSERT INTO programs (code, name, category, provider_id, mode, duration_months)
       VALUES ('KNLD', 'Kỹ năng lãnh đạo, quản lý', 'leadership_skills', $1, 'in_service', 1) RETURNING id`,
      [provider.id],
    );
    const [intake] = await db.query(
      `INSERT INTO intakes (code, program_id, starts_on, ends_on, location, seats_total, nomination_opens_on, nomination_closes_on, cost_tuition)
       VALUES ('KNLD-1', $1, $2, $3, 'Cần Thơ', 10, $4, $5, 15000000) RETURNING id`,
      [program.id, shift(40), shift(45), shift(-3), shift(20)],
    );
    const [fund] = await db.query(
      `INSERT INTO funds (code, name, fiscal_year, owner_unit_id, source) VALUES ('KP-K', 'Kinh phí', $1, $2, 'state_budget') RETURNING id`,
      [Number(shift(40).slice(0, 4)), org.units.districtA],
    );
    await db.query(
      `INSERT INTO fund_ledger (fund_id, kind, amount) VALUES ($1, 'allocation', 100000000)`,
      [fund.id],
    );
    await db.query(`UPDATE funds SET allocated = 100000000 WHERE id = $1`, [fund.id]);

    const created = await stack.http.post(
      '/api/v1/nominations',
      {
        nomineeStaffId: org.staff.staffA2,
        intakeId: intake.id,
        targetGroup: 2,
        justification: 'Quy hoạch lãnh đạo phường.',
        costLines: [{ fundId: fund.id, amount: '15000000' }],
      },
      bearer(org.tokens.unitHeadA),
    );
    const act = (
      action: string,
      version: number,
      headers: Record<string, string>,
      body: Record<string, unknown> = {},
    ) =>
      stack.http.request('POST', `/api/v1/nominations/${created.body.id}/actions/${action}`, {
        body,
        headers: { ...headers, 'if-match': `"${version}"` },
      });
    await act('submit', 1, bearer(org.tokens.unitHeadA));
    await act('approve', 2, bearer(org.tokens.reviewerA));

    const firstVote = await act('approve', 3, first);
    expect(firstVote.body).toMatchObject({ status: 'in_review', currentStep: 2, version: 4 });
    expect((await act('approve', 4, first)).body.code).toBe('ALREADY_VOTED');
    const [{ reserved }] = await db.query(`SELECT reserved::text FROM funds WHERE id = $1`, [
      fund.id,
    ]);
    expect(reserved).toBe('0');

    const decided = await act('approve', 4, second);
    expect(decided.body).toMatchObject({ status: 'approved', decisionNumber: expect.any(String) });
    expect((await act('approve', 5, third)).body.code).toBe('INVALID_TRANSITION');

    const history = await db.query(
      `SELECT action FROM nomination_history WHERE nomination_id = $1 ORDER BY id`,
      [created.body.id],
    );
    expect(history.map((row: { action: string }) => row.action)).toEqual([
      'create',
      'submit',
      'approve',
      'vote_approve',
      'approve',
    ]);
    const events = await db.query(
      `SELECT type FROM outbox_events WHERE aggregate_id = $1 ORDER BY id`,
      [created.body.id],
    );
    expect(events.map((row: { type: string }) => row.type)).toEqual([
      'nomination.submitted',
      'nomination.step_approved',
      'nomination.approved',
    ]);
  });
});
