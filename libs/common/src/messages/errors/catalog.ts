import type { ErrorDocs, ErrorEntries } from './entry';

/** Errors of providers, programmes, intakes, quotas and eligibility rules. */
export const catalogErrors = {
  PROVIDER_NOT_FOUND: {
    status: 404,
    when: 'No such training provider.',
    vi: 'Không tìm thấy cơ sở đào tạo.',
    en: 'The training provider was not found.',
  },
  PROGRAM_NOT_FOUND: {
    status: 404,
    when: 'No such programme.',
    vi: 'Không tìm thấy chương trình đào tạo.',
    en: 'The programme was not found.',
  },
  INTAKE_NOT_FOUND: {
    status: 404,
    when: 'No such intake.',
    vi: 'Không tìm thấy khóa học.',
    en: 'The intake was not found.',
  },
  RULE_NOT_FOUND: {
    status: 404,
    when: 'No such eligibility rule.',
    vi: 'Không tìm thấy điều kiện dự học.',
    en: 'The eligibility rule was not found.',
  },
  SEATS_BELOW_TAKEN: {
    status: 409,
    when: "An intake's seats cannot go below the seats already taken (`seatsTaken`).",
    vi: 'Số chỉ tiêu không được ít hơn số chỗ đã có người đăng ký[ ({seatsTaken})].',
    en: 'The seats cannot be fewer than the seats already taken[ ({seatsTaken})].',
  },
  QUOTAS_EXCEED_SEATS: {
    status: 422,
    when: "An intake's seat quotas reserve more seats than the intake has.",
    vi: 'Tổng chỉ tiêu phân bổ[ ({reserved} chỗ)] vượt quá số chỗ của khóa học[ ({seatsTotal})].',
    en: 'The seat quotas add up to more[ ({reserved})] than the intake has[ ({seatsTotal})].',
  },
  INTAKE_FUNDED_IN_OTHER_YEAR: {
    status: 409,
    when: 'An intake would move into another fiscal year while its nominations hold reserved money (or, in review, ask for money) from funds of its old year; `startsInYear`, `fundYears` and `nominations` say which. Finance releases those reservations first (cancel, or return and resubmit on funds of the new year).',
    vi: 'Không thể dời khóa học sang năm khác khi còn hồ sơ đang giữ kinh phí của năm cũ. Bộ phận tài chính cần hoàn lại các khoản tạm giữ đó trước.',
    en: 'The intake cannot move to another year while nominations hold money from the old year. Finance must release those reservations first.',
  },
  // Field-level codes (`errors[].code`), described in the field sections below.
  GRANTS_INCOMPLETE: {
    vi: 'Loại và mức trình độ đạt được phải nhập cùng nhau.',
    en: 'The kind and the level granted must be given together.',
  },
  GRANTS_LEVEL_RANGE: {
    vi: 'Mức trình độ nằm ngoài thang của loại đã chọn.',
    en: 'The level is out of range for the chosen kind.',
  },
  DATE_ORDER: {
    vi: 'Các ngày chưa đúng thứ tự: hạn đăng ký phải kết thúc trước ngày khai giảng, ngày kết thúc sau ngày bắt đầu.',
    en: 'The dates are out of order: the nomination window closes before the start, and the end follows the start.',
  },
  QUOTA_TARGET: {
    vi: 'Mỗi chỉ tiêu chọn đúng một trong hai: cấp hoặc đơn vị.',
    en: 'Each quota names either a tier or a unit, not both or neither.',
  },
  DUPLICATE_QUOTA: {
    vi: 'Chỉ tiêu cho đối tượng này đã có.',
    en: 'There is already a quota for this.',
  },
  ONE_LEVEL: {
    vi: 'Điều kiện dự học thuộc về chương trình hoặc khóa học, không thể cả hai.',
    en: 'An eligibility rule belongs to a programme or an intake, not both.',
  },
  UNKNOWN_RULE_KIND: {
    vi: 'Loại điều kiện không tồn tại.',
    en: 'There is no such kind of rule.',
  },
  INVALID_PARAMS: {
    vi: 'Thông số của điều kiện không hợp lệ.',
    en: 'The rule’s settings are not valid.',
  },
} satisfies ErrorEntries;

export const catalogDocs: ErrorDocs = {
  title: 'Catalog and eligibility',
  fieldSections: [
    {
      title: 'Catalog and eligibility',
      rows: [
        {
          codes: ['GRANTS_INCOMPLETE', 'GRANTS_LEVEL_RANGE'],
          when: "A programme's `grantsKind` and `grantsLevel` must come together, with a level in range.",
        },
        {
          codes: ['DATE_ORDER'],
          when: "An intake's dates are out of order (nomination window, start and end).",
        },
        {
          codes: ['QUOTA_TARGET', 'DUPLICATE_QUOTA'],
          when: 'A seat quota names both or neither of `tierId` and `ownerUnitId`, or the same target twice.',
        },
        {
          codes: ['ONE_LEVEL'],
          when: 'An eligibility rule belongs to a programme or an intake, not both.',
        },
        {
          codes: ['UNKNOWN_RULE_KIND', 'INVALID_PARAMS'],
          when: 'An eligibility rule of an unknown kind, or with parameters its kind does not take.',
        },
      ],
    },
  ],
};
