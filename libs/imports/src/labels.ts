import type { FundingSource, ProgramCategory, ProgramMode, QualificationKind } from '@app/catalog';
import {
  CivilServiceRank,
  EducationLevel,
  EmploymentStatus,
  FosteringRank,
  Gender,
  PoliticalTheory,
  UnitKind,
} from '@app/organization/vocabulary';

/**
 * The words a spreadsheet may use for a coded value, as data: each stored code (or scale
 * step) with the Vietnamese labels that mean it. The code itself is always accepted too.
 * Labels match without case or diacritics ("Thạc sĩ", "THAC SI"), so they are listed once
 * with their accents. Only types are imported here: a parsing thread loads this module.
 */
export type LabelTable<T extends string> = Record<T, readonly string[]>;

export const EDUCATION_LABELS: LabelTable<keyof typeof EducationLevel> = {
  intermediate: ['trung cấp'],
  college: ['cao đẳng'],
  university: ['đại học', 'cử nhân', 'kỹ sư', 'kĩ sư', 'bachelor', 'engineer'],
  master: ['thạc sĩ', 'thạc sỹ'],
  doctor: ['tiến sĩ', 'tiến sỹ', 'phd'],
};

export const POLITICAL_THEORY_LABELS: LabelTable<keyof typeof PoliticalTheory> = {
  none: ['không', 'chưa qua đào tạo'],
  elementary: ['sơ cấp', 'sơ cấp lý luận chính trị'],
  intermediate: ['trung cấp', 'trung cấp lý luận chính trị'],
  advanced: ['cao cấp', 'cao cấp lý luận chính trị', 'cử nhân', 'cử nhân chính trị'],
};

/** State-management fostering, named after the rank whose programme was completed. */
export const FOSTERING_RANK_LABELS: LabelTable<keyof typeof FosteringRank> = {
  specialist: ['chuyên viên', 'tương đương chuyên viên'],
  principal: ['chuyên viên chính', 'tương đương chuyên viên chính'],
  senior: ['chuyên viên cao cấp', 'tương đương chuyên viên cao cấp'],
};

export const CIVIL_SERVICE_RANK_LABELS: LabelTable<keyof typeof CivilServiceRank> = {
  clerk: ['cán sự', 'nhân viên'],
  specialist: ['chuyên viên'],
  principal: ['chuyên viên chính'],
  senior: ['chuyên viên cao cấp'],
};

/** Foreign-language level bậc 1–6, also by its CEFR name. */
export const LANGUAGE_LEVEL_LABELS: Record<string, readonly string[]> = {
  '1': ['A1'],
  '2': ['A2'],
  '3': ['B1'],
  '4': ['B2'],
  '5': ['C1'],
  '6': ['C2'],
};

export const GENDER_LABELS: LabelTable<Gender> = {
  male: ['nam', 'm'],
  female: ['nữ', 'f'],
};

export const BOOLEAN_LABELS: LabelTable<'true' | 'false'> = {
  true: ['có', 'x', 'đúng', 'yes', '1'],
  false: ['không', 'sai', 'no', '0'],
};

export const UNIT_KIND_LABELS: LabelTable<UnitKind> = {
  party_committee: ['cấp ủy', 'đảng ủy'],
  peoples_committee: ['ủy ban nhân dân', 'ubnd'],
  peoples_council: ['hội đồng nhân dân', 'hđnd'],
  department: ['cơ quan chuyên môn'],
  public_service_unit: ['đơn vị sự nghiệp'],
  mass_organization: ['đoàn thể'],
  other: ['khác'],
};

export const EMPLOYMENT_STATUS_LABELS: LabelTable<EmploymentStatus> = {
  active: ['đang công tác'],
  on_leave: ['tạm nghỉ', 'nghỉ phép'],
  retired: ['nghỉ hưu'],
  transferred: ['chuyển công tác'],
  dismissed: ['thôi việc'],
};

/**
 * Kinds of management authority the organization names; the kind is open (any
 * `snake_case` code is stored as it is), these are the ones with Vietnamese labels.
 */
export const AUTHORITY_KIND_LABELS: LabelTable<
  'standing_committee' | 'organization_board' | 'home_affairs_department' | 'unit'
> = {
  standing_committee: ['Ban Thường vụ', 'BTV', 'Ban Thường vụ cấp ủy'],
  organization_board: ['Ban Tổ chức', 'BTC', 'Ban Tổ chức cấp ủy'],
  home_affairs_department: ['Sở Nội vụ', 'Phòng Nội vụ', 'cơ quan nội vụ'],
  unit: ['đơn vị', 'người đứng đầu đơn vị', 'thủ trưởng đơn vị'],
};

