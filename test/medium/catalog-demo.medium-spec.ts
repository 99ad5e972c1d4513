import { validateRule } from '@app/catalog';
import {
  catalogDemoSeeder,
  DEMO_CATALOG_REFERENCE_DATE,
  DEMO_INTAKES,
  DEMO_PROGRAMS,
  DEMO_PROVIDERS,
} from '@app/catalog/demo';
import { organizationDemoSeeder } from '@app/organization/demo';
import { DataSource } from 'typeorm';
import { MediumStack, startMediumStack } from '../support/medium';

/** Every demo catalog row, as one fingerprint. */
const CATALOG_SQL = `
  SELECT (SELECT count(*)::int FROM providers) AS providers,
         (SELECT count(*)::int FROM programs) AS programs,
         (SELECT count(*)::int FROM intakes) AS intakes,
         (SELECT count(*)::int FROM intake_seat_quotas) AS quotas,
         (SELECT count(*)::int FROM eligibility_rules) AS rules,
         (SELECT md5(string_agg(concat_ws('|', i.code, p.code, v.code, a.code, i.starts_on,
                     i.ends_on, i.location, i.seats_total, i.nomination_opens_on,
                     i.nomination_closes_on, i.cost_tuition, i.cost_allowances, i.cost_travel,
                     i.cost_other, i.allowed_sources, i.learner_share_percent), ',' ORDER BY i.code))
            FROM intakes i
            JOIN programs p ON p.id = i.program_id
            JOIN providers v ON v.id = p.provider_id
            LEFT JOIN management_authorities a ON a.id = i.authority_id) AS checksum`;

