import { Clock, runEntryPoint, WorkContext } from '@app/common';
import { loadConfig } from '@app/config';
import { BudgetService } from '@app/budget';
import { assertPostgresReachable, buildDataSourceOptions } from '@app/database';
import { schema } from '@app/schema';
import { DataSource } from 'typeorm';

/**
 * `reconcile`: recomputes every fund's balances from its ledger and prints the funds whose
 * row differs. Exits 1 when there is any difference, 0 when all agree.
 */
runEntryPoint(async () => {
  const config = loadConfig();
  await assertPostgresReachable(config.DATABASE_URL, config.DATABASE_CONNECT_TIMEOUT_MS);
  const dataSource = await new DataSource(buildDataSourceOptions(config, schema)).initialize();
  try {
    const differences = await WorkContext.start(null, dataSource, new Clock()).transaction(
      (tx) => new BudgetService().reconcile(tx),
      'REPEATABLE READ',
    );
    if (!differences.length) {
      console.log('Fund balances agree with the ledger');
      return;
    }
    console.log(`${differences.length} fund(s) differ from the ledger:`);
    for (const row of differences) {
      const parts = (['allocated', 'reserved', 'spent'] as const)
        .map((column) => {
          const ledger = row[`ledger${column[0].toUpperCase()}${column.slice(1)}`];
          return row[column] === ledger ? null : `${column} ${row[column]} (ledger ${ledger})`;
        })
        .filter(Boolean);
      console.log(`  ${row.fundCode} ${row.fundId}: ${parts.join(', ')}`);
    }
    process.exitCode = 1;
  } finally {
    await dataSource.destroy();
  }
});
