import { NOTIFIED_EVENT_TYPES, type Locale, type NotifiedEventType } from '../events';
import type { DigestItem, NotificationContext } from './context';
import { escapeHtml, formatBasisPoints, formatDay, formatVnd } from './format';
import { renderDigest, renderNotification } from './render';

const LINK = 'https://daotao.example.gov.vn/nominations/7f3c2a10-0000-4000-8000-000000000001';
const FUND_LINK = 'https://daotao.example.gov.vn/funds/KP-2027-TP';

const nomination = (
  values: Partial<NonNullable<NotificationContext['nomination']>> = {},
): NonNullable<NotificationContext['nomination']> => ({
  reference: 'DX-2027-000123',
  nomineeName: 'Nguyễn Thị Hồng Nhung',
  programTitle: 'Cao cấp lý luận chính trị',
  intakeName: 'Khóa 12 (2027)',
  unitName: 'Sở Nội vụ thành phố Cần Thơ',
  estimatedCost: '45000000',
  step: { position: 2, role: 'board_reviewer', count: 3 },
  waitingWorkingDays: 5,
  decisionNumber: '1234-QĐ/TU',
  comment: 'Bổ sung bản sao văn bằng đại học.',
  actorName: 'Trần Văn Bình',
  ...values,
});

const fund = (
  values: Partial<NonNullable<NotificationContext['fund']>> = {},
): NonNullable<NotificationContext['fund']> => ({
  code: 'KP-2027-TP',
  name: 'Kinh phí đào tạo, bồi dưỡng cấp thành phố',
  fiscalYear: 2027,
  threshold: 80,
  utilizationBasisPoints: 8123,
  allocated: '140000000000',
  available: '26278000000',
  ...values,
});

const contextFor = (
  type: NotifiedEventType,
  locale: Locale,
  values: Partial<NotificationContext> = {},
): NotificationContext =>
  type.startsWith('fund.')
    ? {
        type,
        recipient: { displayName: 'Lê Minh Tuấn', locale },
        link: FUND_LINK,
        fund: fund(),
        ...values,
      }
    : {
        type,
        recipient: { displayName: 'Lê Minh Tuấn', locale },
        link: LINK,
        nomination: nomination(),
        ...values,
      };

const LOCALES: Locale[] = ['vi', 'en'];
const CASES = NOTIFIED_EVENT_TYPES.flatMap((type) => LOCALES.map((locale) => [type, locale]));

