import { readFile } from 'node:fs/promises';
import { DEMO_PASSWORD } from '@app/organization/demo';
import { bearer, type HttpClient } from '@app/testing';
import type { Page } from 'playwright-core';
import {
  DESKTOP,
  PHONE,
  seriousA11yViolations,
  signIn,
  startWebStack,
  type WebStack,
} from '../support/browser';

const UNIT_HEAD = 'unit.head@demo.example.org';
const REVIEWER = 'reviewer@demo.example.org';

interface Person {
  id: string;
  code: string;
  fullName: string;
}

interface Failure {
  message: { vi: string; en: string };
}

/** A name as someone types it without diacritics: "Bùi Kim Hằng" → "bui kim hang". */
const plain = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();

/**
 * Serious accessibility problems of this area's screens. The layout's account menu (the
 * header's dropdown trigger, whose name differs from its visible text) is the shell's.
 */
const a11yProblems = async (page: Page) =>
  (await seriousA11yViolations(page)).filter(
    (problem) =>
      !problem.startsWith('label-content-name-mismatch') ||
      !problem.includes('.ant-dropdown-trigger'),
  );

/** Wide enough content scrolls inside its own box; the page itself never scrolls sideways. */
const pageOverflows = (page: Page) =>
  page.evaluate('document.documentElement.scrollWidth > window.innerWidth + 1') as Promise<boolean>;

/**
 * The unit head's screens on the demo data: the guided nomination, staff search, every
 * eligibility failure at once, a version conflict on editing after a return, phones, and
 * accessibility.
 */
