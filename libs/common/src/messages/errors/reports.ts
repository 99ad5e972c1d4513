import type { ErrorDocs, ErrorEntries } from './entry';

/** Errors of reports, compliance snapshots and training targets. */
export const reportsErrors = {
  NO_SNAPSHOT: {
    status: 404,
    when: 'A report at a date (`at=`) finds no compliance snapshot taken on or before it.',
    vi: 'Chưa có số liệu chốt vào hoặc trước ngày đã chọn. Vui lòng chọn ngày muộn hơn.',
    en: 'No figures were recorded on or before the chosen date. Please choose a later date.',
  },
  TARGET_NOT_FOUND: {
    status: 404,
    when: 'No such training target.',
    vi: 'Không tìm thấy chỉ tiêu đào tạo.',
    en: 'The training target was not found.',
  },
  TARGET_HAS_PARTS: {
    status: 409,
    when: 'A training target with parts ("of which") cannot be removed; remove or move its parts first (`parts` says how many).',
    vi: 'Chỉ tiêu này còn các chỉ tiêu con ("trong đó"). Vui lòng xóa hoặc chuyển chúng trước.',
    en: 'This target still has parts ("of which"). Please remove or move them first.',
  },
  TARGET_PARENT_INVALID: {
    status: 422,
    when: "A target's `parentId` names a target of another kind, the target itself, or one of its own parts.",
    vi: 'Chỉ tiêu cha không hợp lệ: phải cùng loại và không phải chính nó hay chỉ tiêu con của nó.',
    en: 'The parent target is not valid: it must be of the same kind and not the target itself or one of its parts.',
  },
  // Field-level codes (`errors[].code`), described in the field sections below.
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
  IS_DATE: {
    vi: 'Ngày không hợp lệ. Vui lòng nhập theo dạng năm-tháng-ngày (YYYY-MM-DD).',
    en: 'The date is not valid. Please enter it as year-month-day (YYYY-MM-DD).',
  },
} satisfies ErrorEntries;

export const reportsDocs: ErrorDocs = {
  title: 'Reports and targets',
  fieldSections: [
    {
      title: 'Reports and targets',
      rows: [
        {
          codes: ['PERIOD_REVERSED'],
          when: '`to` is before `from`, or `toYear` before `fromYear`.',
        },
        { codes: ['RANGE_TOO_LONG'], when: 'A compliance trend over more than ten years.' },
        { codes: ['TOO_MANY_POINTS'], when: 'A trend whose `every` gives more than 200 points.' },
        { codes: ['YEAR_WITH_RANGE'], when: 'Budget usage with both `year` and a range.' },
        {
          codes: ['IS_POSITIVE_DECIMAL'],
          when: 'A target is not a positive number with at most two decimals.',
        },
        {
          codes: ['IS_DATE'],
          when: 'A compliance report date (`at`, `from`, `to`) is not `YYYY-MM-DD`.',
        },
      ],
    },
  ],
};