describe('renderNotification', () => {
  it.each(CASES as [NotifiedEventType, Locale][])(
    '%s renders in %s with its reference and link',
    (type, locale) => {
      const context = contextFor(type, locale);
      const message = renderNotification(context);
      const reference = context.fund ? context.fund.code : context.nomination!.reference;

      expect(message.subject.startsWith(locale === 'vi' ? '[Đào tạo] ' : '[Training] ')).toBe(true);
      expect(message.subject).toContain(reference);
      expect(message.subject).not.toMatch(/\n/);
      expect(message.text).toContain(reference);
      expect(message.text.split('\n')).toContain(context.link);
      expect(message.html).toContain(`<a href="${context.link}"`);
      expect(message.html).toContain(reference);
      expect(message.html).toContain('<meta charset="utf-8">');
      expect(message.html).toContain(`<html lang="${locale}">`);
      expect(message.html).not.toContain('undefined');
      expect(message.text).not.toContain('undefined');
    },
  );

  it('keeps Vietnamese diacritics intact', () => {
    const message = renderNotification(contextFor('nomination.submitted', 'vi'));

    expect(message.subject).toBe('[Đào tạo] Hồ sơ DX-2027-000123 chờ xem xét');
    expect(message.text).toContain('Kính gửi đồng chí Lê Minh Tuấn,');
    expect(message.text).toContain('Người được cử: Nguyễn Thị Hồng Nhung');
    expect(message.text).toContain('Chương trình: Cao cấp lý luận chính trị');
    expect(message.text).toContain('Khóa học: Khóa 12 (2027)');
    expect(message.text).toContain('Kinh phí dự kiến: 45.000.000 ₫');
    expect(message.html).toContain('Nguyễn Thị Hồng Nhung');
    expect(message.html).toContain('Cao cấp lý luận chính trị');
  });

  it('says which step awaits the recipient, in both languages', () => {
    const vi = renderNotification(contextFor('nomination.step_approved', 'vi'));
    const en = renderNotification(
      contextFor('nomination.submitted', 'en', {
        nomination: nomination({ step: { position: 3, role: 'board_member', count: 3 } }),
      }),
    );

    expect(vi.text).toContain(
      'Đề nghị đồng chí xem xét hồ sơ tại bước 2/3 – Ban Tổ chức (thẩm định).',
    );
    expect(en.text).toContain('It awaits your review at step 3 of 3 – Standing Committee.');
  });

  it('tells how many working days a reminder or escalation has waited', () => {
    const vi = renderNotification(contextFor('nomination.reminder', 'vi'));
    const en = renderNotification(
      contextFor('nomination.escalated', 'en', {
        nomination: nomination({ waitingWorkingDays: 1 }),
      }),
    );

    expect(vi.subject).toContain('5 ngày làm việc');
    expect(vi.text).toContain('5 ngày làm việc');
    expect(en.text).toContain('has waited for 1 working day at step 2 of 3');
  });

  it('gives the reason of a return and asks for revision and resubmission', () => {
    const vi = renderNotification(contextFor('nomination.returned', 'vi'));
    const en = renderNotification(contextFor('nomination.returned', 'en'));

    expect(vi.text).toContain('Lý do: Bổ sung bản sao văn bằng đại học.');
    expect(vi.text).toContain('chỉnh sửa, bổ sung hồ sơ');
    expect(vi.text).toContain('gửi lại');
    expect(en.text).toContain('Reason: Bổ sung bản sao văn bằng đại học.');
    expect(en.text).toContain('resubmit');
  });

  it('states the decision number of an approval', () => {
    const vi = renderNotification(contextFor('nomination.approved', 'vi'));
    const en = renderNotification(contextFor('nomination.approved', 'en'));

    expect(vi.text).toContain('theo Quyết định cử đi học số 1234-QĐ/TU.');
    expect(en.text).toContain('by decision no. 1234-QĐ/TU.');
  });

  it('states the line of an approval issued as one decision with an attached list', () => {
    const listed = {
      nomination: nomination({ decisionNumber: '0007/QĐ-TU/2026', decisionLine: 3 }),
    };
    const vi = renderNotification(contextFor('nomination.approved', 'vi', listed));
    const en = renderNotification(contextFor('nomination.approved', 'en', listed));

    expect(vi.text).toContain(
      'theo Quyết định cử đi học số 0007/QĐ-TU/2026 (số thứ tự 3 trong danh sách kèm theo).',
    );
    expect(vi.text).toContain('Số thứ tự trong danh sách: 3');
    expect(en.text).toContain('by decision no. 0007/QĐ-TU/2026 (line 3 of its attached list).');
  });

  it('gives the reason of a withdrawal', () => {
    const vi = renderNotification(
      contextFor('nomination.withdrawn', 'vi', {
        nomination: nomination({ comment: 'Cán bộ chuyển công tác.' }),
      }),
    );
    expect(vi.text).toContain('Lý do: Cán bộ chuyển công tác.');
  });

  it('escapes interpolated values in html but not in text', () => {
    const comment = '<script>alert("x")</script> & <b>\'đ\'</b>';
    const context = contextFor('nomination.rejected', 'en', {
      recipient: { displayName: 'A & B <admin>', locale: 'en' },
      nomination: nomination({ comment, programTitle: 'R&D <Leadership>' }),
    });
    const message = renderNotification(context);

    expect(message.text).toContain(`Reason: ${comment}`);
    expect(message.text).toContain('Dear A & B <admin>,');
    expect(message.html).not.toContain('<script>');
    expect(message.html).not.toContain('<b>');
    expect(message.html).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;&#39;đ&#39;&lt;/b&gt;',
    );
    expect(message.html).toContain('R&amp;D &lt;Leadership&gt;');
    expect(message.html).toContain('Dear A &amp; B &lt;admin&gt;,');
  });

  it('keeps the line breaks of a comment in html', () => {
    const message = renderNotification(
      contextFor('nomination.returned', 'vi', {
        nomination: nomination({ comment: 'Thiếu bằng đại học.\nThiếu quyết định quy hoạch.' }),
      }),
    );

    expect(message.html).toContain('Thiếu bằng đại học.<br>Thiếu quyết định quy hoạch.');
  });

  it('warns early of committed + in review in Vietnamese with diacritics, and in English', () => {
    const values = fund({
      threshold: 90,
      utilizationBasisPoints: 9120,
      committed: '50000000000',
      pipeline: '77680000000',
    });
    const vi = renderNotification(contextFor('fund.pipeline_warning', 'vi', { fund: values }));
    const en = renderNotification(contextFor('fund.pipeline_warning', 'en', { fund: values }));

    expect(vi.subject).toContain('Cảnh báo sớm: nguồn kinh phí KP-2027-TP sắp vượt 90');
    expect(vi.text).toContain('Đang xét duyệt: 77.680.000.000 ₫');
    expect(vi.text).toContain('Đã cam kết (giữ chỗ và đã chi): 50.000.000.000 ₫');
    expect(vi.text).toMatch(/91,20\s?%/);
    expect(en.subject).toContain('Early warning: fund KP-2027-TP is nearing 90');
    expect(en.text).toContain('In review:');
  });

  it('reports a fund threshold with exact amounts and utilization', () => {
    const values = fund({ allocated: '123456789012345678', available: '9007199254740993' });
    const vi = renderNotification(contextFor('fund.threshold_crossed', 'vi', { fund: values }));
    const en = renderNotification(contextFor('fund.threshold_crossed', 'en', { fund: values }));

    expect(vi.text).toContain('Kinh phí được phân bổ: 123.456.789.012.345.678 ₫');
    expect(vi.text).toContain('Kinh phí còn lại: 9.007.199.254.740.993 ₫');
    expect(vi.text).toContain('Tỷ lệ đã sử dụng: 81,23%');
    expect(vi.text).toContain('năm 2027');
    expect(vi.subject).toBe('[Đào tạo] Nguồn kinh phí KP-2027-TP đã sử dụng vượt 80%');
    expect(en.text).toContain('Allocated: 123,456,789,012,345,678 VND');
    expect(en.text).toContain('Available: 9,007,199,254,740,993 VND');
    expect(en.text).toContain('Utilization: 81.23%');
    expect(en.subject).toBe('[Training] Fund KP-2027-TP is over 80% used');
  });

  it('refuses a context without the record the event is about', () => {
    expect(() =>
      renderNotification(contextFor('nomination.approved', 'vi', { nomination: undefined })),
    ).toThrow(/nomination/);
    expect(() =>
      renderNotification(contextFor('fund.threshold_crossed', 'en', { fund: undefined })),
    ).toThrow(/fund/);
  });
});

