import type { Actor } from '@app/access';
import { BudgetService } from '@app/budget';
import { Clock, DomainError, WorkContext } from '@app/common';
import { Factory } from '../support/factories';
import { MediumStack, startMediumStack } from '../support/medium';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

/**
 * Random sequences of allocations, adjustments, reservations, releases and settlements
 * against the real database, checked after every step against the ledger and against a
 * small model of what each fund should hold. A failure prints the seed and the shrunk
 * sequence; BUDGET_PROPERTY_SEED replays another seed.
 */

const MILLION = 1_000_000n;
const SEED = Number(process.env.BUDGET_PROPERTY_SEED ?? 20270101);

type Policy = 'stop' | 'warn';

/** Amounts in millions of VND: up to 9 bn, well above 2^31. */
const millions = (min: bigint, max: bigint) =>
  fc.bigInt({ min, max }).map((value) => value * MILLION);

const commandArb = fc.oneof(
  fc.record({
    kind: fc.constant('allocate' as const),
    fund: fc.nat(2),
    amount: millions(0n, 9000n),
  }),
  fc.record({
    kind: fc.constant('adjust' as const),
    fund: fc.nat(2),
    amount: millions(-9000n, 9000n),
  }),
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('reserve' as const),
      funds: fc.uniqueArray(fc.nat(2), { minLength: 1, maxLength: 2 }),
      amounts: fc.tuple(millions(1n, 9000n), millions(1n, 9000n)),
      override: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('release' as const), pick: fc.nat(50) }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('settle' as const),
      pick: fc.nat(50),
      // Actual spend per reserved fund as a percentage of the reservation; above 100 is an overrun.
      percents: fc.tuple(fc.integer({ min: 0, max: 150 }), fc.integer({ min: 0, max: 150 })),
      override: fc.boolean(),
    }),
  },
);
type Command = typeof commandArb extends fc.Arbitrary<infer T> ? T : never;

const scenarioArb = fc.record({
  // At least one stop and one warn fund.
  policies: fc
    .option(fc.constantFrom<Policy>('stop', 'warn'), { nil: undefined })
    .map((third): Policy[] => (third ? ['stop', 'warn', third] : ['stop', 'warn'])),
  initial: fc.tuple(millions(0n, 20000n), millions(0n, 20000n), millions(0n, 20000n)),
  commands: fc.array(commandArb, { minLength: 1, maxLength: 25, size: 'max' }),
});

interface FundModel {
  id: string;
  policy: Policy;
  allocated: bigint;
  reserved: bigint;
  spent: bigint;
}

interface NominationModel {
  id: string;
  /** What each fund was asked to reserve (whether or not it succeeded). */
  requested: Array<{ fund: FundModel; amount: bigint }>;
  /** What is still reserved, per fund id. */
  outstanding: Map<string, bigint>;
  /** Whether a spend entry exists for it. */
  spent: boolean;
}

const available = (fund: FundModel) => fund.allocated - fund.reserved - fund.spent;

