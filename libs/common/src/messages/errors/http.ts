import type { ErrorDocs, ErrorEntries } from './entry';

/**
 * Errors of the HTTP layer and the framework: malformed requests, routes, limits, idempotency,
 * validation of every form.
 */
export const httpErrors = {
  VALIDATION_FAILED: {
    status: 400,
    when: 'The input breaks its schema: unknown field (`errors[].code` = `UNKNOWN_FIELD`), wrong type, bad value, malformed id. `errors` lists every problem.',
    vi: 'Dữ liệu chưa hợp lệ. Vui lòng xem và sửa các ô được đánh dấu.',
    en: 'Some fields are not valid. Please check the marked fields.',
  },
  MALFORMED_BODY: {
    status: 400,
    when: 'The body is not valid JSON, or empty with a JSON content type.',
    vi: 'Không đọc được dữ liệu gửi lên. Vui lòng tải lại trang và thử lại.',
    en: 'The data sent could not be read. Please reload the page and try again.',
  },
  BAD_REQUEST: {
    status: 400,
    when: 'Another unreadable request.',
    vi: 'Yêu cầu không hợp lệ. Vui lòng tải lại trang và thử lại.',
    en: 'The request was not valid. Please reload the page and try again.',
  },
  BODY_NOT_OBJECT: {
    status: 400,
    when: 'The JSON body is not an object (`null`, an array, a string or a number).',
    vi: 'Dữ liệu gửi lên không đúng dạng. Vui lòng tải lại trang và thử lại.',
    en: 'The data sent has the wrong form. Please reload the page and try again.',
  },
  NESTING_TOO_DEEP: {
    status: 400,
    when: 'The body nests objects or arrays more than 32 levels deep (`maxDepth`). Refused before any other check.',
    vi: 'Dữ liệu gửi lên quá phức tạp để xử lý. Vui lòng tải lại trang và thử lại.',
    en: 'The data sent is too deeply nested to process. Please reload the page and try again.',
  },
  ARRAY_TOO_LONG: {
    status: 400,
    when: 'An array in the body or the query has more than 10,000 items (`field`, `maxItems`).',
    vi: 'Danh sách gửi lên quá dài (tối đa 10.000 mục). Vui lòng chia nhỏ rồi gửi lại.',
    en: 'A list sent is too long (at most 10,000 items). Please split it and send it again.',
  },
  INVALID_TEXT: {
    status: 400,
    when: 'Text that cannot be stored: a NUL character or a lone UTF-16 surrogate in a body, query or path value or key, bytes that are not UTF-8 in the body, or a query escape that is not UTF-8. `errors[].code` is `NUL_CHARACTER`, `LONE_SURROGATE`, `INVALID_UTF8` or `INVALID_ENCODING`.',
    vi: 'Nội dung có ký tự không lưu được. Vui lòng gõ lại đoạn văn bản đó thay vì dán.',
    en: 'The text has characters that cannot be stored. Please type it again rather than pasting it.',
  },
  BAD_URL: {
    status: 400,
    when: 'The path has a malformed percent escape or one that is not UTF-8.',
    vi: 'Địa chỉ trang không hợp lệ. Vui lòng kiểm tra lại đường dẫn.',
    en: 'The address is not valid. Please check the link.',
  },
  URI_TOO_LONG: {
    status: 414,
    when: 'A path parameter is longer than 100 characters.',
    vi: 'Địa chỉ trang quá dài. Vui lòng kiểm tra lại đường dẫn.',
    en: 'The address is too long. Please check the link.',
  },
  REQUEST_TIMEOUT: {
    status: 408,
    when: 'The request was not received in time.',
    vi: 'Máy chủ chờ quá lâu mà chưa nhận đủ yêu cầu. Vui lòng kiểm tra mạng và thử lại.',
    en: 'The server waited too long for the request. Please check the network and try again.',
  },
  HEADERS_TOO_LARGE: {
    status: 431,
    when: 'The request line and headers exceed 16 KB.',
    vi: 'Yêu cầu quá lớn. Vui lòng đăng xuất, đăng nhập lại rồi thử lại.',
    en: 'The request is too large. Please sign out, sign in again and retry.',
  },
  ROUTE_NOT_FOUND: {
    status: 404,
    when: 'No such route under `/api`, or a missing file under `/assets/` of the web application.',
    vi: 'Không có chức năng này trên máy chủ[ ({route})]. Vui lòng tải lại trang.',
    en: 'The server has no such function[ ({route})]. Please reload the page.',
  },
  WEB_APP_NOT_BUILT: {
    status: 404,
    when: 'A path outside `/api` while the server has no built web application (no `index.html` in `WEB_DIST_DIR`). Unknown paths under `/api` stay `ROUTE_NOT_FOUND`.',
    vi: 'Ứng dụng web chưa được cài đặt trên máy chủ. Vui lòng báo quản trị viên.',
    en: 'The web application is not installed on the server. Please tell the administrator.',
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    when: 'The body exceeds `API_BODY_LIMIT_BYTES`.',
    vi: 'Dữ liệu hoặc tệp gửi lên quá lớn. Vui lòng chọn tệp nhỏ hơn hoặc chia nhỏ.',
    en: 'The data or file is too large. Please choose a smaller file or split it.',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    when: 'A body in a content type the route does not read: JSON routes read `application/json` and `application/*+json` only; `multipart/form-data` only on the upload routes (imports).',
    vi: 'Máy chủ không nhận dữ liệu ở dạng này. Vui lòng tải lại trang và thử lại.',
    en: 'The server does not accept data in this form. Please reload the page and try again.',
  },
  PROBE_NOT_FOUND: {
    status: 404,
    when: 'The pipeline probe is unknown or not processed yet.',
    vi: 'Chưa có kết quả kiểm tra hệ thống. Vui lòng thử lại sau ít phút.',
    en: 'The system check has no result yet. Please try again in a few minutes.',
  },
  QUEUE_UNAVAILABLE: {
    status: 503,
    when: 'The job queue backend does not answer; nothing was enqueued, try again.',
    vi: 'Hệ thống xử lý nền đang tạm ngừng; chưa có gì được ghi nhận. Vui lòng thử lại sau ít phút.',
    en: 'Background processing is unavailable; nothing was recorded. Please try again in a few minutes.',
  },
  IDEMPOTENCY_KEY_IN_FLIGHT: {
    status: 409,
    when: 'A request with the same `Idempotency-Key` (same user) is still being processed; retry shortly.',
    vi: 'Yêu cầu trước của bạn vẫn đang được xử lý. Vui lòng chờ vài giây rồi thử lại.',
    en: 'Your previous request is still being processed. Please wait a few seconds and try again.',
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    when: 'The `Idempotency-Key` was used by the same user for another request (method, path or body); use a new key.',
    vi: 'Yêu cầu này trùng mã với một yêu cầu khác. Vui lòng tải lại trang và thử lại.',
    en: 'This request reuses the key of another one. Please reload the page and try again.',
  },
  INTERNAL_ERROR: {
    status: 500,
    when: "A defect. Details are in the log under the response's `requestId`.",
    vi: 'Hệ thống gặp lỗi ngoài dự kiến. Vui lòng thử lại; nếu vẫn lỗi, hãy báo quản trị viên kèm mã lỗi.',
    en: 'An unexpected error occurred. Please try again; if it persists, tell the administrator the error code.',
  },
  UNAUTHENTICATED: {
    status: 401,
    when: 'No access token, or one that is not a bearer token.',
    vi: 'Bạn cần đăng nhập để tiếp tục.',
    en: 'Please sign in to continue.',
  },
  FORBIDDEN: {
    status: 403,
    when: 'The caller is signed in but their roles or scope do not allow this action on this object (it is visible to them).',
    vi: 'Bạn không có quyền thực hiện thao tác này.',
    en: 'You are not allowed to do this.',
  },
  NOT_FOUND: {
    status: 404,
    when: 'A route answered 404 without a more specific code.',
    vi: 'Không tìm thấy nội dung yêu cầu.',
    en: 'What you asked for was not found.',
  },
  METHOD_NOT_ALLOWED: {
    status: 405,
    when: 'The route exists but not with this method.',
    vi: 'Thao tác này không được hỗ trợ. Vui lòng tải lại trang.',
    en: 'This operation is not supported. Please reload the page.',
  },
  NOT_ACCEPTABLE: {
    status: 406,
    when: 'The `Accept` header asks for a format the endpoint cannot produce.',
    vi: 'Không xuất được dữ liệu ở định dạng đã chọn. Vui lòng chọn định dạng khác.',
    en: 'The data cannot be given in the chosen format. Please choose another format.',
  },
  CONFLICT: {
    status: 409,
    when: 'A conflict raised by the framework without a more specific code.',
    vi: 'Thao tác xung đột với dữ liệu hiện có. Vui lòng tải lại trang và thử lại.',
    en: 'This conflicts with the current data. Please reload the page and try again.',
  },
  UNPROCESSABLE: {
    status: 422,
    when: 'A refusal raised by the framework without a more specific code.',
    vi: 'Không thực hiện được thao tác với dữ liệu này.',
    en: 'This cannot be done with this data.',
  },
  TOO_MANY_REQUESTS: {
    status: 429,
    when: 'A rate limit other than the login throttle; see `Retry-After`.',
    vi: 'Bạn thao tác quá nhanh. Vui lòng chờ một lát rồi thử lại.',
    en: 'Too many requests. Please wait a moment and try again.',
  },
  SERVICE_UNAVAILABLE: {
    status: 503,
    when: 'A dependency (Postgres, Redis) does not answer; try again later.',
    vi: 'Hệ thống đang tạm thời gián đoạn. Vui lòng thử lại sau ít phút.',
    en: 'The system is temporarily unavailable. Please try again in a few minutes.',
  },
  // Field-level codes (`errors[].code`), described in the field sections below.
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
} satisfies ErrorEntries;