describe('renderDigest', () => {
  const items: DigestItem[] = ['submitted', 'reminder', 'returned'].map((event, index) => {
    const message = renderNotification(
      contextFor(`nomination.${event}` as NotifiedEventType, 'vi', {
        link: `${LINK}?n=${index}`,
        nomination: nomination({ reference: `DX-2026-00000${index + 1}` }),
      }),
    );
    return {
      subject: message.subject,
      text: message.text,
      link: `${LINK}?n=${index}`,
      at: '2026-11-26T03:00:00Z',
    };
  });

  it('lists three items with a count in the subject', () => {
    const vi = renderDigest({ displayName: 'Lê Minh Tuấn', locale: 'vi' }, items, '2026-11-26');
    const en = renderDigest({ displayName: 'Le Minh Tuan', locale: 'en' }, items, '2026-11-26');

    expect(vi.subject).toBe('[Đào tạo] Tổng hợp ngày 26/11/2026: 3 thông báo');
    expect(en.subject).toBe('[Training] Daily digest for 2026-11-26: 3 notifications');
    for (const item of items) {
      expect(vi.text).toContain(item.subject);
      expect(vi.text.split('\n')).toContain(item.link);
      expect(vi.html).toContain(`<a href="${escapeHtml(item.link)}"`);
      expect(en.html).toContain(escapeHtml(item.subject));
    }
    expect(vi.text).toContain('1. [Đào tạo] Hồ sơ DX-2026-000001 chờ xem xét');
    expect(vi.html.match(/<li /g)).toHaveLength(3);
    expect(en.html).toContain('<html lang="en">');
  });

  it('still renders, and counts, when there is nothing to list', () => {
    const en = renderDigest({ displayName: 'Le Minh Tuan', locale: 'en' }, [], '2026-11-26');

    expect(en.subject).toBe('[Training] Daily digest for 2026-11-26: 0 notifications');
    expect(en.html).not.toContain('<ol');
  });
});

