import { organizationToday } from '@app/catalog';
import { bearer, seedOrganizationFixture, startTestStack, TestStack, tokenFor } from '@app/testing';
import { DataSource } from 'typeorm';

type Fixture = Awaited<ReturnType<typeof seedOrganizationFixture>>;

const shift = (days: number) => {
  const date = new Date(`${organizationToday()}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};
const COST = 40_500_000n;

describe('nominations awaiting the caller', () => {
  let stack: TestStack;
  let org: Fixture;
  let db: DataSource;
  let fundId: string;
  const ids: Record<string, string> = {};
  const users: Record<string, string> = {};
  const tokens: Record<string, string> = {};

  async function insert(table: string, values: Record<string, unknown>): Promise<string> {
    const columns = Object.keys(values);
    const [row] = await db.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
      Object.values(values),
    );
    return row.id;
  }

  async function fund(allocated: bigint): Promise<string> {
    const id = await insert('funds', {
      code: `KP-${Math.random().toString(36).slice(2, 8)}`,
      name: 'Kinh phí đào tạo quận Ninh Kiều',
      fiscal_year: Number(shift(60).slice(0, 4)),
      owner_unit_id: org.units.districtA,
      source: 'state_budget',
    });
    await db.query(
      `INSERT INTO fund_ledger (fund_id, kind, amount, comment) VALUES ($1, 'allocation', $2, 'Dự toán')`,
      [id, allocated.toString()],
    );
    await db.query(`UPDATE funds SET allocated = allocated + $2 WHERE id = $1`, [
      id,
      allocated.toString(),
    ]);
    return id;
  }

  const as = (who: string) => bearer(tokens[who]);
  const nominate = (who = 'unitHeadA', nominee = org.staff.staffA2) =>
    stack.http.post(
      '/api/v1/nominations',
      {
        nomineeStaffId: nominee,
        intakeId: ids.intake,
        targetGroup: 3,
        justification: 'Cập nhật kiến thức cho cán bộ phường An Hòa.',
        costLines: [{ fundId, amount: COST.toString() }],
      },
      as(who),
    );
  const act = (
    id: string,
    action: string,
    version: number,
    who: string,
    body: Record<string, unknown> = {},
  ) =>
    stack.http.request('POST', `/api/v1/nominations/${id}/actions/${action}`, {
      body,
      headers: { ...as(who), 'if-match': `"${version}"` },
    });
  /** A nomination submitted by unit head A, waiting at step 1 (board reviewer of A). */
  const submitted = async (who = 'unitHeadA') => {
    const { body } = await nominate(who);
    expect((await act(body.id, 'submit', 1, who)).status).toBe(201);
    return body.id as string;
  };
  const delegate = (who: string, body: Record<string, unknown>) =>
    stack.http.post(
      '/api/v1/delegations',
      {
        role: 'board_reviewer',
        authorityId: org.authorities.authorityA,
        startsOn: shift(0),
        endsOn: shift(7),
        ...body,
      },
      as(who),
    );
  const revoke = (id: string, who: string) =>
    stack.http.request('DELETE', `/api/v1/delegations/${id}`, { headers: as(who) });
  /** A user with no grant of their own. */
  const newUser = async (name: string, grants: Parameters<Fixture['factory']['user']>[0] = {}) => {
    users[name] = await org.factory.user(grants);
    tokens[name] = tokenFor(stack, users[name]);
    return users[name];
  };

  beforeAll(async () => {
    stack = await startTestStack();
    org = await seedOrganizationFixture(stack);
    db = stack.api.get(DataSource);
    Object.assign(tokens, org.tokens);
    Object.assign(users, org.users);
    await newUser('memberA', {
      grants: [{ role: 'board_member', authorityId: org.authorities.authorityA }],
    });
    const provider = await insert('providers', {
      code: 'TCT-CT',
      name: 'Trường Chính trị thành phố Cần Thơ',
      country: 'VN',
    });
    const program = await insert('programs', {
      code: 'CNKT-LD',
      name: 'Cập nhật kiến thức cho cán bộ lãnh đạo',
      category: 'knowledge_update',
      provider_id: provider,
      mode: 'in_service',
      duration_months: 1,
    });
    ids.intake = await insert('intakes', {
      code: 'CNKT-2027-1',
      program_id: program,
      starts_on: shift(60),
      ends_on: shift(90),
      location: 'Cần Thơ',
      seats_total: 40,
      nomination_opens_on: shift(-5),
      nomination_closes_on: shift(30),
      cost_tuition: '28500000',
      cost_allowances: '12000000',
    });
    fundId = await fund(10_000_000_000n);
  });
  afterAll(() => stack.close());

  const awaiting = async (who: string) => {
    const response = await stack.http.get('/api/v1/nominations?awaiting=me&pageSize=500', as(who));
    expect(response.status).toBe(200);
    return response.body;
  };
  const idsOf = (page: { items: Array<{ id: string }> }) => page.items.map((item) => item.id);

  it('should list exactly what each approver may act on now, oldest submission first', async () => {
    await newUser('headAndReviewer', {
      grants: [
        { role: 'unit_head', unitId: org.units.districtA },
        { role: 'board_reviewer', authorityId: org.authorities.authorityA },
      ],
    });
    await newUser('deputy');
    await newUser('unitReviewer', {
      grants: [{ role: 'board_reviewer', unitId: org.units.districtA }],
    });
    const atReview = await submitted();
    const atBoard = await submitted();
    expect((await act(atBoard, 'approve', 2, 'reviewerA')).status).toBe(201);
    const own = await submitted('headAndReviewer');
    const draft = (await nominate()).body.id;
    // Submitted first: the oldest waits longest.
    await db.query(
      `UPDATE nominations SET submitted_at = now() - interval '3 days' WHERE id = $1`,
      [own],
    );
    // Another authority's nomination is nobody's here.
    const outside = await submitted('unitHeadA');
    await db.query(
      `UPDATE nomination_steps SET authority_id = $2 WHERE nomination_id = $1 AND position = 1`,
      [outside, org.authorities.authorityB],
    );

    const reviewer = await awaiting('reviewerA');
    expect(idsOf(reviewer)).toEqual([own, atReview]);
    expect(reviewer.total).toBe(2);
    const [last] = await db.query(
      `SELECT occurred_at FROM nomination_history WHERE nomination_id = $1 ORDER BY id DESC LIMIT 1`,
      [atReview],
    );
    expect(reviewer.items[1]).toMatchObject({
      status: 'in_review',
      currentStep: 1,
      waitingSince: new Date(last.occurred_at).toISOString(),
      waitingDays: 0,
    });

    // The nominator's own nomination is not waiting for them.
    expect(idsOf(await awaiting('headAndReviewer'))).toEqual([atReview]);
    // A unit-scoped grant over the authority's unit covers the step too.
    expect(idsOf(await awaiting('unitReviewer'))).toEqual([own, atReview]);
    expect(idsOf(await awaiting('memberA'))).toEqual([atBoard]);
    expect(idsOf(await awaiting('unitHeadA'))).toEqual([]);
    expect(idsOf(await awaiting('deputy'))).toEqual([]);

    // Through a delegation in force today, and only then.
    const { body: lent } = await delegate('memberA', {
      toUserId: users.deputy,
      role: 'board_member',
    });
    expect(idsOf(await awaiting('deputy'))).toEqual([atBoard]);
    await revoke(lent.id, 'memberA');
    expect(idsOf(await awaiting('deputy'))).toEqual([]);
    await delegate('memberA', {
      toUserId: users.deputy,
      role: 'board_member',
      startsOn: shift(1),
      endsOn: shift(3),
    });
    expect(idsOf(await awaiting('deputy'))).toEqual([]);

    // Once acted on, it waits for the next step's people.
    expect((await act(atReview, 'approve', 2, 'reviewerA')).status).toBe(201);
    expect(idsOf(await awaiting('reviewerA'))).toEqual([own]);
    expect(idsOf(await awaiting('memberA'))).toEqual([atReview, atBoard]);
    const everyone = await stack.http.get('/api/v1/nominations?pageSize=500', as('unitHeadA'));
    expect(idsOf(everyone.body)).toContain(draft);
  });

  it('should keep a delegate off what they or their delegator may not decide', async () => {
    await newUser('helper');
    const stepOne = await submitted();
    expect((await act(stepOne, 'approve', 2, 'reviewerA')).status).toBe(201);
    // reviewerA approved step 1: a board member's delegation to them does not put it in their list.
    await delegate('memberA', { toUserId: users.reviewerA, role: 'board_member' });
    expect(idsOf(await awaiting('reviewerA'))).not.toContain(stepOne);
    // The nominator as a delegate: not for them either.
    await delegate('memberA', { toUserId: users.unitHeadA, role: 'board_member' });
    expect(idsOf(await awaiting('unitHeadA'))).toEqual([]);
    // A fresh delegate of the board member sees it.
    await delegate('memberA', { toUserId: users.helper, role: 'board_member' });
    expect(idsOf(await awaiting('helper'))).toContain(stepOne);
  });

  it('should refuse an unknown awaiting value', async () => {
    const response = await stack.http.get('/api/v1/nominations?awaiting=you', as('reviewerA'));
    expect([response.status, response.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });
});
