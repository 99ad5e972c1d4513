import { hashRefreshToken } from '@app/access';
import { bearer, Factory, HttpResponse, startTestStack, TestStack } from '@app/testing';
import { DataSource } from 'typeorm';

const PASSWORD = 'correct horse battery';

/** The one Set-Cookie line of a response, split into its value and attributes. */
function refreshCookie(response: HttpResponse) {
  const lines = response.headers.getSetCookie();
  expect(lines).toHaveLength(1);
  const [pair, ...rest] = lines[0].split(/;\s*/);
  const [name, value] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
  expect(name).toBe('tn_refresh');
  const attributes = Object.fromEntries(
    rest.map((attribute) => {
      const [key, ...text] = attribute.split('=');
      return [key.toLowerCase(), text.length ? text.join('=') : true];
    }),
  );
  return { value, attributes, line: lines[0] };
}

describe('Browser sessions (refresh token in a cookie)', () => {
  let stack: TestStack;
  let dataSource: DataSource;
  let factory: Factory;
  let refreshSeconds: number;

  beforeAll(async () => {
    stack = await startTestStack();
    dataSource = stack.api.get(DataSource);
    factory = new Factory(dataSource);
    refreshSeconds = stack.config.REFRESH_TOKEN_TTL_DAYS * 86400;
  });
  afterAll(() => stack?.close());

  const newUser = async () => {
    const email = `cookie-${Math.random().toString(36).slice(2, 10)}@example.org`;
    return { email, id: await factory.user({ email, grants: [{ role: 'admin' }] }) };
  };
  const cookieLogin = (email: string) =>
    stack.http.post('/api/v1/auth/login', { email, password: PASSWORD, session: 'cookie' });
  const cookieRefresh = (value: string, body: unknown = {}) =>
    stack.http.post('/api/v1/auth/refresh', body, { cookie: `tn_refresh=${value}` });

  const expectSessionCookie = (response: HttpResponse) => {
    const cookie = refreshCookie(response);
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(cookie.attributes).toEqual({
      'max-age': String(refreshSeconds),
      path: '/api/v1/auth',
      httponly: true,
      samesite: 'Strict',
    });
    return cookie.value;
  };
  const expectCleared = (response: HttpResponse) => {
    const cookie = refreshCookie(response);
    expect(cookie.value).toBe('');
    expect(cookie.attributes).toMatchObject({
      'max-age': '0',
      path: '/api/v1/auth',
      httponly: true,
      samesite: 'Strict',
    });
  };

  describe('login with session: cookie', () => {
    it('should set the cookie and leave the refresh token out of the answer', async () => {
      const { email, id } = await newUser();
      const response = await cookieLogin(email);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        accessToken: expect.any(String),
        expiresIn: stack.config.ACCESS_TOKEN_TTL_SECONDS,
        tokenType: 'Bearer',
      });
      const value = expectSessionCookie(response);
      const [stored] = await dataSource.query(
        `SELECT token_hash FROM refresh_tokens WHERE user_id = $1`,
        [id],
      );
      expect(stored.token_hash).toBe(hashRefreshToken(value));
      expect((await stack.http.get('/api/v1/me', bearer(response.body.accessToken))).status).toBe(
        200,
      );
    });

    it('should set no cookie when the login fails', async () => {
      const response = await stack.http.post('/api/v1/auth/login', {
        email: 'nobody-here@example.org',
        password: 'wrong password!',
        session: 'cookie',
      });
      expect(response.status).toBe(401);
      expect(response.headers.getSetCookie()).toEqual([]);
    });

    it('should still refuse unknown fields and unknown session kinds', async () => {
      const { email } = await newUser();
      const unknown = await stack.http.post('/api/v1/auth/login', {
        email,
        password: PASSWORD,
        session: 'cookie',
        remember: true,
      });
      expect(unknown.status).toBe(400);
      expect(unknown.body.errors).toEqual([
        expect.objectContaining({ field: 'remember', code: 'UNKNOWN_FIELD' }),
      ]);
      const bogus = await stack.http.post('/api/v1/auth/login', {
        email,
        password: PASSWORD,
        session: 'jar',
      });
      expect(bogus.status).toBe(400);
      expect(bogus.body.errors).toEqual([expect.objectContaining({ field: 'session' })]);
      expect(unknown.headers.getSetCookie()).toEqual([]);
    });
  });

  describe('token clients', () => {
    it.each([[{}], [{ session: 'token' }]])(
      'should get the refresh token in the answer and no cookie (%j)',
      async (extra) => {
        const { email } = await newUser();
        const login = await stack.http.post('/api/v1/auth/login', {
          email,
          password: PASSWORD,
          ...extra,
        });
        expect(login.status).toBe(200);
        expect(login.body.refreshToken).toEqual(expect.any(String));
        expect(login.headers.getSetCookie()).toEqual([]);
        const refresh = await stack.http.post('/api/v1/auth/refresh', {
          refreshToken: login.body.refreshToken,
        });
        expect(refresh.status).toBe(200);
        expect(refresh.body.refreshToken).toEqual(expect.any(String));
        expect(refresh.headers.getSetCookie()).toEqual([]);
      },
    );

    it('should use the token of the body when a cookie is sent too', async () => {
      const { email } = await newUser();
      const browser = expectSessionCookie(await cookieLogin(email));
      const { refreshToken } = (
        await stack.http.post('/api/v1/auth/login', { email, password: PASSWORD })
      ).body;
      const response = await cookieRefresh(browser, { refreshToken });
      expect(response.status).toBe(200);
      expect(response.body.refreshToken).toEqual(expect.any(String));
      expect(response.headers.getSetCookie()).toEqual([]);
      // The cookie's session was not touched.
      expect((await cookieRefresh(browser)).status).toBe(200);
    });
  });

  describe('refresh by cookie', () => {
    it('should rotate the cookie and leave the refresh token out of the answer', async () => {
      const { email } = await newUser();
      const first = expectSessionCookie(await cookieLogin(email));
      const response = await cookieRefresh(first);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        accessToken: expect.any(String),
        expiresIn: stack.config.ACCESS_TOKEN_TTL_SECONDS,
        tokenType: 'Bearer',
      });
      const second = expectSessionCookie(response);
      expect(second).not.toBe(first);
      expect((await stack.http.get('/api/v1/me', bearer(response.body.accessToken))).status).toBe(
        200,
      );
      // Also without any body (no content type): the cookie is enough.
      const bare = await stack.http.request('POST', '/api/v1/auth/refresh', {
        headers: { cookie: `tn_refresh=${second}` },
      });
      expect(bare.status).toBe(200);
      expectSessionCookie(bare);
    });

    it('should refuse a reused cookie, clear it, and end the whole session', async () => {
      const { email } = await newUser();
      const first = expectSessionCookie(await cookieLogin(email));
      const second = expectSessionCookie(await cookieRefresh(first));
      const reuse = await cookieRefresh(first);
      expect(reuse.status).toBe(401);
      expect(reuse.body.code).toBe('INVALID_REFRESH_TOKEN');
      expectCleared(reuse);
      // The family is revoked: the newer cookie is dead too, and cleared in turn.
      const after = await cookieRefresh(second);
      expect(after.status).toBe(401);
      expect(after.body.code).toBe('INVALID_REFRESH_TOKEN');
      expectCleared(after);
    });

    it('should refuse and clear an unknown or expired cookie', async () => {
      const unknown = await cookieRefresh('not-a-token');
      expect(unknown.status).toBe(401);
      expectCleared(unknown);

      const { email, id } = await newUser();
      const value = expectSessionCookie(await cookieLogin(email));
      await dataSource.query(
        `UPDATE refresh_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
        [id],
      );
      const expired = await cookieRefresh(value);
      expect(expired.status).toBe(401);
      expect(expired.body.code).toBe('INVALID_REFRESH_TOKEN');
      expectCleared(expired);
    });

    it('should answer 401 INVALID_REFRESH_TOKEN with neither a cookie nor a token', async () => {
      for (const response of [
        await stack.http.post('/api/v1/auth/refresh', {}),
        await stack.http.request('POST', '/api/v1/auth/refresh'),
        await stack.http.post('/api/v1/auth/refresh', {}, { cookie: 'other=1; tn_refresh=' }),
      ]) {
        expect(response.status).toBe(401);
        expect(response.body.code).toBe('INVALID_REFRESH_TOKEN');
      }
    });

    it('should read no body but JSON, so a cross-site form cannot post one', async () => {
      const { email } = await newUser();
      const value = expectSessionCookie(await cookieLogin(email));
      for (const type of [
        'application/x-www-form-urlencoded',
        'text/plain',
        'multipart/form-data; boundary=x',
      ]) {
        const response = await stack.http.request('POST', '/api/v1/auth/refresh', {
          raw: 'a=1',
          headers: { cookie: `tn_refresh=${value}`, 'content-type': type },
        });
        expect({ type, status: response.status }).toEqual({ type, status: 415 });
      }
      // The session was not used up by those.
      expect((await cookieRefresh(value)).status).toBe(200);
    });
  });

  describe('logout', () => {
    it('should end the session of the cookie and clear it', async () => {
      const { email } = await newUser();
      const login = await cookieLogin(email);
      const value = expectSessionCookie(login);
      const other = expectSessionCookie(await cookieLogin(email));
      const response = await stack.http.request('POST', '/api/v1/auth/logout', {
        headers: { cookie: `tn_refresh=${value}`, ...bearer(login.body.accessToken) },
      });
      expect(response.status).toBe(204);
      expectCleared(response);
      expect((await cookieRefresh(value)).status).toBe(401);
      // Another session of the same user goes on.
      expect((await cookieRefresh(other)).status).toBe(200);
    });

    it('should clear the cookie also with nothing to end, and take a token from the body', async () => {
      const { email } = await newUser();
      const login = await cookieLogin(email);
      const nothing = await stack.http.post(
        '/api/v1/auth/logout',
        {},
        bearer(login.body.accessToken),
      );
      expect(nothing.status).toBe(204);
      expectCleared(nothing);

      const tokens = (await stack.http.post('/api/v1/auth/login', { email, password: PASSWORD }))
        .body;
      const byBody = await stack.http.post(
        '/api/v1/auth/logout',
        { refreshToken: tokens.refreshToken },
        bearer(tokens.accessToken),
      );
      expect(byBody.status).toBe(204);
      expect(
        (await stack.http.post('/api/v1/auth/refresh', { refreshToken: tokens.refreshToken }))
          .status,
      ).toBe(401);
    });

    it('should still need an access token', async () => {
      const response = await stack.http.request('POST', '/api/v1/auth/logout', {
        headers: { cookie: 'tn_refresh=x' },
      });
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('UNAUTHENTICATED');
    });
  });

  it('should describe the session field and the optional refresh token in the OpenAPI document', async () => {
    const { components } = (await stack.http.get('/api/docs-json')).body;
    expect(components.schemas.LoginDto.properties.session.enum).toEqual(['token', 'cookie']);
    expect(components.schemas.LoginDto.required).not.toContain('session');
    expect(components.schemas.TokenPairDto.required).not.toContain('refreshToken');
    expect(components.schemas.RefreshTokenDto.required ?? []).not.toContain('refreshToken');
  });
});
