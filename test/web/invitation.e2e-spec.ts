import { eventually, mailTo } from '@app/testing';
import { seriousA11yViolations, signIn, startWebStack, type WebStack } from '../support/browser';

const ADMIN_EMAIL = 'root.admin@example.org';
const ADMIN_PASSWORD = 'root-admin-password-2026';
const INVITED = 'moi.nguoidung@example.org';
const PASSWORD = 'mật khẩu của tôi đủ dài';

describe('An invitation in the browser', () => {
  let web: WebStack;

  beforeAll(async () => {
    web = await startWebStack({ env: { ADMIN_EMAIL, ADMIN_PASSWORD } });
  }, 120_000);

  afterAll(async () => {
    await web?.close();
  });

  it('lets the invited user choose a password, then sign in; the link works once', async () => {
    const login = await web.stack.http.post('/api/v1/auth/login', {
      email: ADMIN_EMAIL,
      password: ADMIN_PASSWORD,
    });
    const created = await web.stack.http.post(
      '/api/v1/users',
      { email: INVITED, displayName: 'Nguyễn Thị Mới', roles: [] },
      { authorization: `Bearer ${login.body.accessToken}` },
    );
    expect(created.status).toBe(201);
    const mail = await eventually(async () => mailTo(web.smtp, INVITED)[0]);
    const token = /\/invitation\/([A-Za-z0-9_-]+)/.exec(mail.text ?? '')![1];

    const page = await (await web.newContext()).newPage();
    await page.goto(`/invitation/${token}`);
    await page.getByRole('heading', { level: 2, name: 'Kích hoạt tài khoản' }).waitFor();
    await page.getByText('Kính chào đồng chí Nguyễn Thị Mới.').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByLabel('Mật khẩu mới').fill(PASSWORD);
    await page.getByLabel('Nhập lại mật khẩu').fill('một mật khẩu khác hẳn');
    await page.getByRole('button', { name: 'Đặt mật khẩu' }).click();
    await page.getByText('Hai mật khẩu chưa khớp nhau').waitFor();
    await page.getByLabel('Nhập lại mật khẩu').fill(PASSWORD);
    await page.getByRole('button', { name: 'Đặt mật khẩu' }).click();

    await page.waitForURL(/\/login\?reason=invited/);
    await page.getByText('Đã đặt mật khẩu. Vui lòng đăng nhập bằng mật khẩu mới.').waitFor();
    expect(await page.getByLabel('Thư điện tử').inputValue()).toBe(INVITED);
    await signIn(page, INVITED, PASSWORD);

    await page.goto(`/invitation/${token}`);
    await page.getByText('Đường dẫn mời đã được sử dụng').waitFor();
    await page.context().close();
  }, 120_000);
});
