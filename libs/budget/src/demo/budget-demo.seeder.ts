import { Clock, WorkContext } from '@app/common';
import type { Seeder } from '@app/database';
import type { EntityManager } from 'typeorm';
import { BudgetService } from '../budget.service';
import { buildDemoFunds } from './budget-demo';

/**
 * Writes the demo funds: the rows with SQL, their money only through BudgetService, so every
 * balance has its ledger entry.
 */
export async function writeDemoFunds(manager: EntityManager): Promise<void> {
  const funds = buildDemoFunds();
  const units: Array<{ id: string; code: string }> = await manager.query(
    `SELECT id, code FROM units WHERE code = ANY($1::text[])`,
    [[...new Set(funds.map((fund) => fund.ownerUnitCode))]],
  );
  const unitId = new Map(units.map((unit) => [unit.code, unit.id]));
  const missing = funds.filter((fund) => !unitId.has(fund.ownerUnitCode));
  if (missing.length) {
    console.warn(`Budget demo data skipped: no demo organization unit ${missing[0].ownerUnitCode}`);
    return;
  }
  const budget = new BudgetService();
  const tx = WorkContext.joining(null, manager, new Clock());
  for (const fund of funds) {
    const [{ id }] = await manager.query(
      `INSERT INTO funds (code, name, fiscal_year, owner_unit_id, source, policy)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [
        fund.code,
        fund.name,
        fund.fiscalYear,
        unitId.get(fund.ownerUnitCode),
        fund.source,
        fund.policy,
      ],
    );
    await budget.allocate(
      tx,
      id,
      fund.amount,
      `Dự toán kinh phí đào tạo, bồi dưỡng năm ${fund.fiscalYear}`,
    );
  }
}

/**
 * The demo training funds (docs/budget-demo.md), on top of the organization demo. It only
 * fills an empty funds table.
 */
export const budgetDemoSeeder: Seeder = {
  name: 'budget',
  async run(manager) {
    const [{ used }] = await manager.query(`SELECT EXISTS (SELECT 1 FROM funds) AS used`);
    if (used) {
      console.warn('Budget demo data skipped: funds already exist');
      return;
    }
    await writeDemoFunds(manager);
  },
};
