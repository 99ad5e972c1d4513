import type { ErrorDocs, ErrorEntries } from './entry';

/** Errors of sign-in, users, invitations and roles. */
export const accessErrors = {
  INVALID_CREDENTIALS: {
    status: 401,
    when: 'The email or password is wrong (the same answer for an unknown email).',
    vi: 'Thư điện tử hoặc mật khẩu không đúng.',
    en: 'The email or the password is wrong.',
  },
  INVALID_REFRESH_TOKEN: {
    status: 401,
    when: 'The refresh token is unknown, expired, revoked or reused (a reuse revokes its whole family).',
    vi: 'Phiên làm việc đã kết thúc. Vui lòng đăng nhập lại.',
    en: 'Your session ended. Please sign in again.',
  },
  INVALID_TOKEN: {
    status: 401,
    when: 'The access token is malformed, has a bad signature, is expired, or names a user who is gone or inactive.',
    vi: 'Phiên làm việc không còn hiệu lực. Vui lòng đăng nhập lại.',
    en: 'Your session is no longer valid. Please sign in again.',
  },
  TOO_MANY_ATTEMPTS: {
    status: 429,
    when: 'Too many failed logins for the account or the address; `retryAfterSeconds` and `Retry-After` say when to retry.',
    vi: 'Đăng nhập sai quá nhiều lần. Vui lòng chờ một lúc[ ({retryAfterSeconds} giây)] rồi thử lại.',
    en: 'Too many failed sign-ins. Please wait a while[ ({retryAfterSeconds} s)] and try again.',
  },
  EMAIL_TAKEN: {
    status: 409,
    when: 'A user with this email already exists.',
    vi: 'Thư điện tử này đã được dùng cho một tài khoản khác.',
    en: 'This email is already used by another account.',
  },
  STAFF_ALREADY_LINKED: {
    status: 409,
    when: 'Another user is already linked to this staff record.',
    vi: 'Cán bộ này đã được gắn với một tài khoản khác.',
    en: 'This staff member is already linked to another account.',
  },
  LAST_ADMIN: {
    status: 409,
    when: 'The change would leave no active administrator.',
    vi: 'Không thể thực hiện: hệ thống phải còn ít nhất một quản trị viên đang hoạt động.',
    en: 'Not possible: at least one active administrator must remain.',
  },
  USER_NOT_FOUND: {
    status: 404,
    when: 'No such user.',
    vi: 'Không tìm thấy tài khoản người dùng.',
    en: 'The user account was not found.',
  },
  INVITATION_PENDING: {
    status: 401,
    when: 'The account was invited and has no password yet: the user must follow the link in the invitation email (any password gets this answer; a disabled account gets `INVALID_CREDENTIALS`).',
    vi: 'Tài khoản chưa có mật khẩu. Vui lòng mở đường dẫn trong thư mời để đặt mật khẩu.',
    en: 'This account has no password yet. Please open the link in your invitation email to choose one.',
  },
  INVITATION_NOT_FOUND: {
    status: 404,
    when: 'No invitation has this token (or its user is disabled).',
    vi: 'Đường dẫn mời không hợp lệ. Vui lòng kiểm tra lại đường dẫn trong thư.',
    en: 'This invitation link is not valid. Please check the link in the email.',
  },
  INVITATION_EXPIRED: {
    status: 409,
    when: 'The invitation link is older than `INVITATION_TTL_DAYS`; an administrator sends a new one.',
    vi: 'Đường dẫn mời đã hết hạn. Vui lòng đề nghị quản trị viên gửi lại thư mời.',
    en: 'This invitation has expired. Please ask an administrator to send a new one.',
  },
  INVITATION_USED: {
    status: 409,
    when: 'The invitation has already been accepted; the user signs in with their password.',
    vi: 'Đường dẫn mời đã được sử dụng. Vui lòng đăng nhập bằng mật khẩu của mình.',
    en: 'This invitation has already been used. Please sign in with your password.',
  },
  INVITATION_REVOKED: {
    status: 409,
    when: 'A newer invitation (or a password set by an administrator) replaced this link.',
    vi: 'Đường dẫn mời đã được thay bằng thư mời mới hơn. Vui lòng dùng đường dẫn trong thư mới nhất.',
    en: 'This invitation was replaced by a newer one. Please use the link in the latest email.',
  },
  USER_HAS_PASSWORD: {
    status: 409,
    when: 'An invitation was asked for a user who already has a password; reset the password instead.',
    vi: 'Người dùng đã có mật khẩu; hãy đặt lại mật khẩu thay vì gửi thư mời.',
    en: 'The user already has a password; reset it instead of sending an invitation.',
  },
  USER_INACTIVE: {
    status: 409,
    when: 'An invitation was asked for a disabled user; enable the user first.',
    vi: 'Tài khoản đang bị khóa. Vui lòng mở khóa trước khi gửi lại thư mời.',
    en: 'The account is disabled. Please enable it before sending the invitation again.',
  },
  // Field-level codes (`errors[].code`), described in the field sections below.
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
} satisfies ErrorEntries;

export const accessDocs: ErrorDocs = {
  title: 'Sign-in and users',
  fieldSections: [
    {
      title: 'People, users and roles',
      rows: [
        { codes: ['PERIOD_ORDER'], when: 'A planning-pool entry ends before it starts.' },
        { codes: ['SCOPE_REQUIRED'], when: 'A role that needs a unit scope was given none.' },
        {
          codes: ['SCOPE_NOT_ALLOWED'],
          when: 'A role without a unit scope (administrator) was given one.',
        },
        { codes: ['DUPLICATE_ROLE'], when: 'The same role and scope is given twice.' },
        { codes: ['UNKNOWN_STAFF'], when: "The user's `staffId` names no staff record." },
        { codes: ['STAFF_ID_REQUIRED'], when: 'A staff-member role needs a linked staff record.' },
      ],
    },
  ],
};
