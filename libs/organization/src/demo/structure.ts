/**
 * The demo organization: Cần Thơ as the article describes it (three tiers, nine districts).
 * Names are real; head counts and qualifications are generated.
 */

export const DEMO_TIERS = [
  { code: 'city', name: 'Cấp thành phố', level: 1 },
  { code: 'district', name: 'Cấp quận, huyện', level: 2 },
  { code: 'commune', name: 'Cấp xã, phường, thị trấn', level: 3 },
] as const;
export type DemoTierCode = (typeof DEMO_TIERS)[number]['code'];

/** Position codes, used by the seeder and its documentation. */
export type DemoPositionCode =
  | 'CITY_KEY'
  | 'CITY_DEPT_HEAD'
  | 'CITY_DEPT_DEPUTY'
  | 'DISTRICT_KEY'
  | 'DISTRICT_OFFICE_HEAD'
  | 'COMMUNE_KEY'
  | 'COMMUNE_CIVIL_SERVANT'
  | 'PRINCIPAL_SPECIALIST'
  | 'SPECIALIST'
  | 'CLERK';

export interface DemoPosition {
  code: DemoPositionCode;
  name: string;
  isLeadership: boolean;
  minEducation: number | null;
  minPoliticalTheory: number | null;
  minFosteringRank: number | null;
  minLanguageLevel: number | null;
}

/**
 * Position standards ("tiêu chuẩn chức danh"), after docs/domain.md: key cadres from the
 * district tier up need a university degree and advanced political theory; key commune
 * leaders a university degree and intermediate political theory.
 */
export const DEMO_POSITIONS: readonly DemoPosition[] = [
  {
    code: 'CITY_KEY',
    name: 'Lãnh đạo chủ chốt cấp thành phố',
    isLeadership: true,
    minEducation: 3,
    minPoliticalTheory: 3,
    minFosteringRank: 3,
    minLanguageLevel: null,
  },
  {
    code: 'CITY_DEPT_HEAD',
    name: 'Giám đốc sở, Trưởng ban và tương đương',
    isLeadership: true,
    minEducation: 3,
    minPoliticalTheory: 3,
    minFosteringRank: 2,
    minLanguageLevel: null,
  },
  {
    code: 'CITY_DEPT_DEPUTY',
    name: 'Phó Giám đốc sở, Phó Trưởng ban và tương đương',
    isLeadership: true,
    minEducation: 3,
    minPoliticalTheory: 3,
    minFosteringRank: 2,
    minLanguageLevel: null,
  },
  {
    code: 'DISTRICT_KEY',
    name: 'Lãnh đạo chủ chốt cấp quận, huyện',
    isLeadership: true,
    minEducation: 3,
    minPoliticalTheory: 3,
    minFosteringRank: null,
    minLanguageLevel: null,
  },
  {
    code: 'DISTRICT_OFFICE_HEAD',
    name: 'Trưởng phòng cấp quận, huyện',
    isLeadership: true,
    minEducation: 3,
    minPoliticalTheory: 2,
    minFosteringRank: 1,
    minLanguageLevel: null,
  },
  {
    code: 'COMMUNE_KEY',
    name: 'Lãnh đạo chủ chốt cấp xã (Bí thư, Chủ tịch UBND, Chủ tịch HĐND)',
    isLeadership: true,
    minEducation: 3,
    minPoliticalTheory: 2,
    minFosteringRank: null,
    minLanguageLevel: null,
  },
  {
    code: 'COMMUNE_CIVIL_SERVANT',
    name: 'Công chức cấp xã',
    isLeadership: false,
    minEducation: 3,
    minPoliticalTheory: 1,
    minFosteringRank: null,
    minLanguageLevel: null,
  },
  {
    code: 'PRINCIPAL_SPECIALIST',
    name: 'Chuyên viên chính',
    isLeadership: false,
    minEducation: 3,
    minPoliticalTheory: 2,
    minFosteringRank: 2,
    minLanguageLevel: null,
  },
  {
    code: 'SPECIALIST',
    name: 'Chuyên viên',
    isLeadership: false,
    minEducation: 3,
    minPoliticalTheory: null,
    minFosteringRank: 1,
    minLanguageLevel: null,
  },
  {
    code: 'CLERK',
    name: 'Cán sự',
    isLeadership: false,
    minEducation: 1,
    minPoliticalTheory: null,
    minFosteringRank: null,
    minLanguageLevel: null,
  },
];

export interface DemoDepartment {
  slug: string;
  name: string;
  kind: 'party_committee' | 'peoples_committee' | 'department' | 'public_service_unit';
}

export const CITY_ROOT = { slug: 'CT', name: 'Thành ủy Cần Thơ', kind: 'party_committee' } as const;

