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
