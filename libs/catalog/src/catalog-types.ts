export const PROGRAM_CATEGORIES = [
  'political_theory_elementary',
  'political_theory_intermediate',
  'political_theory_advanced',
  'degree_university',
  'degree_master',
  'degree_doctor',
  'state_management',
  'leadership_skills',
  'knowledge_update',
  'foreign_language',
  'information_technology',
  'other',
] as const;
export type ProgramCategory = (typeof PROGRAM_CATEGORIES)[number];

export const PROGRAM_MODES = ['full_time', 'in_service'] as const;
export type ProgramMode = (typeof PROGRAM_MODES)[number];

/** The scales a completed programme raises (those of the position standards). */
export const QUALIFICATION_KINDS = [
  'education',
  'political_theory',
  'fostering',
  'foreign_language',
] as const;
export type QualificationKind = (typeof QUALIFICATION_KINDS)[number];

export const FUNDING_SOURCES = ['state_budget', 'sponsor', 'scholarship', 'other'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

/** The domain brief's three target groups. */
export const TARGET_GROUPS = [1, 2, 3] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];
