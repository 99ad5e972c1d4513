import { educationLevelName, fosteringRankName, politicalTheoryName } from './levels';

/** What a position requires; an empty requirement is not checked. */
export interface PositionStandard {
  minEducation: number | null;
  minPoliticalTheory: number | null;
  minFosteringRank: number | null;
  minLanguageLevel: number | null;
}

/** What a person has, on the same scales. */
export interface Qualifications {
  educationLevel: number | null;
  politicalTheory: number;
  fosteringRank: number | null;
  languageLevel: number | null;
}

export type Requirement = 'education' | 'political_theory' | 'fostering' | 'foreign_language';

export interface StandardGap {
  requirement: Requirement;
  required: number;
  actual: number | null;
  /** The scale value's name, e.g. `university`, for people and templates. */
  requiredName: string;
  actualName: string | null;
}

const checks: Array<{
  requirement: Requirement;
  required: (standard: PositionStandard) => number | null;
  actual: (person: Qualifications) => number | null;
  name: (value: number) => string;
}> = [
  {
    requirement: 'education',
    required: (s) => s.minEducation,
    actual: (p) => p.educationLevel,
    name: (v) => String(educationLevelName[v] ?? v),
  },
  {
    requirement: 'political_theory',
    required: (s) => s.minPoliticalTheory,
    actual: (p) => p.politicalTheory,
    name: (v) => String(politicalTheoryName[v] ?? v),
  },
  {
    requirement: 'fostering',
    required: (s) => s.minFosteringRank,
    actual: (p) => p.fosteringRank,
    name: (v) => String(fosteringRankName[v] ?? v),
  },
  {
    requirement: 'foreign_language',
    required: (s) => s.minLanguageLevel,
    actual: (p) => p.languageLevel,
    name: (v) => `level_${v}`,
  },
];

/** Every requirement of the standard that the person does not meet (empty: meets it). */
export function standardGaps(person: Qualifications, standard: PositionStandard): StandardGap[] {
  return checks.flatMap((check) => {
    const required = check.required(standard);
    if (required === null) return [];
    const actual = check.actual(person);
    if (actual !== null && actual >= required) return [];
    return [
      {
        requirement: check.requirement,
        required,
        actual,
        requiredName: check.name(required),
        actualName: actual === null ? null : check.name(actual),
      },
    ];
  });
}

/**
 * The same rule as SQL, for summaries computed in the database; `s` is the staff row and
 * `p` the position row. Keep it in step with `standardGaps` (a test compares them).
 */
export const MEETS_STANDARD_SQL = `(
  (p.min_education IS NULL OR coalesce(s.education_level, 0) >= p.min_education)
  AND (p.min_political_theory IS NULL OR s.political_theory >= p.min_political_theory)
  AND (p.min_fostering_rank IS NULL OR coalesce(s.fostering_rank, 0) >= p.min_fostering_rank)
  AND (p.min_language_level IS NULL OR coalesce(s.language_level, 0) >= p.min_language_level)
)`;

/**
 * Each requirement unmet, as SQL over the same aliases (`s` staff, `p` position): the
 * negation of its clause in `MEETS_STANDARD_SQL`, for filtering by what is lacking.
 */
export const UNMET_SQL: Record<Requirement, string> = {
  education: `(p.min_education IS NOT NULL AND coalesce(s.education_level, 0) < p.min_education)`,
  political_theory: `(p.min_political_theory IS NOT NULL AND s.political_theory < p.min_political_theory)`,
  fostering: `(p.min_fostering_rank IS NOT NULL AND coalesce(s.fostering_rank, 0) < p.min_fostering_rank)`,
  foreign_language: `(p.min_language_level IS NOT NULL AND coalesce(s.language_level, 0) < p.min_language_level)`,
};

export const REQUIREMENTS: readonly Requirement[] = checks.map((check) => check.requirement);

/** What the organization's documents call each requirement and its levels. */
export const REQUIREMENT_LABEL_VI: Record<Requirement, string> = {
  education: 'Trình độ chuyên môn',
  political_theory: 'Lý luận chính trị',
  fostering: 'Bồi dưỡng QLNN',
  foreign_language: 'Ngoại ngữ',
};

const LEVEL_LABEL_VI: Record<Exclude<Requirement, 'foreign_language'>, Record<number, string>> = {
  education: { 1: 'Trung cấp', 2: 'Cao đẳng', 3: 'Đại học', 4: 'Thạc sĩ', 5: 'Tiến sĩ' },
  political_theory: { 0: 'Chưa có', 1: 'Sơ cấp', 2: 'Trung cấp', 3: 'Cao cấp' },
  fostering: { 1: 'Chuyên viên', 2: 'Chuyên viên chính', 3: 'Chuyên viên cao cấp' },
};

/** A level in words, e.g. "Đại học" or "Bậc 3"; none held is "Chưa có". */
export function levelLabelVi(requirement: Requirement, level: number | null): string {
  if (level === null) return 'Chưa có';
  if (requirement === 'foreign_language') return `Bậc ${level}`;
  return LEVEL_LABEL_VI[requirement][level] ?? String(level);
}

/** One gap in words: "Lý luận chính trị: có Sơ cấp, cần Trung cấp" (or "chưa có, cần …"). */
export function describeGapVi(gap: StandardGap): string {
  const held =
    gap.actual === null || gap.actual === 0
      ? 'chưa có'
      : `có ${levelLabelVi(gap.requirement, gap.actual)}`;
  return `${REQUIREMENT_LABEL_VI[gap.requirement]}: ${held}, cần ${levelLabelVi(gap.requirement, gap.required)}`;
}
