import { bearer, seedOrganizationFixture, startTestStack, TestStack } from '@app/testing';
import { DataSource } from 'typeorm';

const PASSWORD = 'a long enough password';

describe('User administration', () => {
  let stack: TestStack;
  let dataSource: DataSource;
  let fixture: Awaited<ReturnType<typeof seedOrganizationFixture>>;
  let admin: Record<string, string>;
  let seq = 0;

  beforeAll(async () => {
    stack = await startTestStack({ env: { LOGIN_MAX_FAILURES: '100' } });
    dataSource = stack.api.get(DataSource);
    fixture = await seedOrganizationFixture(stack);
    admin = bearer(fixture.tokens.admin);
  });

  afterAll(() => stack?.close());

  const email = () => `person-${++seq}-${Date.now().toString(36)}@example.org`;
  const create = (body: Record<string, unknown>, headers = admin) =>
    stack.http.post('/api/v1/users', body, headers);
  const patch = (id: string, body: Record<string, unknown>, headers = admin) =>
    stack.http.request('PATCH', `/api/v1/users/${id}`, { body, headers });
  const login = (address: string, password = PASSWORD) =>
    stack.http.post('/api/v1/auth/login', { email: address, password });
  const auditRows = (id: string) =>
    dataSource.query(
      `SELECT actor_user_id, request_id, action, before, after FROM audit_log
        WHERE entity = 'user' AND entity_id = $1 ORDER BY id`,
      [id],
    );
  const newUnitHead = async () => {
    const response = await create({
      email: email(),
      displayName: 'Trưởng phòng',
      password: PASSWORD,
      roles: [{ role: 'unit_head', unitId: fixture.units.districtA }],
    });
    expect(response.status).toBe(201);
    return response.body;
  };

  describe('POST /users', () => {
    it('should create a user with roles, audited without the password hash', async () => {
      const address = email();
      const response = await create({
        email: address,
        displayName: 'Nguyễn Thị Hoa',
        password: PASSWORD,
        locale: 'en',
        roles: [
          { role: 'board_reviewer', authorityId: fixture.authorities.authorityA },
          { role: 'finance', unitId: fixture.units.districtB },
        ],
      });
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        id: expect.any(String),
        email: address,
        displayName: 'Nguyễn Thị Hoa',
        locale: 'en',
        staffId: null,
        active: true,
        invitationPending: false,
        // The scope's name beside its id, for the people reading the list.
        roles: expect.arrayContaining([
          {
            role: 'board_reviewer',
            unitId: null,
            authorityId: fixture.authorities.authorityA,
            unitName: null,
            authorityName: expect.any(String),
          },
          {
            role: 'finance',
            unitId: fixture.units.districtB,
            authorityId: null,
            unitName: expect.any(String),
            authorityName: null,
          },
        ]),
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      expect(response.text).not.toMatch(/password|argon2/i);

      const rows = await auditRows(response.body.id);
      expect(rows).toEqual([
        {
          actor_user_id: fixture.users.admin,
          request_id: expect.any(String),
          action: 'create',
          before: null,
          after: expect.objectContaining({ email: address, active: true }),
        },
      ]);
      expect(JSON.stringify(rows)).not.toMatch(/argon2|passwordHash|password_hash/i);

      const tokens = await login(address.toUpperCase());
      expect(tokens.status).toBe(200);
      const me = await stack.http.get('/api/v1/me', bearer(tokens.body.accessToken));
      expect(me.body.roles).toHaveLength(2);
    });

    it('should link a staff record for the staff role', async () => {
      const staffId = await fixture.factory.staff({
        unitId: fixture.units.communeB,
        authorityId: fixture.authorities.authorityB,
      });
      const response = await create({
        email: email(),
        displayName: 'Cán bộ',
        password: PASSWORD,
        staffId,
        roles: [{ role: 'staff' }],
      });
      expect(response.status).toBe(201);
      expect(response.body.staffId).toBe(staffId);

      const again = await create({
        email: email(),
        displayName: 'Cán bộ',
        password: PASSWORD,
        staffId,
        roles: [{ role: 'staff' }],
      });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('STAFF_ALREADY_LINKED');
    });

    it('should refuse a taken email in any case with 409 EMAIL_TAKEN', async () => {
      const address = email();
      expect(
        (await create({ email: address, displayName: 'A', password: PASSWORD, roles: [] })).status,
      ).toBe(201);
      const response = await create({
        email: address.toUpperCase(),
        displayName: 'B',
        password: PASSWORD,
        roles: [],
      });
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('EMAIL_TAKEN');
    });

    it('should refuse roles with the wrong scope shape, field by field', async () => {
      const response = await create({
        email: email(),
        displayName: 'X',
        password: PASSWORD,
        roles: [
          { role: 'unit_head' },
          { role: 'admin', unitId: fixture.units.city },
          {
            role: 'board_member',
            unitId: fixture.units.city,
            authorityId: fixture.authorities.cityAuthority,
          },
          { role: 'staff' },
        ],
      });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(response.body.errors).toEqual([
        expect.objectContaining({ field: 'roles[0].unitId', code: 'SCOPE_REQUIRED' }),
        expect.objectContaining({ field: 'roles[1].unitId', code: 'SCOPE_NOT_ALLOWED' }),
        expect.objectContaining({ field: 'roles[2]', code: 'SCOPE_REQUIRED' }),
        expect.objectContaining({ field: 'roles[3].role', code: 'STAFF_ID_REQUIRED' }),
      ]);
    });

    it('should refuse unknown units and authorities with 422 UNKNOWN_REFERENCE', async () => {
      const response = await create({
        email: email(),
        displayName: 'X',
        password: PASSWORD,
        roles: [
          { role: 'unit_head', unitId: '00000000-0000-4000-8000-000000000001' },
          { role: 'board_member', authorityId: '00000000-0000-4000-8000-000000000002' },
        ],
      });
      expect(response.status).toBe(422);
      expect(response.body.code).toBe('UNKNOWN_REFERENCE');
      expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual([
        'roles[0].unitId',
        'roles[1].authorityId',
      ]);
    });

    it('should refuse a short password, an unknown role and unknown fields', async () => {
      const response = await create({
        email: 'bad',
        displayName: 'X',
        password: 'short',
        roles: [{ role: 'emperor' }],
        isAdmin: true,
      });
      expect(response.status).toBe(400);
      expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual(
        expect.arrayContaining(['email', 'password', 'roles[0].role', 'isAdmin']),
      );
    });
  });

  describe('GET /users', () => {
    it('should page and search by email or name', async () => {
      const marker = `zz${Date.now().toString(36)}`;
      for (const name of ['Alpha', 'Beta', 'Gamma']) {
        expect(
          (
            await create({
              email: `${marker}-${name.toLowerCase()}@example.org`,
              displayName: `${name} ${marker}`,
              password: PASSWORD,
              roles: [],
            })
          ).status,
        ).toBe(201);
      }
      const page = await stack.http.get(
        `/api/v1/users?q=${marker.toUpperCase()}&page=2&pageSize=2`,
        admin,
      );
      expect(page.status).toBe(200);
      expect(page.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
      expect(page.body.items.map((user: { displayName: string }) => user.displayName)).toEqual([
        `Gamma ${marker}`,
      ]);
      const byName = await stack.http.get(`/api/v1/users?q=beta ${marker}`, admin);
      expect(byName.body.total).toBe(1);

      const all = await stack.http.get('/api/v1/users', admin);
      expect(all.body).toMatchObject({ page: 1, pageSize: 50 });
      expect(all.body.total).toBeGreaterThanOrEqual(8);
    });

    it('should treat % and _ in q literally', async () => {
      const response = await stack.http.get('/api/v1/users?q=%25', admin);
      expect(response.status).toBe(200);
      expect(response.body.total).toBe(0);
    });

    it('should refuse a bad page size', async () => {
      const response = await stack.http.get('/api/v1/users?pageSize=0', admin);
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('GET /users/:id', () => {
    it('should show one user, 404 for an unknown id and 400 for a malformed one', async () => {
      const user = await newUnitHead();
      const response = await stack.http.get(`/api/v1/users/${user.id}`, admin);
      expect(response.status).toBe(200);
      expect(response.body).toEqual(user);
      const missing = await stack.http.get(
        '/api/v1/users/00000000-0000-4000-8000-000000000000',
        admin,
      );
      expect(missing.status).toBe(404);
      expect(missing.body.code).toBe('USER_NOT_FOUND');
      expect((await stack.http.get('/api/v1/users/nope', admin)).status).toBe(400);
    });
  });

  describe('PATCH /users/:id', () => {
    it('should change fields and replace roles, auditing only what changed', async () => {
      const user = await newUnitHead();
      const response = await patch(user.id, {
        displayName: 'Phó trưởng phòng',
        locale: 'en',
        roles: [{ role: 'board_reviewer', unitId: fixture.units.districtB }],
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        displayName: 'Phó trưởng phòng',
        locale: 'en',
        active: true,
        roles: [{ role: 'board_reviewer', unitId: fixture.units.districtB, authorityId: null }],
      });
      const [, update] = await auditRows(user.id);
      expect(update).toMatchObject({
        action: 'update',
        before: {
          displayName: 'Trưởng phòng',
          locale: 'vi',
          roles: [{ role: 'unit_head', unitId: fixture.units.districtA, authorityId: null }],
        },
        after: { displayName: 'Phó trưởng phòng', locale: 'en' },
      });
      expect(Object.keys(update.after).sort()).toEqual(['displayName', 'locale', 'roles']);
    });

    it('should refuse a role with the wrong scope and leave the user unchanged', async () => {
      const user = await newUnitHead();
      const response = await patch(user.id, {
        roles: [{ role: 'finance', authorityId: fixture.authorities.authorityA }],
      });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([
        expect.objectContaining({ field: 'roles[0].unitId', code: 'SCOPE_REQUIRED' }),
        expect.objectContaining({ field: 'roles[0].authorityId', code: 'SCOPE_NOT_ALLOWED' }),
      ]);
      expect((await stack.http.get(`/api/v1/users/${user.id}`, admin)).body.roles).toEqual(
        user.roles,
      );
    });

    it('should disable a user: their access token, refresh token and password stop working', async () => {
      const user = await newUnitHead();
      const tokens = (await login(user.email)).body;
      expect((await stack.http.get('/api/v1/me', bearer(tokens.accessToken))).status).toBe(200);

      const response = await patch(user.id, { active: false });
      expect(response.status).toBe(200);
      expect(response.body.active).toBe(false);

      const me = await stack.http.get('/api/v1/me', bearer(tokens.accessToken));
      expect(me.status).toBe(401);
      expect(me.body.code).toBe('INVALID_TOKEN');
      const refreshed = await stack.http.post('/api/v1/auth/refresh', {
        refreshToken: tokens.refreshToken,
      });
      expect(refreshed.status).toBe(401);
      expect((await login(user.email)).body.code).toBe('INVALID_CREDENTIALS');
      const [{ open }] = await dataSource.query(
        `SELECT count(*)::int AS open FROM refresh_tokens WHERE user_id = $1 AND revoked_at IS NULL`,
        [user.id],
      );
      expect(open).toBe(0);

      expect((await patch(user.id, { active: true })).status).toBe(200);
      expect((await login(user.email)).status).toBe(200);
    });

    it('should refuse to disable or demote the last active administrator', async () => {
      const [bootstrapAdmin] = await dataSource.query(
        `SELECT id FROM users WHERE email = 'admin@example.org'`,
      );
      expect((await patch(bootstrapAdmin.id, { active: false })).status).toBe(200);
      const self = await patch(fixture.users.admin, { roles: [] });
      expect(self.status).toBe(409);
      expect(self.body.code).toBe('LAST_ADMIN');
      expect((await patch(fixture.users.admin, { active: false })).body.code).toBe('LAST_ADMIN');
      expect((await patch(bootstrapAdmin.id, { active: true })).status).toBe(200);
    });

    it('should answer 404 for an unknown user', async () => {
      const response = await patch('00000000-0000-4000-8000-000000000000', { locale: 'en' });
      expect(response.status).toBe(404);
    });
  });

  describe('POST /users/:id/reset-password', () => {
    it('should set the password, end every session and audit it without the hash', async () => {
      const user = await newUnitHead();
      const tokens = (await login(user.email)).body;
      const newPassword = 'another long password';
      const response = await stack.http.post(
        `/api/v1/users/${user.id}/reset-password`,
        { password: newPassword },
        admin,
      );
      expect(response.status).toBe(204);
      expect(
        (await stack.http.post('/api/v1/auth/refresh', { refreshToken: tokens.refreshToken }))
          .status,
      ).toBe(401);
      expect((await login(user.email)).status).toBe(401);
      expect((await login(user.email, newPassword)).status).toBe(200);

      const rows = await auditRows(user.id);
      expect(rows[rows.length - 1]).toMatchObject({
        action: 'update',
        actor_user_id: fixture.users.admin,
      });
      expect(JSON.stringify(rows)).not.toMatch(/argon2|another long password/);
    });

    it('should refuse a short password', async () => {
      const user = await newUnitHead();
      const response = await stack.http.post(
        `/api/v1/users/${user.id}/reset-password`,
        { password: 'short' },
        admin,
      );
      expect(response.status).toBe(400);
    });
  });

  describe('access', () => {
    const someId = '00000000-0000-4000-8000-000000000000';
    const calls = (headers?: Record<string, string>) => [
      () =>
        stack.http.post(
          '/api/v1/users',
          { email: 'x@example.org', displayName: 'X', password: PASSWORD, roles: [] },
          headers,
        ),
      () => stack.http.get('/api/v1/users', headers),
      () => stack.http.get(`/api/v1/users/${someId}`, headers),
      () =>
        stack.http.request('PATCH', `/api/v1/users/${someId}`, { body: { locale: 'en' }, headers }),
      () =>
        stack.http.post(`/api/v1/users/${someId}/reset-password`, { password: PASSWORD }, headers),
    ];

    it.each(['unitHeadA', 'reviewerA', 'memberCity', 'financeA', 'staffA'] as const)(
      'should answer 403 FORBIDDEN to %s on every endpoint',
      async (who) => {
        for (const call of calls(bearer(fixture.tokens[who]))) {
          const response = await call();
          expect(response.status).toBe(403);
          expect(response.body.code).toBe('FORBIDDEN');
        }
      },
    );

    it('should answer 403 before validating the body', async () => {
      const response = await stack.http.post(
        '/api/v1/users',
        { nonsense: true },
        bearer(fixture.tokens.unitHeadA),
      );
      expect(response.status).toBe(403);
    });

    it('should answer 401 without a token on every endpoint', async () => {
      for (const call of calls()) {
        const response = await call();
        expect(response.status).toBe(401);
        expect(response.body.code).toBe('UNAUTHENTICATED');
      }
    });
  });

  it('should describe the endpoints in the OpenAPI document', async () => {
    const { body } = await stack.http.get('/api/docs-json');
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/login',
        '/api/v1/auth/refresh',
        '/api/v1/auth/logout',
        '/api/v1/me',
        '/api/v1/users',
        '/api/v1/users/{id}',
        '/api/v1/users/{id}/reset-password',
      ]),
    );
    expect(body.paths['/api/v1/users'].post.security).toEqual([{ bearer: [] }]);
    expect(body.paths['/api/v1/auth/login'].post.security).toBeUndefined();
  });
});
