import {
  MEETS_STANDARD_SQL,
  PositionStandard,
  Qualifications,
  standardGaps,
} from '@app/organization';
import { organizationDemoSeeder } from '@app/organization/demo';
import { bearer, Factory, startTestStack, TestStack, tokenFor } from '@app/testing';
import { DataSource } from 'typeorm';
import { seedDemoData } from '../apps/cli/src/demo/seed-demo-data';

/** Names, levels and placement of every staff row, as one fingerprint. */
const CHECKSUM_SQL = `
  SELECT count(*)::int AS n,
         md5(string_agg(concat_ws('|', s.code, s.full_name, s.search_name, s.birth_date, s.gender,
             s.ethnic_minority, s.education_level, s.education_field, s.political_theory,
             s.fostering_rank, s.language_level, s.civil_service_rank, s.employment_status,
             p.code, u.code, u.name, t.level, a.code), ',' ORDER BY s.code)) AS checksum
    FROM staff s
    JOIN units u ON u.id = s.unit_id
    JOIN tiers t ON t.id = u.tier_id
    JOIN management_authorities a ON a.id = s.authority_id
    LEFT JOIN positions p ON p.id = s.position_id`;

interface Expected {
  level: number | null;
  total: number;
  withPosition: number;
  meeting: number;
  university: number;
  theory: number;
}

const round4 = (count: number, of: number) => (of === 0 ? null : count / of);

