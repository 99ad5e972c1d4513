import { inboxBody, inboxTitle } from './links';

describe('inbox text', () => {
  const link = 'http://localhost:3000/nominations/4107076e-4a52-4a19-bf26-892ea3754d16';
  const body = [
    'Kính gửi đồng chí A,',
    '',
    'Quận ủy Ninh Kiều đã gửi hồ sơ số DT-2026-000001.',
    '',
    'Xem xét hồ sơ:',
    link,
    '',
    '--',
    'Thư này được gửi tự động.',
  ].join('\n');

  it('leaves out the address, its label and the email signature', () => {
    expect(inboxBody(body, link)).toBe(
      'Kính gửi đồng chí A,\n\nQuận ủy Ninh Kiều đã gửi hồ sơ số DT-2026-000001.',
    );
  });

  it('keeps a text without them as it is', () => {
    expect(inboxBody('Một dòng.\nHai dòng.', null)).toBe('Một dòng.\nHai dòng.');
  });

  it('drops the subject tag of the email', () => {
    expect(inboxTitle('[Đào tạo] Hồ sơ DT-2026-000001 chờ xem xét')).toBe(
      'Hồ sơ DT-2026-000001 chờ xem xét',
    );
    expect(inboxTitle('Hồ sơ [x] mới')).toBe('Hồ sơ [x] mới');
  });
});
