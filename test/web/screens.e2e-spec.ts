import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import {
  DESKTOP,
  PHONE,
  seriousA11yViolations,
  signIn,
  startWebStack,
  type WebStack,
} from '../support/browser';
import { submitDemoNomination } from '../support/demo-nomination';

/**
 * The main pages as the people who use them see them, at desktop and phone width: no serious
 * or critical accessibility violation on any, and a PNG of each in SCREENSHOTS_DIR
 * (`npm run screenshots` writes docs/screenshots).
 */
type User = 'unitHead' | 'reviewer' | 'member' | 'finance' | 'staff' | 'admin';
const USERS: Record<User, { email: string; password?: string }> = {
  unitHead: { email: 'unit.head@demo.example.org' },
  reviewer: { email: 'reviewer@demo.example.org' },
  member: { email: 'nk.member@demo.example.org' },
  finance: { email: 'nk.finance@demo.example.org' },
  staff: { email: 'staff@demo.example.org' },
  admin: { email: 'admin@example.org', password: 'admin-password-dev' },
};

/** Ids the pages below need, found once the demo data and a nomination exist. */
interface Ids {
  nomination: string;
  staff: string;
  fund: string;
}

/**
 * One line per page: its address (or how to make it from the ids), who looks at it (null:
 * signed out) and the file's name.
 */
const PAGES: Array<{ path: string | ((ids: Ids) => string); user: User | null; name: string }> = [
  { path: '/login', user: null, name: 'sign-in' },
  { path: '/', user: 'unitHead', name: 'home-unit-head' },
  { path: '/', user: 'reviewer', name: 'home-board-reviewer' },
  { path: '/', user: 'member', name: 'home-board-member' },
  { path: '/', user: 'finance', name: 'home-finance' },
  { path: '/', user: 'staff', name: 'home-staff' },
  { path: '/', user: 'admin', name: 'home-admin' },
  { path: '/notifications', user: 'reviewer', name: 'inbox' },
  { path: '/settings', user: 'unitHead', name: 'settings' },
  { path: '/no-such-page', user: 'unitHead', name: 'not-found' },
  { path: '/nominations', user: 'unitHead', name: 'nominations' },
  { path: '/nominations/new', user: 'unitHead', name: 'nomination-new' },
  { path: '/staff', user: 'unitHead', name: 'staff' },
  { path: '/staff/standard-gaps', user: 'unitHead', name: 'standard-gaps' },
  { path: '/approvals', user: 'reviewer', name: 'approvals' },
  { path: '/meeting', user: 'member', name: 'meeting' },
  { path: '/delegations', user: 'reviewer', name: 'delegations' },
  { path: '/funds', user: 'finance', name: 'funds' },
  { path: '/reports', user: 'member', name: 'reports' },
  { path: '/admin', user: 'admin', name: 'admin' },
  { path: (ids) => `/nominations/${ids.nomination}`, user: 'reviewer', name: 'nomination-review' },
  { path: (ids) => `/staff/${ids.staff}`, user: 'unitHead', name: 'staff-record' },
  { path: (ids) => `/funds/${ids.fund}`, user: 'finance', name: 'fund' },
  { path: '/funds/usage', user: 'finance', name: 'budget-usage' },
  { path: '/reports/compliance', user: 'member', name: 'report-compliance' },
  { path: '/admin/users', user: 'admin', name: 'admin-users' },
  { path: '/admin/imports', user: 'admin', name: 'admin-imports' },
  { path: '/admin/policies', user: 'admin', name: 'admin-policies' },
  { path: '/admin/audit', user: 'admin', name: 'admin-audit' },
];

const VIEWPORTS = [
  { label: 'desktop', viewport: DESKTOP },
  { label: 'phone', viewport: PHONE },
];

const screenshotsDir = process.env.SCREENSHOTS_DIR
  ? resolve(process.env.SCREENSHOTS_DIR)
  : mkdtempSync(join(tmpdir(), 'screens-'));

jest.setTimeout(120_000);

/** Waits until the page has loaded what it shows: no request running, no skeleton or spinner. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page
    .locator('.ant-skeleton, .ant-spin-spinning')
    .first()
    .waitFor({ state: 'hidden', timeout: 15_000 })
    .catch(() => undefined);
  await page.waitForLoadState('networkidle');
  // Let entering animations (badges, charts) finish before the picture is taken.
  await page.waitForTimeout(400);
}

describe('the main pages', () => {
  let web: WebStack;
  const contexts = new Map<string, BrowserContext>();
  let ids: Ids;

  beforeAll(async () => {
    mkdirSync(screenshotsDir, { recursive: true });
    web = await startWebStack();
    // Something to review and be told about: a nomination waiting for the reviewer.
    const nomination = await submitDemoNomination(web.stack);
    const [fund] = await web.db.query(
      `SELECT f.id FROM funds f JOIN units u ON u.id = f.owner_unit_id
        WHERE u.code = 'CT.NK' ORDER BY f.fiscal_year DESC LIMIT 1`,
    );
    ids = { nomination: nomination.id, staff: nomination.staffId, fund: fund.id };
  }, 90_000);

  afterAll(async () => {
    for (const context of contexts.values()) await context.close();
    await web?.close();
  });

  /** A page signed in as `user` at `viewport`; one browser context per user and width. */
  async function pageFor(user: User | null, label: string, viewport: typeof DESKTOP) {
    const key = `${user}:${label}`;
    let context = contexts.get(key);
    if (!context) {
      context = await web.newContext({ viewport });
      contexts.set(key, context);
      if (user) {
        const page = await context.newPage();
        await signIn(page, USERS[user].email, USERS[user].password);
        await page.close();
      }
    }
    return context.newPage();
  }

  describe.each(VIEWPORTS)('at $label width', ({ label, viewport }) => {
    it.each(PAGES)('$name', async ({ path, user, name }) => {
      const page = await pageFor(user, label, viewport);
      try {
        await page.goto(typeof path === 'function' ? path(ids) : path);
        if (user) await page.locator('.tn-header').waitFor();
        await settle(page);
        // Every page here exists for its user: "not found" only where it is the point.
        expect(await page.locator('.ant-result-404').isVisible()).toBe(name === 'not-found');
        expect(await seriousA11yViolations(page)).toEqual([]);
        await page.screenshot({
          path: join(screenshotsDir, `${name}-${label}.png`),
          fullPage: true,
        });
      } finally {
        await page.close();
      }
    });
  });
});