describe('Catalog demo data', () => {
  let stack: MediumStack;
  let dataSource: DataSource;
  let defaultRules: number;

  beforeAll(async () => {
    stack = await startMediumStack();
    dataSource = stack.dataSource;
    [{ n: defaultRules }] = await dataSource.query(
      `SELECT count(*)::int AS n FROM eligibility_rules`,
    );
    await dataSource.transaction(async (manager) => {
      await organizationDemoSeeder.run(manager);
      await catalogDemoSeeder.run(manager);
    });
  });

  afterAll(() => stack?.close());

  it('should write seven providers, twelve programmes, 27 intakes, quotas and rules', async () => {
    const [counts] = await dataSource.query(CATALOG_SQL);
    expect(DEMO_PROVIDERS).toHaveLength(7);
    expect(DEMO_PROGRAMS).toHaveLength(12);
    expect(DEMO_INTAKES).toHaveLength(27);
    expect(counts).toMatchObject({
      providers: 7,
      programs: 12,
      intakes: 27,
      quotas: DEMO_INTAKES.reduce((n, intake) => n + intake.quotas.length, 0),
      rules: defaultRules + 2,
    });
    const perProgram: Array<{ n: number }> = await dataSource.query(
      `SELECT count(i.id)::int AS n FROM programs p LEFT JOIN intakes i ON i.program_id = p.id
        GROUP BY p.id`,
    );
    for (const { n } of perProgram) expect([2, 3]).toContain(n);
  });

  it('should give every intake whole, positive costs and tie it to an authority', async () => {
    const rows: Array<Record<string, string | null>> = await dataSource.query(
      `SELECT code, authority_id, cost_tuition, cost_allowances, cost_travel, cost_other,
              (cost_tuition + cost_allowances + cost_travel + cost_other)::text AS total
         FROM intakes`,
    );
    expect(rows).toHaveLength(27);
    for (const row of rows) {
      expect(row.authority_id).not.toBeNull();
      for (const column of ['cost_tuition', 'cost_allowances', 'cost_travel', 'cost_other'])
        expect(row[column]).toMatch(/^\d+$/);
      expect(BigInt(row.total!)).toBeGreaterThan(0n);
      expect(BigInt(row.cost_tuition!)).toBeGreaterThan(0n);
    }
  });

  it('should round-trip costs exactly as bigint', async () => {
    const [row] = await dataSource.query(
      `SELECT cost_tuition, cost_allowances, cost_travel, cost_other FROM intakes WHERE code = $1`,
      ['THS-CSC-VUW-2027'],
    );
    const total =
      BigInt(row.cost_tuition) +
      BigInt(row.cost_allowances) +
      BigInt(row.cost_travel) +
      BigInt(row.cost_other);
    expect(total).toBe(1_450_000_000n);
    expect(BigInt(row.cost_tuition)).toBe(980_000_000n);
    const [advanced] = await dataSource.query(
      `SELECT cost_tuition, cost_allowances FROM intakes WHERE code = 'LLCT-CC-2027-K1'`,
    );
    expect([BigInt(advanced.cost_tuition), BigInt(advanced.cost_allowances)]).toEqual([
      28_500_000n,
      12_000_000n,
    ]);
    const [nz] = await dataSource.query(
      `SELECT (cost_tuition + cost_allowances + cost_travel + cost_other)::text AS total
         FROM intakes WHERE code = 'NH-LDQL-NZ-2027'`,
    );
    expect(BigInt(nz.total)).toBe(185_000_000n);
  });

  it('should keep Vietnamese names intact', async () => {
    const [provider] = await dataSource.query(`SELECT name FROM providers WHERE code = 'HVCT-KV4'`);
    expect(provider.name).toBe('Học viện Chính trị khu vực IV');
    const [program] = await dataSource.query(`SELECT name FROM programs WHERE code = 'BD-CVC'`);
    expect(program.name).toBe('Bồi dưỡng kiến thức quản lý nhà nước ngạch chuyên viên chính');
    const [intake] = await dataSource.query(
      `SELECT location FROM intakes WHERE code = 'DH-NONGHOC-2027-CD'`,
    );
    expect(intake.location).toBe(
      'Trung tâm Chính trị huyện Cờ Đỏ (lớp liên kết với Trường Đại học Cần Thơ)',
    );
    const names: Array<{ name: string }> = await dataSource.query(
      `SELECT name FROM providers UNION ALL SELECT name FROM programs`,
    );
    expect(names.map((row) => row.name).sort()).toEqual(
      [...DEMO_PROVIDERS, ...DEMO_PROGRAMS].map((row) => row.name).sort(),
    );
  });

  it('should place windows around the reference date: 9 open, 12 closed, 6 not yet open', async () => {
    const [windows] = await dataSource.query(
      `SELECT count(*) FILTER (WHERE $1::date BETWEEN nomination_opens_on AND nomination_closes_on)::int AS open,
              count(*) FILTER (WHERE $1::date > nomination_closes_on)::int AS closed,
              count(*) FILTER (WHERE $1::date < nomination_opens_on)::int AS upcoming
         FROM intakes`,
      [DEMO_CATALOG_REFERENCE_DATE],
    );
    expect(windows).toEqual({ open: 9, closed: 12, upcoming: 6 });
    const [advanced] = await dataSource.query(
      `SELECT nomination_opens_on::text AS opens, nomination_closes_on::text AS closes
         FROM intakes WHERE code = 'LLCT-CC-2027-K1'`,
    );
    expect(advanced).toEqual({ opens: '2026-10-31', closes: '2026-12-15' });
  });

  it('should tie district intakes to their district and quotas to tiers', async () => {
    const rows: Array<{ code: string; authority: string }> = await dataSource.query(
      `SELECT i.code, a.code AS authority FROM intakes i
         JOIN management_authorities a ON a.id = i.authority_id
        WHERE i.code IN ('LLCT-TC-2027-PD', 'DH-NONGHOC-2026-VT', 'LLCT-CC-2027-K1')
        ORDER BY i.code`,
    );
    expect(rows).toEqual([
      { code: 'DH-NONGHOC-2026-VT', authority: 'BTV-VT' },
      { code: 'LLCT-CC-2027-K1', authority: 'BTV-TU' },
      { code: 'LLCT-TC-2027-PD', authority: 'BTV-PD' },
    ]);
    const [over] = await dataSource.query(
      `SELECT count(*)::int AS n FROM intakes i
        WHERE (SELECT coalesce(sum(q.seats), 0) FROM intake_seat_quotas q WHERE q.intake_id = i.id)
              > i.seats_total`,
    );
    expect(over.n).toBe(0);
  });

  it('should store programme rules that pass validation', async () => {
    const rules: Array<{ kind: string; params: unknown; program: string }> = await dataSource.query(
      `SELECT r.kind, r.params, p.code AS program FROM eligibility_rules r
           JOIN programs p ON p.id = r.program_id ORDER BY p.code`,
    );
    expect(rules).toEqual([
      {
        kind: 'prerequisite',
        params: { kind: 'fostering', level: 1 },
        program: 'BD-CVC',
      },
      {
        kind: 'allowed_tiers',
        params: { tiers: ['district', 'commune'] },
        program: 'DH-NONGHOC',
      },
    ]);
    for (const rule of rules) expect(validateRule(rule.kind, rule.params)).toEqual([]);
  });

  it('should change nothing when run again', async () => {
    const [before] = await dataSource.query(CATALOG_SQL);
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      await dataSource.transaction((manager) => catalogDemoSeeder.run(manager));
    } finally {
      warn.mockRestore();
    }
    expect(await dataSource.query(CATALOG_SQL)).toEqual([before]);
  });

  it('should write the same data on every run', async () => {
    const [seeded] = await dataSource.query(CATALOG_SQL);
    const runner = dataSource.createQueryRunner();
    await runner.startTransaction();
    try {
      await runner.query(`DELETE FROM intake_seat_quotas`);
      await runner.query(
        `DELETE FROM eligibility_rules WHERE program_id IS NOT NULL OR intake_id IS NOT NULL`,
      );
      for (const table of ['intakes', 'programs', 'providers'])
        await runner.query(`DELETE FROM ${table}`);
      await catalogDemoSeeder.run(runner.manager);
      expect((await runner.query(CATALOG_SQL))[0]).toEqual(seeded);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});
