import { loadConfig } from '@app/config';
import { DEMO_PASSWORD } from '@app/organization/demo';
import { selectQueueBackend } from '@app/queue';
import { chromium, type Page } from 'playwright-core';
import { createApiApp } from '../apps/api/src/bootstrap';
import { demoSeeders } from '../apps/cli/src/demo/demo-seeders';
import { benchDatabase } from './support';

/**
 * The web application as a person meets it, in Debian's Chromium against the real API
 * serving the built app (`npm run build` first): the sign-in screen's first render, the home
 * page after sign-in, and the notification inbox of a user with 1,000,000 notifications.
 * Each figure is the time from navigation until the screen's content is on screen, 15 times.
 * Run: `npm run bench -- web-pages` (BENCH_NOTIFICATIONS to change the count).
 */
async function main() {
  const total = Number(process.env.BENCH_NOTIFICATIONS ?? 1_000_000);
  const { dataSource, close } = await benchDatabase(10);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
  });
  try {
    await dataSource.transaction(async (manager) => {
      for (const seeder of demoSeeders) await seeder.run(manager);
    });
    const [reviewer] = await dataSource.query(
      `SELECT id FROM users WHERE email = 'reviewer@demo.example.org'`,
    );
    let started = performance.now();
    // One routed event per notification (a notification belongs to an event); a third unread.
    await dataSource.query(
      `WITH events AS (
         INSERT INTO outbox_events (type, aggregate_id, payload, created_at, dispatched_at, routed_at)
         SELECT 'nomination.submitted', gen_random_uuid(), '{}', now() - (g || ' seconds')::interval, now(), now()
           FROM generate_series(1, $2::int) g
         RETURNING id, created_at)
       INSERT INTO notifications (user_id, event_id, type, title, body, link, created_at, read_at)
       SELECT $1, e.id, 'nomination.submitted', 'Đề cử mới chờ bạn duyệt',
              'Hồ sơ cử Nguyễn Văn Ánh đi học Cao cấp lý luận chính trị đang chờ bạn thẩm định.',
              '/notifications', e.created_at, CASE WHEN e.id % 3 = 0 THEN NULL ELSE e.created_at END
         FROM events e`,
      [reviewer.id, total],
    );
    await dataSource.query('ANALYZE');
    const loadSeconds = ((performance.now() - started) / 1000).toFixed(1);

    const url = new URL((dataSource.options as { url: string }).url);
    const config = loadConfig({
      DATABASE_URL: url.toString(),
      LOG_LEVEL: 'silent',
      QUEUE_PREFIX: 'bench-web',
    });
    selectQueueBackend(config);
    const api = await createApiApp(config);
    await api.listen({ host: '127.0.0.1', port: 0 });
    const base = `http://127.0.0.1:${(api.getHttpServer().address() as { port: number }).port}`;

    const context = await browser.newContext({
      baseURL: base,
      viewport: { width: 1366, height: 900 },
    });
    const page = await context.newPage();
    const time = async (label: string, go: (page: Page) => Promise<unknown>, runs = 15) => {
      const ms: number[] = [];
      for (let i = 0; i < runs; i++) {
        started = performance.now();
        await go(page);
        ms.push(performance.now() - started);
      }
      ms.sort((a, b) => a - b);
      const at = (q: number) => Math.round(ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]);
      console.log(`| ${label} | ${at(0.5)} | ${at(0.95)} |`);
    };

    console.log(`Loaded ${total} notifications in ${loadSeconds} s.\n`);
    console.log('| screen | p50 ms | p95 ms |\n| --- | --- | --- |');
    await time('sign-in screen, first render', async (p) => {
      await p.goto('/login');
      await p.getByRole('button', { name: 'Đăng nhập' }).waitFor();
    });
    await page.getByLabel('Thư điện tử').fill('reviewer@demo.example.org');
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.locator('.tn-header').waitFor();
    await time('home after a reload (session from the cookie)', async (p) => {
      await p.goto('/');
      await p.locator('.tn-page-title').waitFor();
    });
    await time(
      `inbox, first page of 20 (${total.toLocaleString('en')} notifications)`,
      async (p) => {
        await p.goto('/notifications');
        await p.locator('.ant-list-item').first().waitFor();
      },
    );
    await time('inbox, page 500', async (p) => {
      await p.goto('/notifications?page=500&pageSize=20');
      await p.locator('.ant-list-item').first().waitFor();
    });
    await time('inbox, unread only', async (p) => {
      await p.goto('/notifications?unread=true');
      await p.locator('.ant-list-item').first().waitFor();
    });
    await context.close();
    await api.close();
  } finally {
    await browser.close();
    await close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
