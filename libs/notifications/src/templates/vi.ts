import { formatBasisPoints, formatInstant, formatPercent, formatVnd } from './format';
import type { Fact, LocaleWording, NominationFacts, StepRole } from './render';

/** Vietnamese (the default): administrative register, addressing the recipient as "đồng chí". */

const ROLE: Record<StepRole, string> = {
  board_reviewer: 'Ban Tổ chức (thẩm định)',
  board_member: 'Ban Thường vụ',
  finance: 'Tài chính',
};

const VIEW = 'Xem hồ sơ';

const REVIEW = 'Xem xét hồ sơ';

/** " tại bước 2/3 – Ban Tổ chức (thẩm định)", or nothing when the step is not known. */
const atStep = (n: NominationFacts): string =>
  n.step ? ` tại bước ${n.step.position}/${n.step.count} – ${ROLE[n.step.role]}` : '';

const waited = (n: NominationFacts): string =>
  n.waitingWorkingDays === undefined ? '' : ` ${n.waitingWorkingDays} ngày làm việc`;

const reason = (n: NominationFacts): Fact => ['Lý do', n.comment?.trim() || 'Không ghi lý do'];

const facts = (n: NominationFacts, ...extra: Fact[]): Fact[] => [
  ['Số hồ sơ', n.reference],
  ['Người được cử', n.nomineeName],
  ['Chương trình', n.programTitle],
  ['Khóa học', n.intakeName],
  ['Đơn vị đề xuất', n.unitName],
  ['Kinh phí dự kiến', formatVnd(n.estimatedCost, 'vi')],
  ...extra,
  ['Người thực hiện', n.actorName],
];

