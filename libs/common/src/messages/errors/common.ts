import type { ErrorDocs, ErrorEntries } from './entry';

/** Codes any context raises about its records: a code already taken, a reference to nothing. */
export const commonErrors = {
  CODE_TAKEN: {
    status: 409,
    when: 'A record code (provider, programme, intake, target) is already used.',
    vi: 'Mã này đã được dùng. Vui lòng chọn mã khác.',
    en: 'This code is already used. Please choose another.',
  },
  UNKNOWN_REFERENCE: {
    status: 422,
    when: 'A body names a record (programme, intake, unit, parent target) that does not exist; `errors` says which field.',
    vi: 'Một mục được chọn không còn tồn tại. Vui lòng chọn lại các ô được đánh dấu.',
    en: 'Something chosen no longer exists. Please choose the marked fields again.',
  },
} satisfies ErrorEntries;

export const commonDocs: ErrorDocs = {
  title: 'Any record',
};
