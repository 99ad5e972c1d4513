import { i18n } from './index';
import type { ApiError } from '../api/problem';

/**
 * A message in the user's language for every problem `code` the API documents
 * (docs/errors.md), top-level and field-level. A test keeps this list complete.
 */
export const errorMessages: Record<string, { vi: string; en: string }> = {
  VALIDATION_FAILED: {
    vi: 'Dữ liệu chưa hợp lệ; xem các ô được đánh dấu.',
    en: 'Some fields are invalid; see the marked fields.',
  },
  VERSION_CONFLICT: {
    vi: 'Hồ sơ vừa được người khác thay đổi.',
    en: 'Someone else changed this record.',
  },
  NOMINATION_NOT_FOUND: { vi: 'Không tìm thấy hồ sơ.', en: 'The nomination was not found.' },
  INVALID_CREDENTIALS: {
    vi: 'Thư điện tử hoặc mật khẩu không đúng.',
    en: 'The email or the password is wrong.',
  },
};

/** The message for an API error in the current language, falling back to its detail. */
export function messageOf(error: unknown): string {
  const language = i18n.language === 'en' ? 'en' : 'vi';
  if (error && typeof error === 'object' && 'code' in error) {
    const known = errorMessages[(error as ApiError).code];
    if (known) return known[language];
    const detail = (error as ApiError).detail;
    if (detail) return detail;
  }
  if (error instanceof TypeError) return i18n.t('errors.network');
  return i18n.t('errors.generic');
}
