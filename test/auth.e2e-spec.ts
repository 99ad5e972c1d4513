import { errorMessages } from '@app/common';
import { AdminBootstrap } from '@app/access';
import { redisOptionsFromUrl } from '@app/queue';
import {
  bearer,
  Factory,
  GrantSpec,
  seedOrganizationFixture,
  startTestStack,
  TEST_REDIS_URL,
  TestStack,
} from '@app/testing';
import { Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { createHmac } from 'node:crypto';
import { DataSource } from 'typeorm';

const PASSWORD = 'correct horse battery';

describe('Authentication', () => {
  let stack: TestStack;
  let factory: Factory;
  let dataSource: DataSource;
  let redis: Redis;
  let fixture: Awaited<ReturnType<typeof seedOrganizationFixture>>;

  beforeAll(async () => {
    stack = await startTestStack({
      env: { LOGIN_MAX_FAILURES: '3', LOGIN_WINDOW_SECONDS: '60' },
    });
    dataSource = stack.api.get(DataSource);
    factory = new Factory(dataSource);
    fixture = await seedOrganizationFixture(stack);
    redis = new Redis(redisOptionsFromUrl(TEST_REDIS_URL));
  });

  afterAll(async () => {
    redis?.disconnect();
    await stack?.close();
  });

  // Every test starts with no failed logins counted.
  beforeEach(async () => {
    const keys = await redis.keys(`${stack.config.QUEUE_PREFIX}:login:*`);
    if (keys.length) await redis.del(...keys);
  });

  const login = (email: string, password = PASSWORD) =>
    stack.http.post('/api/v1/auth/login', { email, password });
  const refresh = (refreshToken: string) =>
    stack.http.post('/api/v1/auth/refresh', { refreshToken });
  const newUser = async (grants: GrantSpec[] = [{ role: 'admin' }]) => {
    const email = `auth-${Math.random().toString(36).slice(2, 10)}@example.org`;
    return { email, id: await factory.user({ email, grants }) };
  };

  describe('POST /auth/login', () => {
    it('should answer a token pair whose access token opens /me', async () => {
      const { email, id } = await newUser();
      const response = await login(email);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        accessToken: expect.any(String),
        expiresIn: stack.config.ACCESS_TOKEN_TTL_SECONDS,
        refreshToken: expect.any(String),
        tokenType: 'Bearer',
      });
      const me = await stack.http.get('/api/v1/me', bearer(response.body.accessToken));
      expect(me.status).toBe(200);
      expect(me.body.id).toBe(id);
      const [stored] = await dataSource.query(
        `SELECT token_hash FROM refresh_tokens WHERE user_id = $1`,
        [id],
      );
      expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(stored.token_hash).not.toBe(response.body.refreshToken);
    });

    it('should match the email regardless of case', async () => {
      const { email } = await newUser();
      expect((await login(email.toUpperCase())).status).toBe(200);
    });

    it('should answer the same 401 for a wrong password, an unknown email and a disabled user', async () => {
      const { email } = await newUser();
      const disabled = await newUser();
      await dataSource.query(`UPDATE users SET active = false WHERE id = $1`, [disabled.id]);
      const answers = [
        await login(email, 'wrong password!'),
        await login('nobody@example.org'),
        await login(disabled.email),
      ];
      for (const response of answers) {
        expect(response.status).toBe(401);
        expect(response.headers.get('content-type')).toContain('application/problem+json');
        expect(response.body).toMatchObject({
          code: 'INVALID_CREDENTIALS',
          detail: errorMessages.INVALID_CREDENTIALS.vi,
        });
      }
    });

    it('should take about as long for an unknown email as for a wrong password', async () => {
      const { email } = await newUser();
      const time = async (address: string) => {
        const started = performance.now();
        await login(address, 'wrong password!');
        return performance.now() - started;
      };
      const known = Math.min(await time(email), await time(email));
      await redis.del(...(await redis.keys(`${stack.config.QUEUE_PREFIX}:login:*`)));
      const unknown = Math.min(await time('ghost@example.org'), await time('ghost@example.org'));
      expect(unknown).toBeGreaterThan(known * 0.3);
    });

    it('should refuse a malformed body with VALIDATION_FAILED', async () => {
      const response = await stack.http.post('/api/v1/auth/login', { email: 'not-an-email' });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual(
        expect.arrayContaining(['email', 'password']),
      );
    });

    it('should log a failed login with email, address and reason, never the password', async () => {
      const warn = jest.spyOn(Logger.prototype, 'warn');
      try {
        const { email } = await newUser();
        await login(email, 'secret-guess-123');
        const call = warn.mock.calls.find(([message]) => (message as any)?.reason);
        expect(call?.[0]).toEqual({ email, ip: '127.0.0.1', reason: 'wrong_password' });
        expect(JSON.stringify(warn.mock.calls)).not.toContain('secret-guess-123');
      } finally {
        warn.mockRestore();
      }
    });

    it('should answer 429 with Retry-After once an account has used up its failures', async () => {
      const { email } = await newUser();
      for (let i = 0; i < 3; i++) expect((await login(email, 'wrong password!')).status).toBe(401);
      const blocked = await login(email); // even with the right password
      expect(blocked.status).toBe(429);
      expect(blocked.body.code).toBe('TOO_MANY_ATTEMPTS');
      const retryAfter = Number(blocked.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);

      // Only the account is blocked: with the address counter cleared, others still log in.
      await redis.del(`${stack.config.QUEUE_PREFIX}:login:ip:127.0.0.1`);
      expect((await login(email.toUpperCase())).status).toBe(429);
      const other = await newUser();
      expect((await login(other.email)).status).toBe(200);
    });

    it('should answer 429 once an address has used up its failures across accounts', async () => {
      for (let i = 0; i < 3; i++) {
        expect((await login(`unknown-${i}@example.org`)).status).toBe(401);
      }
      const { email } = await newUser();
      const blocked = await login(email);
      expect(blocked.status).toBe(429);
      expect(blocked.body.code).toBe('TOO_MANY_ATTEMPTS');
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    });

    it('should keep the counters in Redis under the queue prefix, with an expiry', async () => {
      await login('counted@example.org');
      const key = `${stack.config.QUEUE_PREFIX}:login:account:counted@example.org`;
      expect(await redis.get(key)).toBe('1');
      const ttl = await redis.ttl(key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(60);
    });
  });

  describe('POST /auth/refresh', () => {
    it('should rotate: a new pair, and the old refresh token is used up', async () => {
      const { email } = await newUser();
      const first = (await login(email)).body;
      const second = await refresh(first.refreshToken);
      expect(second.status).toBe(200);
      expect(second.body).toEqual({
        accessToken: expect.any(String),
        expiresIn: stack.config.ACCESS_TOKEN_TTL_SECONDS,
        refreshToken: expect.any(String),
        tokenType: 'Bearer',
      });
      expect(second.body.refreshToken).not.toBe(first.refreshToken);
      expect((await stack.http.get('/api/v1/me', bearer(second.body.accessToken))).status).toBe(
        200,
      );
      expect((await refresh(second.body.refreshToken)).status).toBe(200);
    });

    it('should revoke the whole family when a used token comes back', async () => {
      const { email } = await newUser();
      const first = (await login(email)).body;
      const second = (await refresh(first.refreshToken)).body;
      const reuse = await refresh(first.refreshToken);
      expect(reuse.status).toBe(401);
      expect(reuse.body.code).toBe('INVALID_REFRESH_TOKEN');
      // The thief's or the owner's newer token is dead too.
      const after = await refresh(second.refreshToken);
      expect(after.status).toBe(401);
      expect(after.body.code).toBe('INVALID_REFRESH_TOKEN');
      // Another login (another family) is unaffected.
      expect((await refresh((await login(email)).body.refreshToken)).status).toBe(200);
    });

    it('should let only one of two concurrent refreshes with the same token succeed', async () => {
      const { email } = await newUser();
      const { refreshToken } = (await login(email)).body;
      const answers = await Promise.all([refresh(refreshToken), refresh(refreshToken)]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 401]);
      expect(answers.find((answer) => answer.status === 401)!.body.code).toBe(
        'INVALID_REFRESH_TOKEN',
      );
    });

    it('should refuse unknown, expired and revoked tokens and those of disabled users', async () => {
      expect((await refresh('no-such-token')).body.code).toBe('INVALID_REFRESH_TOKEN');

      const expired = await newUser();
      const expiredToken = (await login(expired.email)).body.refreshToken;
      await dataSource.query(
        `UPDATE refresh_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
        [expired.id],
      );
      const revoked = await newUser();
      const revokedToken = (await login(revoked.email)).body.refreshToken;
      await dataSource.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1`, [
        revoked.id,
      ]);
      const disabled = await newUser();
      const disabledToken = (await login(disabled.email)).body.refreshToken;
      await dataSource.query(`UPDATE users SET active = false WHERE id = $1`, [disabled.id]);

      for (const token of [expiredToken, revokedToken, disabledToken]) {
        const response = await refresh(token);
        expect(response.status).toBe(401);
        expect(response.body.code).toBe('INVALID_REFRESH_TOKEN');
      }
    });

    it('should need no access token but a well-formed body', async () => {
      const response = await stack.http.post('/api/v1/auth/refresh', { refreshToken: 42 });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      // No token at all (and no cookie, test/auth-cookie.e2e-spec.ts) is no session.
      const empty = await stack.http.post('/api/v1/auth/refresh', {});
      expect(empty.status).toBe(401);
      expect(empty.body.code).toBe('INVALID_REFRESH_TOKEN');
    });
  });

  describe('POST /auth/logout', () => {
    it('should revoke the family of the refresh token and answer 204', async () => {
      const { email } = await newUser();
      const first = (await login(email)).body;
      const second = (await refresh(first.refreshToken)).body;
      const other = (await login(email)).body;
      const response = await stack.http.post(
        '/api/v1/auth/logout',
        { refreshToken: second.refreshToken },
        bearer(second.accessToken),
      );
      expect(response.status).toBe(204);
      expect((await refresh(second.refreshToken)).body.code).toBe('INVALID_REFRESH_TOKEN');
      // Another session of the same user goes on.
      expect((await refresh(other.refreshToken)).status).toBe(200);
    });

    it("should not revoke another user's session", async () => {
      const victim = await newUser();
      const caller = await newUser();
      const victimTokens = (await login(victim.email)).body;
      const callerTokens = (await login(caller.email)).body;
      const response = await stack.http.post(
        '/api/v1/auth/logout',
        { refreshToken: victimTokens.refreshToken },
        bearer(callerTokens.accessToken),
      );
      expect(response.status).toBe(204);
      expect((await refresh(victimTokens.refreshToken)).status).toBe(200);
    });

    it('should need an access token', async () => {
      const response = await stack.http.post('/api/v1/auth/logout', { refreshToken: 'x' });
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('GET /me', () => {
    it('should show an administrator everything they may do', async () => {
      const response = await stack.http.get('/api/v1/me', bearer(fixture.tokens.admin));
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        id: fixture.users.admin,
        email: expect.stringContaining('@example.org'),
        displayName: expect.any(String),
        locale: 'vi',
        staffId: null,
        roles: [{ role: 'admin', unitId: null, authorityId: null }],
      });
      expect(response.body.permissions).toEqual(
        expect.arrayContaining(['staff:read', 'staff:write', 'users:manage', 'audit:read']),
      );
    });

    it('should show a unit head their unit scope and no user management', async () => {
      const response = await stack.http.get('/api/v1/me', bearer(fixture.tokens.unitHeadA));
      expect(response.body.roles).toEqual([
        { role: 'unit_head', unitId: fixture.units.districtA, authorityId: null },
      ]);
      expect(response.body.permissions).toContain('staff:write');
      expect(response.body.permissions).not.toContain('users:manage');
    });

    it('should show a board reviewer their authority scope', async () => {
      const response = await stack.http.get('/api/v1/me', bearer(fixture.tokens.reviewerA));
      expect(response.body.roles).toEqual([
        { role: 'board_reviewer', unitId: null, authorityId: fixture.authorities.authorityA },
      ]);
    });

    it('should show finance and board members read-only staff access', async () => {
      for (const token of [fixture.tokens.financeA, fixture.tokens.memberCity]) {
        const { permissions } = (await stack.http.get('/api/v1/me', bearer(token))).body;
        expect(permissions).toContain('staff:read');
        expect(permissions).not.toContain('staff:write');
      }
    });

    it('should show a staff member their staff record', async () => {
      const response = await stack.http.get('/api/v1/me', bearer(fixture.tokens.staffA));
      expect(response.body).toMatchObject({
        staffId: fixture.staff.staffA,
        roles: [{ role: 'staff', unitId: null, authorityId: null }],
        permissions: ['nominations:read', 'staff:read'],
      });
    });

    it('should need an access token', async () => {
      expect((await stack.http.get('/api/v1/me')).status).toBe(401);
      expect((await stack.http.get('/api/v1/me', bearer('garbage'))).body.code).toBe(
        'INVALID_TOKEN',
      );
    });

    it('should answer 401 INVALID_TOKEN, never 500, to a signed token with a malformed claim', async () => {
      const now = Math.floor(Date.now() / 1000);
      const good = { sub: fixture.users.admin, iat: now, exp: now + 600 };
      const payloads: unknown[] = [
        { ...good, sub: 'not-a-uuid' },
        { ...good, sub: `${fixture.users.admin}x` },
        { ...good, sub: "' OR 1=1 --" },
        { ...good, sub: 42 },
        { ...good, sub: null },
        { ...good, sub: [fixture.users.admin] },
        { ...good, sub: { id: fixture.users.admin } },
        { iat: now, exp: now + 600 },
        { ...good, iat: String(now) },
        { ...good, iat: undefined },
        { ...good, exp: String(now + 600) },
        { ...good, exp: undefined },
        { ...good, nbf: 'tomorrow' },
        [good],
        'a plain string',
        42,
        null,
      ];
      for (const payload of payloads) {
        const response = await stack.http.get(
          '/api/v1/me',
          bearer(signRaw(payload, stack.config.JWT_SECRET)),
        );
        expect({ payload, status: response.status, code: response.body.code }).toEqual({
          payload,
          status: 401,
          code: 'INVALID_TOKEN',
        });
      }
      // The same signing with well-formed claims opens /me.
      const ok = await stack.http.get('/api/v1/me', bearer(signRaw(good, stack.config.JWT_SECRET)));
      expect(ok.status).toBe(200);
    });
  });
});

/** An HS256 token over any payload, which the JWT library would refuse to sign. */
function signRaw(payload: unknown, secret: string): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(payload)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

describe('First administrator', () => {
  let stack: TestStack;
  let dataSource: DataSource;

  beforeAll(async () => {
    stack = await startTestStack();
    dataSource = stack.api.get(DataSource);
  });

  afterAll(() => stack?.close());

  const admins = () =>
    dataSource.query(
      `SELECT us.id, us.email FROM users us JOIN role_assignments ra ON ra.user_id = us.id
        WHERE ra.role = 'admin'`,
    );

  it('should be created at start from ADMIN_EMAIL and ADMIN_PASSWORD and be able to log in', async () => {
    expect(await admins()).toEqual([{ id: expect.any(String), email: 'admin@example.org' }]);
    const response = await stack.http.post('/api/v1/auth/login', {
      email: 'admin@example.org',
      password: 'admin-password-dev',
    });
    expect(response.status).toBe(200);
  });

  it('should be audited without the password hash', async () => {
    const [{ id }] = await admins();
    const rows = await dataSource.query(
      `SELECT actor_user_id, action, after FROM audit_log WHERE entity = 'user' AND entity_id = $1`,
      [id],
    );
    expect(rows).toEqual([
      {
        actor_user_id: null,
        action: 'create',
        after: expect.objectContaining({ email: 'admin@example.org', active: true }),
      },
    ]);
    expect(JSON.stringify(rows)).not.toMatch(/argon2|password/i);
  });

  it('should not create another one on the next start', async () => {
    await expect(stack.api.get(AdminBootstrap).ensureAdmin()).resolves.toBe('exists');
    expect(await admins()).toHaveLength(1);
  });

  it('should create exactly one when two instances start at once', async () => {
    await dataSource.query(`DELETE FROM users WHERE email = 'admin@example.org'`);
    const bootstrap = stack.api.get(AdminBootstrap);
    const outcomes = await Promise.all([bootstrap.ensureAdmin(), bootstrap.ensureAdmin()]);
    expect(outcomes.sort()).toEqual(['created', 'exists']);
    expect(await admins()).toHaveLength(1);
  });
});
