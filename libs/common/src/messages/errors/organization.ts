import type { ErrorDocs, ErrorEntries } from './entry';

/** Errors of units, tiers, authorities, positions, staff and planning pools. */
export const organizationErrors = {
  UNIT_NOT_FOUND: {
    status: 404,
    when: "A report names a unit (`unitId`) that does not exist, or (compliance reports) lies outside the caller's scope.",
    vi: 'Không tìm thấy đơn vị, hoặc đơn vị nằm ngoài phạm vi bạn được xem.',
    en: 'The unit was not found, or it is outside what you may see.',
  },
  TIER_EXISTS: {
    status: 409,
    when: 'A tier with that code or level exists.',
    vi: 'Đã có cấp hành chính với mã hoặc thứ bậc này.',
    en: 'A tier with this code or level already exists.',
  },
  UNIT_CYCLE: {
    status: 422,
    when: 'A unit cannot move under itself or its own subtree.',
    vi: 'Không thể chuyển đơn vị vào chính nó hoặc vào đơn vị cấp dưới của nó.',
    en: 'A unit cannot be moved under itself or one of its own sub-units.',
  },
  AUTHORITY_NOT_FOUND: {
    status: 404,
    when: 'No such management authority.',
    vi: 'Không tìm thấy thẩm quyền quản lý.',
    en: 'The management authority was not found.',
  },
  POSITION_NOT_FOUND: {
    status: 404,
    when: 'No such position.',
    vi: 'Không tìm thấy chức danh.',
    en: 'The position was not found.',
  },
  STAFF_NOT_FOUND: {
    status: 404,
    when: "No such staff record, or one outside the caller's scope.",
    vi: 'Không tìm thấy cán bộ, hoặc cán bộ nằm ngoài phạm vi bạn quản lý.',
    en: 'The staff member was not found, or is outside your scope.',
  },
  OUT_OF_SCOPE: {
    status: 403,
    when: "A staff record would be created in, or moved to, a unit outside the caller's scope.",
    vi: 'Đơn vị hoặc cán bộ[ {value}] nằm ngoài phạm vi bạn quản lý.',
    en: 'The unit or staff member[ {value}] is outside your scope.',
  },
  INVALID_PLANNING_POOL: {
    status: 422,
    when: 'A planning pool names positions that do not exist; `errors` lists each entry.',
    vi: 'Danh sách quy hoạch có chức danh không tồn tại. Vui lòng xem các dòng được đánh dấu.',
    en: 'The planning pool names positions that do not exist. Please check the marked entries.',
  },
  // Field-level codes (`errors[].code`), described in the field sections below.
  PERIOD_ORDER: {
    vi: 'Ngày kết thúc phải sau ngày bắt đầu.',
    en: 'The end must come after the start.',
  },
} satisfies ErrorEntries;

export const organizationDocs: ErrorDocs = {
  title: 'Organization and people',
};
