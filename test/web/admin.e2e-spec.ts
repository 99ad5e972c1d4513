import type { Page } from 'playwright-core';
import {
  DESKTOP,
  PHONE,
  seriousA11yViolations,
  signIn,
  startWebStack,
  type WebStack,
} from '../support/browser';

/** The test stack's first administrator, created at start from these two settings. */
const ADMIN_EMAIL = 'root.admin@example.org';
const ADMIN_PASSWORD = 'root-admin-password-2026';

/** A units file with two bad rows (an unknown tier, a missing name) between good ones. */
const BAD_UNITS = [
  'Mã đơn vị,Tên đơn vị,Mã cấp,Loại đơn vị,Mã đơn vị cấp trên',
  'CT.NK.X90,Phường Thử Nghiệm,commune,ủy ban nhân dân,CT.NK',
  'CT.NK.X91,Phường Sai Cấp,no-such-tier,ủy ban nhân dân,CT.NK',
  'CT.NK.X92,,commune,ủy ban nhân dân,CT.NK',
].join('\n');
const GOOD_UNITS = [
  'Mã đơn vị,Tên đơn vị,Mã cấp,Loại đơn vị,Mã đơn vị cấp trên',
  'CT.NK.X90,Phường Thử Nghiệm,commune,ủy ban nhân dân,CT.NK',
  'CT.NK.X91,Phường Đổi Mới,commune,ủy ban nhân dân,CT.NK',
].join('\n');

