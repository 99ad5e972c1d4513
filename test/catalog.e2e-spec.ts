import { bearer, seedOrganizationFixture, startTestStack, TestStack } from '@app/testing';
import { DataSource } from 'typeorm';

type Fixture = Awaited<ReturnType<typeof seedOrganizationFixture>>;
type Who = keyof Fixture['tokens'];

/** A day relative to today in Vietnam, YYYY-MM-DD. */
const day = (offset: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(
    new Date(Date.now() + offset * 86_400_000),
  );

describe('catalog (providers, programmes, intakes)', () => {
  let stack: TestStack;
  let org: Fixture;
  let db: DataSource;
  let providerId: string;
  let programId: string;
  const intakes: Record<'a' | 'b' | 'none', string> = { a: '', b: '', none: '' };
  let counter = 0;

  const as = (who: Who) => bearer(org.tokens[who]);
  const patch = (path: string, body: unknown, who: Who) =>
    stack.http.request('PATCH', path, { body, headers: as(who) });
  const everyone: Who[] = [
    'admin',
    'unitHeadA',
    'unitHeadB',
    'reviewerA',
    'memberCity',
    'financeA',
    'staffA',
  ];
  const nonAdmins = everyone.filter((who) => who !== 'admin');

  const intakeBody = (overrides: Record<string, unknown> = {}) => ({
    code: `K-${++counter}`,
    programId,
    startsOn: day(30),
    endsOn: day(120),
    location: 'Cần Thơ',
    seatsTotal: 20,
    nominationOpensOn: day(-5),
    nominationClosesOn: day(10),
    ...overrides,
  });

  beforeAll(async () => {
    stack = await startTestStack();
    org = await seedOrganizationFixture(stack);
    db = stack.api.get(DataSource);
    const provider = await stack.http.post(
      '/api/v1/providers',
      { code: 'HV-KV4', name: 'Học viện Chính trị khu vực IV', country: 'VN' },
      as('admin'),
    );
    expect(provider.status).toBe(201);
    providerId = provider.body.id;
    const program = await stack.http.post(
      '/api/v1/programs',
      {
        code: 'CCLLCT',
        name: 'Cao cấp lý luận chính trị',
        category: 'political_theory_advanced',
        providerId,
        mode: 'in_service',
        durationMonths: 8,
        grantsKind: 'political_theory',
        grantsLevel: 3,
      },
      as('admin'),
    );
    expect(program.status).toBe(201);
    programId = program.body.id;
    for (const [key, authorityId] of [
      ['a', org.authorities.authorityA],
      ['b', org.authorities.authorityB],
      ['none', null],
    ] as const) {
      const created = await stack.http.post(
        '/api/v1/intakes',
        intakeBody({ authorityId }),
        as('admin'),
      );
      expect(created.status).toBe(201);
      intakes[key] = created.body.id;
    }
  });
  afterAll(() => stack.close());

  describe('authorization', () => {
    it.each(everyone)('should let %s read the catalog', async (who) => {
      for (const path of [
        '/api/v1/providers',
        `/api/v1/providers/${providerId}`,
        '/api/v1/programs',
        `/api/v1/programs/${programId}`,
        '/api/v1/intakes',
        `/api/v1/intakes/${intakes.none}`,
      ]) {
        expect({ path, status: (await stack.http.get(path, as(who))).status }).toEqual({
          path,
          status: 200,
        });
      }
    });

    it('should answer 401 without a token', async () => {
      const responses = await Promise.all([
        stack.http.get('/api/v1/providers'),
        stack.http.get(`/api/v1/programs/${programId}`),
        stack.http.get('/api/v1/intakes'),
        stack.http.post('/api/v1/providers', { code: 'x', name: 'x', country: 'VN' }),
        stack.http.post('/api/v1/programs', {}),
        stack.http.post('/api/v1/intakes', intakeBody()),
        stack.http.request('PATCH', `/api/v1/intakes/${intakes.a}`, { body: { location: 'x' } }),
      ]);
      expect(responses.map((response) => response.status)).toEqual(Array(7).fill(401));
    });

    it.each(nonAdmins)('should refuse provider and programme changes by %s', async (who) => {
      const attempts = await Promise.all([
        stack.http.post(
          '/api/v1/providers',
          { code: `p-${who}`, name: 'x', country: 'VN' },
          as(who),
        ),
        patch(`/api/v1/providers/${providerId}`, { name: 'x' }, who),
        stack.http.post(
          '/api/v1/programs',
          {
            code: `g-${who}`,
            name: 'x',
            category: 'other',
            providerId,
            mode: 'full_time',
            durationMonths: 1,
          },
          as(who),
        ),
        patch(`/api/v1/programs/${programId}`, { name: 'x' }, who),
      ]);
      expect(attempts.map((response) => [response.status, response.body.code])).toEqual(
        Array(4).fill([403, 'FORBIDDEN']),
      );
    });

    it.each(nonAdmins.filter((who) => who !== 'reviewerA'))(
      'should refuse intake changes by %s',
      async (who) => {
        const attempts = await Promise.all([
          stack.http.post(
            '/api/v1/intakes',
            intakeBody({ authorityId: org.authorities.authorityA }),
            as(who),
          ),
          patch(`/api/v1/intakes/${intakes.a}`, { location: 'x' }, who),
          patch(`/api/v1/intakes/${intakes.none}`, { location: 'x' }, who),
        ]);
        expect(attempts.map((response) => [response.status, response.body.code])).toEqual(
          Array(3).fill([403, 'FORBIDDEN']),
        );
      },
    );

    it('should let the reviewer of authority A manage the intakes of A only', async () => {
      const created = await stack.http.post(
        '/api/v1/intakes',
        intakeBody({ authorityId: org.authorities.authorityA }),
        as('reviewerA'),
      );
      expect(created.status).toBe(201);
      const changed = await patch(
        `/api/v1/intakes/${intakes.a}`,
        { location: 'Phường An Hòa' },
        'reviewerA',
      );
      expect([changed.status, changed.body.location]).toEqual([200, 'Phường An Hòa']);

      const refused = await Promise.all([
        stack.http.post(
          '/api/v1/intakes',
          intakeBody({ authorityId: org.authorities.authorityB }),
          as('reviewerA'),
        ),
        stack.http.post('/api/v1/intakes', intakeBody(), as('reviewerA')),
        patch(`/api/v1/intakes/${intakes.b}`, { location: 'x' }, 'reviewerA'),
        patch(`/api/v1/intakes/${intakes.none}`, { location: 'x' }, 'reviewerA'),
        patch(
          `/api/v1/intakes/${intakes.a}`,
          { authorityId: org.authorities.authorityB },
          'reviewerA',
        ),
        patch(`/api/v1/intakes/${intakes.a}`, { authorityId: null }, 'reviewerA'),
      ]);
      expect(refused.map((response) => [response.status, response.body.code])).toEqual(
        Array(6).fill([403, 'FORBIDDEN']),
      );
      const after = await stack.http.get(`/api/v1/intakes/${intakes.a}`, as('admin'));
      expect(after.body.authorityId).toBe(org.authorities.authorityA);
    });

    it('should let an administrator move an intake between authorities', async () => {
      const moved = await patch(
        `/api/v1/intakes/${intakes.none}`,
        { authorityId: org.authorities.cityAuthority },
        'admin',
      );
      expect([moved.status, moved.body.authorityId]).toEqual([200, org.authorities.cityAuthority]);
      const back = await patch(`/api/v1/intakes/${intakes.none}`, { authorityId: null }, 'admin');
      expect([back.status, back.body.authorityId]).toEqual([200, null]);
    });
  });

  describe('providers and programmes', () => {
    it('should keep Vietnamese names, upper-case the country and refuse duplicate codes', async () => {
      const body = { code: 'DH-CT', name: 'Trường Đại học Cần Thơ', country: 'vn' };
      const created = await stack.http.post('/api/v1/providers', body, as('admin'));
      expect(created.body).toMatchObject({ ...body, country: 'VN', active: true });
      const fetched = await stack.http.get(`/api/v1/providers/${created.body.id}`, as('staffA'));
      expect(fetched.body.name).toBe('Trường Đại học Cần Thơ');
      const again = await stack.http.post('/api/v1/providers', body, as('admin'));
      expect([again.status, again.body.code]).toEqual([409, 'CODE_TAKEN']);
      const bad = await stack.http.post(
        '/api/v1/providers',
        { code: 'x y', name: '', country: 'VNM', extra: 1 },
        as('admin'),
      );
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(
        ['code', 'country', 'extra', 'name'].sort(),
      );
    });

    it('should check what a programme grants and its provider', async () => {
      const base = {
        code: 'TS-NN',
        name: 'Thạc sĩ Ngôn ngữ Anh',
        category: 'degree_master',
        providerId,
        overseas: true,
        mode: 'full_time',
        durationMonths: 24,
      };
      const half = await stack.http.post(
        '/api/v1/programs',
        { ...base, grantsKind: 'education' },
        as('admin'),
      );
      expect([half.status, half.body.code, half.body.errors[0].field]).toEqual([
        400,
        'VALIDATION_FAILED',
        'grantsLevel',
      ]);
      const tooHigh = await stack.http.post(
        '/api/v1/programs',
        { ...base, grantsKind: 'political_theory', grantsLevel: 4 },
        as('admin'),
      );
      expect([tooHigh.status, tooHigh.body.errors[0].code]).toEqual([400, 'GRANTS_LEVEL_RANGE']);
      const unknown = await stack.http.post(
        '/api/v1/programs',
        { ...base, providerId: '00000000-0000-4000-8000-000000000000' },
        as('admin'),
      );
      expect([unknown.status, unknown.body.code]).toEqual([422, 'UNKNOWN_REFERENCE']);

      const created = await stack.http.post(
        '/api/v1/programs',
        { ...base, grantsKind: 'education', grantsLevel: 4 },
        as('admin'),
      );
      expect(created.status).toBe(201);
      // PATCH changes what it names and applies no create defaults.
      const renamed = await patch(
        `/api/v1/programs/${created.body.id}`,
        { name: 'Thạc sĩ Quản lý công' },
        'admin',
      );
      expect(renamed.body).toMatchObject({
        name: 'Thạc sĩ Quản lý công',
        overseas: true,
        grantsKind: 'education',
        grantsLevel: 4,
      });
      const cleared = await patch(
        `/api/v1/programs/${created.body.id}`,
        { grantsKind: null },
        'admin',
      );
      expect([cleared.status, cleared.body.code]).toEqual([400, 'VALIDATION_FAILED']);

      const list = await stack.http.get(
        '/api/v1/programs?category=degree_master&overseas=true&q=qu%E1%BA%A3n',
        as('financeA'),
      );
      expect(list.body.items.map((program: { code: string }) => program.code)).toEqual(['TS-NN']);
      const none = await stack.http.get('/api/v1/programs?overseas=false&q=TS-NN', as('admin'));
      expect(none.body.total).toBe(0);
    });
  });

  describe('intakes', () => {
    it('should round-trip money exactly as strings of digits', async () => {
      const created = await stack.http.post(
        '/api/v1/intakes',
        intakeBody({
          location: 'Phân viện Học viện Hành chính Quốc gia tại Thành phố Hồ Chí Minh',
          costs: { tuition: '140000000000', allowances: '999999999999999', travel: '1' },
        }),
        as('admin'),
      );
      expect(created.status).toBe(201);
      expect(created.body.costs).toEqual({
        tuition: '140000000000',
        allowances: '999999999999999',
        travel: '1',
        other: '0',
      });
      expect(created.body.costTotal).toBe('1000140000000000');
      const [row] = await db.query(
        `SELECT cost_tuition::text AS tuition, location FROM intakes WHERE id = $1`,
        [created.body.id],
      );
      expect(row).toEqual({
        tuition: '140000000000',
        location: 'Phân viện Học viện Hành chính Quốc gia tại Thành phố Hồ Chí Minh',
      });
      const changed = await patch(
        `/api/v1/intakes/${created.body.id}`,
        { costs: { other: '5' } },
        'admin',
      );
      expect(changed.body.costs).toEqual({
        tuition: '140000000000',
        allowances: '999999999999999',
        travel: '1',
        other: '5',
      });
      const fetched = await stack.http.get(`/api/v1/intakes/${created.body.id}`, as('staffA'));
      expect(fetched.body.costTotal).toBe('1000140000000005');
    });

    it('should report every invalid field at once', async () => {
      const response = await stack.http.post(
        '/api/v1/intakes',
        {
          ...intakeBody(),
          code: 'has space',
          startsOn: '2026-02-30',
          seatsTotal: -1,
          allowedSources: [],
          learnerSharePercent: 101,
          costs: { tuition: 1.5, allowances: '-1', travel: '1234567890123456', other: 100 },
          quotas: [{ tierId: 'nope', seats: 1.5 }],
          surprise: true,
        },
        as('admin'),
      );
      expect([response.status, response.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      const fields = new Set(response.body.errors.map((error: { field: string }) => error.field));
      expect([...fields].sort()).toEqual(
        [
          'allowedSources',
          'code',
          'costs.allowances',
          'costs.other',
          'costs.travel',
          'costs.tuition',
          'learnerSharePercent',
          'quotas[0].seats',
          'quotas[0].tierId',
          'seatsTotal',
          'startsOn',
          'surprise',
        ].sort(),
      );
    });

    it('should refuse dates out of order as field errors', async () => {
      const response = await stack.http.post(
        '/api/v1/intakes',
        intakeBody({ startsOn: day(5), endsOn: day(4), nominationClosesOn: day(6) }),
        as('admin'),
      );
      expect([response.status, response.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(
        response.body.errors.map((error: { field: string; code: string }) => [
          error.field,
          error.code,
        ]),
      ).toEqual([
        ['endsOn', 'DATE_ORDER'],
        ['nominationClosesOn', 'DATE_ORDER'],
      ]);
      const patched = await patch(
        `/api/v1/intakes/${intakes.b}`,
        { nominationOpensOn: day(11) },
        'admin',
      );
      expect([patched.status, patched.body.errors?.[0].field]).toEqual([400, 'nominationClosesOn']);
    });

    it('should keep quotas within the seats', async () => {
      const tooMany = await stack.http.post(
        '/api/v1/intakes',
        intakeBody({
          seatsTotal: 10,
          quotas: [
            { tierId: org.tiers.communeTier, seats: 6 },
            { ownerUnitId: org.units.districtA, seats: 5 },
          ],
        }),
        as('admin'),
      );
      expect([tooMany.status, tooMany.body.code]).toEqual([422, 'QUOTAS_EXCEED_SEATS']);

      const created = await stack.http.post(
        '/api/v1/intakes',
        intakeBody({
          seatsTotal: 10,
          quotas: [
            { tierId: org.tiers.communeTier, seats: 6 },
            { ownerUnitId: org.units.districtA, seats: 4 },
          ],
        }),
        as('admin'),
      );
      expect(created.status).toBe(201);
      expect(created.body.quotas).toHaveLength(2);
      expect(created.body.quotas[0]).toMatchObject({
        tierId: org.tiers.communeTier,
        seats: 6,
        seatsTaken: 0,
        seatsRemaining: 6,
      });
      const lower = await patch(`/api/v1/intakes/${created.body.id}`, { seatsTotal: 9 }, 'admin');
      expect([lower.status, lower.body.code]).toEqual([422, 'QUOTAS_EXCEED_SEATS']);
      const both = await stack.http.post(
        '/api/v1/intakes',
        intakeBody({
          quotas: [{ tierId: org.tiers.communeTier, ownerUnitId: org.units.city, seats: 1 }],
        }),
        as('admin'),
      );
      expect([both.status, both.body.errors?.[0].code]).toEqual([400, 'QUOTA_TARGET']);
      const unknown = await stack.http.post(
        '/api/v1/intakes',
        intakeBody({ quotas: [{ tierId: '00000000-0000-4000-8000-000000000000', seats: 1 }] }),
        as('admin'),
      );
      expect([unknown.status, unknown.body.code]).toEqual([422, 'UNKNOWN_REFERENCE']);
    });

    it('should refuse seats below those taken and change nothing', async () => {
      const created = await stack.http.post(
        '/api/v1/intakes',
        intakeBody({
          seatsTotal: 10,
          quotas: [{ tierId: org.tiers.communeTier, seats: 5 }],
        }),
        as('admin'),
      );
      const id = created.body.id;
      await db.query(`UPDATE intakes SET seats_taken = 7 WHERE id = $1`, [id]);
      await db.query(`UPDATE intake_seat_quotas SET seats_taken = 3 WHERE intake_id = $1`, [id]);

      const below = await patch(
        `/api/v1/intakes/${id}`,
        { seatsTotal: 6, location: 'Nơi khác' },
        'admin',
      );
      expect([below.status, below.body.code]).toEqual([409, 'SEATS_BELOW_TAKEN']);
      expect(below.body).toMatchObject({ seatsTaken: 7, detail: expect.stringContaining('(7)') });
      const quotaBelow = await patch(
        `/api/v1/intakes/${id}`,
        { quotas: [{ tierId: org.tiers.communeTier, seats: 2 }] },
        'admin',
      );
      expect([quotaBelow.status, quotaBelow.body.code]).toEqual([409, 'SEATS_BELOW_TAKEN']);
      expect(quotaBelow.body).toMatchObject({
        seatsTaken: 3,
        detail: expect.stringContaining('(3)'),
      });
      const quotaRemoved = await patch(`/api/v1/intakes/${id}`, { quotas: [] }, 'admin');
      expect([quotaRemoved.status, quotaRemoved.body.code]).toEqual([409, 'SEATS_BELOW_TAKEN']);

      const after = await stack.http.get(`/api/v1/intakes/${id}`, as('admin'));
      expect(after.body).toMatchObject({
        seatsTotal: 10,
        seatsTaken: 7,
        seatsRemaining: 3,
        location: 'Cần Thơ',
      });
      expect(after.body.quotas).toEqual([
        expect.objectContaining({ seats: 5, seatsTaken: 3, seatsRemaining: 2 }),
      ]);

      // Down to exactly what is taken is fine; the kept quota keeps its seats taken.
      const exact = await patch(
        `/api/v1/intakes/${id}`,
        {
          seatsTotal: 7,
          quotas: [
            { tierId: org.tiers.communeTier, seats: 3 },
            { ownerUnitId: org.units.districtB, seats: 4 },
          ],
        },
        'admin',
      );
      expect(exact.status).toBe(200);
      expect(exact.body.seatsRemaining).toBe(0);
      expect(
        exact.body.quotas.map((quota: { seats: number; seatsTaken: number }) => [
          quota.seats,
          quota.seatsTaken,
        ]),
      ).toEqual([
        [3, 3],
        [4, 0],
      ]);
    });

    it('should filter intakes whose nomination window is open today', async () => {
      const closed = await stack.http.post(
        '/api/v1/intakes',
        intakeBody({
          nominationOpensOn: day(40),
          nominationClosesOn: day(50),
          startsOn: day(60),
          endsOn: day(90),
        }),
        as('admin'),
      );
      const past = await stack.http.post(
        '/api/v1/intakes',
        intakeBody({
          nominationOpensOn: day(-30),
          nominationClosesOn: day(-1),
          startsOn: day(0),
          endsOn: day(10),
        }),
        as('admin'),
      );
      const open = await stack.http.get('/api/v1/intakes?open=true&pageSize=500', as('staffA'));
      const openIds = open.body.items.map((intake: { id: string }) => intake.id);
      expect(openIds).toContain(intakes.a);
      expect(openIds).not.toContain(closed.body.id);
      expect(openIds).not.toContain(past.body.id);
      const notOpen = await stack.http.get('/api/v1/intakes?open=false&pageSize=500', as('admin'));
      expect(notOpen.body.items.map((intake: { id: string }) => intake.id).sort()).toEqual(
        [closed.body.id, past.body.id].sort(),
      );
      const later = await stack.http.get(
        `/api/v1/intakes?startsFrom=${day(55)}&startsTo=${day(65)}&programId=${programId}`,
        as('admin'),
      );
      expect(later.body.items.map((intake: { id: string }) => intake.id)).toEqual([closed.body.id]);
    });

    it('should record every change in the audit trail', async () => {
      const rows: { entity: string; action: string; count: number }[] = await db.query(
        `SELECT entity, action, count(*)::int AS count FROM audit_log
          WHERE entity IN ('provider', 'program', 'intake') AND entity_id = ANY($1)
          GROUP BY entity, action ORDER BY entity, action`,
        [[providerId, programId, intakes.a]],
      );
      expect(rows).toEqual([
        { entity: 'intake', action: 'create', count: 1 },
        { entity: 'intake', action: 'update', count: 1 },
        { entity: 'program', action: 'create', count: 1 },
        { entity: 'provider', action: 'create', count: 1 },
      ]);
      const renamed = await patch(
        `/api/v1/providers/${providerId}`,
        { name: 'Học viện Chính trị khu vực IV (Cần Thơ)' },
        'admin',
      );
      expect(renamed.status).toBe(200);
      const [change] = await db.query(
        `SELECT actor_user_id, before, after FROM audit_log
          WHERE entity = 'provider' AND entity_id = $1 AND action = 'update'`,
        [providerId],
      );
      expect(change).toEqual({
        actor_user_id: org.users.admin,
        before: { name: 'Học viện Chính trị khu vực IV' },
        after: { name: 'Học viện Chính trị khu vực IV (Cần Thơ)' },
      });
      const [intakeCreate] = await db.query(
        `SELECT after FROM audit_log WHERE entity = 'intake' AND entity_id = $1 AND action = 'create'`,
        [intakes.a],
      );
      expect(intakeCreate.after).toMatchObject({ costTuition: '0', quotas: [] });
    });
  });
});