describe('Compliance summary (GET /api/v1/compliance)', () => {
  let stack: TestStack;
  let dataSource: DataSource;
  let factory: Factory;
  let adminToken: string;
  let seedMs: number;
  let rolledBack: { n: number; checksum: string };

  /**
   * The expected figures, written out by hand: a person misses the standard when any
   * required minimum is above what they have (a missing value counts as below).
   */
  async function expected(where = 'TRUE', params: unknown[] = []): Promise<Expected[]> {
    const rows = await dataSource.query(
      `SELECT t.level,
              count(*) AS total,
              sum(CASE WHEN s.position_id IS NOT NULL THEN 1 ELSE 0 END) AS with_position,
              sum(CASE
                    WHEN s.position_id IS NULL THEN 0
                    WHEN p.min_education IS NOT NULL
                         AND (s.education_level IS NULL OR s.education_level < p.min_education) THEN 0
                    WHEN p.min_political_theory IS NOT NULL
                         AND s.political_theory < p.min_political_theory THEN 0
                    WHEN p.min_fostering_rank IS NOT NULL
                         AND (s.fostering_rank IS NULL OR s.fostering_rank < p.min_fostering_rank) THEN 0
                    WHEN p.min_language_level IS NOT NULL
                         AND (s.language_level IS NULL OR s.language_level < p.min_language_level) THEN 0
                    ELSE 1 END) AS meeting,
              sum(CASE WHEN s.education_level IN (3, 4, 5) THEN 1 ELSE 0 END) AS university,
              sum(CASE WHEN s.political_theory IN (2, 3) THEN 1 ELSE 0 END) AS theory
         FROM staff s
         JOIN units u ON u.id = s.unit_id
         JOIN tiers t ON t.id = u.tier_id
         LEFT JOIN positions p ON p.id = s.position_id
        WHERE s.employment_status = 'active' AND ${where}
        GROUP BY t.level
        ORDER BY t.level`,
      params,
    );
    const perTier: Expected[] = rows.map((row: Record<string, string | number>) => ({
      level: Number(row.level),
      total: Number(row.total),
      withPosition: Number(row.with_position),
      meeting: Number(row.meeting),
      university: Number(row.university),
      theory: Number(row.theory),
    }));
    const sum = (key: keyof Omit<Expected, 'level'>) =>
      perTier.reduce((total, row) => total + row[key], 0);
    return [
      ...perTier,
      {
        level: null,
        total: sum('total'),
        withPosition: sum('withPosition'),
        meeting: sum('meeting'),
        university: sum('university'),
        theory: sum('theory'),
      },
    ];
  }

  function expectFigures(actual: any, figures: Expected) {
    expect(actual.total).toBe(figures.total);
    expect(actual.withPosition).toBe(figures.withPosition);
    expect(actual.meetingStandard.count).toBe(figures.meeting);
    expect(actual.universityOrHigher.count).toBe(figures.university);
    expect(actual.politicalTheoryIntermediateOrHigher.count).toBe(figures.theory);
    const close = (share: number | null, value: number | null) =>
      value === null ? expect(share).toBeNull() : expect(share).toBeCloseTo(value, 4);
    close(actual.meetingStandard.share, round4(figures.meeting, figures.withPosition));
    close(actual.universityOrHigher.share, round4(figures.university, figures.total));
    close(actual.politicalTheoryIntermediateOrHigher.share, round4(figures.theory, figures.total));
  }

  function expectSummary(body: any, figures: Expected[]) {
    expectFigures(
      body.overall,
      figures.find((row) => row.level === null)!,
    );
    const perTier = figures.filter((row) => row.level !== null);
    expect(body.groups.map((group: any) => group.tier.level)).toEqual(
      perTier.map((row) => row.level),
    );
    perTier.forEach((row, index) => expectFigures(body.groups[index], row));
  }

  const unitByCode = async (code: string) =>
    (await dataSource.query('SELECT id, path FROM units WHERE code = $1', [code]))[0] as {
      id: string;
      path: string;
    };

  beforeAll(async () => {
    stack = await startTestStack({});
    dataSource = stack.api.get(DataSource);
    factory = new Factory(dataSource);

    // A first run that is rolled back, then the real one: both must produce the same data.
    const runner = dataSource.createQueryRunner();
    await runner.startTransaction();
    try {
      await organizationDemoSeeder.run(runner.manager);
      [rolledBack] = await runner.query(CHECKSUM_SQL);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
    const started = Date.now();
    await expect(seedDemoData(dataSource, [organizationDemoSeeder])).resolves.toBe('seeded');
    seedMs = Date.now() - started;
    adminToken = tokenFor(stack, await factory.user({ grants: [{ role: 'admin' }] }));
  });

  afterAll(() => stack?.close());

  it('should seed the demo organization in a few seconds', async () => {
    expect(seedMs).toBeLessThan(10_000);
    const [counts] = await dataSource.query(
      `SELECT (SELECT count(*) FROM tiers)::int AS tiers,
              (SELECT count(*) FROM units WHERE parent_id IS NULL)::int AS roots,
              (SELECT count(*) FROM staff)::int AS staff,
              (SELECT count(*) FROM planning_pool_entries)::int AS planning,
              (SELECT count(*) FROM users WHERE email LIKE '%@demo.example.org')::int AS users`,
    );
    expect(counts).toMatchObject({ tiers: 3, roots: 1, users: 7 });
    expect(counts.staff).toBeGreaterThan(1800);
    expect(counts.planning).toBeGreaterThan(0);
    const [mismatched] = await dataSource.query(
      `SELECT count(*)::int AS n FROM units c JOIN units p ON p.id = c.parent_id
        WHERE c.path <> p.path || c.id || '/'`,
    );
    expect(mismatched.n).toBe(0);
  });

  it('should produce the same names and levels on every run', async () => {
    const [seeded] = await dataSource.query(CHECKSUM_SQL);
    expect(seeded.n).toBeGreaterThan(1800);
    expect(seeded).toEqual(rolledBack);
  });

  it('should not seed twice', async () => {
    await expect(seedDemoData(dataSource, [organizationDemoSeeder])).resolves.toBe(
      'already-seeded',
    );
  });

  it('should match figures computed independently, per tier and overall', async () => {
    const response = await stack.http.get('/api/v1/compliance', bearer(adminToken));
    expect(response.status).toBe(200);
    expect(response.body.unitId).toBeNull();
    expect(response.body.groupBy).toBe('tier');
    expectSummary(response.body, await expected());
    expect(response.body.groups.map((group: any) => group.tier.code)).toEqual([
      'city',
      'district',
      'commune',
    ]);
    // Most, not all, meet their standard.
    expect(response.body.overall.meetingStandard.share).toBeGreaterThan(0.9);
    expect(response.body.overall.meetingStandard.share).toBeLessThan(0.96);
    // Some staff hold no position and are left out of the standard share.
    expect(response.body.overall.withPosition).toBeLessThan(response.body.overall.total);
  });

  it('should restrict the figures to a unit subtree', async () => {
    const district = await unitByCode('CT.CR');
    const response = await stack.http.get(
      `/api/v1/compliance?unitId=${district.id}`,
      bearer(adminToken),
    );
    expect(response.status).toBe(200);
    expect(response.body.unitId).toBe(district.id);
    expectSummary(response.body, await expected('u.path LIKE $1', [`${district.path}%`]));
  });

  it('should group by the direct children of the unit', async () => {
    const city = await unitByCode('CT');
    const response = await stack.http.get(
      `/api/v1/compliance?unitId=${city.id}&groupBy=unit`,
      bearer(adminToken),
    );
    expect(response.status).toBe(200);
    const groups: any[] = response.body.groups;
    // The city committee itself, its eight departments and nine districts.
    expect(groups).toHaveLength(18);
    expect(groups.map((g) => g.unit.code)).toContain('CT.NK');
    expect(groups.reduce((n, g) => n + g.total, 0)).toBe(response.body.overall.total);
    const thoiLai = await unitByCode('CT.TL');
    const [all] = (await expected('u.path LIKE $1', [`${thoiLai.path}%`])).slice(-1);
    expectFigures(
      groups.find((g) => g.unit.id === thoiLai.id),
      all,
    );
  });

  it('should show a unit head only their subtree', async () => {
    const ninhKieu = await unitByCode('CT.NK');
    const [head] = await dataSource.query(
      `SELECT id FROM users WHERE email = 'unit.head@demo.example.org'`,
    );
    const token = tokenFor(stack, head.id);
    const mine = await expected('u.path LIKE $1', [`${ninhKieu.path}%`]);
    const response = await stack.http.get('/api/v1/compliance', bearer(token));
    expect(response.status).toBe(200);
    expectSummary(response.body, mine);
    expect(response.body.groups.map((group: any) => group.tier.code)).toEqual([
      'district',
      'commune',
    ]);
    // Asking for the whole city still yields only what the head may see.
    const city = await unitByCode('CT');
    const wider = await stack.http.get(`/api/v1/compliance?unitId=${city.id}`, bearer(token));
    expect(wider.status).toBe(200);
    expectSummary(wider.body, mine);
    // Another district: nothing visible.
    const other = await unitByCode('CT.PD');
    const none = await stack.http.get(`/api/v1/compliance?unitId=${other.id}`, bearer(token));
    expect(none.status).toBe(200);
    expect(none.body.overall.total).toBe(0);
    expect(none.body.overall.meetingStandard.share).toBeNull();
    expect(none.body.groups).toEqual([]);
  });

  it('should show a board member the staff their authority manages', async () => {
    const [member] = await dataSource.query(
      `SELECT us.id, ra.authority_id FROM users us JOIN role_assignments ra ON ra.user_id = us.id
        WHERE us.email = 'board.member@demo.example.org'`,
    );
    const response = await stack.http.get('/api/v1/compliance', bearer(tokenFor(stack, member.id)));
    expect(response.status).toBe(200);
    expectSummary(response.body, await expected('s.authority_id = $1', [member.authority_id]));
  });

  it('should show staff only themselves', async () => {
    const [user] = await dataSource.query(
      `SELECT id, staff_id FROM users WHERE email = 'staff@demo.example.org'`,
    );
    const response = await stack.http.get('/api/v1/compliance', bearer(tokenFor(stack, user.id)));
    expect(response.status).toBe(200);
    expect(response.body.overall.total).toBe(1);
    expectSummary(response.body, await expected('s.id = $1', [user.staff_id]));
  });

  it('should refuse a caller without a token', async () => {
    const response = await stack.http.get('/api/v1/compliance');
    expect(response.status).toBe(401);
    expect(response.body.code).toBe('UNAUTHENTICATED');
  });

  it('should answer 404 UNIT_NOT_FOUND for an unknown unit', async () => {
    const response = await stack.http.get(
      '/api/v1/compliance?unitId=00000000-0000-4000-8000-000000000000',
      bearer(adminToken),
    );
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('UNIT_NOT_FOUND');
  });

  it('should refuse a malformed unit id and an unknown grouping', async () => {
    const response = await stack.http.get(
      '/api/v1/compliance?unitId=nope&groupBy=district',
      bearer(adminToken),
    );
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.errors.map((e: any) => e.field).sort()).toEqual(['groupBy', 'unitId']);
  });

  it('should decide like standardGaps in SQL (MEETS_STANDARD_SQL)', async () => {
    const people: Qualifications[] = [];
    for (const educationLevel of [null, 1, 3, 5])
      for (const politicalTheory of [0, 2, 3])
        for (const fosteringRank of [null, 1, 2])
          for (const languageLevel of [null, 3, 4])
            people.push({ educationLevel, politicalTheory, fosteringRank, languageLevel });
    const none = { minEducation: null, minPoliticalTheory: null, minFosteringRank: null };
    const standards: PositionStandard[] = [
      { ...none, minLanguageLevel: null },
      { ...none, minEducation: 3, minPoliticalTheory: 3, minLanguageLevel: null },
      { ...none, minEducation: 3, minPoliticalTheory: 2, minLanguageLevel: null },
      { ...none, minEducation: 3, minFosteringRank: 1, minLanguageLevel: null },
      { ...none, minEducation: 1, minLanguageLevel: null },
      { ...none, minPoliticalTheory: 1, minLanguageLevel: null },
      { ...none, minLanguageLevel: 4 },
      { minEducation: 4, minPoliticalTheory: 3, minFosteringRank: 2, minLanguageLevel: 4 },
    ];
    const cases = standards.flatMap((standard) => people.map((person) => ({ standard, person })));
    const rows = cases.map(({ standard, person }, idx) => ({
      idx,
      education_level: person.educationLevel,
      political_theory: person.politicalTheory,
      fostering_rank: person.fosteringRank,
      language_level: person.languageLevel,
      min_education: standard.minEducation,
      min_political_theory: standard.minPoliticalTheory,
      min_fostering_rank: standard.minFosteringRank,
      min_language_level: standard.minLanguageLevel,
    }));
    const result: Array<{ idx: number; meets: boolean }> = await dataSource.query(
      `SELECT s.idx, ${MEETS_STANDARD_SQL} AS meets
         FROM jsonb_to_recordset($1::jsonb) AS s(idx int, education_level smallint,
              political_theory smallint, fostering_rank smallint, language_level smallint)
         JOIN jsonb_to_recordset($1::jsonb) AS p(idx int, min_education smallint,
              min_political_theory smallint, min_fostering_rank smallint,
              min_language_level smallint) ON p.idx = s.idx
        ORDER BY s.idx`,
      [JSON.stringify(rows)],
    );
    expect(result).toHaveLength(cases.length);
    const disagreements = result.filter(
      ({ idx, meets }) =>
        meets !== (standardGaps(cases[idx].person, cases[idx].standard).length === 0),
    );
    expect(disagreements).toEqual([]);
    // Both outcomes occur in the table.
    expect(new Set(result.map((row) => row.meets))).toEqual(new Set([true, false]));
  });
});
