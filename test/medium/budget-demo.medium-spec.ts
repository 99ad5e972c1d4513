import { Clock, WorkContext } from '@app/common';
import { BudgetService } from '@app/budget';
import { budgetDemoSeeder, buildDemoFunds } from '@app/budget/demo';
import { organizationDemoSeeder } from '@app/organization/demo';
import { DataSource } from 'typeorm';
import { demoSeeders } from '../../apps/cli/src/demo/demo-seeders';
import { MediumStack, startMediumStack } from '../support/medium';

const MILLION = 1_000_000n;

/** Every demo fund with its balances and ledger, as one fingerprint. */
const FUNDS_SQL = `
  SELECT (SELECT count(*)::int FROM funds) AS funds,
         (SELECT count(*)::int FROM fund_ledger) AS entries,
         (SELECT md5(string_agg(concat_ws('|', f.code, f.name, f.fiscal_year, u.code, f.source,
                     f.policy, f.thresholds, f.status, f.allocated, f.reserved, f.spent),
                     ',' ORDER BY f.code))
            FROM funds f JOIN units u ON u.id = f.owner_unit_id) AS checksum`;

describe('Budget demo data', () => {
  let stack: MediumStack;
  let db: DataSource;

  beforeAll(async () => {
    stack = await startMediumStack();
    db = stack.dataSource;
    await db.transaction(async (manager) => {
      await organizationDemoSeeder.run(manager);
      await budgetDemoSeeder.run(manager);
    });
  });

  afterAll(() => stack?.close());

  const totals = async (): Promise<Record<string, bigint>> => {
    const rows: Array<{ tier: string; year: number; source: string; total: string }> =
      await db.query(`
        SELECT t.code AS tier, f.fiscal_year AS year, f.source, sum(f.allocated)::text AS total
          FROM funds f JOIN units u ON u.id = f.owner_unit_id JOIN tiers t ON t.id = u.tier_id
         GROUP BY 1, 2, 3`);
    return Object.fromEntries(
      rows.map((row) => [`${row.tier} ${row.year} ${row.source}`, BigInt(row.total)]),
    );
  };

  it('should give the city about 14 bn a year, the districts 6 bn and the communes 1 bn', async () => {
    expect(await totals()).toEqual({
      'city 2026 state_budget': 11_000n * MILLION,
      'city 2026 sponsor': 2_600n * MILLION,
      'city 2027 state_budget': 11_300n * MILLION,
      'city 2027 sponsor': 2_700n * MILLION,
      'district 2027 state_budget': 4_710n * MILLION,
      'district 2027 sponsor': 1_290n * MILLION,
      'commune 2027 state_budget': 1_000n * MILLION,
    });
  });

  it('should take about 81% from the state budget, in all and in 2027', async () => {
    const all = await totals();
    const share = (year?: number) => {
      const keys = Object.keys(all).filter((key) => !year || key.includes(` ${year} `));
      const sum = (filter: (key: string) => boolean) =>
        keys.filter(filter).reduce((total, key) => total + all[key], 0n);
      return (
        Number((sum((key) => key.endsWith('state_budget')) * 10_000n) / sum(() => true)) / 10_000
      );
    };
    for (const value of [share(), share(2027)]) {
      expect(value).toBeGreaterThanOrEqual(0.79);
      expect(value).toBeLessThanOrEqual(0.83);
    }
  });

  it('should give every district party committee a state-budget fund, and a few a sponsor fund', async () => {
    const rows: Array<{ unit: string; sources: string[] }> = await db.query(`
      SELECT u.code AS unit, array_agg(f.source ORDER BY f.source) AS sources
        FROM funds f JOIN units u ON u.id = f.owner_unit_id JOIN tiers t ON t.id = u.tier_id
       WHERE t.code = 'district' GROUP BY u.code ORDER BY u.code`);
    expect(rows).toHaveLength(9);
    for (const row of rows) {
      expect(row.unit).toMatch(/^CT\.[A-Z]+$/);
      expect(row.sources).toContain('state_budget');
    }
    expect(rows.filter((row) => row.sources.includes('sponsor')).length).toBeGreaterThanOrEqual(2);
  });

  it('should use the agreed codes, policies and default thresholds', async () => {
    const funds: Array<{
      code: string;
      source: string;
      policy: string;
      thresholds: number[];
      status: string;
    }> = await db.query(`SELECT code, source, policy, thresholds, status FROM funds`);
    expect(funds.map((fund) => fund.code)).toEqual(
      expect.arrayContaining([
        'KP-2027-CT-NSNN',
        'KP-2027-CT-TT',
        'KP-2026-CT-NSNN',
        'KP-2027-NK-NSNN',
        'KP-2027-NK-X01-NSNN',
      ]),
    );
    for (const fund of funds) {
      expect(fund.code).toMatch(/^KP-202[67]-[A-Z0-9-]+-(NSNN|TT)$/);
      expect(fund.policy).toBe(fund.source === 'state_budget' ? 'stop' : 'warn');
      expect(fund.thresholds).toEqual([80, 95]);
      expect(fund.status).toBe('open');
    }
    expect(funds).toHaveLength(buildDemoFunds().length);
  });

  it('should move the money only through allocations, with nothing reserved or spent', async () => {
    const entries: Array<{ kind: string; comment: string; n: number }> = await db.query(`
      SELECT kind, comment, count(*)::int AS n FROM fund_ledger GROUP BY 1, 2 ORDER BY 2`);
    const funds = buildDemoFunds();
    expect(entries).toEqual([
      {
        kind: 'allocation',
        comment: 'Dự toán kinh phí đào tạo, bồi dưỡng năm 2026',
        n: funds.filter((fund) => fund.fiscalYear === 2026).length,
      },
      {
        kind: 'allocation',
        comment: 'Dự toán kinh phí đào tạo, bồi dưỡng năm 2027',
        n: funds.filter((fund) => fund.fiscalYear === 2027).length,
      },
    ]);
    const [{ committed }] = await db.query(
      `SELECT sum(reserved + spent)::text AS committed FROM funds`,
    );
    expect(committed).toBe('0');
    expect(
      await WorkContext.start(null, db, new Clock()).transaction((tx) =>
        new BudgetService().reconcile(tx),
      ),
    ).toEqual([]);
  });

  it('should build the same funds on every run', () => {
    expect(buildDemoFunds()).toEqual(buildDemoFunds());
  });

  it('should change nothing when run a second time', async () => {
    const [before] = await db.query(FUNDS_SQL);
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      await db.transaction((manager) => budgetDemoSeeder.run(manager));
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('skipped'));
    } finally {
      warn.mockRestore();
    }
    expect(await db.query(FUNDS_SQL)).toEqual([before]);
  });

  it('should run after the catalog in the demo seeders', () => {
    const names = demoSeeders.map((seeder) => seeder.name);
    expect(names).toContain('budget');
    expect(names.indexOf('budget')).toBeGreaterThan(names.indexOf('catalog'));
  });
});