describe('formatting', () => {
  it('groups amounts beyond 2^53 exactly', () => {
    expect(formatVnd('123456789012345678', 'vi')).toBe('123.456.789.012.345.678 ₫');
    expect(formatVnd('123456789012345678', 'en')).toBe('123,456,789,012,345,678 VND');
    expect(formatVnd('1234567', 'vi')).toBe('1.234.567 ₫');
    expect(formatVnd('999', 'en')).toBe('999 VND');
    expect(formatVnd('0', 'vi')).toBe('0 ₫');
    expect(formatVnd('-1500000', 'en')).toBe('-1,500,000 VND');
    expect(() => formatVnd('1.5', 'vi')).toThrow(RangeError);
  });

  it('turns basis points into a percentage with two decimals', () => {
    expect(formatBasisPoints(8123, 'vi')).toBe('81,23%');
    expect(formatBasisPoints(8123, 'en')).toBe('81.23%');
    expect(formatBasisPoints(5, 'en')).toBe('0.05%');
    expect(formatBasisPoints(10000, 'vi')).toBe('100,00%');
    expect(() => formatBasisPoints(81.5, 'en')).toThrow(RangeError);
  });

  it('writes a day the way each language does', () => {
    expect(formatDay('2026-11-26', 'vi')).toBe('26/11/2026');
    expect(formatDay('2026-11-26T17:00:00Z', 'en')).toBe('2026-11-26');
  });

  it('escapes the five HTML-special characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});

describe('the invitation email', () => {
  const invitation = (locale: Locale): NotificationContext => ({
    type: 'user.invited',
    recipient: { displayName: 'Nguyễn Thị Hồng Nhung', locale },
    link: 'https://daotao.example.gov.vn/invitation/abc_DEF-123',
    invitation: { expiresAt: '2026-12-12T07:05:00.000Z', email: 'nhung@example.org' },
  });

  it('should invite in Vietnamese with the link, the email and the expiry in Vietnam time', () => {
    const message = renderNotification(invitation('vi'));
    expect(message.subject).toBe('[Đào tạo] Mời đồng chí kích hoạt tài khoản');
    expect(message.text).toContain('Kính gửi đồng chí Nguyễn Thị Hồng Nhung,');
    expect(message.text).toContain('14:05 ngày 12/12/2026');
    expect(message.text).toContain('Tên đăng nhập (email): nhung@example.org');
    expect(message.text).toContain('https://daotao.example.gov.vn/invitation/abc_DEF-123');
    expect(message.html).toContain('href="https://daotao.example.gov.vn/invitation/abc_DEF-123"');
  });

  it('should invite in English', () => {
    const message = renderNotification(invitation('en'));
    expect(message.subject).toBe('[Training] Activate your account');
    expect(message.text).toContain('2026-12-12 14:05 (UTC+7)');
  });
});
