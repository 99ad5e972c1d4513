import { BudgetService } from '@app/budget';
import { basisPoints, Clock, WorkContext } from '@app/common';
import { bearer, seedOrganizationFixture, startTestStack, TestStack, tokenFor } from '@app/testing';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

type Fixture = Awaited<ReturnType<typeof seedOrganizationFixture>>;
type Who =
  | keyof Fixture['tokens']
  | 'reviewerUnitB' // board_reviewer over district B (a unit scope)
  | 'memberCommuneA'; // board_member over commune A (a unit scope)
type Owner = 'city' | 'districtA' | 'districtB' | 'communeA';

const YEAR = 2031;
const BILLION = 1_000_000_000n;
const MILLION = 1_000_000n;

/** Who sees the funds owned by which units, and who may change them. */
const SEES: Record<Who, Owner[]> = {
  admin: ['city', 'districtA', 'districtB', 'communeA'],
  unitHeadA: ['city', 'districtA'],
  unitHeadB: ['city', 'districtB'],
  reviewerA: [],
  memberCity: [],
  financeA: ['districtA', 'communeA'],
  staffA: [],
  reviewerUnitB: ['city', 'districtB'],
  memberCommuneA: ['city', 'districtA', 'communeA'],
};
const WRITES: Partial<Record<Who, Owner[]>> = {
  admin: SEES.admin,
  financeA: ['districtA', 'communeA'],
};
const everyone = Object.keys(SEES) as Who[];
const owners: Owner[] = ['city', 'districtA', 'districtB', 'communeA'];
/** 'ok' for a success, otherwise the status and the problem code. */
const outcome = (response: { status: number; body: { code?: string } }) =>
  response.status < 300 ? 'ok' : `${response.status} ${response.body.code}`;