export const httpDocs: ErrorDocs = {
  title: 'Requests and the HTTP layer',
  fieldSections: [
    {
      title: 'Validation (every endpoint)',
      rows: [
        {
          codes: ['UNKNOWN_FIELD'],
          when: 'A field the endpoint does not take, including `__proto__`, `constructor`, `prototype` and the names every object inherits (`toString`, `valueOf`, …).',
        },
        {
          codes: ['NOT_NULLABLE'],
          when: '`null` in a field that cannot be cleared; fields that can are documented `nullable`.',
        },
        {
          codes: ['IS_OBJECT'],
          when: 'An array where an object (or a list of objects) is expected.',
        },
        {
          codes: ['MATCHES', 'IS_ISO8601'],
          when: 'A date that is not `YYYY-MM-DD`, or not a real calendar day.',
        },
        {
          codes: ['IS_INT', 'MIN', 'MAX'],
          when: 'On `page` / `pageSize`: decimal digits without a leading zero; page 1–10,000, pageSize 1–500.',
        },
        {
          codes: ['IS_UUID', 'IS_IN', 'IS_INT', 'MAX', 'MIN', 'IS_DEFINED', 'IS_NOT_EMPTY'],
          more: true,
          when: 'A class-validator constraint, named in upper snake case after it (`isUuid` → `IS_UUID`).',
        },
        { codes: ['IS_ID'], when: 'A numeric id in the path is not a positive whole number.' },
        {
          codes: ['NOT_APPLICABLE'],
          when: 'A field the action does not take in this case (an override where nothing moves).',
        },
        {
          codes: ['REQUIRED'],
          when: 'A value the action needs is missing (a comment or reason, a version, a meeting number).',
        },
        { codes: ['IMMUTABLE'], when: 'A field that cannot change after creation (the nominee).' },
        {
          codes: ['INVALID_IDEMPOTENCY_KEY'],
          when: 'The `Idempotency-Key` header is not 1–255 visible characters.',
        },
        {
          codes: ['NUL_CHARACTER', 'LONE_SURROGATE', 'INVALID_UTF8', 'INVALID_ENCODING'],
          when: 'Text that cannot be stored (see `INVALID_TEXT`): a NUL, half a surrogate pair, bytes that are not UTF-8, a query escape that is not UTF-8.',
        },
        {
          codes: ['IS_STRING', 'IS_BOOLEAN', 'IS_EMAIL', 'IS_ARRAY'],
          when: 'A value of the wrong type (text, true/false, an email address, a list).',
        },
        {
          codes: ['MAX_LENGTH', 'MIN_LENGTH'],
          when: 'Text longer or shorter than the field takes.',
        },
        {
          codes: ['ARRAY_MAX_SIZE', 'ARRAY_MIN_SIZE', 'ARRAY_NOT_EMPTY', 'ARRAY_UNIQUE'],
          when: 'A list with too many or too few items, none, or one twice.',
        },
      ],
    },
  ],
};