export const CITY_DEPARTMENTS: readonly DemoDepartment[] = [
  { slug: 'BTC', name: 'Ban Tổ chức Thành ủy', kind: 'department' },
  { slug: 'UBND', name: 'Ủy ban nhân dân thành phố Cần Thơ', kind: 'peoples_committee' },
  { slug: 'SNV', name: 'Sở Nội vụ', kind: 'department' },
  { slug: 'STC', name: 'Sở Tài chính', kind: 'department' },
  { slug: 'SGDDT', name: 'Sở Giáo dục và Đào tạo', kind: 'department' },
  { slug: 'SYT', name: 'Sở Y tế', kind: 'department' },
  { slug: 'SKHDT', name: 'Sở Kế hoạch và Đầu tư', kind: 'department' },
  { slug: 'TCT', name: 'Trường Chính trị thành phố Cần Thơ', kind: 'public_service_unit' },
];

/** The offices every district has under its party committee. */
export const DISTRICT_OFFICES: ReadonlyArray<{
  slug: string;
  name: (district: DemoDistrict) => string;
  kind: DemoDepartment['kind'];
}> = [
  {
    slug: 'UBND',
    name: (d) => `Ủy ban nhân dân ${districtTitle(d, true)}`,
    kind: 'peoples_committee',
  },
  { slug: 'BTC', name: (d) => `Ban Tổ chức ${districtCommittee(d)}`, kind: 'department' },
  { slug: 'PNV', name: (d) => `Phòng Nội vụ ${districtTitle(d, true)}`, kind: 'department' },
  {
    slug: 'PTCKH',
    name: (d) => `Phòng Tài chính - Kế hoạch ${districtTitle(d, true)}`,
    kind: 'department',
  },
  {
    slug: 'PGDDT',
    name: (d) => `Phòng Giáo dục và Đào tạo ${districtTitle(d, true)}`,
    kind: 'department',
  },
];

export interface DemoDistrict {
  slug: string;
  /** e.g. "quận Ninh Kiều". */
  name: string;
  urban: boolean;
  communes: readonly string[];
}

export const DISTRICTS: readonly DemoDistrict[] = [
  {
    slug: 'NK',
    name: 'Ninh Kiều',
    urban: true,
    communes: [
      'Phường An Hòa',
      'Phường An Khánh',
      'Phường Cái Khế',
      'Phường Hưng Lợi',
      'Phường Tân An',
      'Phường Xuân Khánh',
    ],
  },
  {
    slug: 'BT',
    name: 'Bình Thủy',
    urban: true,
    communes: [
      'Phường Bình Thủy',
      'Phường An Thới',
      'Phường Bùi Hữu Nghĩa',
      'Phường Long Hòa',
      'Phường Trà Nóc',
    ],
  },
  {
    slug: 'CR',
    name: 'Cái Răng',
    urban: true,
    communes: [
      'Phường Lê Bình',
      'Phường Hưng Phú',
      'Phường Hưng Thạnh',
      'Phường Ba Láng',
      'Phường Phú Thứ',
    ],
  },
  {
    slug: 'OM',
    name: 'Ô Môn',
    urban: true,
    communes: [
      'Phường Châu Văn Liêm',
      'Phường Thới Hòa',
      'Phường Thới Long',
      'Phường Long Hưng',
      'Phường Phước Thới',
    ],
  },
  {
    slug: 'TN',
    name: 'Thốt Nốt',
    urban: true,
    communes: ['Phường Thốt Nốt', 'Phường Thới Thuận', 'Phường Trung Kiên', 'Phường Thuận Hưng'],
  },
  {
    slug: 'PD',
    name: 'Phong Điền',
    urban: false,
    communes: ['Thị trấn Phong Điền', 'Xã Nhơn Ái', 'Xã Giai Xuân', 'Xã Tân Thới', 'Xã Mỹ Khánh'],
  },
  {
    slug: 'CD',
    name: 'Cờ Đỏ',
    urban: false,
    communes: ['Thị trấn Cờ Đỏ', 'Xã Thới Hưng', 'Xã Trung An', 'Xã Đông Hiệp', 'Xã Thạnh Phú'],
  },
  {
    slug: 'VT',
    name: 'Vĩnh Thạnh',
    urban: false,
    communes: ['Thị trấn Vĩnh Thạnh', 'Thị trấn Thạnh An', 'Xã Thạnh Quới', 'Xã Thạnh Lộc'],
  },
  {
    slug: 'TL',
    name: 'Thới Lai',
    urban: false,
    communes: [
      'Thị trấn Thới Lai',
      'Xã Thới Thạnh',
      'Xã Định Môn',
      'Xã Trường Thành',
      'Xã Xuân Thắng',
      'Xã Đông Bình',
    ],
  },
];

/** "Quận Ninh Kiều", or "quận Ninh Kiều" inside a name. */
export function districtTitle(district: DemoDistrict, inside = false): string {
  const word = district.urban ? 'Quận' : 'Huyện';
  return `${inside ? word.toLowerCase() : word} ${district.name}`;
}
export function districtCommittee(district: DemoDistrict): string {
  return `${district.urban ? 'Quận ủy' : 'Huyện ủy'} ${district.name}`;
}
