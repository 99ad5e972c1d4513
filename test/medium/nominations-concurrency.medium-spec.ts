import { AuditModule } from '@app/audit';
import { BudgetService } from '@app/budget';
import { NominationsModule } from '@app/nominations';
import { MediumStack, startMediumStack } from '../support/medium';
import { inBatches, seedNominationFixture } from '../support/nomination-fixture';

const COST = 40_500_000n;
const NOMINATIONS = 100;
const AFFORDABLE = 10;

describe('a hundred decisions at once against a fund that pays for ten', () => {
  let stack: MediumStack;
  let fx: Awaited<ReturnType<typeof seedNominationFixture>>;
  let fundId: string;
  let intakeId: string;
  let ids: string[];

  beforeAll(async () => {
    // The setup runs a few at a time to keep it quick; the race runs all hundred at once,
    // through the suites' usual pool of five connections.
    stack = await startMediumStack({ imports: [NominationsModule, AuditModule] });
    fx = await seedNominationFixture(stack, { seats: 200 });
    fundId = await fx.fund(COST * BigInt(AFFORDABLE));
    intakeId = await fx.intake(`RACE-${Date.now()}`);
    const people = await fx.nominees(NOMINATIONS);
    ids = await inBatches(people, 8, (person) => fx.atLastStep(person, intakeId, fundId));
  }, 60_000);
  afterAll(() => stack?.close());

  it('should approve exactly ten, refuse ninety with BUDGET_EXCEEDED and never overspend', async () => {
    const before = await fx.trail(ids);
    expect(before.every((row) => row.history === 3 && row.events === 2)).toBe(true);

    const results = await Promise.all(
      ids.map(async (id) => ({ id, response: await fx.act(id, 'approve', 3, 'memberA') })),
    );
    const approved = results.filter(({ response }) => response.status === 201);
    const refused = results.filter(({ response }) => response.status !== 201);
    expect(approved).toHaveLength(AFFORDABLE);
    expect(refused).toHaveLength(NOMINATIONS - AFFORDABLE);
    for (const { response } of approved) expect(response.body.status).toBe('approved');
    for (const { response } of refused) {
      expect([response.status, response.body.code]).toEqual([422, 'BUDGET_EXCEEDED']);
    }

    const [fund] = await fx.db.query(
      `SELECT allocated::text, reserved::text, available::text FROM funds WHERE id = $1`,
      [fundId],
    );
    expect(fund).toEqual({
      allocated: (COST * BigInt(AFFORDABLE)).toString(),
      reserved: (COST * BigInt(AFFORDABLE)).toString(),
      available: '0',
    });
    const [ledger] = await fx.db.query(
      `SELECT count(*)::int AS n FROM fund_ledger WHERE fund_id = $1 AND kind = 'reservation'`,
      [fundId],
    );
    expect(ledger.n).toBe(AFFORDABLE);
    const [intake] = await fx.db.query(`SELECT seats_taken FROM intakes WHERE id = $1`, [intakeId]);
    expect(intake.seats_taken).toBe(AFFORDABLE);
    const numbers = approved.map(({ response }) => response.body.decisionNumber);
    expect(new Set(numbers).size).toBe(AFFORDABLE);

    const budget = stack.get(BudgetService);
    expect(await budget.reconcile(stack.systemCtx())).toEqual([]);

    const refusedIds = refused.map(({ id }) => id);
    const statuses = await fx.statuses(refusedIds);
    expect(new Set(Object.values(statuses))).toEqual(new Set(['in_review']));
    const trailBefore = new Map(before.map((row) => [row.id, row]));
    for (const row of await fx.trail(ids)) {
      const extra = refusedIds.includes(row.id) ? 0 : 1;
      expect(row).toEqual({
        ...trailBefore.get(row.id),
        history: trailBefore.get(row.id)!.history + extra,
        events: trailBefore.get(row.id)!.events + extra,
      });
    }
    const [versions] = await fx.db.query(
      `SELECT count(*) FILTER (WHERE version = 3)::int AS unchanged,
              count(*) FILTER (WHERE version = 4 AND status = 'approved')::int AS decided
         FROM nominations WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    expect(versions).toEqual({ unchanged: NOMINATIONS - AFFORDABLE, decided: AFFORDABLE });
  }, 30_000);
});