export const vi: LocaleWording = {
  tag: '[Đào tạo]',
  greeting: (name) => `Kính gửi đồng chí ${name},`,
  footer:
    'Thư này được gửi tự động từ hệ thống quản lý đào tạo, bồi dưỡng cán bộ; đề nghị không trả lời thư này.',

  nomination: {
    'nomination.submitted': (n) => ({
      subject: `Hồ sơ ${n.reference} chờ xem xét`,
      paragraphs: [
        `${n.unitName} đã gửi hồ sơ cử đi đào tạo số ${n.reference}.`,
        `Đề nghị đồng chí xem xét hồ sơ${atStep(n)}.`,
      ],
      facts: facts(n),
      linkLabel: REVIEW,
    }),
    'nomination.step_approved': (n) => ({
      subject: `Hồ sơ ${n.reference} chuyển bước, chờ xem xét`,
      paragraphs: [
        `Hồ sơ cử đi đào tạo số ${n.reference} đã được thông qua ở bước trước.`,
        `Đề nghị đồng chí xem xét hồ sơ${atStep(n)}.`,
      ],
      facts: facts(n),
      linkLabel: REVIEW,
    }),
    'nomination.reminder': (n) => ({
      subject: `Nhắc việc: hồ sơ ${n.reference} đã chờ xem xét${waited(n)}`,
      paragraphs: [
        `Hồ sơ cử đi đào tạo số ${n.reference} đã chờ xem xét${waited(n)}${atStep(n)}.`,
        'Đề nghị đồng chí sớm xem xét, xử lý hồ sơ.',
      ],
      facts: facts(n),
      linkLabel: REVIEW,
    }),
    'nomination.escalated': (n) => ({
      subject: `Hồ sơ ${n.reference} quá hạn xem xét`,
      paragraphs: [
        `Hồ sơ cử đi đào tạo số ${n.reference} đã chờ${waited(n)}${atStep(n)} nhưng chưa được xử lý.`,
        'Đề nghị đồng chí chỉ đạo xử lý hoặc trực tiếp xem xét hồ sơ.',
      ],
      facts: facts(n),
      linkLabel: REVIEW,
    }),
    'nomination.returned': (n) => ({
      subject: `Hồ sơ ${n.reference} được trả lại để chỉnh sửa, bổ sung`,
      paragraphs: [
        `Hồ sơ cử đi đào tạo số ${n.reference} đã được trả lại để chỉnh sửa, bổ sung.`,
        'Đề nghị đồng chí chỉnh sửa, bổ sung hồ sơ theo lý do nêu dưới đây và gửi lại để tiếp tục xem xét.',
      ],
      facts: facts(n, reason(n)),
      linkLabel: 'Chỉnh sửa hồ sơ',
    }),
    'nomination.approved': (n) => ({
      subject: `Hồ sơ ${n.reference} đã được phê duyệt`,
      paragraphs: [
        `Hồ sơ cử đi đào tạo số ${n.reference} đã được phê duyệt` +
          (n.decisionNumber
            ? ` theo Quyết định cử đi học số ${n.decisionNumber}` +
              (n.decisionLine ? ` (số thứ tự ${n.decisionLine} trong danh sách kèm theo).` : '.')
            : '.'),
        `Đồng chí ${n.nomineeName} được cử tham gia chương trình ${n.programTitle}` +
          (n.intakeName ? `, ${n.intakeName}.` : '.'),
      ],
      facts: facts(
        n,
        ['Số quyết định', n.decisionNumber],
        ['Số thứ tự trong danh sách', n.decisionLine?.toString()],
      ),
      linkLabel: VIEW,
    }),
    'nomination.rejected': (n) => ({
      subject: `Hồ sơ ${n.reference} không được phê duyệt`,
      paragraphs: [
        `Hồ sơ cử đi đào tạo số ${n.reference} không được phê duyệt.`,
        'Đây là quyết định cuối cùng đối với hồ sơ này; lý do được nêu dưới đây.',
      ],
      facts: facts(n, reason(n)),
      linkLabel: VIEW,
    }),
    'nomination.cancelled': (n) => ({
      subject: `Hồ sơ ${n.reference} đã bị hủy`,
      paragraphs: [
        `Quyết định cử đi học theo hồ sơ cử đi đào tạo số ${n.reference} đã bị hủy.`,
        'Kinh phí tạm giữ cho hồ sơ được hoàn lại nguồn kinh phí; lý do hủy được nêu dưới đây.',
      ],
      facts: facts(n, reason(n)),
      linkLabel: VIEW,
    }),
    'nomination.withdrawn': (n) => ({
      subject: `Hồ sơ ${n.reference} đã được rút lại`,
      paragraphs: [
        `${n.unitName} đã rút lại hồ sơ cử đi đào tạo số ${n.reference}` +
          (n.step ? ` đang chờ xem xét${atStep(n)}.` : '.'),
        'Đồng chí không cần tiếp tục xem xét hồ sơ này.',
      ],
      facts: facts(n, reason(n)),
      linkLabel: VIEW,
    }),
  },

  fund: {
    'fund.threshold_crossed': (f) => ({
      subject: `Nguồn kinh phí ${f.code} đã sử dụng vượt ${formatPercent(f.threshold, 'vi')}`,
      paragraphs: [
        `Nguồn kinh phí đào tạo, bồi dưỡng ${f.code} (${f.name}) năm ${f.fiscalYear} đã sử dụng ` +
          `${formatBasisPoints(f.utilizationBasisPoints, 'vi')}, vượt ngưỡng cảnh báo ` +
          `${formatPercent(f.threshold, 'vi')}.`,
        'Đề nghị đồng chí theo dõi, cân đối kinh phí trước khi xác nhận các khoản chi tiếp theo.',
      ],
      facts: [
        ['Mã nguồn kinh phí', f.code],
        ['Tên nguồn kinh phí', f.name],
        ['Năm ngân sách', String(f.fiscalYear)],
        ['Ngưỡng cảnh báo', formatPercent(f.threshold, 'vi')],
        ['Tỷ lệ đã sử dụng', formatBasisPoints(f.utilizationBasisPoints, 'vi')],
        ['Kinh phí được phân bổ', formatVnd(f.allocated, 'vi')],
        ['Kinh phí còn lại', formatVnd(f.available, 'vi')],
      ],
      linkLabel: 'Xem nguồn kinh phí',
    }),
    'fund.pipeline_warning': (f) => ({
      subject: `Cảnh báo sớm: nguồn kinh phí ${f.code} sắp vượt ${formatPercent(f.threshold, 'vi')}`,
      paragraphs: [
        `Kinh phí đã cam kết và kinh phí của các hồ sơ đang xét duyệt trên nguồn kinh phí ` +
          `${f.code} (${f.name}) năm ${f.fiscalYear} đã chiếm ` +
          `${formatBasisPoints(f.utilizationBasisPoints, 'vi')} dự toán, vượt ngưỡng cảnh báo sớm ` +
          `${formatPercent(f.threshold, 'vi')}.`,
        'Chưa có khoản nào được giữ chỗ thêm; đề nghị đồng chí rà soát, cân đối kinh phí ' +
          'trước khi các hồ sơ được phê duyệt.',
      ],
      facts: [
        ['Mã nguồn kinh phí', f.code],
        ['Tên nguồn kinh phí', f.name],
        ['Năm ngân sách', String(f.fiscalYear)],
        ['Ngưỡng cảnh báo sớm', formatPercent(f.threshold, 'vi')],
        ['Đã cam kết và đang xét duyệt', formatBasisPoints(f.utilizationBasisPoints, 'vi')],
        ['Kinh phí được phân bổ', formatVnd(f.allocated, 'vi')],
        ['Đã cam kết (giữ chỗ và đã chi)', f.committed && formatVnd(f.committed, 'vi')],
        ['Đang xét duyệt', f.pipeline && formatVnd(f.pipeline, 'vi')],
      ],
      linkLabel: 'Xem nguồn kinh phí',
    }),
  },

  account: {
    'user.invited': (invitation) => ({
      subject: 'Mời đồng chí kích hoạt tài khoản',
      paragraphs: [
        'Quản trị viên đã tạo cho đồng chí tài khoản trên hệ thống quản lý đào tạo, bồi dưỡng cán bộ.',
        'Để bắt đầu sử dụng, đồng chí mở đường dẫn dưới đây và đặt mật khẩu của mình ' +
          `(ít nhất 12 ký tự). Đường dẫn chỉ dùng được một lần, có hiệu lực đến ` +
          `${formatInstant(invitation.expiresAt, 'vi')}.`,
        'Nếu đồng chí không đề nghị cấp tài khoản, xin bỏ qua thư này.',
      ],
      facts: [['Tên đăng nhập (email)', invitation.email]],
      linkLabel: 'Đặt mật khẩu và đăng nhập',
    }),
  },

  digest: (count, day) => ({
    subject: `Tổng hợp ngày ${day}: ${count} thông báo`,
    intro:
      count === 0
        ? `Ngày ${day} không có thông báo mới.`
        : `Ngày ${day} có ${count} thông báo về hồ sơ cử đi đào tạo, bồi dưỡng:`,
  }),
};
