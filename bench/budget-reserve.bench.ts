import { Clock, WorkContext } from '@app/common';
import { BudgetService } from '@app/budget';
import { randomUUID } from 'node:crypto';
import { benchDatabase, throughput } from './support';

/**
 * Reservation throughput through BudgetService, each in its own transaction, with 32
 * in flight: on one hot fund (every transaction waits on the same row lock) and spread
 * over 100 funds. Run: `npm run bench -- budget-reserve`.
 */
async function main() {
  const { dataSource, close } = await benchDatabase(32);
  const budget = new BudgetService();
  try {
    const [tier] = await dataSource.query(
      `INSERT INTO tiers (code, name, level) VALUES ('city', 'Thành phố', 1) RETURNING id`,
    );
    const unitId = randomUUID();
    await dataSource.query(
      `INSERT INTO units (id, code, name, tier_id, kind, path) VALUES ($1, 'CT', 'Cần Thơ', $2, 'party_committee', $3)`,
      [unitId, tier.id, `/${unitId}/`],
    );
    const funds: string[] = [];
    for (let i = 0; i < 100; i++) {
      const [fund] = await dataSource.query(
        `INSERT INTO funds (code, name, fiscal_year, owner_unit_id, source) VALUES ($1, 'Quỹ', 2027, $2, 'state_budget') RETURNING id`,
        [`F${i}`, unitId],
      );
      await WorkContext.start(null, dataSource, new Clock()).transaction((tx) =>
        budget.allocate(tx, fund.id, 10n ** 13n, null),
      );
      funds.push(fund.id);
    }
    const reserve = (fundId: string) =>
      WorkContext.start(null, dataSource, new Clock()).transaction((tx) =>
        budget.reserve(tx, {
          nominationId: randomUUID(),
          lines: [{ fundId, amount: 100_000_000n }],
        }),
      );
    const total = Number(process.env.BENCH_OPERATIONS ?? 4000);
    const hot = await throughput(total, 32, () => reserve(funds[0]));
    const spread = await throughput(total, 32, (i) => reserve(funds[i % funds.length]));
    const twoFunds = await throughput(total, 32, (i) =>
      WorkContext.start(null, dataSource, new Clock()).transaction((tx) =>
        budget.reserve(tx, {
          nominationId: randomUUID(),
          lines: [
            { fundId: funds[i % 100], amount: 50_000_000n },
            { fundId: funds[(i * 7 + 3) % 100], amount: 50_000_000n },
          ],
        }),
      ),
    );
    const started = performance.now();
    const differences = await WorkContext.start(null, dataSource, new Clock()).transaction((tx) =>
      budget.reconcile(tx),
    );
    const reconcileMs = Math.round(performance.now() - started);
    console.log(
      JSON.stringify(
        {
          operations: total,
          concurrency: 32,
          hotFund: hot,
          hundredFunds: spread,
          twoFundsEach: twoFunds,
          reconcileMs,
          differences: differences.length,
        },
        null,
        2,
      ),
    );
  } finally {
    await close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
