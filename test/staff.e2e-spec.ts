import { bearer, seedOrganizationFixture, startTestStack, TestStack } from '@app/testing';
import { DataSource } from 'typeorm';

type Fixture = Awaited<ReturnType<typeof seedOrganizationFixture>>;
type Who = keyof Fixture['tokens'];

describe('staff records and their authorization', () => {
  let stack: TestStack;
  let org: Fixture;

  beforeAll(async () => {
    stack = await startTestStack();
    org = await seedOrganizationFixture(stack);
  });
  afterAll(() => stack.close());

  const as = (who: Who) => bearer(org.tokens[who]);

  // Who sees whom: the scope of each role, by the fixture's design.
  const visible: Record<Who, Array<keyof Fixture['staff']>> = {
    admin: ['staffA', 'staffA2', 'staffB', 'staffCity'],
    unitHeadA: ['staffA', 'staffA2'],
    unitHeadB: ['staffB'],
    reviewerA: ['staffA', 'staffA2'],
    memberCity: ['staffCity'],
    financeA: ['staffA', 'staffA2'],
    staffA: ['staffA'],
  };
  const everyone = Object.keys(visible) as Who[];
  const allStaff = ['staffA', 'staffA2', 'staffB', 'staffCity'] as const;

  describe.each(everyone)('as %s', (who) => {
    it('should list exactly the staff in scope', async () => {
      const response = await stack.http.get('/api/v1/staff?pageSize=100', as(who));
      expect(response.status).toBe(200);
      const ids = response.body.items.map((item: { id: string }) => item.id).sort();
      expect(ids).toEqual(visible[who].map((name) => org.staff[name]).sort());
      expect(response.body.total).toBe(visible[who].length);
    });

    it.each(allStaff)(
      'should read %s only when in scope, and answer 404 otherwise',
      async (name) => {
        const inScope = visible[who].includes(name);
        const record = await stack.http.get(`/api/v1/staff/${org.staff[name]}`, as(who));
        const gaps = await stack.http.get(
          `/api/v1/staff/${org.staff[name]}/standard-gaps`,
          as(who),
        );
        expect([record.status, gaps.status]).toEqual(inScope ? [200, 200] : [404, 404]);
        if (!inScope) expect(record.body.code).toBe('STAFF_NOT_FOUND');
      },
    );
  });

  // The districts whose staff each role may change.
  const writes: Record<Who, Array<'A' | 'B'>> = {
    admin: ['A', 'B'],
    unitHeadA: ['A'],
    unitHeadB: ['B'],
    reviewerA: ['A'],
    memberCity: [],
    financeA: [],
    staffA: [],
  };

  describe.each(everyone)('changes as %s', (who) => {
    const newStaff = (unit: 'districtA' | 'districtB', authority: 'authorityA' | 'authorityB') => ({
      code: `NEW-${who}-${unit}`,
      fullName: 'Võ Thị Mỹ Duyên',
      birthDate: '1992-02-29',
      gender: 'female',
      unitId: org.units[unit],
      authorityId: org.authorities[authority],
    });

    it('should create staff in district A only with write scope there', async () => {
      const response = await stack.http.post(
        '/api/v1/staff',
        newStaff('districtA', 'authorityA'),
        as(who),
      );
      if (!writes[who].includes('A')) {
        expect(response.status).toBe(403);
        expect(response.body.code).toBe('OUT_OF_SCOPE');
      } else {
        expect(response.status).toBe(201);
        expect(response.body.fullName).toBe('Võ Thị Mỹ Duyên');
      }
    });

    it('should create staff in district B only with write scope there', async () => {
      const response = await stack.http.post(
        '/api/v1/staff',
        newStaff('districtB', 'authorityB'),
        as(who),
      );
      expect(response.status).toBe(writes[who].includes('B') ? 201 : 403);
    });

    it('should change a district A record only with write scope, 403 when merely visible', async () => {
      const response = await stack.http.request('PATCH', `/api/v1/staff/${org.staff.staffA2}`, {
        body: { educationField: `Luật – ${who}` },
        headers: as(who),
      });
      const expected = writes[who].includes('A')
        ? 200
        : visible[who].includes('staffA2')
          ? 403
          : 404;
      expect(response.status).toBe(expected);
    });

    it('should change a district B record only with write scope, 404 when unseen', async () => {
      const response = await stack.http.request('PATCH', `/api/v1/staff/${org.staff.staffB}`, {
        body: { languageLevel: 3 },
        headers: as(who),
      });
      const expected = writes[who].includes('B')
        ? 200
        : visible[who].includes('staffB')
          ? 403
          : 404;
      expect(response.status).toBe(expected);
    });
  });

  it('should refuse to move a record out of the caller’s scope', async () => {
    const response = await stack.http.request('PATCH', `/api/v1/staff/${org.staff.staffA2}`, {
      body: { unitId: org.units.districtB, authorityId: org.authorities.authorityB },
      headers: as('unitHeadA'),
    });
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('OUT_OF_SCOPE');
    const unchanged = await stack.http.get(`/api/v1/staff/${org.staff.staffA2}`, as('admin'));
    expect(unchanged.body.unitId).toBe(org.units.communeA);
  });

  it('should answer 401 without a token, on every staff endpoint', async () => {
    const id = org.staff.staffA;
    const responses = await Promise.all([
      stack.http.get('/api/v1/staff'),
      stack.http.get(`/api/v1/staff/${id}`),
      stack.http.get(`/api/v1/staff/${id}/standard-gaps`),
      stack.http.post('/api/v1/staff', {}),
      stack.http.request('PATCH', `/api/v1/staff/${id}`, { body: {} }),
      stack.http.get('/api/v1/staff', { authorization: 'Bearer not-a-token' }),
    ]);
    expect(responses.map((response) => [response.status, response.body.code])).toEqual([
      [401, 'UNAUTHENTICATED'],
      [401, 'UNAUTHENTICATED'],
      [401, 'UNAUTHENTICATED'],
      [401, 'UNAUTHENTICATED'],
      [401, 'UNAUTHENTICATED'],
      [401, 'INVALID_TOKEN'],
    ]);
  });

  it('should find names whatever their diacritics and case', async () => {
    for (const q of ['nguyen', 'NGUYỄN', 'Nguyễn văn', 'nguyen van an']) {
      const response = await stack.http.get(
        `/api/v1/staff?q=${encodeURIComponent(q)}`,
        as('admin'),
      );
      expect(response.body.items.map((item: { fullName: string }) => item.fullName)).toContain(
        'Nguyễn Văn An',
      );
    }
    const none = await stack.http.get(`/api/v1/staff?q=${encodeURIComponent('%')}`, as('admin'));
    expect(none.body.total).toBe(0);
  });

  it('should filter by unit subtree, tier and standard', async () => {
    const subtree = await stack.http.get(
      `/api/v1/staff?unitId=${org.units.districtA}&pageSize=500`,
      as('admin'),
    );
    const ids = subtree.body.items.map((item: { id: string }) => item.id);
    expect(ids).toEqual(expect.arrayContaining([org.staff.staffA, org.staff.staffA2]));
    expect(ids).not.toContain(org.staff.staffB);
    expect(ids).not.toContain(org.staff.staffCity);
    for (const item of subtree.body.items) {
      expect([org.units.districtA, org.units.communeA]).toContain(item.unitId);
    }
    const below = await stack.http.get('/api/v1/staff?belowStandard=true', as('admin'));
    expect(below.body.items.map((item: { id: string }) => item.id)).toEqual([org.staff.staffA]);
    const tier = await stack.http.get(`/api/v1/staff?tierId=${org.tiers.communeTier}`, as('admin'));
    expect(tier.body.items.map((item: { id: string }) => item.id)).toEqual([org.staff.staffA2]);
  });

  it('should report the gap between a person and their position’s standard', async () => {
    const response = await stack.http.get(
      `/api/v1/staff/${org.staff.staffA}/standard-gaps`,
      as('unitHeadA'),
    );
    expect(response.body.current).toMatchObject({
      meetsStandard: false,
      gaps: [
        {
          requirement: 'political_theory',
          required: 3,
          actual: 2,
          requiredName: 'advanced',
          actualName: 'intermediate',
        },
      ],
    });
    expect(response.body.planned).toEqual([]);
  });

  it('should validate input and report every problem', async () => {
    const response = await stack.http.post(
      '/api/v1/staff',
      {
        code: 'bad code!',
        fullName: '',
        birthDate: '31/12/1990',
        gender: 'x',
        unitId: 'nope',
        authorityId: org.authorities.authorityA,
        languageLevel: 9,
        extra: 1,
      },
      as('admin'),
    );
    expect(response.status).toBe(400);
    const fields = response.body.errors.map((error: { field: string }) => error.field);
    expect(new Set(fields)).toEqual(
      new Set(['code', 'fullName', 'birthDate', 'gender', 'unitId', 'languageLevel', 'extra']),
    );
  });

  it('should refuse a duplicate code and unknown references without writing', async () => {
    const [{ count: before }] = await stack.api
      .get(DataSource)
      .query('SELECT count(*)::int AS count FROM staff');
    const duplicate = await stack.http.post(
      '/api/v1/staff',
      {
        code: 'DUP-1',
        fullName: 'Đặng Văn Hải',
        birthDate: '1980-01-01',
        gender: 'male',
        unitId: org.units.districtA,
        authorityId: org.authorities.authorityA,
      },
      as('admin'),
    );
    expect(duplicate.status).toBe(201);
    const again = await stack.http.post(
      '/api/v1/staff',
      { ...duplicate.body, id: undefined },
      as('admin'),
    );
    expect(again.status).toBe(409);
    const unknown = await stack.http.post(
      '/api/v1/staff',
      {
        code: 'UNK-1',
        fullName: 'Đặng Văn Hải',
        birthDate: '1980-01-01',
        gender: 'male',
        unitId: '6b3f3f7e-1c1d-4a8e-9c53-0d0a3c1f2e11',
        authorityId: org.authorities.authorityA,
      },
      as('admin'),
    );
    expect([unknown.status, unknown.body.code]).toEqual([422, 'UNKNOWN_REFERENCE']);
    const [{ count: after }] = await stack.api
      .get(DataSource)
      .query('SELECT count(*)::int AS count FROM staff');
    expect(after).toBe(before + 1);
  });

  describe('planning pool', () => {
    const entries = () => [{ positionId: org.positions.leader, periodFrom: 2025, periodTo: 2030 }];

    it('should be set by a writer in scope and show in the planned gaps', async () => {
      const set = await stack.http.request(
        'PUT',
        `/api/v1/staff/${org.staff.staffA2}/planning-pool`,
        {
          body: { entries: entries() },
          headers: as('unitHeadA'),
        },
      );
      expect(set.status).toBe(200);
      const read = await stack.http.get(
        `/api/v1/staff/${org.staff.staffA2}/planning-pool`,
        as('financeA'),
      );
      expect(read.body).toEqual({ entries: entries() });
      const gaps = await stack.http.get(
        `/api/v1/staff/${org.staff.staffA2}/standard-gaps`,
        as('admin'),
      );
      expect(gaps.body.planned).toEqual([
        expect.objectContaining({
          periodFrom: 2025,
          periodTo: 2030,
          meetsStandard: false,
          gaps: [
            expect.objectContaining({ requirement: 'political_theory', required: 3, actual: 0 }),
          ],
        }),
      ]);
    });

    it.each([
      ['financeA', 403],
      ['memberCity', 404],
      ['unitHeadB', 404],
      ['staffA', 404],
    ] as Array<[Who, number]>)('should refuse %s with %i', async (who, status) => {
      const response = await stack.http.request(
        'PUT',
        `/api/v1/staff/${org.staff.staffA2}/planning-pool`,
        {
          body: { entries: [] },
          headers: as(who),
        },
      );
      expect(response.status).toBe(status);
    });

    it('should refuse a reversed period or an unknown position, writing nothing', async () => {
      const response = await stack.http.request(
        'PUT',
        `/api/v1/staff/${org.staff.staffA2}/planning-pool`,
        {
          body: {
            entries: [
              { positionId: org.positions.leader, periodFrom: 2030, periodTo: 2025 },
              {
                positionId: '0b9a3f1e-2d4c-4b5a-8c6d-7e8f9a0b1c2d',
                periodFrom: 2025,
                periodTo: 2030,
              },
            ],
          },
          headers: as('admin'),
        },
      );
      expect([response.status, response.body.code]).toEqual([422, 'INVALID_PLANNING_POOL']);
      expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual([
        'entries[0].periodTo',
        'entries[1].positionId',
      ]);
      const read = await stack.http.get(
        `/api/v1/staff/${org.staff.staffA2}/planning-pool`,
        as('admin'),
      );
      expect(read.body).toEqual({ entries: entries() });
    });
  });

  describe('audit trail', () => {
    it('should record who changed which fields, before and after', async () => {
      await stack.http.request('PATCH', `/api/v1/staff/${org.staff.staffA}`, {
        body: { languageLevel: 4 },
        headers: { ...as('unitHeadA'), 'x-request-id': 'audit-check-1' },
      });
      const response = await stack.http.get(
        `/api/v1/audit?entity=staff&id=${org.staff.staffA}`,
        as('admin'),
      );
      expect(response.status).toBe(200);
      expect(response.body.items[0]).toMatchObject({
        actorUserId: org.users.unitHeadA,
        requestId: 'audit-check-1',
        action: 'update',
        before: { languageLevel: null },
        after: { languageLevel: 4 },
      });
    });

    it.each(['unitHeadA', 'reviewerA', 'memberCity', 'financeA', 'staffA'] as Who[])(
      'should not be readable by %s',
      async (who) => {
        const response = await stack.http.get('/api/v1/audit', as(who));
        expect([response.status, response.body.code]).toEqual([403, 'FORBIDDEN']);
      },
    );

    it('should refuse UPDATE, DELETE and TRUNCATE from SQL', async () => {
      const dataSource = stack.api.get(DataSource);
      await expect(dataSource.query(`UPDATE audit_log SET entity = 'x'`)).rejects.toThrow(
        /append-only/,
      );
      await expect(dataSource.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
      await expect(dataSource.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
    });
  });
});
