import type { FundingSource, ProgramCategory } from '@app/catalog';
import { CellParser, integer, oneOf, vnd } from './values';

// Cell parsers of the training-history imports. Types only from the catalog: this file is
// loaded in the parsing thread, which must not load the contexts.

/** "lãnh đạo, quản lý" and "lãnh đạo quản lý" are the same label. */
const withoutCommas = (text: string) => text.replace(/,/g, ' ');

const CATEGORY_KEYS = {
  political_theory_advanced: ['cao cấp lý luận chính trị', 'cao cấp lý luận', 'cao cấp llct'],
  political_theory_intermediate: [
    'trung cấp lý luận chính trị',
    'trung cấp lý luận',
    'trung cấp llct',
  ],
  political_theory_elementary: ['sơ cấp lý luận chính trị', 'sơ cấp lý luận', 'sơ cấp llct'],
  degree_university: ['đại học', 'cử nhân', 'đào tạo đại học'],
  degree_master: ['thạc sĩ', 'cao học', 'đào tạo thạc sĩ'],
  degree_doctor: ['tiến sĩ', 'nghiên cứu sinh', 'đào tạo tiến sĩ'],
  state_management: [
    'bồi dưỡng quản lý nhà nước theo tiêu chuẩn ngạch',
    'bồi dưỡng quản lý nhà nước',
    'quản lý nhà nước',
    'qlnn',
  ],
  leadership_skills: [
    'bồi dưỡng kỹ năng lãnh đạo, quản lý',
    'kỹ năng lãnh đạo, quản lý',
    'lãnh đạo, quản lý',
  ],
  knowledge_update: ['cập nhật kiến thức', 'bồi dưỡng cập nhật kiến thức'],
  foreign_language: ['ngoại ngữ', 'bồi dưỡng ngoại ngữ'],
  information_technology: ['tin học', 'công nghệ thông tin', 'bồi dưỡng tin học'],
  other: ['bồi dưỡng khác', 'khác'],
} satisfies Record<ProgramCategory, string[]>;

/**
 * A programme category by its key or a Vietnamese label (the report's own, and the words
 * the organization's spreadsheets use), without case or diacritics.
 */
const categoryByName = oneOf<ProgramCategory>(
  Object.fromEntries(
    Object.entries(CATEGORY_KEYS).flatMap(([key, labels]) => [
      [key, key as ProgramCategory],
      ...labels.map((label) => [withoutCommas(label), key as ProgramCategory]),
    ]),
  ),
  Object.entries(CATEGORY_KEYS)
    .map(([key, labels]) => `${key} (${labels[0]})`)
    .join(', '),
);

export const category: CellParser<ProgramCategory> = (cell) =>
  categoryByName(typeof cell === 'string' ? withoutCommas(cell) : cell);

/** Whether the training took place abroad. */
export const location: CellParser<boolean> = oneOf<boolean>(
  {
    domestic: false,
    overseas: true,
    'trong nước': false,
    'nước ngoài': true,
    'ngoài nước': true,
  },
  'trong nước/nước ngoài, domestic/overseas',
);

/** The outcome: completed (a fact of the reports) or not. */
export const outcome: CellParser<boolean> = oneOf<boolean>(
  {
    completed: true,
    not_completed: false,
    'not completed': false,
    'hoàn thành': true,
    'đã hoàn thành': true,
    'không hoàn thành': false,
    'chưa hoàn thành': false,
    đạt: true,
    'không đạt': false,
  },
  'hoàn thành/không hoàn thành, completed/not_completed',
);

/** A source of money by its key or the label the budget-usage report gives it. */
export const fundingSource: CellParser<FundingSource> = oneOf<FundingSource>(
  {
    state_budget: 'state_budget',
    sponsor: 'sponsor',
    scholarship: 'scholarship',
    other: 'other',
    'ngân sách nhà nước': 'state_budget',
    'ngân sách': 'state_budget',
    nsnn: 'state_budget',
    'tài trợ': 'sponsor',
    'học bổng': 'scholarship',
    khác: 'other',
  },
  'ngân sách nhà nước, tài trợ, học bổng, khác (state_budget, sponsor, scholarship, other)',
);

/** An amount of whole VND (a digit string; decimals and negative amounts refused). */
export const wholeVnd: CellParser<string> = vnd;

/** A count of people: a whole number, zero or more. */
export const count: CellParser<number> = integer(0, 1_000_000);
