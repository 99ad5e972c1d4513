import { eventually } from '@app/testing';
import type { BrowserContext, Page } from 'playwright-core';
import { DESKTOP, signIn, startWebStack, type WebStack } from '../support/browser';
import { demoClient, submitDemoNomination } from '../support/demo-nomination';

/**
 * The web application's shell in a real browser: sign-in, language, the session kept in an
 * HttpOnly cookie across reloads and tabs, sign-out, a session that ends, "not found", and
 * the notification bell, inbox and preferences.
 *
 * Access tokens live 60 s here (the least the API allows), so the app refreshes them after
 * 30 s (it refreshes early); the tests that need a stale token wait for that once, together.
 */
const ACCESS_TOKEN_TTL_SECONDS = 60;
const STALE_AFTER_MS = (ACCESS_TOKEN_TTL_SECONDS - 30) * 1000 + 1500;

const UNIT_HEAD = 'unit.head@demo.example.org';
const REVIEWER = 'reviewer@demo.example.org';
const JWT = /eyJ[\w-]+\.[\w-]+\.[\w-]+/;

jest.setTimeout(120_000);

describe('the web application shell', () => {
  let web: WebStack;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    web = await startWebStack({
      env: { ACCESS_TOKEN_TTL_SECONDS: String(ACCESS_TOKEN_TTL_SECONDS) },
    });
  }, 90_000);
  afterAll(async () => {
    await web?.close();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });

  async function newPage(viewport = DESKTOP): Promise<Page> {
    const context = await web.newContext({ viewport });
    contexts.push(context);
    return context.newPage();
  }

  const heading = (page: Page, name: string | RegExp) =>
    page.getByRole('heading', { level: 1, name });

  /** Every value kept in the page's localStorage and sessionStorage (runs in the page). */
  const storedValues = (page: Page) =>
    page.evaluate(
      `[localStorage, sessionStorage].flatMap((storage) =>
        Object.keys(storage).map((key) => key + '=' + storage.getItem(key)))`,
    ) as Promise<string[]>;

  it('should sign in in Vietnamese and show the home page', async () => {
    const page = await newPage();
    await page.goto('/');
    await page.waitForURL(/\/login/);
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    await page.getByRole('heading', { name: 'Đăng nhập để làm việc' }).waitFor();
    await signIn(page, UNIT_HEAD);
    await heading(page, 'Trang chủ').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
  });

  it('should say so when the password is wrong', async () => {
    const page = await newPage();
    await page.goto('/login');
    await page.getByLabel('Thư điện tử').fill(UNIT_HEAD);
    await page.getByLabel('Mật khẩu').fill('not-the-password');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Thư điện tử hoặc mật khẩu không đúng.' })
      .waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
  });

  it('should switch between Vietnamese and English and remember the choice', async () => {
    const page = await newPage();
    await page.goto('/login');
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('heading', { name: 'Sign in to work' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await signIn(page, UNIT_HEAD);
    await heading(page, 'Home').waitFor();

    await page.getByText('VI', { exact: true }).click();
    await heading(page, 'Trang chủ').waitFor();
    await page.getByText('EN', { exact: true }).click();
    await heading(page, 'Home').waitFor();
    await page.reload();
    await heading(page, 'Home').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
  });

  it('should keep the session over a reload with no token in the page storage', async () => {
    const page = await newPage();
    await page.goto('/login');
    const login = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login'));
    await signIn(page, UNIT_HEAD);
    const { accessToken } = await (await login).json();
    expect(accessToken).toMatch(JWT);

    await page.goto('/notifications');
    await heading(page, 'Hộp thư thông báo').waitFor();
    await page.reload();
    await heading(page, 'Hộp thư thông báo').waitFor();
    expect(new URL(page.url()).pathname).toBe('/notifications');

    const stored = await storedValues(page);
    expect(stored.filter((value) => value.includes(accessToken) || JWT.test(value))).toEqual([]);
    const cookies = await page.context().cookies();
    expect(cookies.length).toBeGreaterThan(0);
    expect(cookies.filter((cookie) => !cookie.httpOnly).map((cookie) => cookie.name)).toEqual([]);
  });

  it('should sign out to the sign-in screen and ask for sign-in on a protected address', async () => {
    const page = await newPage();
    await signIn(page, UNIT_HEAD);
    await page.getByRole('button', { name: 'Tài khoản' }).click();
    await page.getByRole('menuitem', { name: 'Đăng xuất' }).click();
    await page.getByText('Bạn đã đăng xuất.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');

    await page.goto('/notifications');
    await page.waitForURL(/\/login/);
    expect(new URL(page.url()).searchParams.get('next')).toBe('/notifications');
    await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
  });

  it('should show "not found" inside the shell for an unknown address', async () => {
    const page = await newPage();
    await signIn(page, UNIT_HEAD);
    await page.goto('/no-such-screen/here');
    await page.getByText('Không tìm thấy', { exact: true }).waitFor();
    expect(await page.locator('.tn-header').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Về trang chủ' }).click();
    await heading(page, 'Trang chủ').waitFor();
  });

  it('should count unread notifications on the bell, list them and let preferences change', async () => {
    const nomination = await submitDemoNomination(web.stack);
    const reviewer = await demoClient(web.stack, REVIEWER);
    await eventually(
      async () => {
        const inbox = await reviewer.get('/api/v1/notifications?unread=true');
        return inbox.body.unreadCount > 0 ? true : undefined;
      },
      { timeoutMs: 20_000, intervalMs: 200 },
    );

    const page = await newPage();
    await signIn(page, REVIEWER);
    const bell = page.getByRole('button', { name: /^Thông báo — \d+ chưa đọc$/ });
    await bell.waitFor();
    expect(await page.locator('.tn-header .ant-badge-count').first().textContent()).toMatch(
      /^\d+$/,
    );
    await bell.click();
    await heading(page, 'Hộp thư thông báo').waitFor();
    await page.getByText(nomination.reference).first().waitFor();

    await page.goto('/settings');
    const inboxSwitch = page.getByRole('switch', { name: 'Hồ sơ được phê duyệt: Hộp thư' });
    const before = await inboxSwitch.getAttribute('aria-checked');
    await inboxSwitch.click();
    const after = before === 'true' ? 'false' : 'true';
    await eventually(async () =>
      (await inboxSwitch.getAttribute('aria-checked')) === after ? true : undefined,
    );
    await page.getByRole('button', { name: 'Về mặc định' }).first().waitFor();
    await page.reload();
    await inboxSwitch.waitFor();
    expect(await inboxSwitch.getAttribute('aria-checked')).toBe(after);
  });

  describe('when the access token goes stale', () => {
    /** Two tabs of one browser, signed in as the reviewer. */
    let tabs: Page[];
    /** A browser signed in as the unit head, whose session is revoked behind its back. */
    let revoked: Page;
    let refreshes: number[];
    const kept: BrowserContext[] = [];

    beforeAll(async () => {
      const context = await web.newContext();
      const other = await web.newContext();
      kept.push(context, other);
      refreshes = [];
      context.on('response', (response) => {
        if (response.url().endsWith('/api/v1/auth/refresh')) refreshes.push(response.status());
      });
      const first = await context.newPage();
      await signIn(first, REVIEWER);
      // Before sign-in the app found no session (a refused refresh); count from here.
      refreshes.length = 0;
      const second = await context.newPage();
      await second.goto('/');
      await second.locator('.tn-header').waitFor();
      tabs = [first, second];

      revoked = await other.newPage();
      await signIn(revoked, UNIT_HEAD);
      await web.db.query(
        `UPDATE refresh_tokens SET revoked_at = now()
          WHERE revoked_at IS NULL AND user_id = (SELECT id FROM users WHERE email = $1)`,
        [UNIT_HEAD],
      );

      // Both tabs start at once: each boots without a token and refreshes through the cookie.
      await Promise.all(tabs.map((tab) => tab.reload()));
      await Promise.all(tabs.map((tab) => heading(tab, 'Trang chủ').waitFor()));
      expect(refreshes.filter((status) => status !== 200)).toEqual([]);
      await new Promise((resolve) => setTimeout(resolve, STALE_AFTER_MS));
    }, 180_000);

    afterAll(async () => {
      await Promise.all(kept.map((context) => context.close()));
    });

    it('should keep two tabs that refresh at the same moment signed in', async () => {
      const before = refreshes.length;
      await Promise.all(
        tabs.map((tab) => tab.getByRole('link', { name: 'Thông báo', exact: true }).click()),
      );
      // The list shows once its request went through, after the refresh it had to wait for.
      await Promise.all(tabs.map((tab) => tab.locator('.tn-card-list').waitFor()));
      expect(refreshes.length).toBeGreaterThan(before);
      expect(refreshes.filter((status) => status !== 200)).toEqual([]);

      const [{ revokedTokens }] = await web.db.query(
        `SELECT count(*)::int AS "revokedTokens" FROM refresh_tokens
          WHERE revoked_at IS NOT NULL AND user_id = (SELECT id FROM users WHERE email = $1)`,
        [REVIEWER],
      );
      expect(revokedTokens).toBe(0);
      for (const tab of tabs) {
        await tab.reload();
        await tab.locator('.tn-card-list').waitFor();
        expect(await tab.getByText('Phiên làm việc đã kết thúc').count()).toBe(0);
      }
    });

    it('should send a revoked session to the sign-in screen saying it ended', async () => {
      await revoked.getByRole('link', { name: 'Thông báo', exact: true }).click();
      await revoked.getByText('Phiên làm việc đã kết thúc. Vui lòng đăng nhập lại.').waitFor();
      expect(new URL(revoked.url()).pathname).toBe('/login');
    });
  });
});