describe('the unit head in the browser', () => {
  let web: WebStack;
  const api: Record<string, HttpClient> = {};
  /** An open intake any Ninh Kiều person may be nominated for, with people eligible for it. */
  let intake: { id: string; code: string };
  let eligible: Person[] = [];
  let reviewerName: string;

  async function login(email: string): Promise<HttpClient> {
    const response = await web.stack.http.post('/api/v1/auth/login', {
      email,
      password: DEMO_PASSWORD,
    });
    expect(response.status).toBe(200);
    return web.stack.http.with(bearer(response.body.accessToken));
  }

  /** Active Ninh Kiều staff managed by its Standing Committee, without a user of their own. */
  const ninhKieuStaff = (limit: number): Promise<Person[]> =>
    web.db.query(
      `SELECT s.id, s.code, s.full_name AS "fullName" FROM staff s
         JOIN units u ON u.id = s.unit_id
         JOIN management_authorities a ON a.id = s.authority_id
        WHERE u.path LIKE (SELECT path FROM units WHERE code = 'CT.NK') || '%'
          AND a.code = 'BTV-NK' AND s.employment_status = 'active'
          AND s.id NOT IN (SELECT staff_id FROM users WHERE staff_id IS NOT NULL)
        ORDER BY s.code LIMIT $1`,
      [limit],
    );

  const verdict = async (intakeId: string, staffId: string) => {
    const response = await api.unitHead.get(
      `/api/v1/intakes/${intakeId}/eligibility?staffId=${staffId}`,
    );
    expect(response.status).toBe(200);
    return response.body as { eligible: boolean; failures: Failure[] };
  };

  /** A draft through the API, split over the Ninh Kiều state-budget fund of the intake's year. */
  async function createDraft(person: Person) {
    const detail = await api.unitHead.get(`/api/v1/intakes/${intake.id}`);
    const [fund] = await web.db.query(
      `SELECT f.id FROM funds f JOIN units u ON u.id = f.owner_unit_id
        WHERE u.code = 'CT.NK' AND f.source = 'state_budget' AND f.fiscal_year = $1`,
      [Number(detail.body.startsOn.slice(0, 4))],
    );
    const created = await api.unitHead.post('/api/v1/nominations', {
      nomineeStaffId: person.id,
      intakeId: intake.id,
      targetGroup: 3,
      justification: 'Bồi dưỡng theo kế hoạch của đơn vị.',
      costLines: [{ fundId: fund.id, amount: detail.body.costTotal }],
    });
    expect(created.status).toBe(201);
    return created.body as { id: string; version: number };
  }

  const act = (who: HttpClient, id: string, action: string, version: number, body = {}) =>
    who.request('POST', `/api/v1/nominations/${id}/actions/${action}`, {
      body,
      headers: { 'if-match': `"${version}"` },
    });

  beforeAll(async () => {
    web = await startWebStack();
    api.unitHead = await login(UNIT_HEAD);
    api.reviewer = await login(REVIEWER);
    [{ displayName: reviewerName }] = await web.db.query(
      `SELECT display_name AS "displayName" FROM users WHERE email = $1`,
      [REVIEWER],
    );
    // A domestic intake under the finance threshold: reviewer, then the district's member.
    const open = await api.unitHead.get('/api/v1/intakes?open=true&active=true&pageSize=100');
    const candidates = (
      open.body.items as Array<{
        id: string;
        code: string;
        costTotal: string;
        allowedSources: string[];
        seatsRemaining: number;
      }>
    ).filter(
      (i) =>
        BigInt(i.costTotal) < 200_000_000n &&
        i.allowedSources.includes('state_budget') &&
        i.seatsRemaining > 5,
    );
    const people = await ninhKieuStaff(40);
    for (const candidate of candidates) {
      const fits: Person[] = [];
      for (const person of people) {
        if ((await verdict(candidate.id, person.id)).eligible) fits.push(person);
        if (fits.length === 3) break;
      }
      if (fits.length === 3) {
        intake = candidate;
        eligible = fits;
        break;
      }
    }
    expect(eligible).toHaveLength(3);
  }, 120_000);

  afterAll(() => web?.close());

  it('nominates a Ninh Kiều staff member through the guided flow and submits', async () => {
    const context = await web.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    const person = eligible[0];
    await signIn(page, UNIT_HEAD);
    await page.goto('/nominations/new');
    await page.getByLabel('Tìm cán bộ theo họ tên').fill(plain(person.fullName));
    await page.locator('.ant-select-item-option', { hasText: person.code }).click();
    await expect(page.getByText(person.fullName).first().isVisible()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Tiếp' }).click();

    await page.getByRole('radio', { name: new RegExp(intake.code) }).check();
    await page.getByRole('button', { name: 'Tiếp' }).click();
    await page.getByText('Tất cả đều đủ điều kiện.').waitFor();
    await expect(a11yProblems(page)).resolves.toEqual([]);
    await page.getByRole('button', { name: 'Tiếp' }).click();

    // The split is prefilled (one fund, the whole cost) and balanced.
    await page.getByText('Đã chia đủ').waitFor();
    await expect(page.getByText('Sau đề xuất này').isVisible()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Tiếp' }).click();

    await page.getByRole('radio', { name: /Nhóm 3/ }).check();
    await page.getByLabel('Lý do đề xuất').fill('Bồi dưỡng để đạt chuẩn ngạch chuyên viên chính.');
    await page.getByRole('button', { name: 'Tiếp' }).click();
    await page.getByRole('button', { name: 'Gửi duyệt' }).dblclick();
    await page.locator('.ant-result-title', { hasText: /Đã gửi duyệt hồ sơ DT-/ }).waitFor();

    // One nomination only, in review at the reviewer's step.
    const [{ count }] = await web.db.query(
      `SELECT count(*)::int AS count FROM nominations WHERE nominee_staff_id = $1`,
      [person.id],
    );
    expect(count).toBe(1);
    await page.getByRole('link', { name: 'Về danh sách hồ sơ' }).click();
    const row = page.getByRole('row', { name: new RegExp(person.fullName) });
    await row.waitFor();
    await expect(row.getByText('Đang xét duyệt').isVisible()).resolves.toBe(true);
    await expect(row.getByText(new RegExp(reviewerName)).isVisible()).resolves.toBe(true);
    await expect(a11yProblems(page)).resolves.toEqual([]);
    await context.close();
  }, 180_000);

  it('finds a person typed without diacritics and shows their record', async () => {
    const context = await web.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    const person = eligible[1];
    await signIn(page, UNIT_HEAD);
    await page.goto('/staff');
    await page.getByLabel('Tìm theo họ tên').fill(plain(person.fullName));
    await page.getByLabel('Tìm theo họ tên').press('Enter');
    await page.getByRole('link', { name: person.fullName }).click();
    await page.getByRole('heading', { level: 1, name: person.fullName }).waitFor();
    await page.getByRole('heading', { name: 'Khóa học đề xuất' }).waitFor();
    await page.waitForLoadState('networkidle');
    await expect(a11yProblems(page)).resolves.toEqual([]);
    await context.close();
  }, 120_000);

  it('lists the staff below standard in the district and downloads them as CSV', async () => {
    const expected = await api.unitHead.get('/api/v1/staff/standard-gaps?pageSize=1');
    expect(expected.body.total).toBeGreaterThan(0);
    const first = expected.body.items[0] as { fullName: string };
    const context = await web.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    await signIn(page, UNIT_HEAD);
    await page.goto('/staff');
    await page.getByRole('link', { name: 'Chưa đạt chuẩn' }).click();
    await page.waitForURL('**/staff/standard-gaps');
    await page.getByRole('heading', { level: 1, name: 'Chưa đạt chuẩn' }).waitFor();
    await page.getByRole('link', { name: first.fullName }).first().waitFor();
    await page.waitForLoadState('networkidle');
    await expect(a11yProblems(page)).resolves.toEqual([]);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải CSV' }).click(),
    ]);
    const text = await readFile((await download.path())!, 'utf8');
    expect(text.startsWith('\uFEFFMã cán bộ,Họ và tên')).toBe(true);
    expect(text).toContain(first.fullName);
    expect(text).toMatch(/,(Có|Không),/);
    await context.close();
  }, 120_000);

  it('shows every eligibility failure of an ineligible person at once', async () => {
    // Someone failing at least two rules of some open intake.
    const open = await api.unitHead.get('/api/v1/intakes?open=true&active=true&pageSize=100');
    let found: { person: Person; intakeId: string; failures: Failure[] } | undefined;
    const people = await ninhKieuStaff(60);
    search: for (const candidate of open.body.items as Array<{ id: string }>) {
      for (const person of people) {
        const result = await verdict(candidate.id, person.id);
        if (result.failures.length >= 2) {
          found = { person, intakeId: candidate.id, failures: result.failures };
          break search;
        }
      }
    }
    expect(found).toBeDefined();
    const context = await web.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    await signIn(page, UNIT_HEAD);
    await page.goto(`/nominations/new?staffIds=${found!.person.id}&intakeId=${found!.intakeId}`);
    await page.getByText('Chưa đủ điều kiện').first().waitFor();
    for (const failure of found!.failures) {
      await expect(page.getByText(failure.message.vi).isVisible()).resolves.toBe(true);
    }
    await expect(page.getByRole('button', { name: 'Tiếp' }).isDisabled()).resolves.toBe(true);
    await context.close();
  }, 180_000);

  it('keeps what was typed when the nomination changed meanwhile, then saves and resubmits', async () => {
    const person = eligible[2];
    const draft = await createDraft(person);
    const submitted = await act(api.unitHead, draft.id, 'submit', draft.version);
    expect(submitted.status).toBe(201);
    const returned = await act(api.reviewer, draft.id, 'return', submitted.body.version, {
      comment: 'Bổ sung lý do cử đi học.',
    });
    expect(returned.status).toBe(201);

    const context = await web.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    await signIn(page, UNIT_HEAD);
    await page.goto(`/nominations/${draft.id}/edit`);
    await page.getByRole('radio', { name: new RegExp(intake.code) }).waitFor();

    // Meanwhile the nomination changes through the API.
    const changed = await api.unitHead.request('PATCH', `/api/v1/nominations/${draft.id}`, {
      body: { justification: 'Lý do đã sửa ở nơi khác.' },
      headers: { 'if-match': `"${returned.body.version}"` },
    });
    expect(changed.status).toBe(200);

    for (let step = 0; step < 3; step += 1) {
      await page.getByRole('button', { name: 'Tiếp' }).click();
    }
    const typed = 'Đồng chí cần bồi dưỡng để đạt chuẩn chức danh đang giữ.';
    await page.getByLabel('Lý do đề xuất').fill(typed);
    await page.getByRole('button', { name: 'Tiếp' }).click();
    await page.getByRole('button', { name: 'Lưu và gửi duyệt lại' }).click();
    await page.getByText('Hồ sơ vừa được người khác thay đổi').waitFor();
    await page.getByRole('button', { name: 'Tải lại' }).click();
    await page.getByText('Những gì đã đổi trên máy chủ').waitFor();
    await expect(page.getByText(/Lý do đã sửa ở nơi khác/).isVisible()).resolves.toBe(true);
    // What was typed is still there, and saving now goes through.
    await expect(page.locator('.tn-prewrap', { hasText: typed }).isVisible()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Lưu và gửi duyệt lại' }).click();
    await page.locator('.ant-result-title', { hasText: /Đã gửi duyệt hồ sơ DT-/ }).waitFor();
    const [row] = await web.db.query(
      `SELECT status, justification FROM nominations WHERE id = $1`,
      [draft.id],
    );
    expect(row).toEqual({ status: 'in_review', justification: typed });
    await context.close();
  }, 180_000);

  it('works at 360 px: the list as cards and the guided flow', async () => {
    const context = await web.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await signIn(page, UNIT_HEAD);
    await page.goto('/nominations');
    await page.getByRole('link', { name: eligible[0].fullName }).waitFor();
    await expect(pageOverflows(page)).resolves.toBe(false);
    await expect(a11yProblems(page)).resolves.toEqual([]);

    await page.goto(`/nominations/new?staffIds=${eligible[1].id}`);
    await page.getByRole('radio', { name: new RegExp(intake.code) }).check();
    await expect(pageOverflows(page)).resolves.toBe(false);
    await page.getByRole('button', { name: 'Tiếp' }).click();
    await page.getByText('Tất cả đều đủ điều kiện.').waitFor();
    await page.getByRole('button', { name: 'Tiếp' }).click();
    await page.getByText('Đã chia đủ').waitFor();
    await expect(pageOverflows(page)).resolves.toBe(false);
    await expect(a11yProblems(page)).resolves.toEqual([]);
    await context.close();
  }, 180_000);

  it('withdraws with a reason, then copies the nomination as a new draft', async () => {
    const person = eligible[1];
    const draft = await createDraft(person);
    const context = await web.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    await signIn(page, UNIT_HEAD);
    await page.goto(`/nominations/${draft.id}`);
    await page.getByRole('button', { name: 'Rút hồ sơ' }).click();
    const dialog = page.getByRole('dialog');
    // No reason, no withdrawal.
    await dialog.getByRole('button', { name: 'Rút hồ sơ' }).click();
    await dialog.getByText('Cần ghi rõ lý do.').waitFor();
    const reason = 'Đồng chí được cử đi công tác dài ngày.';
    await dialog.getByLabel('Lý do rút hồ sơ').fill(reason);
    await dialog.getByRole('button', { name: 'Rút hồ sơ' }).click();
    await page.getByText('Đã rút hồ sơ.').first().waitFor();
    await page.locator('.tn-prewrap', { hasText: reason }).first().waitFor();

    await page.getByRole('button', { name: 'Sao chép thành đề xuất mới' }).click();
    await page.waitForURL((url) => !url.pathname.endsWith(draft.id));
    const links = page.getByTestId('copy-links');
    await links.waitFor();
    const [source] = await web.db.query(`SELECT reference FROM nominations WHERE id = $1`, [
      draft.id,
    ]);
    await links.getByRole('link', { name: source.reference }).waitFor();
    const [copy] = await web.db.query(
      `SELECT id, status, copied_from_id AS "copiedFromId" FROM nominations
        WHERE nominee_staff_id = $1 AND id <> $2`,
      [person.id, draft.id],
    );
    expect(copy).toMatchObject({ status: 'draft', copiedFromId: draft.id });
    expect(page.url()).toContain(copy.id);
    await expect(a11yProblems(page)).resolves.toEqual([]);
    await context.close();
  }, 180_000);
});
