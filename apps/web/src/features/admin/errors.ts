import { errorMessages } from '../../i18n/errors';

/**
 * Messages for the problem codes the administration screens meet (docs/errors.md), added to
 * the shared list when the area loads; a code the list already has keeps its message.
 */
const ADMIN_ERRORS: Record<string, { vi: string; en: string }> = {
  FORBIDDEN: { vi: 'Bạn không có quyền làm việc này.', en: 'You may not do this.' },
  EMAIL_TAKEN: {
    vi: 'Thư điện tử này đã có người dùng.',
    en: 'This email already belongs to a user.',
  },
  STAFF_ALREADY_LINKED: {
    vi: 'Hồ sơ cán bộ này đã gắn với một người dùng khác.',
    en: 'This staff record is linked to another user.',
  },
  LAST_ADMIN: {
    vi: 'Không thể khóa hoặc bỏ vai trò của quản trị viên cuối cùng.',
    en: 'The last administrator can be neither disabled nor demoted.',
  },
  UNKNOWN_REFERENCE: {
    vi: 'Một đơn vị, thẩm quyền hoặc hồ sơ được chọn không còn tồn tại.',
    en: 'A unit, authority or record you chose does not exist.',
  },
  CODE_TAKEN: { vi: 'Mã này đã được dùng.', en: 'This code is taken.' },
  USER_NOT_FOUND: { vi: 'Không tìm thấy người dùng.', en: 'The user was not found.' },
  UNIT_NOT_FOUND: { vi: 'Không tìm thấy đơn vị.', en: 'The unit was not found.' },
  SCOPE_REQUIRED: {
    vi: 'Vai trò này cần một phạm vi (đơn vị hoặc thẩm quyền).',
    en: 'This role needs a scope (a unit or an authority).',
  },
  SCOPE_NOT_ALLOWED: {
    vi: 'Vai trò này không nhận phạm vi này.',
    en: 'This role does not take this scope.',
  },
  DUPLICATE_ROLE: { vi: 'Vai trò này bị lặp.', en: 'This role is repeated.' },
  STAFF_ID_REQUIRED: {
    vi: 'Vai trò Cán bộ cần chọn hồ sơ cán bộ.',
    en: 'The Staff role needs a staff record.',
  },
  IMPORT_FILE_REQUIRED: { vi: 'Hãy chọn một tệp.', en: 'Choose a file.' },
  IMPORT_UPLOAD_MALFORMED: {
    vi: 'Tệp gửi lên bị lỗi; hãy gửi lại.',
    en: 'The upload was broken; send the file again.',
  },
  IMPORT_UNREADABLE: {
    vi: 'Không đọc được tệp: cần tệp CSV (UTF-8) hoặc Excel .xlsx.',
    en: 'The file cannot be read: use CSV (UTF-8) or Excel .xlsx.',
  },
  PAYLOAD_TOO_LARGE: { vi: 'Tệp lớn hơn 20 MB.', en: 'The file is larger than 20 MB.' },
  SPREADSHEET_TOO_LARGE: {
    vi: 'Bảng tính quá lớn để đọc.',
    en: 'The workbook is too large to read.',
  },
  TOO_MANY_ROWS: { vi: 'Tệp có quá nhiều dòng.', en: 'The file has too many rows.' },
  TOO_MANY_CELLS: { vi: 'Tệp có quá nhiều ô.', en: 'The file has too many cells.' },
  DELIVERY_NOT_FAILED: {
    vi: 'Thông báo này không ở trạng thái gửi lỗi.',
    en: 'This delivery has not failed.',
  },
  DELIVERY_IN_PROGRESS: {
    vi: 'Thông báo này đang được gửi.',
    en: 'This delivery is being sent.',
  },
  QUEUE_UNAVAILABLE: {
    vi: 'Hàng đợi tạm thời không dùng được; chưa có gì thay đổi.',
    en: 'The queue is unavailable; nothing changed.',
  },
  QUOTAS_EXCEED_SEATS: {
    vi: 'Tổng chỉ tiêu dành riêng vượt tổng chỉ tiêu.',
    en: 'The reserved seats add up to more than the seats.',
  },
  SEATS_BELOW_TAKEN: {
    vi: 'Chỉ tiêu không thể thấp hơn số chỗ đã dùng.',
    en: 'Seats cannot go below the seats taken.',
  },
  INTAKE_FUNDED_IN_OTHER_YEAR: {
    vi: 'Khóa học đang giữ kinh phí của năm khác; không đổi năm được.',
    en: 'The intake holds money of another year; it cannot move year.',
  },
  TARGET_HAS_PARTS: {
    vi: 'Chỉ tiêu còn chỉ tiêu «trong đó»; xóa chúng trước.',
    en: 'The target has parts; delete them first.',
  },
  TARGET_PARENT_INVALID: {
    vi: 'Chỉ tiêu cha không hợp lệ (khác loại hoặc tạo vòng).',
    en: 'The parent target is invalid (another kind, or a loop).',
  },
  DATE_ORDER: { vi: 'Thứ tự ngày không hợp lệ.', en: 'The days are out of order.' },
  GRANTS_INCOMPLETE: {
    vi: 'Cần cả trình độ và bậc được cấp.',
    en: 'Give both the qualification and its level.',
  },
  GRANTS_LEVEL_RANGE: {
    vi: 'Bậc được cấp ngoài khoảng của trình độ.',
    en: 'The level is outside the range of the qualification.',
  },
  QUOTA_TARGET: {
    vi: 'Mỗi chỉ tiêu dành riêng cho đúng một cấp hoặc một đơn vị.',
    en: 'Each reservation names exactly one tier or unit.',
  },
  DUPLICATE_QUOTA: { vi: 'Chỉ tiêu dành riêng bị lặp.', en: 'Seats reserved twice.' },
};

for (const [code, message] of Object.entries(ADMIN_ERRORS)) {
  errorMessages[code] ??= message;
}
