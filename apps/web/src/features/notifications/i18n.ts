import { registerTranslations } from '../../i18n';

const vi = {
  settingsTitle: 'Cài đặt',
  preferencesHelp:
    'Chọn cách nhận từng loại thông báo. Thông báo cần bạn xử lý luôn phải bật thư điện tử hoặc hộp thư.',
  event: 'Loại thông báo',
  inbox: 'Hộp thư',
  email: 'Thư điện tử',
  digest: 'Gộp một thư mỗi ngày',
  default: 'Mặc định',
  restoreDefault: 'Về mặc định',
  needsAction: 'Cần xử lý',
  types: {
    'nomination.submitted': 'Hồ sơ mới chờ duyệt',
    'nomination.step_approved': 'Một bước đã được duyệt',
    'nomination.reminder': 'Nhắc việc quá hạn',
    'nomination.escalated': 'Chuyển lên cấp trên',
    'nomination.returned': 'Hồ sơ bị trả lại',
    'nomination.approved': 'Hồ sơ được phê duyệt',
    'nomination.rejected': 'Hồ sơ bị từ chối',
    'nomination.cancelled': 'Hồ sơ bị hủy',
    'nomination.withdrawn': 'Hồ sơ được rút',
    'fund.threshold_crossed': 'Quỹ vượt ngưỡng sử dụng',
    'fund.pipeline_warning': 'Cảnh báo sớm: quỹ sắp vượt ngưỡng',
  },
};

const en: typeof vi = {
  settingsTitle: 'Settings',
  preferencesHelp:
    'Choose how to be told about each kind of event. Events that ask you to act keep email or the inbox on.',
  event: 'Event',
  inbox: 'Inbox',
  email: 'Email',
  digest: 'One email a day',
  default: 'Default',
  restoreDefault: 'Back to default',
  needsAction: 'Asks you to act',
  types: {
    'nomination.submitted': 'New nomination to review',
    'nomination.step_approved': 'A step was approved',
    'nomination.reminder': 'Overdue reminder',
    'nomination.escalated': 'Escalated',
    'nomination.returned': 'Nomination returned',
    'nomination.approved': 'Nomination approved',
    'nomination.rejected': 'Nomination rejected',
    'nomination.cancelled': 'Nomination cancelled',
    'nomination.withdrawn': 'Nomination withdrawn',
    'fund.threshold_crossed': 'Fund crossed a threshold',
    'fund.pipeline_warning': 'Early warning: fund nearing its threshold',
  },
};

registerTranslations('notifications', { vi, en });
