import type { ErrorDocs, ErrorEntries } from './entry';

/** Errors of uploaded files and their rows. */
export const importsErrors = {
  IMPORT_FILE_REQUIRED: {
    status: 400,
    when: 'An import without one multipart field `file`.',
    vi: 'Vui lòng chọn một tệp để nhập.',
    en: 'Please choose a file to import.',
  },
  IMPORT_UPLOAD_MALFORMED: {
    status: 400,
    when: 'An import whose multipart body cannot be read: no boundary, or cut off before its closing boundary.',
    vi: 'Tệp tải lên bị gián đoạn. Vui lòng tải lên lại.',
    en: 'The upload was cut off. Please upload the file again.',
  },
  IMPORT_UNREADABLE: {
    status: 400,
    when: 'An imported file is neither UTF-8 CSV nor an XLSX workbook (e.g. an old `.xls`, a broken archive).',
    vi: 'Không đọc được tệp. Vui lòng dùng tệp Excel (.xlsx) hoặc CSV mã UTF-8.',
    en: 'The file cannot be read. Please use an Excel (.xlsx) or UTF-8 CSV file.',
  },
  SPREADSHEET_TOO_LARGE: {
    status: 422,
    when: 'An imported XLSX expands past `IMPORT_MAX_UNZIPPED_BYTES`, or needs more memory to read than `IMPORT_WORKER_MEMORY_MB`.',
    vi: 'Tệp Excel quá lớn để đọc. Vui lòng chia thành nhiều tệp nhỏ hơn.',
    en: 'The Excel file is too large to read. Please split it into smaller files.',
  },
  TOO_MANY_ROWS: {
    status: 422,
    when: 'An imported file has more than `IMPORT_MAX_ROWS` data rows (`limit`); reading stops there.',
    vi: 'Tệp có quá nhiều dòng[ (tối đa {limit:amount})]. Vui lòng chia thành nhiều tệp nhỏ hơn.',
    en: 'The file has too many rows[ (at most {limit:amount})]. Please split it into smaller files.',
  },
  TOO_MANY_CELLS: {
    status: 422,
    when: 'An imported file has more than `IMPORT_MAX_CELLS` non-empty cells (`limit`); reading stops there.',
    vi: 'Tệp có quá nhiều ô dữ liệu[ (tối đa {limit:amount})]. Vui lòng bỏ các cột thừa hoặc chia nhỏ tệp.',
    en: 'The file has too many filled cells[ (at most {limit:amount})]. Please remove extra columns or split the file.',
  },
  IMPORT_INVALID: {
    status: 422,
    when: 'An imported file has bad rows; `errors` lists the first `IMPORT_MAX_ERRORS` in file order, `errorCount` all. Nothing was written.',
    vi: 'Tệp có lỗi[ ({errorCount:amount} lỗi)] nên chưa có gì được nhập. Vui lòng sửa các dòng được liệt kê rồi nhập lại.',
    en: 'The file has errors[ ({errorCount:amount} in all)], so nothing was imported. Please fix the listed rows and import again.',
  },
  // Field-level codes (`errors[].code`), described in the field sections below.
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
} satisfies ErrorEntries;

