import type { Actor, Grant } from '@app/access';
import { BudgetService, SETTLED_ELSEWHERE } from '@app/budget';
import { Clock, DomainError, WorkContext } from '@app/common';
import { Factory } from '../support/factories';
import { MediumStack, startMediumStack } from '../support/medium';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { toProblem } from '../../apps/api/src/http/problem.filter';

const BILLION = 1_000_000_000n;
const MILLION = 1_000_000n;

describe('budget control', () => {
  let stack: MediumStack;
  let db: DataSource;
  let budget: BudgetService;
  let owner: string;
  let ownerPath: string;
  let district: string;
  let districtPath: string;

  /** Someone holding these roles over a unit path (the budget needs no user row). */
  const actor = (role: Grant['role'], unitPath: string): Actor => ({
    userId: randomUUID(),
    email: `${role}@example.org`,
    staffId: null,
    locale: 'vi',
    grants: [{ role, unitId: null, unitPath, authorityId: null }],
  });
  let finance: Actor;

  beforeAll(async () => {
    stack = await startMediumStack();
    db = stack.dataSource;
    budget = new BudgetService();
    const factory = new Factory(db);
    const tier = await factory.tier(1);
    owner = await factory.unit({ tierId: tier, name: 'Thành phố Cần Thơ' });
    district = await factory.unit({ tierId: tier, parentId: owner, name: 'Quận Ninh Kiều' });
    const paths = await db.query(`SELECT id, path FROM units WHERE id = ANY($1::uuid[])`, [
      [owner, district],
    ]);
    ownerPath = paths.find((row: { id: string }) => row.id === owner).path;
    districtPath = paths.find((row: { id: string }) => row.id === district).path;
    finance = actor('finance', ownerPath);
  });
  afterAll(() => stack.close());

  async function fund(
    allocated: bigint,
    values: { policy?: 'stop' | 'warn'; thresholds?: number[]; ownerUnitId?: string } = {},
  ) {
    const [row] = await db.query(
      `INSERT INTO funds (code, name, fiscal_year, owner_unit_id, source, policy, thresholds)
       VALUES ($1, 'Kinh phí đào tạo 2027', 2027, $2, 'state_budget', $3, $4) RETURNING id`,
      [
        `F-${randomUUID().slice(0, 8)}`,
        values.ownerUnitId ?? owner,
        values.policy ?? 'stop',
        values.thresholds ?? [80, 95],
      ],
    );
    await WorkContext.start(null, db, new Clock()).transaction((tx) =>
      budget.allocate(tx, row.id, allocated, 'Dự toán năm 2027'),
    );
    return row.id as string;
  }

  const balances = async (fundId: string) => {
    const [row] = await db.query(
      `SELECT allocated::text, reserved::text, spent::text, available::text FROM funds WHERE id = $1`,
      [fundId],
    );
    return row;
  };

  const reserve = (
    lines: Array<{ fundId: string; amount: bigint }>,
    nominationId = randomUUID(),
    override?: { reason: string; by: Actor },
  ) =>
    WorkContext.start(null, db, new Clock()).transaction((tx) =>
      budget.reserve(tx, { nominationId, lines, override }),
    );

  it('should let exactly 50 of 200 concurrent 100-million reservations fit in 5 billion', async () => {
    const fundId = await fund(5n * BILLION);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 200 }, () => reserve([{ fundId, amount: 100n * MILLION }])),
    );
    const succeeded = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const refused = outcomes.filter(
      (outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected',
    );
    expect(succeeded).toHaveLength(50);
    expect(refused).toHaveLength(150);
    for (const { reason } of refused) {
      expect(reason).toBeInstanceOf(DomainError);
      const problem = toProblem(reason, undefined, 'en');
      expect(problem).toMatchObject({
        status: 422,
        code: 'BUDGET_EXCEEDED',
        fundId,
        available: '0',
        requested: '100000000',
      });
      expect(problem.detail).toContain('0 VND available, 100,000,000 VND requested');
    }
    expect(await balances(fundId)).toEqual({
      allocated: '5000000000',
      reserved: '5000000000',
      spent: '0',
      available: '0',
    });
    expect(
      await WorkContext.start(null, db, new Clock()).transaction((tx) => budget.reconcile(tx)),
    ).toEqual([]);
  });

  it('should finish concurrent multi-fund reservations in opposite orders without deadlock', async () => {
    const [a, b] = [await fund(10n * BILLION), await fund(10n * BILLION)];
    const outcomes = await Promise.allSettled(
      Array.from({ length: 60 }, (_, i) =>
        reserve(
          i % 2
            ? [
                { fundId: a, amount: 10n * MILLION },
                { fundId: b, amount: 20n * MILLION },
              ]
            : [
                { fundId: b, amount: 20n * MILLION },
                { fundId: a, amount: 10n * MILLION },
              ],
        ),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toEqual([]);
    expect((await balances(a)).reserved).toBe('600000000');
    expect((await balances(b)).reserved).toBe('1200000000');
  });

  it('should be all or nothing across funds', async () => {
    const [rich, poor] = [await fund(BILLION), await fund(10n * MILLION)];
    await expect(
      reserve([
        { fundId: rich, amount: 500n * MILLION },
        { fundId: poor, amount: 20n * MILLION },
      ]),
    ).rejects.toMatchObject({ code: 'BUDGET_EXCEEDED' });
    expect((await balances(rich)).reserved).toBe('0');
    const [{ count }] = await db.query(
      `SELECT count(*)::int AS count FROM fund_ledger WHERE fund_id = $1 AND kind = 'reservation'`,
      [rich],
    );
    expect(count).toBe(0);
  });

  it('should refuse to reserve the same nomination twice on a fund', async () => {
    const fundId = await fund(BILLION);
    const nominationId = randomUUID();
    await reserve([{ fundId, amount: MILLION }], nominationId);
    await expect(reserve([{ fundId, amount: MILLION }], nominationId)).rejects.toMatchObject({
      code: 'ALREADY_RESERVED',
    });
    expect((await balances(fundId)).reserved).toBe('1000000');
  });

  it('should refuse a closed fund', async () => {
    const fundId = await fund(BILLION);
    await db.query(`UPDATE funds SET status = 'closed' WHERE id = $1`, [fundId]);
    await expect(reserve([{ fundId, amount: MILLION }])).rejects.toMatchObject({
      code: 'FUND_CLOSED',
    });
  });

  it('should let a warn fund go beyond its money only with an override, and record the reason', async () => {
    const fundId = await fund(100n * MILLION, { policy: 'warn' });
    await expect(reserve([{ fundId, amount: 150n * MILLION }])).rejects.toMatchObject({
      code: 'BUDGET_EXCEEDED',
      details: expect.objectContaining({ policy: 'warn' }),
    });
    await reserve([{ fundId, amount: 150n * MILLION }], randomUUID(), {
      reason: 'Quyết định bổ sung của UBND',
      by: finance,
    });
    expect((await balances(fundId)).available).toBe('-50000000');
    const [entry] = await db.query(
      `SELECT override_reason FROM fund_ledger WHERE fund_id = $1 AND kind = 'reservation'`,
      [fundId],
    );
    expect(entry.override_reason).toBe('Quyết định bổ sung của UBND');
  });

  it('should refuse an override from anyone but finance over the fund, and move nothing', async () => {
    const fundId = await fund(100n * MILLION, { policy: 'warn' });
    const strangers = [
      actor('unit_head', ownerPath),
      actor('board_member', ownerPath),
      actor('admin', '/'),
      // Finance of a unit below the owner does not manage the owner's fund.
      actor('finance', districtPath),
    ];
    for (const by of strangers) {
      await expect(
        reserve([{ fundId, amount: 150n * MILLION }], randomUUID(), { reason: 'Cần gấp', by }),
      ).rejects.toMatchObject({ code: 'OVERRIDE_NOT_ALLOWED', kind: 'forbidden' });
      // Refused even when the fund has the money: an override is never silently dropped.
      await expect(
        reserve([{ fundId, amount: MILLION }], randomUUID(), { reason: 'Cần gấp', by }),
      ).rejects.toMatchObject({ code: 'OVERRIDE_NOT_ALLOWED' });
    }
    const nominationId = randomUUID();
    await reserve([{ fundId, amount: 90n * MILLION }], nominationId);
    await expect(
      WorkContext.start(null, db, new Clock()).transaction((tx) =>
        budget.settle(tx, {
          nominationId,
          lines: [{ fundId, amount: 120n * MILLION }],
          override: { reason: 'Quyết toán vượt', by: actor('unit_head', ownerPath) },
        }),
      ),
    ).rejects.toMatchObject({ code: 'OVERRIDE_NOT_ALLOWED' });
    expect(await balances(fundId)).toMatchObject({ reserved: '90000000', spent: '0' });
    await WorkContext.start(null, db, new Clock()).transaction((tx) =>
      budget.settle(tx, {
        nominationId,
        lines: [{ fundId, amount: 120n * MILLION }],
        override: { reason: 'Quyết toán vượt', by: finance },
      }),
    );
    expect(await balances(fundId)).toMatchObject({
      reserved: '0',
      spent: '120000000',
      available: '-20000000',
    });
  });

  it('should settle only on the reserved funds, or on another that finance over it names', async () => {
    const reservedFund = await fund(BILLION);
    const otherFund = await fund(BILLION);
    const districtFund = await fund(BILLION, { ownerUnitId: district });
    const nominationId = randomUUID();
    await reserve([{ fundId: reservedFund, amount: 30n * MILLION }], nominationId);
    const settle = (fundId: string, settler?: { actor: Actor; nomineeUnitPath: string }) =>
      WorkContext.start(null, db, new Clock()).transaction((tx) =>
        budget.settle(tx, {
          nominationId,
          lines: [{ fundId, amount: 30n * MILLION }],
          settler,
        }),
      );
    const refusals = [
      settle(otherFund),
      settle(randomUUID(), { actor: finance, nomineeUnitPath: ownerPath }),
      settle(otherFund, { actor: actor('unit_head', ownerPath), nomineeUnitPath: ownerPath }),
      settle(otherFund, { actor: actor('admin', '/'), nomineeUnitPath: ownerPath }),
      settle(otherFund, { actor: actor('finance', districtPath), nomineeUnitPath: districtPath }),
      // Finance manages the district's fund, but it cannot pay for a nominee of the city.
      settle(districtFund, { actor: finance, nomineeUnitPath: ownerPath }),
    ];
    for (const refusal of refusals) {
      await expect(refusal).rejects.toMatchObject({
        code: 'FUND_NOT_RESERVED',
        kind: 'unprocessable',
      });
    }
    for (const fundId of [reservedFund, otherFund, districtFund]) {
      expect(await balances(fundId)).toMatchObject({
        reserved: fundId === reservedFund ? '30000000' : '0',
        spent: '0',
      });
    }

    await settle(otherFund, { actor: finance, nomineeUnitPath: districtPath });
    expect(await balances(reservedFund)).toMatchObject({ reserved: '0', spent: '0' });
    expect(await balances(otherFund)).toMatchObject({ reserved: '0', spent: '30000000' });
    const [spend] = await db.query(
      `SELECT comment FROM fund_ledger WHERE fund_id = $1 AND kind = 'spend' AND nomination_id = $2`,
      [otherFund, nominationId],
    );
    expect(spend.comment).toBe(SETTLED_ELSEWHERE);
  });

  it('should release a reservation once, and settle the actual spend', async () => {
    const fundId = await fund(BILLION);
    const cancelled = randomUUID();
    await reserve([{ fundId, amount: 300n * MILLION }], cancelled);
    await WorkContext.start(null, db, new Clock()).transaction((tx) =>
      budget.release(tx, { nominationId: cancelled, comment: 'cancelled' }),
    );
    expect(
      await WorkContext.start(null, db, new Clock()).transaction((tx) =>
        budget.release(tx, { nominationId: cancelled }),
      ),
    ).toEqual([]);
    expect((await balances(fundId)).reserved).toBe('0');

    const trained = randomUUID();
    await reserve([{ fundId, amount: 300n * MILLION }], trained);
    await WorkContext.start(null, db, new Clock()).transaction((tx) =>
      budget.settle(tx, {
        nominationId: trained,
        lines: [{ fundId, amount: 280n * MILLION }],
      }),
    );
    expect(await balances(fundId)).toEqual({
      allocated: '1000000000',
      reserved: '0',
      spent: '280000000',
      available: '720000000',
    });
    await expect(
      WorkContext.start(null, db, new Clock()).transaction((tx) =>
        budget.settle(tx, {
          nominationId: trained,
          lines: [{ fundId, amount: 1n }],
        }),
      ),
    ).rejects.toMatchObject({ code: 'ALREADY_SETTLED' });
  });

  it('should refuse an overrun on a stop fund beyond what is available', async () => {
    const fundId = await fund(100n * MILLION);
    const nominationId = randomUUID();
    await reserve([{ fundId, amount: 90n * MILLION }], nominationId);
    await expect(
      WorkContext.start(null, db, new Clock()).transaction((tx) =>
        budget.settle(tx, {
          nominationId,
          lines: [{ fundId, amount: 120n * MILLION }],
        }),
      ),
    ).rejects.toMatchObject({
      code: 'BUDGET_EXCEEDED',
      details: expect.objectContaining({ requested: '30000000', available: '10000000' }),
    });
    expect(await balances(fundId)).toMatchObject({ reserved: '90000000', spent: '0' });
  });

  it('should record each threshold crossing once', async () => {
    const fundId = await fund(BILLION);
    await reserve([{ fundId, amount: 790n * MILLION }]);
    await reserve([{ fundId, amount: 20n * MILLION }]); // 81%: crosses 80
    await reserve([{ fundId, amount: 150n * MILLION }]); // 96%: crosses 95
    await reserve([{ fundId, amount: 10n * MILLION }]); // 97%: nothing new
    const events = await db.query(
      `SELECT threshold FROM fund_threshold_events WHERE fund_id = $1 ORDER BY threshold`,
      [fundId],
    );
    expect(events).toEqual([{ threshold: 80 }, { threshold: 95 }]);
  });

  it('should raise one event naming the highest threshold when one commitment crosses several', async () => {
    const fundId = await fund(BILLION);
    const outbox = () =>
      db.query(
        `SELECT payload FROM outbox_events WHERE type = 'fund.threshold_crossed' AND aggregate_id = $1 ORDER BY id`,
        [fundId],
      );
    await reserve([{ fundId, amount: 960n * MILLION }]); // 0% to 96%: crosses 80 and 95
    expect(await outbox()).toEqual([
      {
        payload: expect.objectContaining({
          threshold: 95,
          thresholds: [80, 95],
          utilizationBasisPoints: 9600,
        }),
      },
    ]);
    const recorded = await db.query(
      `SELECT threshold FROM fund_threshold_events WHERE fund_id = $1 ORDER BY threshold`,
      [fundId],
    );
    expect(recorded).toEqual([{ threshold: 80 }, { threshold: 95 }]);
    await reserve([{ fundId, amount: 10n * MILLION }]); // 97%: nothing new
    expect(await outbox()).toHaveLength(1);
  });

  it('should report per fund what a commitment would leave', async () => {
    const fundId = await fund(BILLION);
    const checks = await WorkContext.start(null, db, new Clock()).transaction((tx) =>
      budget.check(tx, [{ fundId, amount: 1200n * MILLION }]),
    );
    expect(checks).toEqual([
      expect.objectContaining({
        fundId,
        available: BILLION,
        afterCommitment: -200n * MILLION,
        verdict: 'block',
      }),
    ]);
  });

  it('should warn when what is under review would overdraw the fund', async () => {
    const fundId = await fund(BILLION);
    const own = randomUUID();
    const [{ definition }] = await db.query(`SELECT pg_get_viewdef('fund_pipeline') AS definition`);
    // Stands in for the workflow's definition of the view: 700 million of another nomination
    // under review, and the 400 million of the one checked, which the check leaves out.
    await db.query(
      `CREATE OR REPLACE VIEW fund_pipeline AS
         SELECT '${fundId}'::uuid AS fund_id, 700000000::bigint AS amount, '${randomUUID()}'::uuid AS nomination_id
         UNION ALL SELECT '${fundId}'::uuid, 400000000::bigint, '${own}'::uuid`,
    );
    try {
      const [checked] = await WorkContext.start(null, db, new Clock()).transaction((tx) =>
        budget.check(tx, [{ fundId, amount: 400n * MILLION }], own),
      );
      expect(checked).toEqual({
        fundId,
        available: BILLION,
        afterCommitment: 600n * MILLION,
        pipeline: 700n * MILLION,
        afterPipeline: -100n * MILLION,
        verdict: 'warn',
      });
      const [everything] = await WorkContext.start(null, db, new Clock()).transaction((tx) =>
        budget.check(tx, [{ fundId, amount: 400n * MILLION }]),
      );
      expect(everything.pipeline).toBe(1100n * MILLION);
    } finally {
      await db.query(`CREATE OR REPLACE VIEW fund_pipeline AS ${definition}`);
    }
  });

  it('should keep amounts above 2^31 exact', async () => {
    const fundId = await fund(140n * BILLION);
    expect((await balances(fundId)).allocated).toBe('140000000000');
  });

  describe('the database itself', () => {
    it('should refuse SQL that makes a stop fund negative', async () => {
      const fundId = await fund(MILLION);
      await expect(
        db.query(`UPDATE funds SET reserved = reserved + 2000000 WHERE id = $1`, [fundId]),
      ).rejects.toThrow(/funds_stop_never_negative/);
    });

    it('should refuse UPDATE, DELETE and TRUNCATE on the ledger', async () => {
      await expect(db.query(`UPDATE fund_ledger SET amount = 1`)).rejects.toThrow(/append-only/);
      await expect(db.query(`DELETE FROM fund_ledger`)).rejects.toThrow(/append-only/);
      await expect(db.query(`TRUNCATE fund_ledger`)).rejects.toThrow(/append-only/);
    });

    it('should have no difference between balances and ledger after all of the above', async () => {
      expect(
        await WorkContext.start(null, db, new Clock()).transaction((tx) => budget.reconcile(tx)),
      ).toEqual([]);
    });
  });
});
