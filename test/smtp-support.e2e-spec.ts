import { mailTo, startSmtpServer, TestSmtpServer } from '@app/testing';
import { createTransport, type Transporter } from 'nodemailer';

// The test SMTP server itself: what nodemailer sends arrives parsed and intact, and the
// rejections suites rely on reach nodemailer with their SMTP codes.
describe('test SMTP server', () => {
  let smtp: TestSmtpServer;
  let transport: Transporter;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    // A plain smtp:// URL is enough: the server offers neither STARTTLS nor AUTH.
    transport = createTransport(smtp.url);
  });

  afterEach(() => {
    smtp.reset();
    smtp.clearRejections();
  });

  afterAll(async () => {
    transport.close();
    await smtp.close();
  });

  it('receives and parses a Vietnamese message with its diacritics intact', async () => {
    const subject = 'Hồ sơ cử đi đào tạo — Nguyễn Thị Hồng Nhung';
    const text = 'Kính gửi Trưởng phòng,\nĐề nghị xem xét hồ sơ cử đi đào tạo của đồng chí Nhung.';
    await transport.sendMail({
      from: '"Phòng Tổ chức cán bộ" <To.Chuc@example.vn>',
      to: 'Truong.Phong@example.vn',
      subject,
      text,
      html: `<p>Đề nghị xem xét hồ sơ của <b>Nguyễn Thị Hồng Nhung</b>.</p>`,
    });

    const [mail] = await smtp.waitFor(1);
    expect(mail).toMatchObject({
      from: 'to.chuc@example.vn',
      to: ['truong.phong@example.vn'],
      subject,
      html: '<p>Đề nghị xem xét hồ sơ của <b>Nguyễn Thị Hồng Nhung</b>.</p>',
    });
    expect(mail.text?.trim()).toBe(text);
    expect(mail.messageId).toMatch(/^<.+@.+>$/);
    expect(mail.parsed.from?.value[0].name).toBe('Phòng Tổ chức cán bộ');
    expect(mailTo(smtp, 'TRUONG.PHONG@example.vn')).toEqual([mail]);
    expect(mailTo(smtp, 'someone.else@example.vn')).toEqual([]);
  });

  it('reports a permanent rejection as an error with responseCode 550', async () => {
    smtp.reject('nobody@example.vn', 550, 'No such user');
    await expect(
      transport.sendMail({
        from: 'a@example.vn',
        to: 'nobody@example.vn',
        subject: 's',
        text: 't',
      }),
    ).rejects.toMatchObject({ responseCode: 550 });
    expect(smtp.messages).toEqual([]);
  });

  it('reports a transient rejection as an error with responseCode 451', async () => {
    smtp.reject('busy@example.vn', 451);
    await expect(
      transport.sendMail({ from: 'a@example.vn', to: 'busy@example.vn', subject: 's', text: 't' }),
    ).rejects.toMatchObject({ responseCode: 451 });
    expect(smtp.messages).toEqual([]);
  });
});
