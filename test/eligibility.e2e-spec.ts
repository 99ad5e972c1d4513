import { organizationToday } from '@app/common';
import { bearer, seedOrganizationFixture, startTestStack, TestStack } from '@app/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

type Fixture = Awaited<ReturnType<typeof seedOrganizationFixture>>;
type Who = keyof Fixture['tokens'];

const shift = (days: number) => {
  const date = new Date(`${organizationToday()}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

describe('eligibility rules, verdicts and recommended intakes', () => {
  let stack: TestStack;
  let org: Fixture;
  let db: DataSource;
  const ids: Record<string, string> = {};

  async function insert(table: string, values: Record<string, unknown>): Promise<string> {
    const columns = Object.keys(values);
    const [row] = await db.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
      Object.values(values),
    );
    return row.id;
  }

  const program = (code: string, values: Record<string, unknown>) =>
    insert('programs', {
      code,
      name: code,
      provider_id: ids.provider,
      mode: 'full_time',
      duration_months: 12,
      ...values,
    });
  const intake = (code: string, programId: string, values: Record<string, unknown> = {}) =>
    insert('intakes', {
      code,
      program_id: programId,
      starts_on: shift(60),
      ends_on: shift(300),
      location: 'Cần Thơ',
      seats_total: 30,
      nomination_opens_on: shift(-10),
      nomination_closes_on: shift(10),
      cost_tuition: '28500000',
      ...values,
    });

  beforeAll(async () => {
    stack = await startTestStack();
    org = await seedOrganizationFixture(stack);
    db = stack.api.get(DataSource);
    ids.provider = await insert('providers', {
      code: 'HVCT-KV2',
      name: 'Học viện Chính trị khu vực II',
      country: 'VN',
    });
    ids.advancedPt = await program('CCLLCT', {
      category: 'political_theory_advanced',
      grants_kind: 'political_theory',
      grants_level: 3,
    });
    ids.master = await program('THS-NN', {
      category: 'degree_master',
      grants_kind: 'education',
      grants_level: 4,
    });
    ids.overseas = await program('THS-NZ', {
      category: 'degree_master',
      grants_kind: 'education',
      grants_level: 4,
      overseas: true,
    });
    ids.ptOpen = await intake('CCLLCT-2027-1', ids.advancedPt);
    ids.ptLater = await intake('CCLLCT-2027-2', ids.advancedPt, {
      starts_on: shift(120),
      ends_on: shift(400),
    });
    ids.ptClosed = await intake('CCLLCT-2026-9', ids.advancedPt, {
      nomination_opens_on: shift(-40),
      nomination_closes_on: shift(-1),
    });
    ids.masterOpen = await intake('THS-NN-2027', ids.master);
    ids.overseasOpen = await intake('THS-NZ-2027', ids.overseas);
  });
  afterAll(() => stack.close());

  const as = (who: Who) => bearer(org.tokens[who]);
  const verdict = (intakeId: string, staffId: string, who: Who = 'admin', extra = '') =>
    stack.http.get(`/api/v1/intakes/${intakeId}/eligibility?staffId=${staffId}${extra}`, as(who));

  it('should have the organization-wide defaults seeded', async () => {
    const response = await stack.http.get(
      '/api/v1/eligibility-rules?defaultsOnly=true',
      as('unitHeadA'),
    );
    expect(response.status).toBe(200);
    expect(response.body.map((rule: { kind: string }) => rule.kind).sort()).toEqual(
      [
        'max_age',
        'min_language_overseas',
        'min_service_years',
        'no_overlapping_full_time',
        'nomination_window_open',
        'not_already_qualified',
        'prerequisite',
        'prerequisite',
        'prerequisite',
      ].sort(),
    );
  });

  it('should find an eligible person eligible', async () => {
    // staffA: university, intermediate political theory: may take advanced political theory.
    const response = await verdict(ids.ptOpen, org.staff.staffA, 'unitHeadA');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ eligible: true, failures: [], notEvaluated: [] });
  });

  it('should report every failed rule at once, in Vietnamese and English', async () => {
    const old = await org.factory.staff({
      unitId: org.units.districtA,
      authorityId: org.authorities.authorityA,
      fullName: 'Huỳnh Văn Lợi',
      birthDate: '1970-03-01',
      educationLevel: 2,
      languageLevel: 1,
    });
    const response = await verdict(ids.overseasOpen, old);
    expect(response.body.eligible).toBe(false);
    expect(response.body.failures.map((failure: { kind: string }) => failure.kind)).toEqual([
      'max_age',
      'prerequisite',
      'min_language_overseas',
    ]);
    for (const failure of response.body.failures) {
      expect(failure.message.vi.length).toBeGreaterThan(10);
      expect(failure.message.en.length).toBeGreaterThan(10);
    }
    expect(response.body.failures[1].message.vi).toBe(
      'Cần có trình độ chuyên môn từ đại học trở lên.',
    );
  });

  it('should refuse an intake whose nomination window has closed', async () => {
    const response = await verdict(ids.ptClosed, org.staff.staffA);
    expect(response.body.eligible).toBe(false);
    expect(response.body.failures.map((failure: { kind: string }) => failure.kind)).toEqual([
      'nomination_window_open',
    ]);
  });

  it('should refuse a qualification the person already has', async () => {
    const holder = await org.factory.staff({
      unitId: org.units.districtA,
      authorityId: org.authorities.authorityA,
      politicalTheory: 3,
    });
    const response = await verdict(ids.ptOpen, holder);
    expect(response.body.failures.map((failure: { kind: string }) => failure.kind)).toEqual([
      'not_already_qualified',
    ]);
  });

  describe('rules as data', () => {
    it('should let an intake rule replace the defaults of its kind, and judge target groups only when given', async () => {
      const created = await stack.http.post(
        '/api/v1/eligibility-rules',
        { intakeId: ids.ptLater, kind: 'allowed_target_groups', params: { groups: [1, 2] } },
        as('admin'),
      );
      expect(created.status).toBe(201);
      expect(created.body.level).toBe('intake');

      expect((await verdict(ids.ptLater, org.staff.staffA)).body.notEvaluated).toEqual([
        'allowed_target_groups',
      ]);
      const group3 = await verdict(ids.ptLater, org.staff.staffA, 'admin', '&targetGroup=3');
      expect(group3.body.failures.map((failure: { kind: string }) => failure.kind)).toEqual([
        'allowed_target_groups',
      ]);
      expect(
        (await verdict(ids.ptLater, org.staff.staffA, 'admin', '&targetGroup=2')).body.eligible,
      ).toBe(true);
    });

    it('should let a programme rule replace the default of its kind', async () => {
      const person = await org.factory.staff({
        unitId: org.units.districtA,
        authorityId: org.authorities.authorityA,
        birthDate: '1983-01-01',
        educationLevel: 3,
      });
      expect(
        (await verdict(ids.masterOpen, person)).body.failures.map((f: { kind: string }) => f.kind),
      ).toEqual(['max_age']);
      const rule = await stack.http.post(
        '/api/v1/eligibility-rules',
        { programId: ids.master, kind: 'max_age', params: { years: 50 } },
        as('admin'),
      );
      expect((await verdict(ids.masterOpen, person)).body.eligible).toBe(true);

      const disabled = await stack.http.request(
        'PATCH',
        `/api/v1/eligibility-rules/${rule.body.id}`,
        {
          body: { enabled: false },
          headers: as('admin'),
        },
      );
      expect(disabled.body.enabled).toBe(false);
      expect((await verdict(ids.masterOpen, person)).body.eligible).toBe(true);

      expect(
        (
          await stack.http.request('DELETE', `/api/v1/eligibility-rules/${rule.body.id}`, {
            headers: as('admin'),
          })
        ).status,
      ).toBe(204);
      expect((await verdict(ids.masterOpen, person)).body.eligible).toBe(false);
      const [{ count }] = await db.query(
        `SELECT count(*)::int AS count FROM audit_log WHERE entity = 'eligibility_rule' AND entity_id = $1`,
        [rule.body.id],
      );
      expect(count).toBe(3);
    });

    it('should report every problem with a rule', async () => {
      const response = await stack.http.post(
        '/api/v1/eligibility-rules',
        { kind: 'max_age', params: { years: 'forty', colour: 'red', categories: ['cooking'] } },
        as('admin'),
      );
      expect(response.status).toBe(400);
      expect(response.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(
        ['params', 'params.categories', 'params.colour'].sort(),
      );
      const unknownKind = await stack.http.post(
        '/api/v1/eligibility-rules',
        { kind: 'be_nice', params: {} },
        as('admin'),
      );
      expect(unknownKind.status).toBe(400);
    });

    it.each(['unitHeadA', 'reviewerA', 'memberCity', 'financeA', 'staffA'] as Who[])(
      'should let %s read rules but not change them',
      async (who) => {
        expect((await stack.http.get('/api/v1/eligibility-rules', as(who))).status).toBe(200);
        const [anyRule] = (await stack.http.get('/api/v1/eligibility-rules', as('admin'))).body;
        const attempts = await Promise.all([
          stack.http.post(
            '/api/v1/eligibility-rules',
            { kind: 'min_service_years', params: { years: 1 } },
            as(who),
          ),
          stack.http.request('PATCH', `/api/v1/eligibility-rules/${anyRule.id}`, {
            body: { enabled: false },
            headers: as(who),
          }),
          stack.http.request('DELETE', `/api/v1/eligibility-rules/${anyRule.id}`, {
            headers: as(who),
          }),
        ]);
        expect(attempts.map((response) => response.status)).toEqual([403, 403, 403]);
      },
    );

    it('should answer 401 without a token', async () => {
      expect((await stack.http.get('/api/v1/eligibility-rules')).status).toBe(401);
      expect(
        (
          await stack.http.get(
            `/api/v1/intakes/${ids.ptOpen}/eligibility?staffId=${org.staff.staffA}`,
          )
        ).status,
      ).toBe(401);
    });
  });

  describe('scope', () => {
    it.each([
      ['admin', 200],
      ['unitHeadA', 200],
      ['reviewerA', 200],
      ['financeA', 200],
      ['staffA', 200],
      ['unitHeadB', 404],
      ['memberCity', 404],
    ] as Array<[Who, number]>)('should judge staffA for %s with %i', async (who, status) => {
      expect((await verdict(ids.ptOpen, org.staff.staffA, who)).status).toBe(status);
      expect(
        (await stack.http.get(`/api/v1/staff/${org.staff.staffA}/recommended-intakes`, as(who)))
          .status,
      ).toBe(status);
    });

    it('should answer 404 for an unknown intake and 400 for a missing staff id', async () => {
      expect((await verdict(randomUUID(), org.staff.staffA)).body.code).toBe('INTAKE_NOT_FOUND');
      expect(
        (await stack.http.get(`/api/v1/intakes/${ids.ptOpen}/eligibility`, as('admin'))).status,
      ).toBe(400);
    });
  });

  it('should recommend open intakes that close a gap, eligible ones first', async () => {
    // staffA holds a leadership position requiring advanced political theory; has intermediate.
    const response = await stack.http.get(
      `/api/v1/staff/${org.staff.staffA}/recommended-intakes`,
      as('unitHeadA'),
    );
    expect(response.status).toBe(200);
    const codes = response.body.map((item: { intake: { code: string } }) => item.intake.code);
    expect(codes).toContain('CCLLCT-2027-1');
    expect(codes).not.toContain('CCLLCT-2026-9'); // window closed
    expect(codes).not.toContain('THS-NN-2027'); // no education gap
    expect(response.body[0]).toMatchObject({
      verdict: { eligible: true },
      closes: [{ requirement: 'political_theory', required: 3, planned: false }],
    });
    const eligibility = response.body.map(
      (item: { verdict: { eligible: boolean } }) => item.verdict.eligible,
    );
    expect(eligibility).toEqual([...eligibility].sort((a, b) => Number(b) - Number(a)));
  });

  it('should recommend nothing to a person who meets every standard', async () => {
    const response = await stack.http.get(
      `/api/v1/staff/${org.staff.staffB}/recommended-intakes`,
      as('admin'),
    );
    expect(response.body).toEqual([]);
  });
});
