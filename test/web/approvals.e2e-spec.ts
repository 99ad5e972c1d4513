import { organizationToday } from '@app/common';
import { DEMO_PASSWORD } from '@app/organization/demo';
import { bearer, type HttpClient } from '@app/testing';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { DESKTOP, PHONE, signIn, startWebStack, type WebStack } from '../support/browser';
import { shiftDays } from '../support/nomination-fixture';

const SHOTS = '/tmp/shots/approvals';

// A browser on a shared machine: each test walks several screens.
jest.setTimeout(90_000);

/**
 * The approvers' screens on the demo data: the Ninh Kiều unit head nominates over the API,
 * then the reviewer and the Standing Committee member decide in the browser, the unit head
 * reads the decision, a return carries its comment back, an email link survives sign-in and
 * a nomination out of scope is "not found".
 */
describe('approvals in the browser', () => {
  let web: WebStack;
  let unitHead: HttpClient;
  let approved: string;
  let returned: string;

  async function login(email: string): Promise<HttpClient> {
    const response = await web.stack.http.post('/api/v1/auth/login', {
      email,
      password: DEMO_PASSWORD,
    });
    expect(response.status).toBe(200);
    return web.stack.http.with(bearer(response.body.accessToken));
  }

  /** A domestic intake open today with the state budget (a demo one, or a copy opened now). */
  async function openIntake(): Promise<{
    id: string;
    estimate: bigint;
    share: number;
    year: number;
  }> {
    const today = organizationToday();
    const select = `
      SELECT i.id, i.starts_on::text AS "startsOn", i.learner_share_percent AS share,
             (i.cost_tuition + i.cost_allowances + i.cost_travel + i.cost_other)::text AS estimate
        FROM intakes i JOIN programs p ON p.id = i.program_id
       WHERE NOT p.overseas AND (i.cost_tuition + i.cost_allowances + i.cost_travel + i.cost_other) < 200000000
         AND 'state_budget' = ANY(i.allowed_sources) AND i.seats_taken + 2 < i.seats_total`;
    let [row] = await web.db.query(
      `${select} AND i.nomination_opens_on <= $1::date AND i.nomination_closes_on >= $1::date
        ORDER BY i.learner_share_percent, i.code LIMIT 1`,
      [today],
    );
    if (!row) {
      const [template] = await web.db.query(`${select} ORDER BY i.starts_on DESC LIMIT 1`);
      const [{ id }] = await web.db.query(
        `INSERT INTO intakes (code, program_id, authority_id, starts_on, ends_on, location, seats_total,
                             nomination_opens_on, nomination_closes_on, cost_tuition, cost_allowances,
                             cost_travel, cost_other, allowed_sources, learner_share_percent)
         SELECT code || '-WEB', program_id, authority_id, $2::date, $2::date + (ends_on - starts_on),
                location, seats_total, $3::date, $4::date, cost_tuition, cost_allowances, cost_travel,
                cost_other, allowed_sources, learner_share_percent
           FROM intakes WHERE id = $1 RETURNING id`,
        [template.id, shiftDays(90), shiftDays(-1), shiftDays(30)],
      );
      [row] = await web.db.query(`${select} AND i.id = $1`, [id]);
    }
    return {
      id: row.id,
      estimate: BigInt(row.estimate),
      share: row.share,
      year: Number(row.startsOn.slice(0, 4)),
    };
  }

  /** Nominates an eligible Ninh Kiều staff member (managed by BTV-NK) and submits. */
  async function nominateAndSubmit(exclude: string[]): Promise<string> {
    const intake = await openIntake();
    const [fund] = await web.db.query(
      `SELECT f.id FROM funds f JOIN units u ON u.id = f.owner_unit_id
        WHERE u.code = 'CT.NK' AND f.fiscal_year = $1 AND f.source = 'state_budget'`,
      [intake.year],
    );
    expect(fund).toBeDefined();
    const people: Array<{ id: string }> = await web.db.query(
      `SELECT s.id FROM staff s JOIN units u ON u.id = s.unit_id
         JOIN management_authorities a ON a.id = s.authority_id
        WHERE u.path LIKE (SELECT path FROM units WHERE code = 'CT.NK') || '%'
          AND a.code = 'BTV-NK' AND s.employment_status = 'active' AND s.id <> ALL($1::uuid[])
          AND s.id NOT IN (SELECT staff_id FROM users WHERE staff_id IS NOT NULL)
          AND s.id NOT IN (SELECT nominee_staff_id FROM nominations)
        ORDER BY s.code LIMIT 60`,
      [exclude],
    );
    for (const person of people) {
      const verdict = await unitHead.get(
        `/api/v1/intakes/${intake.id}/eligibility?staffId=${person.id}&targetGroup=3`,
      );
      if (!verdict.body.eligible) continue;
      const share = (intake.estimate * BigInt(intake.share)) / 100n;
      const created = await unitHead.post('/api/v1/nominations', {
        nomineeStaffId: person.id,
        intakeId: intake.id,
        targetGroup: 3,
        justification: 'Cử đi học theo quy hoạch cán bộ của quận Ninh Kiều.',
        costLines: [{ fundId: fund.id, amount: (intake.estimate - share).toString() }],
        learnerShare: share.toString(),
      });
      expect(created.status).toBe(201);
      const submitted = await unitHead.request(
        'POST',
        `/api/v1/nominations/${created.body.id}/actions/submit`,
        { body: {}, headers: { 'if-match': `"${created.body.version}"` } },
      );
      expect(submitted.status).toBe(201);
      return created.body.id;
    }
    throw new Error('Nobody in Ninh Kiều is eligible for the intake');
  }

  /** Serious or critical accessibility violations in the screen's content (the shell aside). */
  async function contentViolations(page: Page): Promise<string[]> {
    const result = await new AxeBuilder({ page })
      .exclude('.tn-header')
      .exclude('.tn-sider')
      .analyze();
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id}: ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(', ')}`,
      );
  }

  async function shot(page: Page, name: string) {
    await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  }

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    web = await startWebStack();
    unitHead = await login('unit.head@demo.example.org');
    approved = await nominateAndSubmit([]);
    const [{ nominee_staff_id: first }] = await web.db.query(
      `SELECT nominee_staff_id FROM nominations WHERE id = $1`,
      [approved],
    );
    returned = await nominateAndSubmit([first]);
  }, 120_000);

  afterAll(async () => {
    await web?.close();
  });

  it('the reviewer finds the nomination awaiting them and approves it', async () => {
    const context = await web.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    await signIn(page, 'reviewer@demo.example.org');
    await page.goto('/approvals');
    await page.getByRole('heading', { level: 1 }).waitFor();
    const [{ reference }] = await web.db.query(`SELECT reference FROM nominations WHERE id = $1`, [
      approved,
    ]);
    const link = page.getByRole('link', { name: new RegExp(reference) });
    await link.waitFor();
    expect(await contentViolations(page)).toEqual([]);
    await shot(page, 'awaiting-desktop');
    await link.click();
    await page.waitForURL(`**/nominations/${approved}`);
    await page.getByRole('button', { name: 'Phê duyệt' }).waitFor();
    expect(await contentViolations(page)).toEqual([]);
    await shot(page, 'review-desktop');
    await page.getByRole('button', { name: 'Phê duyệt' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Phê duyệt' }).click();
    await page.getByText('Đã phê duyệt.').first().waitFor();
    // The chain moved on: the reviewer has nothing more to do here.
    await page.getByText('Bạn không có thao tác nào trên hồ sơ này lúc này.').waitFor();
    await context.close();
  });

  it('the Standing Committee member approves on a phone and sees the decision number', async () => {
    const context = await web.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await signIn(page, 'nk.member@demo.example.org');
    await page.goto(`/nominations/${approved}`);
    await page.getByRole('button', { name: 'Phê duyệt' }).click();
    await page.getByRole('dialog').getByLabel('Ý kiến').fill('Đồng ý cử đi học.');
    await page.getByRole('dialog').getByRole('button', { name: 'Phê duyệt' }).click();
    await page
      .getByText(/Đã phê duyệt\. Số quyết định: \d{4}\/QĐ-BTV-NK\/\d{4}/)
      .first()
      .waitFor();
    const [{ decision_number: number }] = await web.db.query(
      `SELECT decision_number FROM nominations WHERE id = $1`,
      [approved],
    );
    expect(number).toMatch(/QĐ-BTV-NK/);
    await page.getByTestId('decision-number').getByText(number).waitFor();
    // Nothing spills past the phone's width.
    const overflow = await page.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, 'review-phone-approved');
    await context.close();
  });

  it('the unit head sees the decision number on the nomination', async () => {
    const context = await web.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    await signIn(page, 'unit.head@demo.example.org');
    await page.goto(`/nominations/${approved}`);
    const [{ decision_number: number }] = await web.db.query(
      `SELECT decision_number FROM nominations WHERE id = $1`,
      [approved],
    );
    await page.getByTestId('decision-number').getByText(number).waitFor();
    await shot(page, 'unit-head-decided');
    await context.close();
  });

  it('a return carries its comment back to the unit head', async () => {
    const reviewer = await web.newContext({ viewport: DESKTOP });
    const page = await reviewer.newPage();
    await signIn(page, 'reviewer@demo.example.org');
    await page.goto(`/nominations/${returned}`);
    await page.getByRole('button', { name: 'Trả lại' }).click();
    const dialog = page.getByRole('dialog');
    // A return needs its reason.
    await dialog.getByRole('button', { name: 'Trả lại' }).click();
    await dialog.getByText('Cần ghi rõ lý do.').waitFor();
    await dialog.getByLabel('Ý kiến').fill('Bổ sung bản cam kết phục vụ sau đào tạo.');
    await dialog.getByRole('button', { name: 'Trả lại' }).click();
    await page.getByText('Đã trả lại hồ sơ.').first().waitFor();
    await reviewer.close();

    const head = await web.newContext({ viewport: PHONE });
    const headPage = await head.newPage();
    await signIn(headPage, 'unit.head@demo.example.org');
    await headPage.goto(`/nominations/${returned}`);
    await headPage.getByText('Bổ sung bản cam kết phục vụ sau đào tạo.').first().waitFor();
    await headPage.getByRole('link', { name: 'Sửa' }).waitFor();
    await shot(headPage, 'returned-phone');
    await head.close();
  });

  it('an email link opened while signed out leads through sign-in to the nomination', async () => {
    const context = await web.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    await page.goto(`/nominations/${approved}`);
    await page.waitForURL(/\/login/);
    await signIn(page, 'unit.head@demo.example.org');
    await page.waitForURL(`**/nominations/${approved}`);
    await page.getByTestId('decision-number').waitFor();
    await context.close();
  });

  it('a nomination out of scope, or that does not exist, is "not found"', async () => {
    const context = await web.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await signIn(page, 'staff@demo.example.org');
    await page.goto(`/nominations/${approved}`);
    await page.getByText('Không tìm thấy').first().waitFor();
    await page.goto('/nominations/6f1c2a9e-3b7d-4e21-9a0c-5d8e7f6a1b2c');
    await page.getByText('Không tìm thấy').first().waitFor();
    await shot(page, 'not-found-phone');
    await context.close();
  });

  it('the meeting issues one decision with an attached list and shows its number and lines', async () => {
    const reviewer = await login('reviewer@demo.example.org');
    const taken: string[] = (
      await web.db.query(`SELECT DISTINCT nominee_staff_id AS id FROM nominations`)
    ).map((row: { id: string }) => row.id);
    const ids: string[] = [];
    for (let i = 0; i < 2; i += 1) {
      const id = await nominateAndSubmit(taken);
      const [row] = await web.db.query(
        `SELECT nominee_staff_id AS staff, version FROM nominations WHERE id = $1`,
        [id],
      );
      taken.push(row.staff);
      const reviewed = await reviewer.request('POST', `/api/v1/nominations/${id}/actions/approve`, {
        body: {},
        headers: { 'if-match': `"${row.version}"` },
      });
      expect(reviewed.status).toBe(201);
      ids.push(id);
    }
    const references: string[] = (
      await web.db.query(`SELECT reference FROM nominations WHERE id = ANY($1::uuid[])`, [ids])
    ).map((row: { reference: string }) => row.reference);

    const context = await web.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    await signIn(page, 'nk.member@demo.example.org');
    await page.goto('/meeting');
    for (const reference of references) {
      await page.getByLabel(`Chọn ${reference}`).check();
    }
    await page.getByRole('radio', { name: 'Một quyết định kèm danh sách' }).check();
    // A list decision names its meeting.
    await page.getByRole('button', { name: 'Ghi nhận kết quả phiên họp' }).click();
    await page.getByText('Nhập số phiên họp để ban hành một quyết định kèm danh sách.').waitFor();
    await page.getByLabel('Số phiên họp').fill('15-BB/QU');
    expect(await contentViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Ghi nhận kết quả phiên họp' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByText(/Kết quả phiên họp số 15-BB\/QU/).waitFor();
    const numbers = page.getByTestId('meeting-decision-number');
    await expect(numbers.count()).resolves.toBe(2);
    const [{ number }] = await web.db.query(
      `SELECT DISTINCT decision_number AS number FROM nominations WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    await numbers.filter({ hasText: `${number} (số thứ tự 1)` }).waitFor();
    await numbers.filter({ hasText: `${number} (số thứ tự 2)` }).waitFor();
    await shot(page, 'meeting-one-list');
    await context.close();
  });
});
