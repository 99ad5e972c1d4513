import AxeBuilder from '@axe-core/playwright';
import { DEMO_PASSWORD } from '@app/organization/demo';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { seedDemoData } from '../../apps/cli/src/demo/seed-demo-data';
import { startSmtpServer, type TestSmtpServer } from './smtp';
import { startTestStack, type TestStack } from './test-stack';

/**
 * Browser tests drive Debian's Chromium (the browsers Playwright downloads itself are not
 * used) against the real API serving the built web app, the real worker, Postgres, Redis
 * and an SMTP server started in the test.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Desktop and phone viewports the screens are checked at. */
export const DESKTOP = { width: 1366, height: 900 };
export const PHONE = { width: 360, height: 780 };

export interface WebStack {
  stack: TestStack;
  smtp: TestSmtpServer;
  browser: Browser;
  db: DataSource;
  /** http://127.0.0.1:<port> of the API serving the web app. */
  baseUrl: string;
  /** A fresh browser context (its own cookies and storage), Vietnamese by default. */
  newContext(options?: { viewport?: { width: number; height: number } }): Promise<BrowserContext>;
  close(): Promise<void>;
}

/** The API and worker with the demo organization seeded, and a browser. */
export async function startWebStack(
  options: { env?: Record<string, string> } = {},
): Promise<WebStack> {
  const smtp = await startSmtpServer();
  const stack = await startTestStack({
    worker: true,
    env: { SMTP_URL: smtp.url, OUTBOX_POLL_MS: '200', ...options.env },
  });
  const db = stack.api.get(DataSource);
  await seedDemoData(db);
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
  });
  const baseUrl = stack.http.baseUrl;
  return {
    stack,
    smtp,
    browser,
    db,
    baseUrl,
    newContext: ({ viewport = DESKTOP } = {}) =>
      browser.newContext({
        baseURL: baseUrl,
        viewport,
        locale: 'vi-VN',
        timezoneId: 'Asia/Ho_Chi_Minh',
      }),
    async close() {
      await browser.close();
      await stack.close();
      await smtp.close();
    },
  };
}

/** Signs in through the sign-in screen, as a person would, and waits for the app shell. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  if (!page.url().includes('/login')) await page.goto('/login');
  await page.getByLabel(/Thư điện tử|Email/).fill(email);
  await page.getByLabel(/Mật khẩu|Password/).fill(password);
  await page.getByRole('button', { name: /Đăng nhập|Sign in/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.locator('.tn-header').waitFor();
}

/** Serious or critical accessibility violations on the page as it is now. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
}
