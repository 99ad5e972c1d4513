import { historyDemoSeeder } from '@app/imports/demo';
import { organizationDemoSeeder } from '@app/organization/demo';
import { bearer, Factory, startTestStack, TestStack, tokenFor } from '@app/testing';
import { DataSource } from 'typeorm';
import { demoSeeders } from '../apps/cli/src/demo/demo-seeders';

/** The demo's history makes the article's period 2012–2022 reportable from data. */
describe('Training history demo data', () => {
  let stack: TestStack;
  let db: DataSource;
  let admin: string;

  beforeAll(async () => {
    stack = await startTestStack({});
    db = stack.api.get(DataSource);
    await db.transaction(async (manager) => {
      await organizationDemoSeeder.run(manager);
      await historyDemoSeeder.run(manager);
    });
    admin = tokenFor(stack, await new Factory(db).user({ grants: [{ role: 'admin' }] }));
  });
  afterAll(() => stack?.close());

  it('should report every year 2012–2022 from imported participations', async () => {
    const summary = await stack.http.get(
      '/api/v1/reports/training-summary?from=2012-01-01&to=2022-12-31',
      bearer(admin),
    );
    expect(summary.status).toBe(200);
    const { totals, rows } = summary.body;
    expect(totals.imported).toBeGreaterThan(250);
    expect(totals.imported).toBe(totals.completed);
    const years = new Set(rows.map((row: { year: number }) => row.year));
    expect(years.size).toBe(11);
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM imported_participations WHERE NOT completed`,
    );
    expect(n).toBeGreaterThan(0);
  });

  it('should show the spending of each year and the compliance trend before the product', async () => {
    const usage = await stack.http.get(
      '/api/v1/reports/budget-usage?fromYear=2012&toYear=2022',
      bearer(admin),
    );
    expect(usage.body.years).toHaveLength(11);
    const stateShare =
      Number(BigInt(usage.body.period.sources[0].importedSpent) * 100n) /
      Number(BigInt(usage.body.period.total.importedSpent));
    expect(usage.body.period.sources[0].source).toBe('state_budget');
    expect(stateShare).toBeGreaterThan(60);
    const trend = await stack.http.get(
      '/api/v1/reports/compliance/trend?from=2013-01-01&to=2022-12-31&every=year',
      bearer(admin),
    );
    expect(trend.body.points).toHaveLength(10);
    expect(trend.body.points.every((point: { imported: boolean }) => point.imported)).toBe(true);
    const shares = trend.body.points.map(
      (point: { meetingStandard: { percent: number } }) => point.meetingStandard.percent,
    );
    expect(shares[9]).toBeGreaterThan(shares[0]);
  });

  it('should run after the organization in the demo seeders, and only once', async () => {
    const names = demoSeeders.map((seeder) => seeder.name);
    expect(names.indexOf('history')).toBeGreaterThan(names.indexOf('organization'));
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      await db.transaction((manager) => historyDemoSeeder.run(manager));
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('skipped'));
    } finally {
      warn.mockRestore();
    }
  });
});