describe('Administration in the browser', () => {
  let web: WebStack;

  beforeAll(async () => {
    web = await startWebStack({ env: { ADMIN_EMAIL, ADMIN_PASSWORD } });
  }, 120_000);

  afterAll(async () => {
    await web?.close();
  });

  async function adminPage(viewport = DESKTOP): Promise<Page> {
    const context = await web.newContext({ viewport });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    return page;
  }

  /**
   * Picks an option of an Ant Design select found by its label, typing to search, and waits
   * until the select shows it: a click that lands while the list is still opening is retried.
   */
  async function choose(page: Page, label: string | RegExp, search: string, option: RegExp) {
    const box = page.getByRole('combobox', { name: label });
    const field = page.locator('.ant-form-item').filter({ has: box }).last();
    for (let attempt = 1; ; attempt++) {
      await box.click();
      await box.fill(search);
      const item = page.locator('.ant-select-item-option:visible').filter({ hasText: option });
      await item.first().click();
      const chosen = field.locator('.ant-select').getByText(option);
      const shown = await chosen
        .first()
        .waitFor({ timeout: 5_000 })
        .then(() => true)
        .catch(() => false);
      if (shown) return;
      if (attempt === 3) throw new Error(`the select ${String(label)} did not take ${option}`);
    }
  }

  it('creates a user with a role over a unit, shown by name in the list', async () => {
    const page = await adminPage();
    await page.goto('/admin');
    await page.getByRole('link', { name: 'Người dùng' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Người dùng' }).waitFor();
    await page.getByText('unit.head@demo.example.org').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Thêm người dùng' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('Thư điện tử').fill('head.binhthuy@example.org');
    await drawer.getByLabel('Họ và tên').fill('Trần Thị Bình');
    await drawer.getByRole('button', { name: 'Tạo ngẫu nhiên' }).click();
    await choose(page, 'Vai trò', 'Thủ', /^Thủ trưởng đơn vị$/);
    await choose(page, /^Đơn vị \(cùng/, 'Bình Thủy', /Quận ủy Bình Thủy/);
    await drawer.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã tạo người dùng').waitFor();

    await page.getByLabel('Tìm theo thư điện tử hoặc tên').fill('binhthuy');
    await page.getByLabel('Tìm theo thư điện tử hoặc tên').press('Enter');
    const row = page.getByRole('row').filter({ hasText: 'head.binhthuy@example.org' });
    await row.getByText('Thủ trưởng đơn vị').waitFor();
    await row.getByText('Quận ủy Bình Thủy').waitFor();
    await page.context().close();
  }, 90_000);

  it('lists the approval policies with their steps and saves a change as a new version', async () => {
    const page = await adminPage();
    await page.goto('/admin/policies');
    await page.getByRole('heading', { level: 1, name: 'Quy trình duyệt' }).waitFor();
    const row = page
      .getByRole('row')
      .filter({ hasText: 'Default: organization board, then Standing Committee' });
    await row.getByText('Ban Tổ chức thẩm định').waitFor();
    const highCost = page.getByRole('row').filter({ hasText: 'High cost' });
    await highCost.getByText('chỉ quỹ cấp trên').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await row.getByRole('button', { name: 'Sửa' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('Tên').fill('Mặc định: Ban Tổ chức, rồi Ban Thường vụ');
    await drawer.getByRole('button', { name: 'Lưu' }).click();
    const renamed = page
      .getByRole('row')
      .filter({ hasText: 'Mặc định: Ban Tổ chức, rồi Ban Thường vụ' });
    await renamed.getByRole('cell', { name: '2', exact: true }).waitFor();
    await page.context().close();
  }, 90_000);

  it('lists every bad row of an import before writing anything, then imports a valid file', async () => {
    const page = await adminPage();
    await page.goto('/admin/imports');
    await page.getByRole('heading', { level: 1, name: 'Nhập từ bảng tính' }).waitFor();
    await page.getByText('Đơn vị', { exact: true }).click();
    const input = page.locator('input[type=file]');
    await input.setInputFiles({
      name: 'don-vi.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(BAD_UNITS, 'utf8'),
    });
    await page.getByRole('button', { name: 'Kiểm tra (chưa ghi)' }).click();
    await page.getByText('Tệp có 2 lỗi; chưa có gì được ghi.').waitFor();
    const errors = page.locator('.ant-card').filter({ hasText: 'Các lỗi trong tệp' });
    const row3 = errors
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: '3', exact: true }) });
    await row3.getByText('tier_code').waitFor();
    await row3.getByText('Không có cấp này').waitFor();
    // The detail is the server's own, in the language on screen, naming the cell's value.
    await row3.getByText('Cấp hành chính mã no-such-tier không tồn tại.').waitFor();
    const row4 = errors
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: '4', exact: true }) });
    await row4.getByText('Thiếu giá trị bắt buộc').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await input.setInputFiles({
      name: 'don-vi.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(GOOD_UNITS, 'utf8'),
    });
    await page.getByRole('button', { name: 'Kiểm tra (chưa ghi)' }).click();
    await page.getByText('Tệp hợp lệ: 2 dòng dữ liệu.').waitFor();
    await page.getByRole('button', { name: 'Ghi dữ liệu' }).click();
    await page.getByText('Đã nhập xong toàn bộ tệp.').waitFor();

    // The unit tree shows the organization, and the new wards, by their Vietnamese names.
    await page.goto('/admin/units');
    const tree = page.getByRole('tree');
    await tree.getByText('Thành ủy Cần Thơ').waitFor();
    await page.getByLabel('Tìm đơn vị theo tên hoặc mã').fill('Đổi Mới');
    await page.getByLabel('Tìm đơn vị theo tên hoặc mã').press('Enter');
    await page.getByRole('button', { name: 'Phường Đổi Mới' }).click();
    await page.locator('.ant-card-head').getByText('Phường Đổi Mới').waitFor();
    await page.getByText('Quận ủy Ninh Kiều').first().waitFor();
    await page.context().close();
  }, 150_000);

  it('filters the audit trail by record type and day', async () => {
    const page = await adminPage();
    await page.goto('/admin/audit');
    await page.getByRole('heading', { level: 1, name: 'Nhật ký thay đổi' }).waitFor();
    await page.getByRole('row').nth(1).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await choose(page, 'Loại hồ sơ', 'Đơn', /^Đơn vị$/);
    await page.getByRole('button', { name: 'Lọc' }).click();
    await page.waitForURL(/entity=unit/);
    await page.getByRole('cell', { name: 'Phường Đổi Mới' }).first().waitFor();
    // The unfiltered page stays on screen until the filtered one arrives.
    const cells = page.locator('tbody tr.ant-table-row td:nth-child(4)');
    let types: string[] = [];
    for (const deadline = Date.now() + 20_000; Date.now() < deadline;) {
      types = await cells.allInnerTexts();
      if (types.length && types.every((type) => type === 'Đơn vị')) break;
      await page.waitForTimeout(200);
    }
    expect(types.length).toBeGreaterThan(0);
    expect(new Set(types)).toEqual(new Set(['Đơn vị']));

    await page.getByLabel('Đến ngày').fill('01/01/2020');
    await page.getByRole('button', { name: 'Lọc' }).click();
    await page.waitForURL(/to=2020-01-01/);
    await page.getByText('Không có thay đổi nào khớp bộ lọc').waitFor();
    await page.context().close();
  }, 90_000);

  it('keeps the users list usable on a 360 px phone', async () => {
    const page = await adminPage(PHONE);
    await page.goto('/admin/users');
    await page.getByRole('heading', { level: 1, name: 'Người dùng' }).waitFor();
    await page.getByText('unit.head@demo.example.org').waitFor();
    // Evaluated in the page (the test itself has no DOM types).
    const overflow = await page.evaluate<number>(
      'document.documentElement.scrollWidth - window.innerWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await expectVisible(page, page.getByRole('button', { name: 'Thêm người dùng' }));
    await page.getByRole('button', { name: 'Thêm người dùng' }).click();
    await page.getByRole('dialog').getByLabel('Thư điện tử').waitFor();
    const drawer = await page.getByRole('dialog').boundingBox();
    // Layout widths are fractional: within a pixel of the screen is within the screen.
    expect(drawer?.width).toBeLessThanOrEqual(PHONE.width + 1);
    await page.context().close();
  }, 90_000);
});

async function expectVisible(page: Page, locator: ReturnType<Page['locator']>) {
  await locator.waitFor({ state: 'visible' });
  const box = await locator.boundingBox();
  expect(box).not.toBeNull();
  expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(page.viewportSize()?.width ?? 0);
}
