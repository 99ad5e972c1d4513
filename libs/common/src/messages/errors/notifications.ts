import type { ErrorDocs, ErrorEntries } from './entry';

/** Errors of the inbox, preferences and deliveries. */
export const notificationsErrors = {
  NOTIFICATION_NOT_FOUND: {
    status: 404,
    when: "No such inbox item, or it is another user's.",
    vi: 'Không tìm thấy thông báo.',
    en: 'The notification was not found.',
  },
  UNKNOWN_EVENT_TYPE: {
    status: 404,
    when: 'A notification preference names an event type that notifies nobody (see `NOTIFIED_EVENTS`).',
    vi: 'Loại thông báo này không tồn tại.',
    en: 'There is no such kind of notification.',
  },
  DIGEST_NEEDS_EMAIL: {
    status: 400,
    when: 'A notification preference asks for the daily digest with email off.',
    vi: 'Muốn nhận thư tổng hợp hằng ngày, vui lòng bật nhận thư điện tử.',
    en: 'To get the daily digest, please turn email on.',
  },
  ACTION_NOTICE_REQUIRED: {
    status: 400,
    when: 'A notification preference turns off both email and inbox for an event that asks the user to act.',
    vi: 'Thông báo cần bạn xử lý phải được nhận qua thư điện tử hoặc hộp thư; không thể tắt cả hai.',
    en: 'Events that ask you to act must reach you by email or in the inbox; both cannot be off.',
  },
  DELIVERY_NOT_FOUND: {
    status: 404,
    when: 'No such notification delivery.',
    vi: 'Không tìm thấy lượt gửi thông báo.',
    en: 'The notification delivery was not found.',
  },
  DELIVERY_NOT_FAILED: {
    status: 409,
    when: 'Only a failed delivery can be retried; `deliveryStatus` says what it is.',
    vi: 'Chỉ gửi lại được thông báo đã gửi thất bại.',
    en: 'Only a failed delivery can be sent again.',
  },
  DELIVERY_IN_PROGRESS: {
    status: 409,
    when: "The delivery's job is running right now; retry after that attempt ends.",
    vi: 'Thông báo đang được gửi. Vui lòng thử lại sau khi lượt gửi này kết thúc.',
    en: 'The notification is being sent now. Please try again after this attempt ends.',
  },
} satisfies ErrorEntries;

export const notificationsDocs: ErrorDocs = {
  title: 'Notifications',
};
