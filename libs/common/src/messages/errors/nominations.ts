import type { ErrorDocs, ErrorEntries } from './entry';

/** Errors of nominations, approval chains and policies, decisions, meetings and delegations. */
export const nominationsErrors = {
  NOT_YOUR_GRANT: {
    status: 422,
    when: "A delegation names a role and scope the delegator does not hold; only one's own grant can be delegated.",
    vi: 'Bạn chỉ được ủy quyền vai trò và phạm vi mà chính mình đang nắm giữ.',
    en: 'You can only delegate a role and scope that you hold yourself.',
  },
  DELEGATION_NOT_FOUND: {
    status: 404,
    when: 'No such delegation, or it is neither from the caller nor the caller an administrator.',
    vi: 'Không tìm thấy ủy quyền.',
    en: 'The delegation was not found.',
  },
  ALREADY_VOTED: {
    status: 409,
    when: 'The member has already voted on this committee step.',
    vi: 'Bạn đã biểu quyết ở bước này.',
    en: 'You have already voted on this step.',
  },
  OVERRIDE_NOT_APPLICABLE: {
    status: 400,
    when: 'An `overrideReason` on an action that moves no money (return, reject, withdraw, cancel, start); `errors[].code` is `NOT_APPLICABLE`.',
    vi: 'Thao tác này không liên quan đến kinh phí nên không cần lý do vượt kinh phí.',
    en: 'This action moves no money, so no over-budget reason is needed.',
  },
  NOMINATION_EXISTS: {
    status: 409,
    when: 'The person already has an active nomination for the intake (draft to in training); `existingNominationId` and `existingReference` name it.',
    vi: 'Cán bộ này đã có hồ sơ đang xử lý[ ({existingReference})] cho khóa học này.',
    en: 'This person already has an active nomination[ ({existingReference})] for this intake.',
  },
  NOMINATION_NOT_FOUND: {
    status: 404,
    when: 'No such nomination, or one the caller may not see.',
    vi: 'Không tìm thấy hồ sơ, hoặc bạn không có quyền xem.',
    en: 'The nomination was not found, or you may not see it.',
  },
  VERSION_REQUIRED: {
    status: 400,
    when: 'An action or edit was sent without the `If-Match` version the caller read.',
    vi: 'Thiếu thông tin phiên bản của hồ sơ. Vui lòng tải lại trang và thử lại.',
    en: 'The version of the record is missing. Please reload the page and try again.',
  },
  VERSION_CONFLICT: {
    status: 409,
    when: 'The nomination changed since the version sent; `currentVersion` says what it is now.',
    vi: 'Hồ sơ vừa được người khác thay đổi. Vui lòng tải lại để xem bản mới nhất.',
    en: 'Someone else changed this record. Please reload to see the latest version.',
  },
  INVALID_TRANSITION: {
    status: 409,
    when: "The action is not allowed in the nomination's state; `allowed` lists what is.",
    vi: 'Không thể thực hiện thao tác này ở trạng thái hiện tại của hồ sơ. Vui lòng tải lại trang.',
    en: 'This action is not possible in the nomination’s current state. Please reload the page.',
  },
  COMMENT_REQUIRED: {
    status: 400,
    when: 'Returning, rejecting, cancelling or withdrawing needs a comment (the reason).',
    vi: 'Vui lòng nhập ý kiến hoặc lý do (khi trả lại, từ chối, hủy hoặc rút hồ sơ).',
    en: 'Please give a comment or reason (to return, reject, cancel or withdraw a nomination).',
  },
  NOT_COPYABLE: {
    status: 409,
    when: 'Only a withdrawn, rejected or cancelled nomination can be copied as a new draft; `copyableFrom` lists them.',
    vi: 'Chỉ sao chép được hồ sơ đã rút, bị từ chối hoặc đã hủy.',
    en: 'Only a withdrawn, rejected or cancelled nomination can be copied.',
  },
  DECISION_NOT_FOUND: {
    status: 404,
    when: 'No such decision, or none of its nominations is one the caller may see.',
    vi: 'Không tìm thấy quyết định, hoặc bạn không có quyền xem.',
    en: 'The decision was not found, or you may not see it.',
  },
  NOMINEE_FIXED: {
    status: 400,
    when: 'The nominee of a nomination cannot change; withdraw it and nominate again.',
    vi: 'Không thể đổi người được cử. Vui lòng rút hồ sơ này và lập hồ sơ mới.',
    en: 'The nominee cannot change. Please withdraw this nomination and make a new one.',
  },
  DUPLICATE_FUND: {
    status: 400,
    when: 'A cost split names the same fund twice.',
    vi: 'Mỗi quỹ chỉ được chọn một lần trong phần chia kinh phí.',
    en: 'Each fund may appear only once in the cost split.',
  },
  NOMINATION_WINDOW_CLOSED: {
    status: 422,
    when: 'The intake does not accept nominations today (outside its nomination window).',
    vi: 'Khóa học hiện không nhận hồ sơ (ngoài thời hạn đăng ký).',
    en: 'The intake does not take nominations today (outside its nomination window).',
  },
  INTAKE_FULL: {
    status: 422,
    when: "Every seat of the intake, or of the quota for the nominee's group, is taken.",
    vi: 'Khóa học, hoặc chỉ tiêu dành cho nhóm của cán bộ, đã hết chỗ.',
    en: 'The intake, or the quota for the nominee’s group, is full.',
  },
  NOT_ELIGIBLE: {
    status: 422,
    when: 'The nominee fails eligibility rules; `failures` lists every one, in Vietnamese and English.',
    vi: 'Cán bộ chưa đủ điều kiện dự học. Vui lòng xem các điều kiện chưa đạt.',
    en: 'The nominee is not eligible. Please see the conditions not met.',
  },
  INVALID_COST_SPLIT: {
    status: 422,
    when: 'The cost split does not add up or names funds that cannot pay it; `errors` lists every problem.',
    vi: 'Phần chia kinh phí chưa hợp lệ. Vui lòng xem các dòng được đánh dấu.',
    en: 'The cost split is not valid. Please check the marked lines.',
  },
  CHAIN_INCOMPLETE: {
    status: 422,
    when: 'No approval policy applies, or a step of the chain has nobody holding its role; the detail names the role and authority.',
    vi: 'Chưa xác định được đủ người duyệt cho hồ sơ này. Vui lòng báo quản trị viên.',
    en: 'The approval chain has a step nobody can take. Please tell the administrator.',
  },
  NOT_YOUR_STEP: {
    status: 403,
    when: "The current step is for another role or authority than the caller's.",
    vi: 'Bước duyệt hiện tại không thuộc thẩm quyền của bạn.',
    en: 'The current step is not yours to decide.',
  },
  CONFLICT_OF_INTEREST: {
    status: 403,
    when: 'The nominee and the nominator cannot decide on their own nomination.',
    vi: 'Bạn không thể tự quyết định hồ sơ mà mình là người được cử hoặc người đề xuất.',
    en: 'You cannot decide on a nomination you are the nominee or nominator of.',
  },
  ALREADY_ACTED: {
    status: 403,
    when: 'One person may act on one step of a nomination only.',
    vi: 'Bạn đã xử lý một bước của hồ sơ này; mỗi người chỉ xử lý một bước.',
    en: 'You have already acted on a step of this nomination; one person acts on one step only.',
  },
  INVALID_DATE: {
    status: 400,
    when: 'A date parameter of a maintenance job is not `YYYY-MM-DD`.',
    vi: 'Ngày[ {value}] không hợp lệ. Vui lòng nhập theo dạng ngày/tháng/năm.',
    en: 'The date[ {value}] is not valid. Please enter a day/month/year date.',
  },
  POLICY_NOT_FOUND: {
    status: 404,
    when: "No such approval policy, or (a board reviewer) one that does not match the caller's authority.",
    vi: 'Không tìm thấy quy tắc duyệt này, hoặc quy tắc không thuộc thẩm quyền của bạn.',
    en: 'This approval policy does not exist, or it is not yours to manage.',
  },
  POLICY_VERSION_CONFLICT: {
    status: 409,
    when: 'The approval policy changed since the `version` sent; `currentVersion` says what it is now. Read it again and reapply the change.',
    vi: 'Quy tắc duyệt vừa được người khác thay đổi. Vui lòng tải lại để xem bản mới nhất rồi sửa lại.',
    en: 'Someone else changed this approval policy. Please reload to see the latest version and apply your change again.',
  },
  // Field-level codes (`errors[].code`), described in the field sections below.
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
} satisfies ErrorEntries;

