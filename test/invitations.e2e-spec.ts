import { Clock } from '@app/common';
import { argon2id, hash } from 'argon2';
import {
  bearer,
  eventually,
  mailTo,
  seedOrganizationFixture,
  startSmtpServer,
  startTestStack,
  TestSmtpServer,
  TestStack,
} from '@app/testing';
import { DataSource } from 'typeorm';

const PASSWORD = 'mật khẩu đủ dài của tôi';
const BASE = 'https://daotao.example.vn';

describe('Invitations', () => {
  let smtp: TestSmtpServer;
  let stack: TestStack;
  let db: DataSource;
  let fixture: Awaited<ReturnType<typeof seedOrganizationFixture>>;
  let admin: Record<string, string>;
  let seq = 0;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    stack = await startTestStack({
      worker: true,
      env: {
        SMTP_URL: smtp.url,
        OUTBOX_POLL_MS: '200',
        APP_BASE_URL: BASE,
        LOGIN_MAX_FAILURES: '100',
      },
    });
    db = stack.api.get(DataSource);
    fixture = await seedOrganizationFixture(stack);
    admin = bearer(fixture.tokens.admin);
  });

  afterAll(async () => {
    await stack?.close();
    await smtp?.close();
  });

  afterEach(() => jest.restoreAllMocks());

  const address = () => `invited-${++seq}-${Date.now().toString(36)}@example.org`;
  const invite = async (email: string, displayName = 'Nguyễn Thị Hồng Nhung') => {
    const response = await stack.http.post(
      '/api/v1/users',
      {
        email,
        displayName,
        roles: [{ role: 'unit_head', unitId: fixture.units.districtA }],
      },
      admin,
    );
    expect(response.status).toBe(201);
    return response.body;
  };
  /** The token of the `nth` (1-based) invitation email to `email`, once it has arrived. */
  const tokenFromMail = async (email: string, nth = 1) => {
    const mail = await eventually(async () => mailTo(smtp, email)[nth - 1]);
    const match = new RegExp(`${BASE}/invitation/([A-Za-z0-9_-]+)`).exec(mail.text ?? '');
    expect(match).not.toBeNull();
    return { mail, token: match![1] };
  };
  const check = (token: string) => stack.http.get(`/api/v1/auth/invitations/${token}`);
  const accept = (token: string, password = PASSWORD) =>
    stack.http.post('/api/v1/auth/invitations/accept', { token, password });
  const login = (email: string, password = PASSWORD) =>
    stack.http.post('/api/v1/auth/login', { email, password });

  it('should email a new user without a password a one-time link, in Vietnamese', async () => {
    const email = address();
    const user = await invite(email);
    expect(user).toMatchObject({ email, invitationPending: true });

    const { mail, token } = await tokenFromMail(email);
    expect(mail.subject).toBe('[Đào tạo] Mời đồng chí kích hoạt tài khoản');
    expect(mail.text).toContain('Kính gửi đồng chí Nguyễn Thị Hồng Nhung,');
    expect(mail.text).toContain(`Tên đăng nhập (email): ${email}`);
    expect(mail.html).toContain(`href="${BASE}/invitation/${token}"`);

    // Only the token's hash is stored; the outbox holds it sealed, never in clear.
    const [stored] = await db.query(`SELECT token_hash FROM user_invitations WHERE user_id = $1`, [
      user.id,
    ]);
    expect(stored.token_hash).not.toContain(token);
    const [{ found }] = await db.query(
      `SELECT count(*)::int AS found FROM outbox_events WHERE payload::text LIKE '%' || $1 || '%'`,
      [token],
    );
    expect(found).toBe(0);

    // No password to sign in with until the invitation is accepted.
    const refused = await login(email, 'any password at all');
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('INVITATION_PENDING');

    const checked = await check(token);
    expect(checked.status).toBe(200);
    expect(checked.body).toEqual({
      email,
      displayName: 'Nguyễn Thị Hồng Nhung',
      expiresAt: expect.any(String),
    });
    const days = (Date.parse(checked.body.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);

    expect((await accept(token)).status).toBe(204);
    expect((await login(email)).status).toBe(200);
    const used = await check(token);
    expect(used.status).toBe(409);
    expect(used.body.code).toBe('INVITATION_USED');
    const again = await accept(token, 'another long password');
    expect(again.body.code).toBe('INVITATION_USED');
    expect((await login(email, 'another long password')).status).toBe(401);

    const users = await stack.http.get(`/api/v1/users/${user.id}`, admin);
    expect(users.body.invitationPending).toBe(false);
  });

  it('should let one of two accepts sent at once win', async () => {
    const email = address();
    await invite(email);
    const { token } = await tokenFromMail(email);
    const answers = await Promise.all([
      accept(token, 'first long password'),
      accept(token, 'second long password'),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([204, 409]);
    expect(answers.find((answer) => answer.status === 409)!.body.code).toBe('INVITATION_USED');
    const signedIn = await Promise.all([
      login(email, 'first long password'),
      login(email, 'second long password'),
    ]);
    expect(signedIn.map((answer) => answer.status).sort()).toEqual([200, 401]);
  });

  it('should refuse an expired link, read on the clock', async () => {
    const email = address();
    await invite(email);
    const { token } = await tokenFromMail(email);
    const clock = stack.api.get(Clock);
    const later = new Date(Date.now() + 7 * 86_400_000 + 60_000);
    jest.spyOn(clock, 'now').mockReturnValue(later);
    const checked = await check(token);
    expect(checked.status).toBe(409);
    expect(checked.body.code).toBe('INVITATION_EXPIRED');
    expect((await accept(token)).body.code).toBe('INVITATION_EXPIRED');
    expect((await login(email)).status).toBe(401);
  });

  it('should send a new link on request, and the old one stops working', async () => {
    const email = address();
    const user = await invite(email, 'Trần Văn Bình');
    const { token: first } = await tokenFromMail(email);
    const resent = await stack.http.post(`/api/v1/users/${user.id}/invitation`, {}, admin);
    expect(resent.status).toBe(204);
    const { token: second, mail } = await tokenFromMail(email, 2);
    expect(second).not.toBe(first);
    expect(mail.text).toContain('Kính gửi đồng chí Trần Văn Bình,');
    expect((await check(first)).body.code).toBe('INVITATION_REVOKED');
    expect((await accept(first)).body.code).toBe('INVITATION_REVOKED');
    expect((await accept(second)).status).toBe(204);
    const audit = await db.query(
      `SELECT action, after FROM audit_log WHERE entity = 'user' AND entity_id = $1 ORDER BY id`,
      [user.id],
    );
    expect(audit.map((row: { after: Record<string, unknown> }) => row.after)).toEqual([
      expect.objectContaining({ email }),
      { invitation: '[sent again]' },
      { password: '[set from invitation]' },
    ]);

    // Once the password is chosen there is nothing to invite to.
    const done = await stack.http.post(`/api/v1/users/${user.id}/invitation`, {}, admin);
    expect(done.status).toBe(409);
    expect(done.body.code).toBe('USER_HAS_PASSWORD');
  });

  it('should keep the explicit password path, with no email', async () => {
    const email = address();
    const response = await stack.http.post(
      '/api/v1/users',
      { email, displayName: 'Lê Văn Cường', password: PASSWORD, roles: [] },
      admin,
    );
    expect(response.status).toBe(201);
    expect(response.body.invitationPending).toBe(false);
    expect((await login(email)).status).toBe(200);
    const resend = await stack.http.post(`/api/v1/users/${response.body.id}/invitation`, {}, admin);
    expect(resend.body.code).toBe('USER_HAS_PASSWORD');
  });

  it('should let only administrators invite, and refuse bad input', async () => {
    const email = address();
    const user = await invite(email);
    for (const token of [fixture.tokens.unitHeadA, fixture.tokens.reviewerA]) {
      const resend = await stack.http.post(
        `/api/v1/users/${user.id}/invitation`,
        {},
        bearer(token),
      );
      expect(resend.status).toBe(403);
      const create = await stack.http.post(
        '/api/v1/users',
        { email: address(), displayName: 'X', roles: [] },
        bearer(token),
      );
      expect(create.status).toBe(403);
    }
    const anonymous = await stack.http.post(`/api/v1/users/${user.id}/invitation`, {});
    expect(anonymous.status).toBe(401);
    const missing = await stack.http.post(
      '/api/v1/users/7f3c2a10-0000-4000-8000-000000000001/invitation',
      {},
      admin,
    );
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('USER_NOT_FOUND');

    const { token } = await tokenFromMail(email);
    const short = await accept(token, 'short');
    expect(short.status).toBe(400);
    expect(short.body.code).toBe('VALIDATION_FAILED');
    const extra = await stack.http.post('/api/v1/auth/invitations/accept', {
      token,
      password: PASSWORD,
      admin: true,
    });
    expect(extra.status).toBe(400);
    const noToken = await stack.http.post('/api/v1/auth/invitations/accept', {
      password: PASSWORD,
    });
    expect(noToken.status).toBe(400);
    const unknown = await check('no-such-token');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('INVITATION_NOT_FOUND');
    expect((await accept('no-such-token')).body.code).toBe('INVITATION_NOT_FOUND');
    // Nothing of the above used the link up.
    expect((await check(token)).status).toBe(200);
  });

  it('should rehash a password hashed with the old parameters at the next sign-in', async () => {
    const email = address();
    const user = await invite(email);
    const old = await hash(PASSWORD, { type: argon2id, memoryCost: 65_536, timeCost: 3 });
    await db.query(`UPDATE users SET password_hash = $2 WHERE id = $1`, [user.id, old]);
    expect((await login(email)).status).toBe(200);
    const [row] = await db.query(`SELECT password_hash FROM users WHERE id = $1`, [user.id]);
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect((await login(email)).status).toBe(200);
  });
});
