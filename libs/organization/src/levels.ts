/**
 * The national scales that standards are measured on. They are ordinal: a higher number
 * meets every lower requirement. (Tiers and unit kinds, by contrast, are data.)
 */
export const EducationLevel = {
  intermediate: 1, // trung cấp
  college: 2, // cao đẳng
  university: 3, // đại học
  master: 4, // thạc sĩ
  doctor: 5, // tiến sĩ
} as const;
export type EducationLevel = (typeof EducationLevel)[keyof typeof EducationLevel];

export const PoliticalTheory = {
  none: 0,
  elementary: 1, // sơ cấp
  intermediate: 2, // trung cấp
  advanced: 3, // cao cấp / cử nhân
} as const;
export type PoliticalTheory = (typeof PoliticalTheory)[keyof typeof PoliticalTheory];

/** State-management fostering completed, by civil-service rank programme. */
export const FosteringRank = {
  specialist: 1, // chuyên viên
  principal: 2, // chuyên viên chính
  senior: 3, // chuyên viên cao cấp
} as const;
export type FosteringRank = (typeof FosteringRank)[keyof typeof FosteringRank];

export const CivilServiceRank = {
  clerk: 1, // cán sự
  specialist: 2, // chuyên viên
  principal: 3, // chuyên viên chính
  senior: 4, // chuyên viên cao cấp
} as const;

/** Foreign-language level, bậc 1–6 of the national framework. */
export const LANGUAGE_LEVEL_MAX = 6;

export const UNIT_KINDS = [
  'party_committee',
  'peoples_committee',
  'peoples_council',
  'department',
  'public_service_unit',
  'mass_organization',
  'other',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const EMPLOYMENT_STATUSES = [
  'active',
  'on_leave',
  'retired',
  'transferred',
  'dismissed',
] as const;
export type EmploymentStatus = (typeof EMPLOYMENT_STATUSES)[number];

export const GENDERS = ['female', 'male'] as const;
export type Gender = (typeof GENDERS)[number];

const names = <T extends Record<string, number>>(scale: T) =>
  Object.fromEntries(Object.entries(scale).map(([name, value]) => [value, name])) as Record<
    number,
    keyof T
  >;

export const educationLevelName = names(EducationLevel);
export const politicalTheoryName = names(PoliticalTheory);
export const fosteringRankName = names(FosteringRank);
