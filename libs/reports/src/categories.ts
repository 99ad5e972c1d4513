import { PROGRAM_CATEGORIES, ProgramCategory } from '@app/catalog';

export interface Label {
  vi: string;
  en: string;
}

/**
 * What each programme category is called in the reports, in the order the reports list
 * them (the article's order: political theory, professional degrees, fostering).
 */
export const CATEGORY_LABELS: Record<ProgramCategory, Label> = {
  political_theory_advanced: {
    vi: 'Cao cấp lý luận chính trị',
    en: 'Political theory, advanced',
  },
  political_theory_intermediate: {
    vi: 'Trung cấp lý luận chính trị',
    en: 'Political theory, intermediate',
  },
  political_theory_elementary: {
    vi: 'Sơ cấp lý luận chính trị',
    en: 'Political theory, elementary',
  },
  degree_university: { vi: 'Đại học', en: 'University degree' },
  degree_master: { vi: 'Thạc sĩ', en: 'Master' },
  degree_doctor: { vi: 'Tiến sĩ', en: 'Doctor' },
  state_management: {
    vi: 'Bồi dưỡng quản lý nhà nước theo tiêu chuẩn ngạch',
    en: 'State management (civil-service rank)',
  },
  leadership_skills: {
    vi: 'Bồi dưỡng kỹ năng lãnh đạo, quản lý',
    en: 'Leadership and management skills',
  },
  knowledge_update: { vi: 'Cập nhật kiến thức', en: 'Knowledge update' },
  foreign_language: { vi: 'Ngoại ngữ', en: 'Foreign language' },
  information_technology: { vi: 'Tin học', en: 'Information technology' },
  other: { vi: 'Bồi dưỡng khác', en: 'Other fostering' },
};

/** The categories in report order. */
export const REPORT_CATEGORY_ORDER = Object.keys(CATEGORY_LABELS) as ProgramCategory[];

/** A category's position in report order (unknown categories last). */
export const categoryRank = (category: string): number => {
  const rank = REPORT_CATEGORY_ORDER.indexOf(category as ProgramCategory);
  return rank < 0 ? REPORT_CATEGORY_ORDER.length : rank;
};

export const categoryLabel = (category: string): Label =>
  CATEGORY_LABELS[category as ProgramCategory] ?? { vi: category, en: category };

/**
 * One line of the article's headline breakdown ("đào tạo lý luận chính trị: … cao cấp, …
 * trung cấp, … sơ cấp; đào tạo chuyên môn …, sau đại học …; bồi dưỡng …"). A line counts
 * the participations of its categories; `parent` names the group it belongs to, and
 * `ofWhich` marks a part already counted in its siblings ("trong đó": postgraduate is
 * master + doctor), so it is never added to the group again.
 */
export interface HeadlineLine {
  key: string;
  label: Label;
  parent: string | null;
  ofWhich: boolean;
  categories: readonly ProgramCategory[];
}

const line = (
  key: string,
  label: Label,
  parent: string | null,
  categories: readonly ProgramCategory[],
  ofWhich = false,
): HeadlineLine => ({ key, label, parent, ofWhich, categories });

/** The article's headline grouping, in the order it is reported. */
export const HEADLINE_LINES: readonly HeadlineLine[] = [
  line('political_theory', { vi: 'Đào tạo lý luận chính trị', en: 'Political theory' }, null, [
    'political_theory_advanced',
    'political_theory_intermediate',
    'political_theory_elementary',
  ]),
  line('political_theory_advanced', { vi: 'Cao cấp', en: 'Advanced' }, 'political_theory', [
    'political_theory_advanced',
  ]),
  line(
    'political_theory_intermediate',
    { vi: 'Trung cấp', en: 'Intermediate' },
    'political_theory',
    ['political_theory_intermediate'],
  ),
  line('political_theory_elementary', { vi: 'Sơ cấp', en: 'Elementary' }, 'political_theory', [
    'political_theory_elementary',
  ]),
  line('degrees', { vi: 'Đào tạo chuyên môn', en: 'Professional degrees' }, null, [
    'degree_university',
    'degree_master',
    'degree_doctor',
  ]),
  line('degree_university', { vi: 'Đại học', en: 'University' }, 'degrees', ['degree_university']),
  line('degree_master', { vi: 'Thạc sĩ', en: 'Master' }, 'degrees', ['degree_master']),
  line('degree_doctor', { vi: 'Tiến sĩ', en: 'Doctor' }, 'degrees', ['degree_doctor']),
  line(
    'postgraduate',
    {
      vi: 'Trong đó: sau đại học (thạc sĩ, tiến sĩ)',
      en: 'Of which postgraduate (master, doctor)',
    },
    'degrees',
    ['degree_master', 'degree_doctor'],
    true,
  ),
  line('fostering', { vi: 'Bồi dưỡng', en: 'Fostering' }, null, [
    'state_management',
    'leadership_skills',
    'knowledge_update',
    'foreign_language',
    'information_technology',
    'other',
  ]),
  ...(
    [
      'state_management',
      'leadership_skills',
      'knowledge_update',
      'foreign_language',
      'information_technology',
      'other',
    ] as const
  ).map((category) => line(category, CATEGORY_LABELS[category], 'fostering', [category])),
  line('total', { vi: 'Tổng số lượt', en: 'All participations' }, null, PROGRAM_CATEGORIES),
];
