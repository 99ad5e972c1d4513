import { organizationToday } from '@app/common';
import { DEMO_PASSWORD } from '@app/organization/demo';
import { bearer, type HttpClient } from '@app/testing';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { formatVnd } from '../../apps/web/src/format/money';
import AxeBuilder from '@axe-core/playwright';
import { DESKTOP, PHONE, signIn, startWebStack, type WebStack } from '../support/browser';
import { shiftDays } from '../support/nomination-fixture';

const FINANCE = 'finance@demo.example.org';

/**
 * Serious or critical accessibility violations of the screen below the app's header (the
 * header and its account menu belong to the shell and are checked by its own tests).
 */
async function seriousA11yViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).exclude('.tn-header').analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
}

interface Fund {
  id: string;
  code: string;
  name: string;
  allocated: string;
  reserved: string;
  available: string;
}

/**
 * Finance in the browser: the funds with their money in Vietnamese notation, a fund's
 * figures, ledger and allocation, the money a nomination reserves, and a report with its
 * chart and CSV download, on the demo data.
 */
describe('finance in the browser', () => {
  let web: WebStack;
  const users: Record<string, HttpClient> = {};

  async function login(email: string): Promise<HttpClient> {
    const response = await web.stack.http.post('/api/v1/auth/login', {
      email,
      password: DEMO_PASSWORD,
    });
    expect(response.status).toBe(200);
    return web.stack.http.with(bearer(response.body.accessToken));
  }

  async function cityFund(): Promise<Fund> {
    const response = await users.finance.get('/api/v1/funds?source=state_budget&pageSize=100');
    expect(response.status).toBe(200);
    const fund = (response.body.items as Array<Fund & { ownerUnitName: string }>).find(
      (f) => f.ownerUnitName === 'Thành ủy Cần Thơ',
    );
    expect(fund).toBeDefined();
    return fund!;
  }

  async function page(viewport = DESKTOP): Promise<Page> {
    const context = await web.newContext({ viewport });
    const tab = await context.newPage();
    await signIn(tab, FINANCE);
    return tab;
  }

  beforeAll(async () => {
    web = await startWebStack();
    users.finance = await login(FINANCE);
    users.unitHead = await login('unit.head@demo.example.org');
    users.reviewer = await login('reviewer@demo.example.org');
    users.nkMember = await login('nk.member@demo.example.org');
  }, 90_000);
  afterAll(() => web?.close());

  it('should list the funds with Vietnamese names and money as the API counts it', async () => {
    const fund = await cityFund();
    const tab = await page();
    await tab.goto(`/funds?source=state_budget&pageSize=10`);
    const row = tab.getByRole('row').filter({ has: tab.getByRole('link', { name: fund.name }) });
    await row.waitFor();
    // The digit string of the API, shown as 1.450.000.000 ₫.
    expect(fund.allocated).toMatch(/^\d+$/);
    await expect(
      row.getByText(formatVnd(fund.allocated), { exact: true }).first().isVisible(),
    ).resolves.toBe(true);
    expect(formatVnd(fund.allocated)).toMatch(/^\d{1,3}(\.\d{3})+ ₫$/);
    await expect(
      tab.getByRole('cell', { name: 'Ngân sách nhà nước' }).first().isVisible(),
    ).resolves.toBe(true);
    expect(await seriousA11yViolations(tab)).toEqual([]);
    await tab.context().close();
  }, 180_000);

  it('should open a fund, add an allocation and show it in the figures and the ledger', async () => {
    const fund = await cityFund();
    const tab = await page();
    await tab.goto('/funds');
    await tab.getByRole('link', { name: fund.name }).click();
    await tab.waitForURL(`**/funds/${fund.id}`);
    await tab.getByRole('heading', { level: 1, name: fund.name }).waitFor();
    await tab.getByText(formatVnd(fund.allocated), { exact: true }).first().waitFor();

    // A reason is required for an adjustment: the field says so before anything is sent.
    await tab.getByRole('button', { name: 'Điều chỉnh dự toán' }).click();
    await tab.getByLabel('Số tiền (VND)').fill('-1.000.000');
    await tab.getByRole('button', { name: 'Ghi nhận' }).click();
    await tab.getByText('Nhập lý do điều chỉnh').waitFor();
    await tab.getByRole('button', { name: 'Hủy' }).click();

    await tab.getByRole('button', { name: 'Giao thêm dự toán' }).click();
    await tab.getByLabel('Số tiền (VND)').fill('500.000.000');
    await tab.getByLabel('Ghi chú').fill('Bổ sung dự toán đợt 2');
    await tab.getByRole('button', { name: 'Ghi nhận' }).click();

    const after = (BigInt(fund.allocated) + 500_000_000n).toString();
    await tab.getByText(formatVnd(after), { exact: true }).first().waitFor();
    const ledgerRow = tab.getByRole('row').filter({ hasText: 'Bổ sung dự toán đợt 2' });
    await ledgerRow.waitFor();
    await expect(ledgerRow.getByText('500.000.000 ₫').isVisible()).resolves.toBe(true);
    await expect(ledgerRow.getByText('Giao dự toán').isVisible()).resolves.toBe(true);
    const stored = await users.finance.get(`/api/v1/funds/${fund.id}`);
    expect(stored.body.allocated).toBe(after);

    expect(await seriousA11yViolations(tab)).toEqual([]);
    await tab.context().close();
  }, 120_000);

  it('should show the money an approved nomination reserved, with the ledger linking to it', async () => {
    const { fundId, nominationId, amount } = await approveNomination();
    const tab = await page();
    await tab.goto(`/funds/${fundId}`);
    const ledgerRow = tab
      .locator('.ant-table-row')
      .filter({ has: tab.getByText('Giữ chỗ', { exact: true }) })
      .first();
    await ledgerRow.waitFor();
    await expect(ledgerRow.getByText(formatVnd(amount)).isVisible()).resolves.toBe(true);
    const { reference } = (await users.unitHead.get(`/api/v1/nominations/${nominationId}`)).body;
    const link = ledgerRow.getByRole('link', { name: reference });
    expect(await link.getAttribute('href')).toBe(`/nominations/${nominationId}`);
    const fund = (await users.finance.get(`/api/v1/funds/${fundId}`)).body as Fund;
    expect(BigInt(fund.reserved)).toBeGreaterThanOrEqual(BigInt(amount));
    await tab
      .locator('.ant-descriptions-item')
      .filter({ hasText: 'Đã giữ chỗ' })
      .getByText(formatVnd(fund.reserved), { exact: true })
      .waitFor();
    await tab.context().close();
  }, 120_000);

  it('should draw a report and download it as CSV in Vietnamese', async () => {
    const tab = await page();
    await tab.goto('/reports');
    await tab.getByRole('link', { name: 'Tỷ lệ cán bộ đạt chuẩn' }).click();
    await tab.waitForURL('**/reports/compliance');
    await tab.locator('figure[role="img"] canvas').first().waitFor({ timeout: 30_000 });
    await tab.getByRole('cell', { name: 'Cấp thành phố' }).first().waitFor();
    expect(await seriousA11yViolations(tab)).toEqual([]);

    const [download] = await Promise.all([
      tab.waitForEvent('download'),
      tab.getByRole('button', { name: 'Tải CSV' }).first().click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const text = await readFile((await download.path())!, 'utf8');
    expect(text).toContain('Tỷ lệ đạt chuẩn');
    expect(text).toContain('Cấp thành phố');
    await tab.context().close();
  }, 120_000);

  it('should fit the funds list on a 360 px phone', async () => {
    const fund = await cityFund();
    const tab = await page(PHONE);
    await tab.goto('/funds');
    await tab.getByRole('link', { name: fund.name }).waitFor();
    const overflow = await tab.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await tab.context().close();
  }, 120_000);

  /** The Ninh Kiều unit head nominates, the reviewer and the Standing Committee approve. */
  async function approveNomination(): Promise<{
    fundId: string;
    nominationId: string;
    amount: string;
  }> {
    const db = web.db;
    const today = organizationToday();
    const where = `NOT p.overseas AND (i.cost_tuition + i.cost_allowances + i.cost_travel + i.cost_other) < 200000000`;
    const select = `
      SELECT i.id AS "intakeId", i.code, i.starts_on::text AS "startsOn",
             (i.cost_tuition + i.cost_allowances + i.cost_travel + i.cost_other)::text AS estimate,
             i.learner_share_percent AS "learnerSharePercent"
        FROM intakes i JOIN programs p ON p.id = i.program_id
       WHERE ${where} AND 'state_budget' = ANY(i.allowed_sources)
         AND i.seats_taken < i.seats_total`;
    let intakes: Array<{
      intakeId: string;
      code: string;
      startsOn: string;
      estimate: string;
      learnerSharePercent: number;
    }> = await db.query(
      `${select} AND i.nomination_opens_on <= $1::date AND i.nomination_closes_on >= $1::date
         ORDER BY i.learner_share_percent, i.code`,
      [today],
    );
    if (!intakes.length) {
      const [template] = await db.query(`${select} ORDER BY i.starts_on DESC LIMIT 1`);
      const [{ id }] = await db.query(
        `INSERT INTO intakes (code, program_id, authority_id, starts_on, ends_on, location, seats_total,
                             nomination_opens_on, nomination_closes_on, cost_tuition, cost_allowances,
                             cost_travel, cost_other, allowed_sources, learner_share_percent)
         SELECT code || '-WEB', program_id, authority_id, $2::date, $2::date + (ends_on - starts_on),
                location, seats_total, $3::date, $4::date, cost_tuition, cost_allowances, cost_travel,
                cost_other, allowed_sources, learner_share_percent
           FROM intakes WHERE id = $1 RETURNING id`,
        [template.intakeId, shiftDays(90), shiftDays(-1), shiftDays(30)],
      );
      intakes = await db.query(`${select} AND i.id = $1`, [id]);
    }
    const people: Array<{ id: string }> = await db.query(
      `SELECT s.id FROM staff s
         JOIN units u ON u.id = s.unit_id
         JOIN management_authorities a ON a.id = s.authority_id
        WHERE u.path LIKE (SELECT path FROM units WHERE code = 'CT.NK') || '%'
          AND a.code = 'BTV-NK' AND s.employment_status = 'active'
          AND s.id NOT IN (SELECT staff_id FROM users WHERE staff_id IS NOT NULL)
        ORDER BY s.code LIMIT 60`,
    );
    for (const intake of intakes) {
      for (const person of people) {
        const verdict = await users.unitHead.get(
          `/api/v1/intakes/${intake.intakeId}/eligibility?staffId=${person.id}&targetGroup=3`,
        );
        if (!verdict.body?.eligible) continue;
        const year = Number(intake.startsOn.slice(0, 4));
        let [fund] = await db.query(
          `SELECT f.id FROM funds f JOIN units u ON u.id = f.owner_unit_id
            WHERE u.code = 'CT.NK' AND f.fiscal_year = $1 AND f.source = 'state_budget'`,
          [year],
        );
        if (!fund) {
          const created = await users.finance.post('/api/v1/funds', {
            code: `KP-${year}-NK-WEB`,
            name: `Kinh phí đào tạo, bồi dưỡng năm ${year} – Quận ủy Ninh Kiều`,
            fiscalYear: year,
            ownerUnitId: (await db.query(`SELECT id FROM units WHERE code = 'CT.NK'`))[0].id,
            source: 'state_budget',
            policy: 'stop',
            allocated: '2000000000',
          });
          expect(created.status).toBe(201);
          fund = created.body;
        }
        const estimate = BigInt(intake.estimate);
        const learnerShare = (estimate * BigInt(intake.learnerSharePercent)) / 100n;
        const amount = (estimate - learnerShare).toString();
        const created = await users.unitHead.post('/api/v1/nominations', {
          nomineeStaffId: person.id,
          intakeId: intake.intakeId,
          targetGroup: 3,
          justification: `Cử đi học ${intake.code} theo quy hoạch cán bộ của quận Ninh Kiều.`,
          costLines: [{ fundId: fund.id, amount }],
          learnerShare: learnerShare.toString(),
        });
        expect(created.status).toBe(201);
        const id = created.body.id as string;
        let version = 1;
        for (const [who, action] of [
          ['unitHead', 'submit'],
          ['reviewer', 'approve'],
          ['nkMember', 'approve'],
        ] as const) {
          const response = await users[who].request(
            'POST',
            `/api/v1/nominations/${id}/actions/${action}`,
            {
              body: {},
              headers: { 'if-match': `"${version}"` },
            },
          );
          expect(response.status).toBe(201);
          version += 1;
        }
        const final = await users.unitHead.get(`/api/v1/nominations/${id}`);
        expect(final.body.status).toBe('approved');
        return { fundId: fund.id, nominationId: id, amount };
      }
    }
    throw new Error('Nobody in Ninh Kiều is eligible for an open domestic intake');
  }
});