describe('budget properties', () => {
  let stack: MediumStack;
  let db: DataSource;
  let owner: string;
  /** Finance over the owner unit: the one who may override. */
  let finance: Actor;
  const budget = new BudgetService();
  const tally = { runs: 0, commands: 0, refused: new Map<string, number>() };

  beforeAll(async () => {
    stack = await startMediumStack();
    db = stack.dataSource;
    const factory = new Factory(db);
    owner = await factory.unit({ tierId: await factory.tier(1), name: 'Thành ủy Cần Thơ' });
    const [{ path }] = await db.query(`SELECT path FROM units WHERE id = $1`, [owner]);
    finance = {
      userId: randomUUID(),
      email: 'finance@example.org',
      staffId: null,
      locale: 'vi',
      grants: [{ role: 'finance', unitId: owner, unitPath: path, authorityId: null }],
    };
  });
  afterAll(() => stack?.close());

  async function createFund(policy: Policy): Promise<FundModel> {
    const [row] = await db.query(
      `INSERT INTO funds (code, name, fiscal_year, owner_unit_id, source, policy, thresholds)
       VALUES ($1, 'Kinh phí đào tạo, bồi dưỡng năm 2027', 2027, $2, $3, $4, $5) RETURNING id`,
      [
        `P-${randomUUID()}`,
        owner,
        policy === 'stop' ? 'state_budget' : 'sponsor',
        policy,
        [80, 95],
      ],
    );
    return { id: row.id, policy, allocated: 0n, reserved: 0n, spent: 0n };
  }

  /**
   * Runs one command and says whether the model expects it to go through; applies the model
   * change only when the service accepted it. Returns the refusal code, or null.
   */
  async function run(
    command: Command,
    funds: FundModel[],
    nominations: NominationModel[],
  ): Promise<{ expected: string | null; actual: string | null }> {
    const fundAt = (index: number) => funds[index % funds.length];
    let expected: string | null = null;
    let apply: () => void = () => undefined;
    let act: () => Promise<unknown>;

    switch (command.kind) {
      case 'allocate': {
        const fund = fundAt(command.fund);
        if (command.amount <= 0n) expected = 'AMOUNT_NOT_POSITIVE';
        apply = () => (fund.allocated += command.amount);
        act = () =>
          WorkContext.start(null, db, new Clock()).transaction((tx) =>
            budget.allocate(tx, fund.id, command.amount, 'Bổ sung dự toán'),
          );
        break;
      }
      case 'adjust': {
        const fund = fundAt(command.fund);
        const { amount } = command;
        if (amount === 0n) expected = 'AMOUNT_ZERO';
        else if (
          fund.allocated + amount < 0n ||
          (amount < 0n && fund.policy === 'stop' && available(fund) + amount < 0n)
        )
          expected = 'ADJUSTMENT_EXCEEDS_AVAILABLE';
        apply = () => (fund.allocated += amount);
        act = () =>
          WorkContext.start(null, db, new Clock()).transaction((tx) =>
            budget.adjust(tx, fund.id, amount, 'Điều chỉnh dự toán'),
          );
        break;
      }
      case 'reserve': {
        // Two lines on one fund (indices wrap around) count as one, as the service sums them.
        const requested: NominationModel['requested'] = [];
        command.funds.forEach((index, i) => {
          const line = requested.find(({ fund }) => fund === fundAt(index));
          if (line) line.amount += command.amounts[i];
          else requested.push({ fund: fundAt(index), amount: command.amounts[i] });
        });
        const nomination: NominationModel = {
          id: randomUUID(),
          requested,
          outstanding: new Map(),
          spent: false,
        };
        nominations.push(nomination);
        const override = command.override
          ? { reason: 'Quyết định bổ sung', by: finance }
          : undefined;
        if (
          requested.some(
            ({ fund, amount }) => available(fund) < amount && !(fund.policy === 'warn' && override),
          )
        )
          expected = 'BUDGET_EXCEEDED';
        apply = () => {
          for (const { fund, amount } of requested) {
            fund.reserved += amount;
            nomination.outstanding.set(fund.id, amount);
          }
        };
        act = () =>
          WorkContext.start(null, db, new Clock()).transaction((tx) =>
            budget.reserve(tx, {
              nominationId: nomination.id,
              lines: command.funds.map((index, i) => ({
                fundId: fundAt(index).id,
                amount: command.amounts[i],
              })),
              override,
            }),
          );
        break;
      }
      case 'release': {
        const nomination = nominations[command.pick % Math.max(nominations.length, 1)];
        if (!nomination) return { expected: null, actual: null };
        apply = () => {
          for (const [fundId, amount] of nomination.outstanding)
            funds.find((f) => f.id === fundId)!.reserved -= amount;
          nomination.outstanding.clear();
        };
        act = async () => {
          const released = await WorkContext.start(null, db, new Clock()).transaction((tx) =>
            budget.release(tx, { nominationId: nomination.id }),
          );
          expect(new Map(released.map((line) => [line.fundId, line.amount]))).toEqual(
            nomination.outstanding,
          );
        };
        break;
      }
      case 'settle': {
        const nomination = nominations[command.pick % Math.max(nominations.length, 1)];
        if (!nomination) return { expected: null, actual: null };
        const override = command.override
          ? { reason: 'Quyết toán vượt dự toán', by: finance }
          : undefined;
        const actual = nomination.requested.map(({ fund, amount }, i) => ({
          fund,
          amount: (amount * BigInt(command.percents[i])) / 100n,
        }));
        if (nomination.spent && nomination.outstanding.size === 0) expected = 'ALREADY_SETTLED';
        // Released or never reserved: the spend has no reservation to go on.
        else if (
          actual.some(({ fund, amount }) => amount > 0n && !nomination.outstanding.has(fund.id))
        )
          expected = 'FUND_NOT_RESERVED';
        else if (
          actual.some(({ fund, amount }) => {
            const overrun = amount - (nomination.outstanding.get(fund.id) ?? 0n);
            return (
              overrun > 0n && available(fund) < overrun && !(fund.policy === 'warn' && override)
            );
          })
        )
          expected = 'BUDGET_EXCEEDED';
        apply = () => {
          for (const [fundId, amount] of nomination.outstanding)
            funds.find((f) => f.id === fundId)!.reserved -= amount;
          nomination.outstanding.clear();
          for (const { fund, amount } of actual) fund.spent += amount;
          nomination.spent ||= actual.some(({ amount }) => amount > 0n);
        };
        act = () =>
          WorkContext.start(null, db, new Clock()).transaction((tx) =>
            budget.settle(tx, {
              nominationId: nomination.id,
              lines: actual
                .filter(({ amount }) => amount > 0n)
                .map(({ fund, amount }) => ({ fundId: fund.id, amount })),
              override,
            }),
          );
        break;
      }
    }

    try {
      await act();
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return { expected, actual: error.code };
    }
    apply();
    return { expected, actual: null };
  }

  async function assertInvariants(funds: FundModel[], step: string) {
    expect(await budget.reconcile(WorkContext.start(null, db, new Clock()))).toEqual([]);
    const rows: Array<Record<string, string>> = await db.query(
      `SELECT id, policy, allocated::text, reserved::text, spent::text, available::text
         FROM funds WHERE id = ANY($1::uuid[])`,
      [funds.map((fund) => fund.id)],
    );
    for (const fund of funds) {
      const row = rows.find((r) => r.id === fund.id)!;
      const context = `${step}, fund ${funds.indexOf(fund)} (${fund.policy})`;
      expect({ context, reserved: BigInt(row.reserved) >= 0n }).toEqual({
        context,
        reserved: true,
      });
      expect({ context, spent: BigInt(row.spent) >= 0n }).toEqual({ context, spent: true });
      if (row.policy === 'stop')
        expect({ context, available: BigInt(row.available) >= 0n }).toEqual({
          context,
          available: true,
        });
      expect({
        context,
        allocated: BigInt(row.allocated),
        reserved: BigInt(row.reserved),
        spent: BigInt(row.spent),
      }).toEqual({
        context,
        allocated: fund.allocated,
        reserved: fund.reserved,
        spent: fund.spent,
      });
    }
  }

  it('should keep balances equal to the ledger and to the model under any sequence', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async ({ policies, initial, commands }) => {
        const funds: FundModel[] = [];
        for (const policy of policies) funds.push(await createFund(policy));
        for (const [i, fund] of funds.entries()) {
          if (initial[i] === 0n) continue;
          await WorkContext.start(null, db, new Clock()).transaction((tx) =>
            budget.allocate(tx, fund.id, initial[i], 'Dự toán kinh phí năm 2027'),
          );
          fund.allocated = initial[i];
        }
        await assertInvariants(funds, 'after the initial allocations');

        const nominations: NominationModel[] = [];
        for (const [step, command] of commands.entries()) {
          const { expected, actual } = await run(command, funds, nominations);
          expect({ step, kind: command.kind, refused: actual }).toEqual({
            step,
            kind: command.kind,
            refused: expected,
          });
          if (actual) tally.refused.set(actual, (tally.refused.get(actual) ?? 0) + 1);
          tally.commands++;
          await assertInvariants(funds, `after step ${step} (${command.kind})`);
        }
        tally.runs++;
      }),
      {
        numRuns: 40,
        seed: SEED,
        examples: [
          // Settling 0 of a 3 bn reservation: the released amount does not fit in 32 bits.
          [
            {
              policies: ['stop', 'warn'],
              initial: [5000n * MILLION, 0n, 0n],
              commands: [
                { kind: 'reserve', funds: [0], amounts: [3000n * MILLION, 0n], override: false },
                { kind: 'settle', pick: 0, percents: [0, 0], override: false },
              ],
            },
          ],
        ],
      },
    );
    // The sequences must exercise refusals as well as successes.
    expect(tally.refused.get('BUDGET_EXCEEDED')).toBeGreaterThan(0);
    expect(tally.commands).toBeGreaterThan([...tally.refused.values()].reduce((a, b) => a + b, 0));
  }, 180_000);
});