export const importsDocs: ErrorDocs = {
  title: 'Imports',
  fieldSections: [
    {
      title: 'Imports (rows of `IMPORT_INVALID`)',
      rows: [
        { codes: ['MISSING_HEADER'], when: 'Row 1 is not a header row.' },
        {
          codes: ['MISSING_COLUMN', 'UNKNOWN_COLUMN', 'DUPLICATE_COLUMN'],
          when: 'A required column is absent, a column is not recognised, or appears twice.',
        },
        {
          codes: ['COLUMN_WITHOUT_HEADER'],
          when: 'A row has a value in a column that has no header.',
        },
        { codes: ['REQUIRED'], when: 'A required cell is empty.' },
        {
          codes: ['NOT_TEXT', 'CODE_HAS_SPACES'],
          when: 'A cell that must hold text holds something else; a code has spaces.',
        },
        {
          codes: ['INVALID_VALUE', 'OUT_OF_RANGE', 'INVALID_DATE'],
          when: 'A cell is not one of the accepted values, out of the accepted range, or not a date.',
        },
        { codes: ['DUPLICATE_CODE'], when: 'Two rows carry the same code.' },
        {
          codes: [
            'UNKNOWN_UNIT',
            'UNKNOWN_TIER',
            'UNKNOWN_AUTHORITY',
            'UNKNOWN_POSITION',
            'UNKNOWN_PARENT',
          ],
          when: 'A row names a unit, tier, authority, position or parent unit that does not exist.',
        },
        { codes: ['PARENT_CYCLE'], when: "The rows' parent units form a cycle." },
        {
          codes: ['INVALID_TEXT'],
          when: 'A cell holds a NUL character or half a surrogate pair (`_x0000_`, `_xD800_` in XLSX).',
        },
        {
          codes: ['OUT_OF_SCOPE'],
          when: "A row places a person in a unit outside the caller's scope.",
        },
        {
          codes: ['UNKNOWN_PROVIDER'],
          when: 'A programme row names a training provider that does not exist.',
        },
        {
          codes: ['UNKNOWN_PROGRAM'],
          when: 'An intake row names a programme that does not exist.',
        },
        {
          codes: ['FUND_FIXED'],
          when: "A fund's year, owner unit or source cannot change once it exists.",
        },
        {
          codes: ['ALLOCATION_BELOW_COMMITTED'],
          when: "A fund's allocation cannot go below what is reserved and spent against it.",
        },
        {
          codes: ['DUPLICATE_ENTRY'],
          when: 'Two rows are the same planning pool entry (person, position, first year).',
        },
        {
          codes: ['INVALID_EMAIL', 'DUPLICATE_EMAIL'],
          when: 'A users import row has no valid email, or the same email (any case) as an earlier row.',
        },
        {
          codes: ['UNKNOWN_ROLE'],
          when: 'A role in a users import is neither a role key nor a label; the message lists the accepted ones.',
        },
        {
          codes: ['UNKNOWN_SCOPE', 'AMBIGUOUS_SCOPE'],
          when: "A board role's scope code names no unit or management authority, or both at once.",
        },
        {
          codes: ['UNKNOWN_STAFF'],
          when: 'A users import row names a staff code that does not exist.',
        },
        {
          codes: [
            'STAFF_ALREADY_LINKED',
            'STAFF_ID_REQUIRED',
            'SCOPE_REQUIRED',
            'SCOPE_NOT_ALLOWED',
            'DUPLICATE_ROLE',
          ],
          when: 'As for `POST /users`: a staff record linked twice, the staff role without a staff code, a scope missing or not allowed, a role given twice.',
        },
      ],
    },
    {
      title: 'Training history imports (rows of `IMPORT_INVALID`)',
      rows: [
        {
          codes: ['INVALID_VALUE', 'OUT_OF_RANGE'],
          when: 'A cell is not a value of its column (the message names the accepted ones), or is out of range (negative).',
        },
        {
          codes: ['UNKNOWN_STAFF', 'UNKNOWN_PROGRAM', 'UNKNOWN_PROVIDER', 'UNKNOWN_FUND'],
          when: 'A row names a staff member, programme, provider or fund that does not exist.',
        },
        { codes: ['END_BEFORE_START'], when: 'A participation ends before it starts.' },
        {
          codes: ['DUPLICATE_ROW'],
          when: 'Two rows record the same participation (person, category, start) or the same unit and day.',
        },
        {
          codes: ['SNAPSHOT_TAKEN'],
          when: 'Compliance figures for a unit and day the product already counted (those are kept).',
        },
      ],
    },
  ],
};
