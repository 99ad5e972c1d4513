import type { ErrorDocs, ErrorEntries } from './entry';

/** Errors of funds, reservations, spending and cost splits. */
export const budgetErrors = {
  OVERRIDE_NOT_ALLOWED: {
    status: 403,
    when: 'An `overrideReason` from someone who is not finance over every fund the action charges; nothing moves (see budget.md).',
    vi: 'Chỉ bộ phận tài chính quản lý các quỹ liên quan mới được duyệt vượt kinh phí.',
    en: 'Only finance over every fund concerned may approve beyond the budget.',
  },
  FUND_NOT_RESERVED: {
    status: 422,
    when: 'An actual cost on a fund the nomination did not reserve, known or not; only finance over a fund that can pay may name one.',
    vi: 'Hồ sơ chưa tạm giữ kinh phí trên quỹ này; chỉ bộ phận tài chính mới được ghi chi phí vào quỹ khác.',
    en: 'The nomination holds no money on this fund; only finance may record costs on another fund.',
  },
  FUND_NOT_FOUND: {
    status: 404,
    when: 'No such fund, or one the caller may not see.',
    vi: 'Không tìm thấy quỹ đào tạo, hoặc bạn không có quyền xem.',
    en: 'The training fund was not found, or you may not see it.',
  },
  AMOUNT_NOT_POSITIVE: {
    status: 400,
    when: 'An allocation (or a cost line) must be a positive amount.',
    vi: 'Số tiền phải lớn hơn 0.',
    en: 'The amount must be more than zero.',
  },
  AMOUNT_ZERO: {
    status: 400,
    when: 'An adjustment cannot be zero.',
    vi: 'Số tiền điều chỉnh phải khác 0.',
    en: 'An adjustment cannot be zero.',
  },
  ADJUSTMENT_EXCEEDS_AVAILABLE: {
    status: 422,
    when: 'A negative adjustment would take a fund below what is available.',
    vi: 'Số tiền giảm vượt quá số dư còn lại của quỹ.',
    en: 'The reduction is more than the fund has available.',
  },
  BUDGET_EXCEEDED: {
    status: 422,
    when: 'A fund cannot pay: `fundId`, `available` and `requested` say by how much. A `warn` fund can be overridden by finance with a reason.',
    vi: 'Quỹ[ {fundCode}] không đủ kinh phí cho khoản này[: còn {available:amount} đồng, cần {requested:amount} đồng]. Vui lòng chọn quỹ khác hoặc giảm số tiền.',
    en: 'The fund[ {fundCode}] cannot pay this amount[: {available:amount} VND available, {requested:amount} VND requested]. Please choose another fund or lower the amount.',
  },
  FUND_CLOSED: {
    status: 422,
    when: 'A closed fund takes no new commitments.',
    vi: 'Quỹ[ {fundCode}] đã đóng, không nhận thêm khoản chi mới. Vui lòng chọn quỹ khác.',
    en: 'The fund[ {fundCode}] is closed and takes no new commitments. Please choose another fund.',
  },
  FUND_OVERDRAWN: {
    status: 409,
    when: 'An overdrawn fund cannot take the `stop` policy until its balance is back to zero or above.',
    vi: 'Quỹ đang bị chi vượt, chưa thể áp dụng chế độ chặn chi cho đến khi số dư không còn âm.',
    en: 'The fund is overdrawn; it cannot block spending until its balance is back to zero or above.',
  },
  ALREADY_RESERVED: {
    status: 409,
    when: 'The nomination already holds a reservation on that fund.',
    vi: 'Hồ sơ này đã tạm giữ kinh phí trên quỹ này.',
    en: 'This nomination already holds money on this fund.',
  },
  ALREADY_SETTLED: {
    status: 409,
    when: 'The actual spend of this nomination is already recorded.',
    vi: 'Chi phí thực tế của hồ sơ này đã được quyết toán.',
    en: 'The actual cost of this nomination is already recorded.',
  },
  // Field-level codes (`errors[].code`), described in the field sections below.
  UNKNOWN_FUND: {
    vi: 'Quỹ[ {fundId}] không tồn tại hoặc bạn không được dùng quỹ này.',
    en: 'The fund[ {fundId}] does not exist or you may not use it.',
  },
  AMOUNT_NEGATIVE: {
    vi: 'Phần học viên tự chi không được âm.',
    en: 'The learner’s share cannot be negative.',
  },
  SPLIT_DOES_NOT_ADD_UP: {
    vi: 'Tổng các khoản và phần học viên tự chi phải bằng chi phí dự kiến của khóa học.',
    en: 'The lines and the learner’s share must add up to the intake’s estimated cost.',
  },
  SOURCE_NOT_ALLOWED: {
    vi: 'Khóa học không nhận kinh phí từ nguồn của quỹ này.',
    en: 'The intake does not accept money from this fund’s source.',
  },
  WRONG_FISCAL_YEAR: {
    vi: 'Quỹ thuộc năm tài chính khác với năm khai giảng khóa học.',
    en: 'The fund is for another fiscal year than the intake’s start.',
  },
  OWNER_NOT_ABOVE_NOMINEE: {
    vi: 'Quỹ này không chi cho đơn vị của cán bộ được cử.',
    en: 'This fund does not cover the nominee’s unit.',
  },
} satisfies ErrorEntries;

export const budgetDocs: ErrorDocs = {
  title: 'Training fund',
  fieldSections: [
    {
      title: 'Cost splits (rows of `INVALID_COST_SPLIT`)',
      rows: [
        {
          codes: ['UNKNOWN_FUND'],
          when: 'A cost line names a fund that does not exist, or that the caller may not use.',
        },
        {
          codes: ['AMOUNT_NOT_POSITIVE', 'AMOUNT_NEGATIVE'],
          when: "A cost line is not positive, or the learner's share is negative.",
        },
        {
          codes: ['SPLIT_DOES_NOT_ADD_UP'],
          when: "The cost lines and the learner's share do not add up to the intake's estimated cost.",
        },
        { codes: ['SOURCE_NOT_ALLOWED'], when: "The fund's source is not one the intake accepts." },
        {
          codes: ['WRONG_FISCAL_YEAR'],
          when: "The fund is for another fiscal year than the intake's start.",
        },
        {
          codes: ['OWNER_NOT_ABOVE_NOMINEE'],
          when: "The fund's owner does not cover the nominee's unit.",
        },
        { codes: ['FUND_CLOSED'], when: 'The fund is closed.' },
      ],
    },
  ],
};