describe('training funds over HTTP', () => {
  let stack: TestStack;
  let org: Fixture;
  let db: DataSource;
  const budget = new BudgetService();
  const tokens = {} as Record<Who, string>;
  const users = {} as Record<Who, string>;
  const funds = {} as Record<Owner, string>;
  let counter = 0;

  const as = (who: Who) => bearer(tokens[who]);
  const get = (path: string, who: Who) => stack.http.get(path, as(who));
  const post = (path: string, body: unknown, who: Who) => stack.http.post(path, body, as(who));
  const patch = (path: string, body: unknown, who: Who) =>
    stack.http.request('PATCH', path, { body, headers: as(who) });
  const unitOf = (owner: Owner) => org.units[owner];

  const fundBody = (overrides: Record<string, unknown> = {}) => ({
    code: `KP-${YEAR}-${++counter}-${randomUUID().slice(0, 4)}`,
    name: 'Kinh phí đào tạo, bồi dưỡng',
    fiscalYear: YEAR,
    ownerUnitId: org.units.districtA,
    source: 'state_budget',
    policy: 'stop',
    allocated: '1000000000',
    ...overrides,
  });

  async function createFund(overrides: Record<string, unknown> = {}, who: Who = 'admin') {
    const response = await post('/api/v1/funds', fundBody(overrides), who);
    expect(response.status).toBe(201);
    return response.body as { id: string; code: string; [key: string]: unknown };
  }

  const reserve = (fundId: string, amount: bigint, nominationId = randomUUID()) =>
    WorkContext.start(null, db, new Clock()).transaction((tx) =>
      budget.reserve(tx, { nominationId, lines: [{ fundId, amount }] }),
    );

  beforeAll(async () => {
    stack = await startTestStack();
    org = await seedOrganizationFixture(stack);
    db = stack.api.get(DataSource);
    Object.assign(users, org.users, {
      reviewerUnitB: await org.factory.user({
        grants: [{ role: 'board_reviewer', unitId: org.units.districtB }],
      }),
      memberCommuneA: await org.factory.user({
        grants: [{ role: 'board_member', unitId: org.units.communeA }],
      }),
    });
    for (const who of everyone) tokens[who] = tokenFor(stack, users[who]);
    for (const owner of owners) {
      funds[owner] = (await createFund({ ownerUnitId: unitOf(owner), code: `M-${owner}` })).id;
    }
  });
  afterAll(() => stack.close());

  describe('authorization', () => {
    it('should answer 401 without a token on every endpoint', async () => {
      const id = funds.city;
      const responses = await Promise.all([
        stack.http.get('/api/v1/funds'),
        stack.http.get(`/api/v1/funds/${id}`),
        stack.http.get(`/api/v1/funds/${id}/ledger`),
        stack.http.get('/api/v1/funds/summary'),
        stack.http.get('/api/v1/funds/threshold-events'),
        stack.http.get('/api/v1/admin/reconciliation'),
        stack.http.post('/api/v1/funds', fundBody()),
        stack.http.request('PATCH', `/api/v1/funds/${id}`, { body: { name: 'x' } }),
        stack.http.post(`/api/v1/funds/${id}/allocations`, { amount: '1' }),
        stack.http.post(`/api/v1/funds/${id}/adjustments`, { amount: '1', reason: 'x' }),
      ]);
      expect(responses.map((response) => response.status)).toEqual(Array(10).fill(401));
    });

    it.each(everyone)('should list, show and page the ledger of what %s may see', async (who) => {
      const listed = await get(`/api/v1/funds?year=${YEAR}&pageSize=500`, who);
      expect(listed.status).toBe(200);
      const matrixIds = new Set(Object.values(funds));
      const seen = (listed.body.items as Array<{ id: string }>)
        .map((fund) => fund.id)
        .filter((id) => matrixIds.has(id));
      expect(seen.sort()).toEqual(SEES[who].map((owner) => funds[owner]).sort());
      for (const owner of owners) {
        const expected = SEES[who].includes(owner) ? 'ok' : '404 FUND_NOT_FOUND';
        for (const path of [
          `/api/v1/funds/${funds[owner]}`,
          `/api/v1/funds/${funds[owner]}/ledger`,
        ]) {
          const response = await get(path, who);
          expect({ who, path, got: outcome(response) }).toEqual({
            who,
            path,
            got: expected,
          });
        }
      }
    });

    it.each(everyone)('should let %s change exactly the funds it manages', async (who) => {
      for (const owner of owners) {
        const id = funds[owner];
        const expected = (WRITES[who] ?? []).includes(owner)
          ? 'ok'
          : SEES[who].includes(owner)
            ? '403 FORBIDDEN'
            : '404 FUND_NOT_FOUND';
        const attempts = [
          await patch(`/api/v1/funds/${id}`, { name: `Quỹ ${owner} (${who})` }, who),
          await post(`/api/v1/funds/${id}/allocations`, { amount: '1000' }, who),
          await post(
            `/api/v1/funds/${id}/adjustments`,
            { amount: '-1000', reason: 'Hoàn lại khoản bổ sung thử' },
            who,
          ),
        ];
        expect({
          who,
          owner,
          outcomes: attempts.map(outcome),
        }).toEqual({ who, owner, outcomes: [expected, expected, expected] });
      }
    });

    it.each(everyone)('should let %s create funds only for units it manages', async (who) => {
      for (const owner of owners) {
        const response = await post('/api/v1/funds', fundBody({ ownerUnitId: unitOf(owner) }), who);
        const expected = (WRITES[who] ?? []).includes(owner) ? 'ok' : '403 FORBIDDEN';
        expect({ who, owner, got: outcome(response) }).toEqual({
          who,
          owner,
          got: expected,
        });
      }
    });

    it('should keep reconciliation and threshold events from those who may not read them', async () => {
      for (const who of everyone.filter((candidate) => candidate !== 'admin')) {
        const response = await get('/api/v1/admin/reconciliation', who);
        expect([who, response.status, response.body.code]).toEqual([who, 403, 'FORBIDDEN']);
      }
      for (const who of everyone) {
        const response = await get('/api/v1/funds/threshold-events', who);
        const expected = ['admin', 'financeA'].includes(who) ? 200 : 403;
        expect([who, response.status]).toEqual([who, expected]);
      }
      const outOfScope = await get(
        `/api/v1/funds/threshold-events?fundId=${funds.districtB}`,
        'financeA',
      );
      expect([outOfScope.status, outOfScope.body.code]).toEqual([404, 'FUND_NOT_FOUND']);
    });

    it('should scope the summary to the funds the caller sees', async () => {
      for (const who of everyone) {
        const response = await get(`/api/v1/funds/summary?year=${YEAR}`, who);
        expect(response.status).toBe(200);
        const [{ count }] = await db.query(
          `SELECT count(*)::int AS count FROM funds f JOIN units ou ON ou.id = f.owner_unit_id
            WHERE f.fiscal_year = $1 AND ${sqlScope(who)}`,
          [YEAR],
        );
        const summed = (response.body.items as Array<{ funds: number }>).reduce(
          (sum, row) => sum + row.funds,
          0,
        );
        expect([who, summed]).toEqual([who, count]);
      }
    });

    /** The scopes of SEES written independently, by owner-unit subtree. */
    function sqlScope(who: Who): string {
      const path = (owner: Owner) => `(SELECT path FROM units WHERE id = '${unitOf(owner)}')`;
      const subtree = (owner: Owner) => `ou.path LIKE ${path(owner)} || '%'`;
      const aboveOrSelf = (owner: Owner) => `${path(owner)} LIKE ou.path || '%'`;
      switch (who) {
        case 'admin':
          return 'TRUE';
        case 'financeA':
          return subtree('districtA');
        case 'unitHeadA':
          return aboveOrSelf('districtA');
        case 'unitHeadB':
        case 'reviewerUnitB':
          return aboveOrSelf('districtB');
        case 'memberCommuneA':
          return aboveOrSelf('communeA');
        default:
          return 'FALSE';
      }
    }
  });

  describe('validation and money', () => {
    it('should round-trip 140000000000 VND exactly', async () => {
      const created = await createFund({ allocated: '140000000000' });
      expect(created).toMatchObject({
        allocated: '140000000000',
        reserved: '0',
        spent: '0',
        available: '140000000000',
        utilizationPercent: 0,
        pipeline: '0',
        pipelineUtilizationPercent: 0,
        thresholds: [80, 95],
        status: 'open',
        fiscalYear: YEAR,
        ownerUnitName: 'Quận Ninh Kiều',
        tierLevel: 2,
      });
      const fetched = await get(`/api/v1/funds/${created.id}`, 'financeA');
      expect(fetched.body.allocated).toBe('140000000000');
      expect(fetched.text).toContain('"allocated":"140000000000"');
      const [{ allocated }] = await db.query(`SELECT allocated::text FROM funds WHERE id = $1`, [
        created.id,
      ]);
      expect(allocated).toBe('140000000000');
    });

    it.each([['1.5'], [12], ['-1'], ['0'], ['1e9'], ['1234567890123456'], [null]])(
      'should refuse %p as an amount',
      async (amount) => {
        const responses = [
          await post('/api/v1/funds', fundBody({ allocated: amount }), 'admin'),
          await post(`/api/v1/funds/${funds.districtA}/allocations`, { amount }, 'financeA'),
        ];
        for (const response of responses) {
          expect([response.status, response.body.code]).toEqual([400, 'VALIDATION_FAILED']);
          expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual(
            expect.arrayContaining([expect.stringMatching(/^(allocated|amount)$/)]),
          );
        }
      },
    );

    it('should refuse malformed adjustments, fund settings and filters', async () => {
      const id = funds.districtA;
      const attempts = [
        await post(`/api/v1/funds/${id}/adjustments`, { amount: '0', reason: 'x' }, 'financeA'),
        await post(`/api/v1/funds/${id}/adjustments`, { amount: -5, reason: 'x' }, 'financeA'),
        await post(`/api/v1/funds/${id}/adjustments`, { amount: '-1.5', reason: 'x' }, 'financeA'),
        await post(`/api/v1/funds/${id}/adjustments`, { amount: '-500000000' }, 'financeA'),
        await post(`/api/v1/funds/${id}/adjustments`, { amount: '5', reason: '' }, 'financeA'),
        await patch(`/api/v1/funds/${id}`, { allocated: '5' }, 'financeA'),
        await patch(`/api/v1/funds/${id}`, { available: '5' }, 'financeA'),
        await patch(`/api/v1/funds/${id}`, { thresholds: [0] }, 'financeA'),
        await patch(`/api/v1/funds/${id}`, { thresholds: [80, 80] }, 'financeA'),
        await patch(`/api/v1/funds/${id}`, { thresholds: [101] }, 'financeA'),
        await patch(`/api/v1/funds/${id}`, { policy: 'maybe' }, 'financeA'),
        await patch(`/api/v1/funds/${id}`, { status: 'archived' }, 'financeA'),
        await post('/api/v1/funds', fundBody({ fiscalYear: 1999 }), 'admin'),
        await post('/api/v1/funds', fundBody({ source: 'lottery' }), 'admin'),
        await get('/api/v1/funds?year=abc', 'admin'),
        await get(`/api/v1/funds/${id}/ledger?kind=gift`, 'admin'),
        await get(`/api/v1/funds/${id}/ledger?from=yesterday`, 'admin'),
        await get('/api/v1/funds/not-a-uuid', 'admin'),
      ];
      expect(attempts.map((response) => [response.status, response.body.code])).toEqual(
        Array(attempts.length).fill([400, 'VALIDATION_FAILED']),
      );
    });

    it('should store thresholds sorted and refuse unknown units and taken codes', async () => {
      const created = await createFund({ thresholds: [95, 50, 80] });
      expect(created.thresholds).toEqual([50, 80, 95]);
      const unknown = await post('/api/v1/funds', fundBody({ ownerUnitId: randomUUID() }), 'admin');
      expect([unknown.status, unknown.body.code]).toEqual([422, 'UNKNOWN_REFERENCE']);
      const taken = await post('/api/v1/funds', fundBody({ code: created.code }), 'admin');
      expect([taken.status, taken.body.code]).toEqual([409, 'CODE_TAKEN']);
    });
  });

  describe('balances', () => {
    it('should refuse to lower a stop fund below what is committed, and allow it down to that', async () => {
      const fund = await createFund({ allocated: '1000000000' });
      await reserve(fund.id, 800n * MILLION);
      const refused = await post(
        `/api/v1/funds/${fund.id}/adjustments`,
        { amount: '-300000000', reason: 'Cắt giảm dự toán' },
        'financeA',
      );
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({
        code: 'ADJUSTMENT_EXCEEDS_AVAILABLE',
        available: '200000000',
        requested: '300000000',
      });
      const accepted = await post(
        `/api/v1/funds/${fund.id}/adjustments`,
        { amount: '-200000000', reason: 'Cắt giảm dự toán' },
        'financeA',
      );
      expect(accepted.status).toBe(201);
      expect(accepted.body).toMatchObject({
        allocated: '800000000',
        reserved: '800000000',
        available: '0',
        utilizationPercent: 100,
      });
    });

    it('should let a warn fund be overdrawn and then refuse the stop policy (409 FUND_OVERDRAWN)', async () => {
      const fund = await createFund({ allocated: '1000000000', policy: 'warn' });
      await reserve(fund.id, 900n * MILLION);
      const lowered = await post(
        `/api/v1/funds/${fund.id}/adjustments`,
        { amount: '-500000000', reason: 'Điều chỉnh giảm theo quyết định' },
        'financeA',
      );
      expect(lowered.status).toBe(201);
      expect(lowered.body).toMatchObject({ available: '-400000000', utilizationPercent: 180 });
      const refused = await patch(`/api/v1/funds/${fund.id}`, { policy: 'stop' }, 'financeA');
      expect([refused.status, refused.body.code]).toEqual([409, 'FUND_OVERDRAWN']);
      expect((await get(`/api/v1/funds/${fund.id}`, 'admin')).body.policy).toBe('warn');
      await post(`/api/v1/funds/${fund.id}/allocations`, { amount: '400000000' }, 'financeA');
      const stopped = await patch(`/api/v1/funds/${fund.id}`, { policy: 'stop' }, 'financeA');
      expect([stopped.status, stopped.body.policy, stopped.body.available]).toEqual([
        200,
        'stop',
        '0',
      ]);
    });

    it('should refuse commitments on a closed fund with FUND_CLOSED', async () => {
      const fund = await createFund();
      const closed = await patch(`/api/v1/funds/${fund.id}`, { status: 'closed' }, 'financeA');
      expect([closed.status, closed.body.status]).toEqual([200, 'closed']);
      await expect(reserve(fund.id, MILLION)).rejects.toMatchObject({ code: 'FUND_CLOSED' });
      const listed = await get(`/api/v1/funds?year=${YEAR}&status=closed&pageSize=500`, 'admin');
      expect(listed.body.items.map((item: { id: string }) => item.id)).toContain(fund.id);
      expect(listed.body.items.every((item: { status: string }) => item.status === 'closed')).toBe(
        true,
      );
    });

    it('should record threshold events and show them to finance', async () => {
      const fund = await createFund({ allocated: '1000000000', thresholds: [50, 80] });
      const nominationId = randomUUID();
      await reserve(fund.id, 850n * MILLION, nominationId);
      const events = await get(`/api/v1/funds/threshold-events?fundId=${fund.id}`, 'financeA');
      expect(events.status).toBe(200);
      expect(events.body.total).toBe(2);
      expect(
        events.body.items
          .map((event: Record<string, unknown>) => [
            event.threshold,
            event.utilizationPercent,
            event.nominationId,
            event.fundCode,
          ])
          .sort(),
      ).toEqual([
        [50, 85, nominationId, fund.code],
        [80, 85, nominationId, fund.code],
      ]);
      const shown = await get(`/api/v1/funds/${fund.id}`, 'unitHeadA');
      expect(shown.body).toMatchObject({ reserved: '850000000', utilizationPercent: 85 });
    });
  });

  describe('ledger', () => {
    it('should page newest first and filter by kind, nomination and time', async () => {
      const fund = await createFund({ allocated: '1000000000' });
      for (let i = 1; i <= 4; i++) {
        const response = await post(
          `/api/v1/funds/${fund.id}/allocations`,
          { amount: `${i}000000`, comment: `Bổ sung đợt ${i}` },
          'financeA',
        );
        expect(response.status).toBe(201);
      }
      await post(
        `/api/v1/funds/${fund.id}/adjustments`,
        { amount: '-2000000', reason: 'Điều chỉnh' },
        'financeA',
      );
      const nominationId = randomUUID();
      await reserve(fund.id, 5n * MILLION, nominationId);

      const all = await get(`/api/v1/funds/${fund.id}/ledger?pageSize=100`, 'admin');
      expect(all.body.total).toBe(7);
      expect(
        all.body.items.map((entry: { kind: string; amount: string }) => [entry.kind, entry.amount]),
      ).toEqual([
        ['reservation', '5000000'],
        ['adjustment', '-2000000'],
        ['allocation', '4000000'],
        ['allocation', '3000000'],
        ['allocation', '2000000'],
        ['allocation', '1000000'],
        ['allocation', '1000000000'],
      ]);
      expect(all.body.items[1]).toMatchObject({
        comment: 'Điều chỉnh',
        actorUserId: users.financeA,
        nominationId: null,
        overrideReason: null,
      });
      expect(all.body.items[0]).toMatchObject({ nominationId, actorUserId: null });

      const page2 = await get(`/api/v1/funds/${fund.id}/ledger?page=2&pageSize=3`, 'financeA');
      expect(page2.body).toMatchObject({ total: 7, page: 2, pageSize: 3 });
      expect(page2.body.items.map((entry: { id: string }) => entry.id)).toEqual(
        all.body.items.slice(3, 6).map((entry: { id: string }) => entry.id),
      );

      const allocations = await get(`/api/v1/funds/${fund.id}/ledger?kind=allocation`, 'admin');
      expect(allocations.body.total).toBe(5);
      const byNomination = await get(
        `/api/v1/funds/${fund.id}/ledger?nominationId=${nominationId}`,
        'admin',
      );
      expect(byNomination.body.items.map((entry: { kind: string }) => entry.kind)).toEqual([
        'reservation',
      ]);

      const [first, second] = [all.body.items[5], all.body.items[2]];
      const between = await get(
        `/api/v1/funds/${fund.id}/ledger?from=${encodeURIComponent(first.occurredAt)}&to=${encodeURIComponent(second.occurredAt)}`,
        'admin',
      );
      expect(between.body.items.map((entry: { id: string }) => entry.id)).toEqual(
        all.body.items.slice(3, 6).map((entry: { id: string }) => entry.id),
      );
    });
  });

  describe('summary', () => {
    it('should agree with an independent computation per year, tier and source', async () => {
      const year = 2032;
      const make = (owner: Owner, source: string, allocated: string) =>
        createFund({ fiscalYear: year, ownerUnitId: unitOf(owner), source, allocated });
      const a = await make('city', 'state_budget', '60000000000');
      await make('districtA', 'state_budget', '15000000000');
      await make('districtB', 'state_budget', '6000000000');
      await make('districtA', 'sponsor', '12000000000');
      await make('city', 'scholarship', '7000000000');
      await reserve(a.id, 9n * BILLION);

      const response = await get(`/api/v1/funds/summary?year=${year}`, 'admin');
      expect(response.status).toBe(200);

      const rows: Array<Record<string, string | number>> = await db.query(
        `SELECT f.fiscal_year, t.level, t.code, t.name, f.source, f.allocated::text,
                f.reserved::text, f.spent::text, f.available::text
           FROM funds f JOIN units u ON u.id = f.owner_unit_id JOIN tiers t ON t.id = u.tier_id
          WHERE f.fiscal_year = $1`,
        [year],
      );
      const groups = new Map<string, Record<string, bigint | number | string>>();
      const bySource = new Map<string, bigint>();
      let yearTotal = 0n;
      for (const row of rows) {
        const key = `${row.level}/${row.source}`;
        const group = groups.get(key) ?? {
          tierLevel: Number(row.level),
          tierCode: String(row.code),
          tierName: String(row.name),
          source: String(row.source),
          funds: 0,
          allocated: 0n,
          reserved: 0n,
          spent: 0n,
          available: 0n,
        };
        group.funds = (group.funds as number) + 1;
        for (const column of ['allocated', 'reserved', 'spent', 'available'] as const) {
          group[column] = (group[column] as bigint) + BigInt(row[column]);
        }
        groups.set(key, group);
        bySource.set(
          String(row.source),
          (bySource.get(String(row.source)) ?? 0n) + BigInt(row.allocated),
        );
        yearTotal += BigInt(row.allocated);
      }
      const expected = [...groups.values()]
        .map((group) => ({
          fiscalYear: year,
          tierLevel: group.tierLevel as number,
          tierCode: group.tierCode,
          tierName: group.tierName,
          source: group.source,
          funds: group.funds,
          allocated: String(group.allocated),
          reserved: String(group.reserved),
          spent: String(group.spent),
          available: String(group.available),
          utilizationPercent:
            basisPoints(
              (group.reserved as bigint) + (group.spent as bigint),
              group.allocated as bigint,
            ) / 100,
          shareOfYearPercent: basisPoints(group.allocated as bigint, yearTotal) / 100,
          sourceSharePercent: basisPoints(bySource.get(group.source as string)!, yearTotal) / 100,
        }))
        .sort((x, y) => x.tierLevel - y.tierLevel || (x.source < y.source ? -1 : 1));
      expect(
        response.body.items.map(({ tierId: _tierId, ...row }: Record<string, unknown>) => row),
      ).toEqual(expected);
      // The article's figure: the state budget is 81% of the year's allocation.
      const stateBudget = response.body.items.find(
        (row: { source: string }) => row.source === 'state_budget',
      );
      expect(stateBudget.sourceSharePercent).toBe(81);
      expect(
        response.body.items.find(
          (row: { tierLevel: number; source: string }) =>
            row.tierLevel === 1 && row.source === 'state_budget',
        ),
      ).toMatchObject({ reserved: '9000000000', utilizationPercent: 15, shareOfYearPercent: 60 });
    });
  });

  describe('reconciliation and audit', () => {
    it('should find no differences, and the command should say the same', async () => {
      const response = await get('/api/v1/admin/reconciliation', 'admin');
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ differences: [] });
      const clean = runReconcile();
      expect([clean.status, clean.stdout]).toEqual([0, 'Fund balances agree with the ledger\n']);
    });

    it('should report a tampered balance and exit 1', async () => {
      const fund = await createFund({ allocated: '1000000000' });
      await db.query(`UPDATE funds SET allocated = allocated + 1 WHERE id = $1`, [fund.id]);
      try {
        const response = await get('/api/v1/admin/reconciliation', 'admin');
        expect(response.body.differences).toEqual([
          {
            fundId: fund.id,
            fundCode: fund.code,
            allocated: '1000000001',
            ledgerAllocated: '1000000000',
            reserved: '0',
            ledgerReserved: '0',
            spent: '0',
            ledgerSpent: '0',
          },
        ]);
        const dirty = runReconcile();
        expect(dirty.status).toBe(1);
        expect(dirty.stdout).toContain(
          `${fund.code} ${fund.id}: allocated 1000000001 (ledger 1000000000)`,
        );
      } finally {
        await db.query(`UPDATE funds SET allocated = allocated - 1 WHERE id = $1`, [fund.id]);
      }
      expect((await get('/api/v1/admin/reconciliation', 'admin')).body.differences).toEqual([]);
    });

    function runReconcile() {
      return spawnSync(process.execPath, ['dist/apps/cli/src/reconcile.js'], {
        cwd: `${__dirname}/..`,
        env: { ...process.env, NODE_ENV: 'test', DATABASE_URL: stack.database.url },
        encoding: 'utf8',
        timeout: 20_000,
      });
    }

    it('should audit creation, settings and money movements in the same transaction', async () => {
      const fund = await createFund({ allocated: '2000000000' }, 'financeA');
      await post(`/api/v1/funds/${fund.id}/allocations`, { amount: '500000000' }, 'financeA');
      await patch(`/api/v1/funds/${fund.id}`, { name: 'Quỹ mới', thresholds: [90] }, 'financeA');
      const refused = await post(
        `/api/v1/funds/${fund.id}/adjustments`,
        { amount: '-9000000000', reason: 'Quá mức' },
        'financeA',
      );
      expect(refused.status).toBe(422);
      const rows = await db.query(
        `SELECT action, actor_user_id, request_id, before, after FROM audit_log
          WHERE entity = 'fund' AND entity_id = $1 ORDER BY id`,
        [fund.id],
      );
      expect(rows).toHaveLength(3);
      expect(rows[0]).toMatchObject({
        action: 'create',
        actor_user_id: users.financeA,
        before: null,
        after: {
          code: fund.code,
          allocated: '2000000000',
          available: '2000000000',
          policy: 'stop',
        },
      });
      expect(rows[0].request_id).toEqual(expect.any(String));
      expect(rows[1]).toMatchObject({
        action: 'update',
        before: { allocated: '2000000000', available: '2000000000' },
        after: { allocated: '2500000000', available: '2500000000' },
      });
      expect(rows[2]).toMatchObject({
        action: 'update',
        before: { name: 'Kinh phí đào tạo, bồi dưỡng', thresholds: [80, 95] },
        after: { name: 'Quỹ mới', thresholds: [90] },
      });
      const [{ count }] = await db.query(
        `SELECT count(*)::int AS count FROM fund_ledger WHERE fund_id = $1`,
        [fund.id],
      );
      expect(count).toBe(2);
    });
  });
});