export const nominationsDocs: ErrorDocs = {
  title: 'Nominations',
  fieldSections: [
    {
      title: 'Meetings (batch decisions)',
      rows: [
        { codes: ['IN_FUTURE'], when: "`meetingDate` is after the organization's today." },
        { codes: ['BLANK'], when: '`meetingNumber` is given but blank.' },
        { codes: ['TOO_LONG'], when: '`meetingNumber` is longer than 50 characters.' },
      ],
    },
    {
      title: 'Delegations',
      rows: [
        { codes: ['ONE_SCOPE'], when: 'A delegation names exactly one grant to pass on.' },
        { codes: ['RANGE'], when: 'A delegation ends before it starts.' },
        { codes: ['SELF_DELEGATION'], when: 'Nobody delegates to themselves.' },
        { codes: ['UNKNOWN_USER'], when: 'The delegate is not a user.' },
      ],
    },
    {
      title: 'Approval policies',
      rows: [
        { codes: ['AUTHORITY_REQUIRED'], when: 'A `named` step without `authorityId`.' },
        {
          codes: ['AUTHORITY_INACTIVE'],
          when: 'A step names a management authority that is no longer active (`UNKNOWN_AUTHORITY`: one that does not exist; `UNKNOWN_TIER`: a tier condition that does not exist; `NOT_APPLICABLE`: `authorityId` on a step that is not `named`, or `minFundAmount`/`onlyHigherTier` on one that is not `fund_owner`).',
        },
        {
          codes: ['INVALID_COMMITTEE'],
          when: 'A committee rule whose quorum is not `"majority"` or a whole number from 1 to 50.',
        },
        { codes: ['PRIORITY_TAKEN'], when: 'Another policy has this priority.' },
        {
          codes: ['NO_HOLDER'],
          when: "A warning, not an error (`warnings[]` of a saved policy or a preview): nobody holds the step's role over its authority today; submission would be refused with `CHAIN_INCOMPLETE`.",
        },
        {
          codes: ['QUORUM_UNREACHABLE'],
          when: 'A warning: a committee quorum larger than the members who hold the role today.',
        },
      ],
    },
  ],
};
