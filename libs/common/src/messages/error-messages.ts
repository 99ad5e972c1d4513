/**
 * The one catalogue of error messages: for every problem `code` the API documents
 * (docs/errors.md), top-level and field-level, what to tell a person in Vietnamese and in
 * English. The API fills its `detail` and `errors[].message` from it in the caller's
 * language; the web application shows the same words. Plain data and no imports, so the
 * server and the browser bundle both read this file.
 *
 * Messages speak to the people who use the product: what happened and, where they can,
 * what to do next. Codes that only a broken client can cause ask to reload and try again.
 * `{name}` stands for a detail the error carries (see fillMessage); a message whose
 * details are missing is not used.
 *
 * To add a code: one `CODE: { vi, en }` entry here and one row in docs/errors.md.
 */
export interface ErrorMessage {
  vi: string;
  en: string;
}

export const errorMessages: Record<string, ErrorMessage> = {
  // Requests and the HTTP layer
  VALIDATION_FAILED: {
    vi: 'Dữ liệu chưa hợp lệ. Vui lòng xem và sửa các ô được đánh dấu.',
    en: 'Some fields are not valid. Please check the marked fields.',
  },
  MALFORMED_BODY: {
    vi: 'Không đọc được dữ liệu gửi lên. Vui lòng tải lại trang và thử lại.',
    en: 'The data sent could not be read. Please reload the page and try again.',
  },
  BAD_REQUEST: {
    vi: 'Yêu cầu không hợp lệ. Vui lòng tải lại trang và thử lại.',
    en: 'The request was not valid. Please reload the page and try again.',
  },
  BODY_NOT_OBJECT: {
    vi: 'Dữ liệu gửi lên không đúng dạng. Vui lòng tải lại trang và thử lại.',
    en: 'The data sent has the wrong form. Please reload the page and try again.',
  },
  NESTING_TOO_DEEP: {
    vi: 'Dữ liệu gửi lên quá phức tạp để xử lý. Vui lòng tải lại trang và thử lại.',
    en: 'The data sent is too deeply nested to process. Please reload the page and try again.',
  },
  ARRAY_TOO_LONG: {
    vi: 'Danh sách gửi lên quá dài (tối đa 10.000 mục). Vui lòng chia nhỏ rồi gửi lại.',
    en: 'A list sent is too long (at most 10,000 items). Please split it and send it again.',
  },
  INVALID_TEXT: {
    vi: 'Nội dung có ký tự không lưu được. Vui lòng gõ lại đoạn văn bản đó thay vì dán.',
    en: 'The text has characters that cannot be stored. Please type it again rather than pasting it.',
  },
  BAD_URL: {
    vi: 'Địa chỉ trang không hợp lệ. Vui lòng kiểm tra lại đường dẫn.',
    en: 'The address is not valid. Please check the link.',
  },
  URI_TOO_LONG: {
    vi: 'Địa chỉ trang quá dài. Vui lòng kiểm tra lại đường dẫn.',
    en: 'The address is too long. Please check the link.',
  },
  REQUEST_TIMEOUT: {
    vi: 'Máy chủ chờ quá lâu mà chưa nhận đủ yêu cầu. Vui lòng kiểm tra mạng và thử lại.',
    en: 'The server waited too long for the request. Please check the network and try again.',
  },
  HEADERS_TOO_LARGE: {
    vi: 'Yêu cầu quá lớn. Vui lòng đăng xuất, đăng nhập lại rồi thử lại.',
    en: 'The request is too large. Please sign out, sign in again and retry.',
  },
  ROUTE_NOT_FOUND: {
    vi: 'Không có chức năng này trên máy chủ[ ({route})]. Vui lòng tải lại trang.',
    en: 'The server has no such function[ ({route})]. Please reload the page.',
  },
  WEB_APP_NOT_BUILT: {
    vi: 'Ứng dụng web chưa được cài đặt trên máy chủ. Vui lòng báo quản trị viên.',
    en: 'The web application is not installed on the server. Please tell the administrator.',
  },
  PAYLOAD_TOO_LARGE: {
    vi: 'Dữ liệu hoặc tệp gửi lên quá lớn. Vui lòng chọn tệp nhỏ hơn hoặc chia nhỏ.',
    en: 'The data or file is too large. Please choose a smaller file or split it.',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    vi: 'Máy chủ không nhận dữ liệu ở dạng này. Vui lòng tải lại trang và thử lại.',
    en: 'The server does not accept data in this form. Please reload the page and try again.',
  },
  PROBE_NOT_FOUND: {
    vi: 'Chưa có kết quả kiểm tra hệ thống. Vui lòng thử lại sau ít phút.',
    en: 'The system check has no result yet. Please try again in a few minutes.',
  },
  QUEUE_UNAVAILABLE: {
    vi: 'Hệ thống xử lý nền đang tạm ngừng; chưa có gì được ghi nhận. Vui lòng thử lại sau ít phút.',
    en: 'Background processing is unavailable; nothing was recorded. Please try again in a few minutes.',
  },
  INTERNAL_ERROR: {
    vi: 'Hệ thống gặp lỗi ngoài dự kiến. Vui lòng thử lại; nếu vẫn lỗi, hãy báo quản trị viên kèm mã lỗi.',
    en: 'An unexpected error occurred. Please try again; if it persists, tell the administrator the error code.',
  },
  UNAUTHENTICATED: {
    vi: 'Bạn cần đăng nhập để tiếp tục.',
    en: 'Please sign in to continue.',
  },
  FORBIDDEN: {
    vi: 'Bạn không có quyền thực hiện thao tác này.',
    en: 'You are not allowed to do this.',
  },
  NOT_FOUND: {
    vi: 'Không tìm thấy nội dung yêu cầu.',
    en: 'What you asked for was not found.',
  },
  METHOD_NOT_ALLOWED: {
    vi: 'Thao tác này không được hỗ trợ. Vui lòng tải lại trang.',
    en: 'This operation is not supported. Please reload the page.',
  },
  NOT_ACCEPTABLE: {
    vi: 'Không xuất được dữ liệu ở định dạng đã chọn. Vui lòng chọn định dạng khác.',
    en: 'The data cannot be given in the chosen format. Please choose another format.',
  },
  CONFLICT: {
    vi: 'Thao tác xung đột với dữ liệu hiện có. Vui lòng tải lại trang và thử lại.',
    en: 'This conflicts with the current data. Please reload the page and try again.',
  },
  UNPROCESSABLE: {
    vi: 'Không thực hiện được thao tác với dữ liệu này.',
    en: 'This cannot be done with this data.',
  },
  TOO_MANY_REQUESTS: {
    vi: 'Bạn thao tác quá nhanh. Vui lòng chờ một lát rồi thử lại.',
    en: 'Too many requests. Please wait a moment and try again.',
  },
  SERVICE_UNAVAILABLE: {
    vi: 'Hệ thống đang tạm thời gián đoạn. Vui lòng thử lại sau ít phút.',
    en: 'The system is temporarily unavailable. Please try again in a few minutes.',
  },
  IDEMPOTENCY_KEY_IN_FLIGHT: {
    vi: 'Yêu cầu trước của bạn vẫn đang được xử lý. Vui lòng chờ vài giây rồi thử lại.',
    en: 'Your previous request is still being processed. Please wait a few seconds and try again.',
  },
  IDEMPOTENCY_KEY_REUSED: {
    vi: 'Yêu cầu này trùng mã với một yêu cầu khác. Vui lòng tải lại trang và thử lại.',
    en: 'This request reuses the key of another one. Please reload the page and try again.',
  },

  // Sign-in and users
  INVALID_CREDENTIALS: {
    vi: 'Thư điện tử hoặc mật khẩu không đúng.',
    en: 'The email or the password is wrong.',
  },
  INVALID_REFRESH_TOKEN: {
    vi: 'Phiên làm việc đã kết thúc. Vui lòng đăng nhập lại.',
    en: 'Your session ended. Please sign in again.',
  },
  INVALID_TOKEN: {
    vi: 'Phiên làm việc không còn hiệu lực. Vui lòng đăng nhập lại.',
    en: 'Your session is no longer valid. Please sign in again.',
  },
  TOO_MANY_ATTEMPTS: {
    vi: 'Đăng nhập sai quá nhiều lần. Vui lòng chờ một lúc[ ({retryAfterSeconds} giây)] rồi thử lại.',
    en: 'Too many failed sign-ins. Please wait a while[ ({retryAfterSeconds} s)] and try again.',
  },
  EMAIL_TAKEN: {
    vi: 'Thư điện tử này đã được dùng cho một tài khoản khác.',
    en: 'This email is already used by another account.',
  },
  STAFF_ALREADY_LINKED: {
    vi: 'Cán bộ này đã được gắn với một tài khoản khác.',
    en: 'This staff member is already linked to another account.',
  },
  LAST_ADMIN: {
    vi: 'Không thể thực hiện: hệ thống phải còn ít nhất một quản trị viên đang hoạt động.',
    en: 'Not possible: at least one active administrator must remain.',
  },
  USER_NOT_FOUND: {
    vi: 'Không tìm thấy tài khoản người dùng.',
    en: 'The user account was not found.',
  },

  // Organization, people and imports
  TIER_EXISTS: {
    vi: 'Đã có cấp hành chính với mã hoặc thứ bậc này.',
    en: 'A tier with this code or level already exists.',
  },
  UNIT_CYCLE: {
    vi: 'Không thể chuyển đơn vị vào chính nó hoặc vào đơn vị cấp dưới của nó.',
    en: 'A unit cannot be moved under itself or one of its own sub-units.',
  },
  UNIT_NOT_FOUND: {
    vi: 'Không tìm thấy đơn vị, hoặc đơn vị nằm ngoài phạm vi bạn được xem.',
    en: 'The unit was not found, or it is outside what you may see.',
  },
  AUTHORITY_NOT_FOUND: {
    vi: 'Không tìm thấy thẩm quyền quản lý.',
    en: 'The management authority was not found.',
  },
  POSITION_NOT_FOUND: {
    vi: 'Không tìm thấy chức danh.',
    en: 'The position was not found.',
  },
  STAFF_NOT_FOUND: {
    vi: 'Không tìm thấy cán bộ, hoặc cán bộ nằm ngoài phạm vi bạn quản lý.',
    en: 'The staff member was not found, or is outside your scope.',
  },
  OUT_OF_SCOPE: {
    vi: 'Đơn vị hoặc cán bộ[ {value}] nằm ngoài phạm vi bạn quản lý.',
    en: 'The unit or staff member[ {value}] is outside your scope.',
  },
  INVALID_PLANNING_POOL: {
    vi: 'Danh sách quy hoạch có chức danh không tồn tại. Vui lòng xem các dòng được đánh dấu.',
    en: 'The planning pool names positions that do not exist. Please check the marked entries.',
  },
  IMPORT_FILE_REQUIRED: {
    vi: 'Vui lòng chọn một tệp để nhập.',
    en: 'Please choose a file to import.',
  },
  IMPORT_UPLOAD_MALFORMED: {
    vi: 'Tệp tải lên bị gián đoạn. Vui lòng tải lên lại.',
    en: 'The upload was cut off. Please upload the file again.',
  },
  IMPORT_UNREADABLE: {
    vi: 'Không đọc được tệp. Vui lòng dùng tệp Excel (.xlsx) hoặc CSV mã UTF-8.',
    en: 'The file cannot be read. Please use an Excel (.xlsx) or UTF-8 CSV file.',
  },
  SPREADSHEET_TOO_LARGE: {
    vi: 'Tệp Excel quá lớn để đọc. Vui lòng chia thành nhiều tệp nhỏ hơn.',
    en: 'The Excel file is too large to read. Please split it into smaller files.',
  },
  TOO_MANY_ROWS: {
    vi: 'Tệp có quá nhiều dòng[ (tối đa {limit:amount})]. Vui lòng chia thành nhiều tệp nhỏ hơn.',
    en: 'The file has too many rows[ (at most {limit:amount})]. Please split it into smaller files.',
  },
  TOO_MANY_CELLS: {
    vi: 'Tệp có quá nhiều ô dữ liệu[ (tối đa {limit:amount})]. Vui lòng bỏ các cột thừa hoặc chia nhỏ tệp.',
    en: 'The file has too many filled cells[ (at most {limit:amount})]. Please remove extra columns or split the file.',
  },
  IMPORT_INVALID: {
    vi: 'Tệp có lỗi[ ({errorCount:amount} lỗi)] nên chưa có gì được nhập. Vui lòng sửa các dòng được liệt kê rồi nhập lại.',
    en: 'The file has errors[ ({errorCount:amount} in all)], so nothing was imported. Please fix the listed rows and import again.',
  },

  // Catalog and eligibility
  PROVIDER_NOT_FOUND: {
    vi: 'Không tìm thấy cơ sở đào tạo.',
    en: 'The training provider was not found.',
  },
  PROGRAM_NOT_FOUND: {
    vi: 'Không tìm thấy chương trình đào tạo.',
    en: 'The programme was not found.',
  },
  INTAKE_NOT_FOUND: {
    vi: 'Không tìm thấy khóa học.',
    en: 'The intake was not found.',
  },
  RULE_NOT_FOUND: {
    vi: 'Không tìm thấy điều kiện dự học.',
    en: 'The eligibility rule was not found.',
  },
  SEATS_BELOW_TAKEN: {
    vi: 'Số chỉ tiêu không được ít hơn số chỗ đã có người đăng ký[ ({seatsTaken})].',
    en: 'The seats cannot be fewer than the seats already taken[ ({seatsTaken})].',
  },
  QUOTAS_EXCEED_SEATS: {
    vi: 'Tổng chỉ tiêu phân bổ[ ({reserved} chỗ)] vượt quá số chỗ của khóa học[ ({seatsTotal})].',
    en: 'The seat quotas add up to more[ ({reserved})] than the intake has[ ({seatsTotal})].',
  },
  INTAKE_FUNDED_IN_OTHER_YEAR: {
    vi: 'Không thể dời khóa học sang năm khác khi còn hồ sơ đang giữ kinh phí của năm cũ. Bộ phận tài chính cần hoàn lại các khoản tạm giữ đó trước.',
    en: 'The intake cannot move to another year while nominations hold money from the old year. Finance must release those reservations first.',
  },
  TARGET_NOT_FOUND: {
    vi: 'Không tìm thấy chỉ tiêu đào tạo.',
    en: 'The training target was not found.',
  },
  TARGET_HAS_PARTS: {
    vi: 'Chỉ tiêu này còn các chỉ tiêu con ("trong đó"). Vui lòng xóa hoặc chuyển chúng trước.',
    en: 'This target still has parts ("of which"). Please remove or move them first.',
  },
  TARGET_PARENT_INVALID: {
    vi: 'Chỉ tiêu cha không hợp lệ: phải cùng loại và không phải chính nó hay chỉ tiêu con của nó.',
    en: 'The parent target is not valid: it must be of the same kind and not the target itself or one of its parts.',
  },
  CODE_TAKEN: {
    vi: 'Mã này đã được dùng. Vui lòng chọn mã khác.',
    en: 'This code is already used. Please choose another.',
  },
  UNKNOWN_REFERENCE: {
    vi: 'Một mục được chọn không còn tồn tại. Vui lòng chọn lại các ô được đánh dấu.',
    en: 'Something chosen no longer exists. Please choose the marked fields again.',
  },

  // Training fund
  FUND_NOT_FOUND: {
    vi: 'Không tìm thấy quỹ đào tạo, hoặc bạn không có quyền xem.',
    en: 'The training fund was not found, or you may not see it.',
  },
  AMOUNT_NOT_POSITIVE: {
    vi: 'Số tiền phải lớn hơn 0.',
    en: 'The amount must be more than zero.',
  },
  AMOUNT_ZERO: {
    vi: 'Số tiền điều chỉnh phải khác 0.',
    en: 'An adjustment cannot be zero.',
  },
  ADJUSTMENT_EXCEEDS_AVAILABLE: {
    vi: 'Số tiền giảm vượt quá số dư còn lại của quỹ.',
    en: 'The reduction is more than the fund has available.',
  },
  BUDGET_EXCEEDED: {
    vi: 'Quỹ[ {fundCode}] không đủ kinh phí cho khoản này[: còn {available:amount} đồng, cần {requested:amount} đồng]. Vui lòng chọn quỹ khác hoặc giảm số tiền.',
    en: 'The fund[ {fundCode}] cannot pay this amount[: {available:amount} VND available, {requested:amount} VND requested]. Please choose another fund or lower the amount.',
  },
  FUND_CLOSED: {
    vi: 'Quỹ[ {fundCode}] đã đóng, không nhận thêm khoản chi mới. Vui lòng chọn quỹ khác.',
    en: 'The fund[ {fundCode}] is closed and takes no new commitments. Please choose another fund.',
  },
  FUND_OVERDRAWN: {
    vi: 'Quỹ đang bị chi vượt, chưa thể áp dụng chế độ chặn chi cho đến khi số dư không còn âm.',
    en: 'The fund is overdrawn; it cannot block spending until its balance is back to zero or above.',
  },
  ALREADY_RESERVED: {
    vi: 'Hồ sơ này đã tạm giữ kinh phí trên quỹ này.',
    en: 'This nomination already holds money on this fund.',
  },
  ALREADY_SETTLED: {
    vi: 'Chi phí thực tế của hồ sơ này đã được quyết toán.',
    en: 'The actual cost of this nomination is already recorded.',
  },
  OVERRIDE_NOT_ALLOWED: {
    vi: 'Chỉ bộ phận tài chính quản lý các quỹ liên quan mới được duyệt vượt kinh phí.',
    en: 'Only finance over every fund concerned may approve beyond the budget.',
  },
  FUND_NOT_RESERVED: {
    vi: 'Hồ sơ chưa tạm giữ kinh phí trên quỹ này; chỉ bộ phận tài chính mới được ghi chi phí vào quỹ khác.',
    en: 'The nomination holds no money on this fund; only finance may record costs on another fund.',
  },
  OVERRIDE_NOT_APPLICABLE: {
    vi: 'Thao tác này không liên quan đến kinh phí nên không cần lý do vượt kinh phí.',
    en: 'This action moves no money, so no over-budget reason is needed.',
  },

  // Nominations
  NOMINATION_NOT_FOUND: {
    vi: 'Không tìm thấy hồ sơ, hoặc bạn không có quyền xem.',
    en: 'The nomination was not found, or you may not see it.',
  },
  NOMINATION_EXISTS: {
    vi: 'Cán bộ này đã có hồ sơ đang xử lý[ ({existingReference})] cho khóa học này.',
    en: 'This person already has an active nomination[ ({existingReference})] for this intake.',
  },
  VERSION_REQUIRED: {
    vi: 'Thiếu thông tin phiên bản của hồ sơ. Vui lòng tải lại trang và thử lại.',
    en: 'The version of the record is missing. Please reload the page and try again.',
  },
  VERSION_CONFLICT: {
    vi: 'Hồ sơ vừa được người khác thay đổi. Vui lòng tải lại để xem bản mới nhất.',
    en: 'Someone else changed this record. Please reload to see the latest version.',
  },
  INVALID_TRANSITION: {
    vi: 'Không thể thực hiện thao tác này ở trạng thái hiện tại của hồ sơ. Vui lòng tải lại trang.',
    en: 'This action is not possible in the nomination’s current state. Please reload the page.',
  },
  COMMENT_REQUIRED: {
    vi: 'Vui lòng nhập ý kiến hoặc lý do (khi trả lại, từ chối, hủy hoặc rút hồ sơ).',
    en: 'Please give a comment or reason (to return, reject, cancel or withdraw a nomination).',
  },
  NOMINEE_FIXED: {
    vi: 'Không thể đổi người được cử. Vui lòng rút hồ sơ này và lập hồ sơ mới.',
    en: 'The nominee cannot change. Please withdraw this nomination and make a new one.',
  },
  DUPLICATE_FUND: {
    vi: 'Mỗi quỹ chỉ được chọn một lần trong phần chia kinh phí.',
    en: 'Each fund may appear only once in the cost split.',
  },
  NOMINATION_WINDOW_CLOSED: {
    vi: 'Khóa học hiện không nhận hồ sơ (ngoài thời hạn đăng ký).',
    en: 'The intake does not take nominations today (outside its nomination window).',
  },
  INTAKE_FULL: {
    vi: 'Khóa học, hoặc chỉ tiêu dành cho nhóm của cán bộ, đã hết chỗ.',
    en: 'The intake, or the quota for the nominee’s group, is full.',
  },
  NOT_ELIGIBLE: {
    vi: 'Cán bộ chưa đủ điều kiện dự học. Vui lòng xem các điều kiện chưa đạt.',
    en: 'The nominee is not eligible. Please see the conditions not met.',
  },
  INVALID_COST_SPLIT: {
    vi: 'Phần chia kinh phí chưa hợp lệ. Vui lòng xem các dòng được đánh dấu.',
    en: 'The cost split is not valid. Please check the marked lines.',
  },
  CHAIN_INCOMPLETE: {
    vi: 'Chưa xác định được đủ người duyệt cho hồ sơ này. Vui lòng báo quản trị viên.',
    en: 'The approval chain has a step nobody can take. Please tell the administrator.',
  },
  NOT_YOUR_STEP: {
    vi: 'Bước duyệt hiện tại không thuộc thẩm quyền của bạn.',
    en: 'The current step is not yours to decide.',
  },
  CONFLICT_OF_INTEREST: {
    vi: 'Bạn không thể tự quyết định hồ sơ mà mình là người được cử hoặc người đề xuất.',
    en: 'You cannot decide on a nomination you are the nominee or nominator of.',
  },
  ALREADY_ACTED: {
    vi: 'Bạn đã xử lý một bước của hồ sơ này; mỗi người chỉ xử lý một bước.',
    en: 'You have already acted on a step of this nomination; one person acts on one step only.',
  },
  ALREADY_VOTED: {
    vi: 'Bạn đã biểu quyết ở bước này.',
    en: 'You have already voted on this step.',
  },
  INVALID_DATE: {
    vi: 'Ngày[ {value}] không hợp lệ. Vui lòng nhập theo dạng ngày/tháng/năm.',
    en: 'The date[ {value}] is not valid. Please enter a day/month/year date.',
  },

  // Delegations
  NOT_YOUR_GRANT: {
    vi: 'Bạn chỉ được ủy quyền vai trò và phạm vi mà chính mình đang nắm giữ.',
    en: 'You can only delegate a role and scope that you hold yourself.',
  },
  DELEGATION_NOT_FOUND: {
    vi: 'Không tìm thấy ủy quyền.',
    en: 'The delegation was not found.',
  },

  // Notifications
  NOTIFICATION_NOT_FOUND: {
    vi: 'Không tìm thấy thông báo.',
    en: 'The notification was not found.',
  },
  UNKNOWN_EVENT_TYPE: {
    vi: 'Loại thông báo này không tồn tại.',
    en: 'There is no such kind of notification.',
  },
  DIGEST_NEEDS_EMAIL: {
    vi: 'Muốn nhận thư tổng hợp hằng ngày, vui lòng bật nhận thư điện tử.',
    en: 'To get the daily digest, please turn email on.',
  },
  ACTION_NOTICE_REQUIRED: {
    vi: 'Thông báo cần bạn xử lý phải được nhận qua thư điện tử hoặc hộp thư; không thể tắt cả hai.',
    en: 'Events that ask you to act must reach you by email or in the inbox; both cannot be off.',
  },
  DELIVERY_NOT_FOUND: {
    vi: 'Không tìm thấy lượt gửi thông báo.',
    en: 'The notification delivery was not found.',
  },
  DELIVERY_NOT_FAILED: {
    vi: 'Chỉ gửi lại được thông báo đã gửi thất bại.',
    en: 'Only a failed delivery can be sent again.',
  },
  DELIVERY_IN_PROGRESS: {
    vi: 'Thông báo đang được gửi. Vui lòng thử lại sau khi lượt gửi này kết thúc.',
    en: 'The notification is being sent now. Please try again after this attempt ends.',
  },

  // Reports
  NO_SNAPSHOT: {
    vi: 'Chưa có số liệu chốt vào hoặc trước ngày đã chọn. Vui lòng chọn ngày muộn hơn.',
    en: 'No figures were recorded on or before the chosen date. Please choose a later date.',
  },

  // Field-level: validation on every form
  UNKNOWN_FIELD: {
    vi: 'Trường này không được chấp nhận. Vui lòng tải lại trang.',
    en: 'This field is not accepted. Please reload the page.',
  },
  NOT_NULLABLE: {
    vi: 'Không được để trống.',
    en: 'This cannot be empty.',
  },
  IS_OBJECT: {
    vi: 'Giá trị không đúng dạng.',
    en: 'The value has the wrong form.',
  },
  MATCHES: {
    vi: 'Giá trị không đúng định dạng.',
    en: 'The value is not in the expected format.',
  },
  IS_ISO8601: {
    vi: 'Ngày không hợp lệ.',
    en: 'The date is not valid.',
  },
  IS_INT: {
    vi: 'Vui lòng nhập số nguyên.',
    en: 'Please enter a whole number.',
  },
  MIN: {
    vi: 'Giá trị nhỏ hơn mức cho phép.',
    en: 'The value is below the minimum.',
  },
  MAX: {
    vi: 'Giá trị lớn hơn mức cho phép.',
    en: 'The value is above the maximum.',
  },
  IS_UUID: {
    vi: 'Mục đã chọn không hợp lệ. Vui lòng chọn lại.',
    en: 'The selected item is not valid. Please choose again.',
  },
  IS_IN: {
    vi: 'Vui lòng chọn một giá trị trong danh sách.',
    en: 'Please choose one of the listed values.',
  },
  IS_DEFINED: {
    vi: 'Bắt buộc nhập.',
    en: 'This is required.',
  },
  IS_NOT_EMPTY: {
    vi: 'Không được để trống.',
    en: 'This cannot be empty.',
  },
  IS_STRING: {
    vi: 'Vui lòng nhập văn bản.',
    en: 'Please enter text.',
  },
  IS_BOOLEAN: {
    vi: 'Vui lòng chọn có hoặc không.',
    en: 'Please choose yes or no.',
  },
  MAX_LENGTH: {
    vi: 'Nội dung quá dài.',
    en: 'The text is too long.',
  },
  MIN_LENGTH: {
    vi: 'Nội dung quá ngắn.',
    en: 'The text is too short.',
  },
  IS_EMAIL: {
    vi: 'Vui lòng nhập địa chỉ thư điện tử hợp lệ.',
    en: 'Please enter a valid email address.',
  },
  IS_ARRAY: {
    vi: 'Giá trị phải là một danh sách.',
    en: 'The value must be a list.',
  },
  ARRAY_MAX_SIZE: {
    vi: 'Danh sách có quá nhiều mục.',
    en: 'The list has too many items.',
  },
  ARRAY_MIN_SIZE: {
    vi: 'Danh sách có quá ít mục.',
    en: 'The list has too few items.',
  },
  ARRAY_NOT_EMPTY: {
    vi: 'Vui lòng chọn ít nhất một mục.',
    en: 'Please choose at least one item.',
  },
  ARRAY_UNIQUE: {
    vi: 'Danh sách có mục bị lặp lại.',
    en: 'The list has an item twice.',
  },
  IS_ID: {
    vi: 'Mã số không hợp lệ. Vui lòng kiểm tra lại đường dẫn.',
    en: 'The number in the address is not valid. Please check the link.',
  },
  NOT_APPLICABLE: {
    vi: 'Trường này không áp dụng trong trường hợp này; vui lòng để trống.',
    en: 'This field does not apply here; please leave it empty.',
  },
  REQUIRED: {
    vi: 'Bắt buộc nhập.',
    en: 'This is required.',
  },
  IMMUTABLE: {
    vi: 'Không thể thay đổi sau khi đã tạo.',
    en: 'This cannot change after creation.',
  },
  NUL_CHARACTER: {
    vi: 'Nội dung có ký tự rỗng (NUL) không lưu được. Vui lòng gõ lại thay vì dán.',
    en: 'The text has a NUL character, which cannot be stored. Please type it rather than paste it.',
  },
  LONE_SURROGATE: {
    vi: 'Nội dung có ký tự hỏng không lưu được. Vui lòng gõ lại thay vì dán.',
    en: 'The text has a broken character, which cannot be stored. Please type it rather than paste it.',
  },
  INVALID_UTF8: {
    vi: 'Dữ liệu gửi lên không phải văn bản UTF-8. Vui lòng tải lại trang và thử lại.',
    en: 'The data sent is not UTF-8 text. Please reload the page and try again.',
  },
  INVALID_ENCODING: {
    vi: 'Địa chỉ có ký tự mã hóa sai. Vui lòng kiểm tra lại đường dẫn.',
    en: 'The address has a wrongly encoded character. Please check the link.',
  },
  INVALID_IDEMPOTENCY_KEY: {
    vi: 'Yêu cầu không hợp lệ. Vui lòng tải lại trang và thử lại.',
    en: 'The request is not valid. Please reload the page and try again.',
  },

  // Field-level: people, users and roles
  PERIOD_ORDER: {
    vi: 'Ngày kết thúc phải sau ngày bắt đầu.',
    en: 'The end must come after the start.',
  },
  SCOPE_REQUIRED: {
    vi: 'Vai trò này cần chọn đơn vị phụ trách.',
    en: 'This role needs a unit.',
  },
  SCOPE_NOT_ALLOWED: {
    vi: 'Vai trò này không gắn với đơn vị; vui lòng bỏ chọn đơn vị.',
    en: 'This role has no unit; please clear the unit.',
  },
  DUPLICATE_ROLE: {
    vi: 'Vai trò và đơn vị này đã được chọn.',
    en: 'This role and unit are already given.',
  },
  UNKNOWN_STAFF: {
    vi: 'Không tìm thấy cán bộ được chọn.',
    en: 'The chosen staff member does not exist.',
  },
  STAFF_ID_REQUIRED: {
    vi: 'Vai trò cán bộ cần gắn với một hồ sơ cán bộ.',
    en: 'The staff role needs a linked staff record.',
  },

  // Field-level: imports
  MISSING_HEADER: {
    vi: 'Dòng đầu tiên phải là dòng tiêu đề cột.',
    en: 'The first row must be the header row.',
  },
  MISSING_COLUMN: {
    vi: 'Thiếu cột bắt buộc[ {column}].',
    en: 'The required column[ {column}] is missing.',
  },
  UNKNOWN_COLUMN: {
    vi: 'Cột[ "{column}"] không được nhận diện. Vui lòng dùng đúng tên cột của tệp mẫu.',
    en: 'The column[ "{column}"] is not recognised. Please use the column names of the template.',
  },
  COLUMN_WITHOUT_HEADER: {
    vi: 'Cột[ thứ {position}] có dữ liệu nhưng không có tiêu đề. Vui lòng thêm tiêu đề hoặc xóa dữ liệu ở cột đó.',
    en: 'A column[ (number {position})] has values but no header. Please add a header or clear the column.',
  },
  DUPLICATE_COLUMN: {
    vi: 'Cột[ {column}] bị lặp lại.',
    en: 'The column[ {column}] appears twice.',
  },
  DUPLICATE_CODE: {
    vi: 'Mã[ {value}] trùng với một dòng khác trong tệp[ (dòng {firstRow})].',
    en: 'The code[ {value}] is the same as on another row of the file[ (row {firstRow})].',
  },
  UNKNOWN_UNIT: {
    vi: 'Đơn vị[ mã {value}] không tồn tại.',
    en: 'The unit[ with code {value}] does not exist.',
  },
  UNKNOWN_TIER: {
    vi: 'Cấp hành chính[ mã {value}] không tồn tại.',
    en: 'The tier[ with code {value}] does not exist.',
  },
  UNKNOWN_AUTHORITY: {
    vi: 'Thẩm quyền quản lý[ mã {value}] không tồn tại.',
    en: 'The management authority[ with code {value}] does not exist.',
  },
  UNKNOWN_POSITION: {
    vi: 'Chức danh[ mã {value}] không tồn tại.',
    en: 'The position[ with code {value}] does not exist.',
  },
  UNKNOWN_PARENT: {
    vi: 'Đơn vị cấp trên[ mã {value}] không tồn tại, trong tệp cũng như trong hệ thống.',
    en: 'The parent unit[ with code {value}] exists neither in the file nor in the system.',
  },
  PARENT_CYCLE: {
    vi: 'Các đơn vị cấp trên tạo thành vòng lặp[ ({cycle})]. Vui lòng kiểm tra cột đơn vị cấp trên.',
    en: 'The parent units form a loop[ ({cycle})]. Please check the parent column.',
  },
  INVALID_VALUE: {
    vi: 'Giá trị[ {value}] không hợp lệ[; hãy dùng một trong: {expected}].',
    en: 'The value[ {value}] is not valid[; use one of: {expected}].',
  },
  OUT_OF_RANGE: {
    vi: 'Giá trị[ {value}] nằm ngoài khoảng cho phép[ {min}–{max}].',
    en: 'The value[ {value}] is out of range[ {min}–{max}].',
  },
  NOT_TEXT: {
    vi: 'Ô này phải chứa văn bản[, không phải {value}].',
    en: 'The cell must hold text[, not {value}].',
  },
  CODE_HAS_SPACES: {
    vi: 'Mã[ "{value}"] không được chứa dấu cách.',
    en: 'The code[ "{value}"] must not contain spaces.',
  },

  // Field-level: catalog and eligibility
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

  // Field-level: cost splits
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

  // Field-level: delegations
  ONE_SCOPE: {
    vi: 'Vui lòng chọn đúng một quyền để ủy quyền.',
    en: 'Please choose exactly one grant to delegate.',
  },
  RANGE: {
    vi: 'Ngày kết thúc ủy quyền phải sau ngày bắt đầu.',
    en: 'The delegation must end after it starts.',
  },
  SELF_DELEGATION: {
    vi: 'Không thể tự ủy quyền cho chính mình.',
    en: 'You cannot delegate to yourself.',
  },
  UNKNOWN_USER: {
    vi: 'Người nhận ủy quyền không phải là người dùng của hệ thống.',
    en: 'The delegate is not a user of the system.',
  },

  // Field-level: reports and targets
  PERIOD_REVERSED: {
    vi: 'Thời điểm kết thúc phải sau thời điểm bắt đầu.',
    en: 'The end must come after the start.',
  },
  RANGE_TOO_LONG: {
    vi: 'Khoảng thời gian tối đa là 10 năm.',
    en: 'The period can be at most ten years.',
  },
  TOO_MANY_POINTS: {
    vi: 'Quá nhiều mốc thời gian (tối đa 200). Vui lòng chọn bước thưa hơn hoặc khoảng ngắn hơn.',
    en: 'Too many points (at most 200). Please choose a wider step or a shorter period.',
  },
  YEAR_WITH_RANGE: {
    vi: 'Chọn một năm hoặc một khoảng thời gian, không chọn cả hai.',
    en: 'Choose a year or a period, not both.',
  },
  IS_POSITIVE_DECIMAL: {
    vi: 'Vui lòng nhập số dương, tối đa hai chữ số thập phân.',
    en: 'Please enter a positive number with at most two decimals.',
  },
  // Approval policies, and reference-data import rows
  POLICY_NOT_FOUND: {
    vi: 'Không tìm thấy quy tắc duyệt này, hoặc quy tắc không thuộc thẩm quyền của bạn.',
    en: 'This approval policy does not exist, or it is not yours to manage.',
  },
  POLICY_VERSION_CONFLICT: {
    vi: 'Quy tắc duyệt vừa được người khác thay đổi. Vui lòng tải lại để xem bản mới nhất rồi sửa lại.',
    en: 'Someone else changed this approval policy. Please reload to see the latest version and apply your change again.',
  },
  UNKNOWN_PROVIDER: {
    vi: 'Cơ sở đào tạo không tồn tại.',
    en: 'The training provider does not exist.',
  },
  UNKNOWN_PROGRAM: {
    vi: 'Chương trình đào tạo không tồn tại.',
    en: 'The programme does not exist.',
  },
  FUND_FIXED: {
    vi: 'Không thể đổi năm ngân sách, đơn vị chủ quản hay nguồn kinh phí của quỹ đã có; vui lòng tạo quỹ mới.',
    en: 'The year, owner unit and source of an existing fund cannot change; please create another fund.',
  },
  ALLOCATION_BELOW_COMMITTED: {
    vi: 'Số được cấp không được thấp hơn số đã giữ chỗ và đã chi của quỹ.',
    en: 'The allocation cannot be below what is reserved and spent from the fund.',
  },
  DUPLICATE_ENTRY: {
    vi: 'Dòng này trùng với một dòng khác trong tệp.',
    en: 'This row repeats another row of the file.',
  },
  AUTHORITY_REQUIRED: {
    vi: 'Vui lòng chọn thẩm quyền cho bước này.',
    en: 'Please choose the authority of this step.',
  },
  AUTHORITY_INACTIVE: {
    vi: 'Thẩm quyền quản lý này không còn hoạt động.',
    en: 'This management authority is no longer active.',
  },
  INVALID_COMMITTEE: {
    vi: 'Số thành viên cần tán thành phải là “đa số” hoặc một số từ 1 đến 50.',
    en: 'The quorum must be “majority” or a whole number from 1 to 50.',
  },
  PRIORITY_TAKEN: {
    vi: 'Thứ tự ưu tiên này đã được dùng cho quy tắc khác.',
    en: 'Another policy already has this priority.',
  },
  NO_HOLDER: {
    vi: 'Hiện chưa có ai giữ vai trò của bước này; hồ sơ sẽ bị từ chối khi gửi.',
    en: 'Nobody holds this step’s role today; nominations would be refused at submission.',
  },
  QUORUM_UNREACHABLE: {
    vi: 'Số thành viên cần tán thành lớn hơn số thành viên hiện có.',
    en: 'The quorum is larger than the members there are today.',
  },
  // Decisions and copies
  NOT_COPYABLE: {
    vi: 'Chỉ sao chép được hồ sơ đã rút, bị từ chối hoặc đã hủy.',
    en: 'Only a withdrawn, rejected or cancelled nomination can be copied.',
  },
  DECISION_NOT_FOUND: {
    vi: 'Không tìm thấy quyết định, hoặc bạn không có quyền xem.',
    en: 'The decision was not found, or you may not see it.',
  },
  IN_FUTURE: {
    vi: 'Ngày họp không được sau ngày hôm nay.',
    en: 'The meeting cannot be after today.',
  },
  BLANK: {
    vi: 'Số phiên họp không được để trống.',
    en: 'The meeting number cannot be blank.',
  },
  TOO_LONG: {
    vi: 'Số phiên họp dài quá 50 ký tự.',
    en: 'The meeting number is longer than 50 characters.',
  },
  // from history
  END_BEFORE_START: {
    vi: 'Ngày kết thúc trước ngày bắt đầu.',
    en: 'The end date is before the start date.',
  },
  DUPLICATE_ROW: {
    vi: 'Trùng với một dòng khác trong tệp (cùng cán bộ, loại hình và ngày bắt đầu, hoặc cùng đơn vị và ngày).',
    en: 'The same as another row of the file (same person, category and start, or same unit and day).',
  },
  SNAPSHOT_TAKEN: {
    vi: 'Số liệu của đơn vị trong ngày này đã được hệ thống tính; giữ nguyên số liệu đó.',
    en: 'The product already counted this unit on this day; those figures are kept.',
  },
  // from users-import
  INVITATION_PENDING: {
    vi: 'Tài khoản chưa có mật khẩu. Vui lòng mở đường dẫn trong thư mời để đặt mật khẩu.',
    en: 'This account has no password yet. Please open the link in your invitation email to choose one.',
  },
  INVITATION_NOT_FOUND: {
    vi: 'Đường dẫn mời không hợp lệ. Vui lòng kiểm tra lại đường dẫn trong thư.',
    en: 'This invitation link is not valid. Please check the link in the email.',
  },
  INVITATION_EXPIRED: {
    vi: 'Đường dẫn mời đã hết hạn. Vui lòng đề nghị quản trị viên gửi lại thư mời.',
    en: 'This invitation has expired. Please ask an administrator to send a new one.',
  },
  INVITATION_USED: {
    vi: 'Đường dẫn mời đã được sử dụng. Vui lòng đăng nhập bằng mật khẩu của mình.',
    en: 'This invitation has already been used. Please sign in with your password.',
  },
  INVITATION_REVOKED: {
    vi: 'Đường dẫn mời đã được thay bằng thư mời mới hơn. Vui lòng dùng đường dẫn trong thư mới nhất.',
    en: 'This invitation was replaced by a newer one. Please use the link in the latest email.',
  },
  USER_HAS_PASSWORD: {
    vi: 'Người dùng đã có mật khẩu; hãy đặt lại mật khẩu thay vì gửi thư mời.',
    en: 'The user already has a password; reset it instead of sending an invitation.',
  },
  USER_INACTIVE: {
    vi: 'Tài khoản đang bị khóa. Vui lòng mở khóa trước khi gửi lại thư mời.',
    en: 'The account is disabled. Please enable it before sending the invitation again.',
  },
  INVALID_EMAIL: {
    vi: 'Địa chỉ thư điện tử không hợp lệ.',
    en: 'The email address is not valid.',
  },
  DUPLICATE_EMAIL: {
    vi: 'Thư điện tử này đã có ở một dòng phía trên.',
    en: 'This email is also on an earlier row.',
  },
  UNKNOWN_ROLE: {
    vi: 'Vai trò[ "{value}"] không được nhận biết. Vui lòng dùng một trong các vai trò[: {expected}].',
    en: 'The role[ "{value}"] is not recognised. Please use one of the roles[: {expected}].',
  },
  UNKNOWN_SCOPE: {
    vi: 'Không có đơn vị hoặc thẩm quyền quản lý với mã này.',
    en: 'No unit or management authority has this code.',
  },
  AMBIGUOUS_SCOPE: {
    vi: 'Mã này vừa là mã đơn vị vừa là mã thẩm quyền quản lý; không xác định được phạm vi.',
    en: 'This code is both a unit and a management authority; the scope cannot be told.',
  },
};