export const FUND_SOURCE_LABELS: LabelTable<FundingSource> = {
  state_budget: ['ngân sách nhà nước', 'ngân sách', 'NSNN'],
  sponsor: ['tài trợ', 'nhà tài trợ'],
  scholarship: ['học bổng'],
  other: ['khác', 'nguồn khác'],
};

export const FUND_POLICY_LABELS: LabelTable<'stop' | 'warn'> = {
  stop: ['chặn', 'dừng'],
  warn: ['cảnh báo'],
};

export const FUND_STATUS_LABELS: LabelTable<'open' | 'closed'> = {
  open: ['mở', 'đang mở'],
  closed: ['đóng', 'đã đóng'],
};

export const PROGRAM_CATEGORY_LABELS: LabelTable<ProgramCategory> = {
  political_theory_elementary: ['sơ cấp lý luận chính trị', 'sơ cấp chính trị'],
  political_theory_intermediate: ['trung cấp lý luận chính trị', 'trung cấp chính trị'],
  political_theory_advanced: [
    'cao cấp lý luận chính trị',
    'cao cấp chính trị',
    'cử nhân chính trị',
  ],
  degree_university: ['đại học', 'cử nhân', 'kỹ sư', 'kĩ sư'],
  degree_master: ['thạc sĩ', 'thạc sỹ', 'cao học'],
  degree_doctor: ['tiến sĩ', 'tiến sỹ', 'nghiên cứu sinh'],
  state_management: ['quản lý nhà nước', 'bồi dưỡng quản lý nhà nước', 'QLNN'],
  leadership_skills: ['kỹ năng lãnh đạo', 'kỹ năng lãnh đạo quản lý', 'lãnh đạo quản lý'],
  knowledge_update: ['cập nhật kiến thức', 'bồi dưỡng cập nhật kiến thức'],
  foreign_language: ['ngoại ngữ'],
  information_technology: ['công nghệ thông tin', 'tin học', 'CNTT'],
  other: ['khác'],
};

export const PROGRAM_MODE_LABELS: LabelTable<ProgramMode> = {
  full_time: ['tập trung', 'chính quy'],
  in_service: ['không tập trung', 'tại chức', 'vừa làm vừa học'],
};

/** The scale a completed programme raises. */
export const QUALIFICATION_KIND_LABELS: LabelTable<QualificationKind> = {
  education: ['trình độ chuyên môn', 'chuyên môn'],
  political_theory: ['lý luận chính trị'],
  fostering: ['bồi dưỡng QLNN', 'bồi dưỡng quản lý nhà nước'],
  foreign_language: ['ngoại ngữ'],
};

/** Countries a provider is likely to be in, by name; any ISO 3166-1 alpha-2 code is accepted. */
export const COUNTRY_LABELS: Record<string, readonly string[]> = {
  VN: ['Việt Nam', 'Viet Nam'],
  SG: ['Singapore'],
  JP: ['Nhật Bản'],
  KR: ['Hàn Quốc'],
  CN: ['Trung Quốc'],
  AU: ['Úc', 'Australia'],
  NZ: ['New Zealand'],
  US: ['Hoa Kỳ', 'Mỹ'],
  GB: ['Anh', 'Vương quốc Anh'],
  FR: ['Pháp'],
  DE: ['Đức'],
};

/** A scale's labels keyed by its numbers (e.g. "thạc sĩ" → 4), with its English names too. */
export function scaleNames<K extends string>(
  scale: Record<K, number>,
  labels: LabelTable<K>,
): Record<string, number> {
  const names: Record<string, number> = {};
  for (const key of Object.keys(scale) as K[]) {
    names[key] = scale[key];
    for (const label of labels[key]) names[label] = scale[key];
  }
  return names;
}

/** Every accepted word for each code, code included: the input of a lookup table. */
export function labelNames<T extends string>(labels: LabelTable<T>): Record<string, T> {
  const names: Record<string, T> = {};
  for (const key of Object.keys(labels) as T[]) {
    names[key] = key;
    for (const label of labels[key]) names[label] = key;
  }
  return names;
}

/** "đại học (university), thạc sĩ (master)": what a row error lists as accepted. */
export function describeLabels<T extends string>(labels: LabelTable<T>): string {
  return (Object.keys(labels) as T[])
    .map((key) => (labels[key].length ? `${labels[key].join('/')} (${key})` : key))
    .join(', ');
}
