/**
 * The demo catalog: the providers the source article names, the programmes it sends cadres
 * to, and two or three intakes of each over 2026–2027. Every value is written out here;
 * nothing is random and nothing reads the clock.
 */
import type {
  FundingSource,
  ProgramCategory,
  ProgramMode,
  QualificationKind,
} from '../catalog-types';
import type { RuleKind, RuleParams } from '../eligibility/rule-kinds';

/**
 * Nomination windows are set relative to this date, not to today, so the data is the same on
 * every run: on this date some windows are open, some closed and some not yet open.
 */
export const DEMO_CATALOG_REFERENCE_DATE = '2026-11-26';

/** `date` (YYYY-MM-DD) moved by `days`, in calendar days. */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

export interface DemoProvider {
  code: string;
  name: string;
  country: string;
}

export const DEMO_PROVIDERS: readonly DemoProvider[] = [
  { code: 'HVCT-KV2', name: 'Học viện Chính trị khu vực II', country: 'VN' },
  { code: 'HVCT-KV4', name: 'Học viện Chính trị khu vực IV', country: 'VN' },
  { code: 'HVHCQG', name: 'Học viện Hành chính Quốc gia', country: 'VN' },
  { code: 'DHCT', name: 'Trường Đại học Cần Thơ', country: 'VN' },
  { code: 'TCT-CT', name: 'Trường Chính trị thành phố Cần Thơ', country: 'VN' },
  { code: 'VUW', name: 'Victoria University of Wellington', country: 'NZ' },
  { code: 'UCR', name: 'University of California, Riverside', country: 'US' },
];

export interface DemoRule<K extends RuleKind = RuleKind> {
  kind: K;
  params: RuleParams[K];
}

export interface DemoProgram {
  code: string;
  name: string;
  category: ProgramCategory;
  provider: string;
  overseas: boolean;
  mode: ProgramMode;
  durationMonths: number;
  grants: { kind: QualificationKind; level: number } | null;
  /** Programme-level rules; each replaces the organization's defaults of its kind. */
  rules: DemoRule[];
}

export const DEMO_PROGRAMS: readonly DemoProgram[] = [
  {
    code: 'LLCT-CC',
    name: 'Cao cấp lý luận chính trị',
    category: 'political_theory_advanced',
    provider: 'HVCT-KV4',
    overseas: false,
    mode: 'full_time',
    durationMonths: 8,
    grants: { kind: 'political_theory', level: 3 },
    // The default prerequisite (intermediate political theory) already applies.
    rules: [],
  },
  {
    code: 'LLCT-TC',
    name: 'Trung cấp lý luận chính trị - hành chính',
    category: 'political_theory_intermediate',
    provider: 'TCT-CT',
    overseas: false,
    mode: 'in_service',
    durationMonths: 10,
    grants: { kind: 'political_theory', level: 2 },
    rules: [],
  },
  {
    code: 'BD-CVC',
    name: 'Bồi dưỡng kiến thức quản lý nhà nước ngạch chuyên viên chính',
    category: 'state_management',
    provider: 'HVHCQG',
    overseas: false,
    mode: 'in_service',
    durationMonths: 2,
    grants: { kind: 'fostering', level: 2 },
    rules: [{ kind: 'prerequisite', params: { kind: 'fostering', level: 1 } }],
  },
  {
    code: 'BD-CV',
    name: 'Bồi dưỡng kiến thức quản lý nhà nước ngạch chuyên viên',
    category: 'state_management',
    provider: 'TCT-CT',
    overseas: false,
    mode: 'in_service',
    durationMonths: 2,
    grants: { kind: 'fostering', level: 1 },
    rules: [],
  },
  {
    code: 'DH-NONGHOC',
    name: 'Đại học ngành Nông học (vừa làm vừa học) cho cán bộ cấp huyện, cấp xã',
    category: 'degree_university',
    provider: 'DHCT',
    overseas: false,
    mode: 'in_service',
    durationMonths: 48,
    grants: { kind: 'education', level: 3 },
    rules: [{ kind: 'allowed_tiers', params: { tiers: ['district', 'commune'] } }],
  },
  {
    code: 'THS-QLKT-DHCT',
    name: 'Thạc sĩ Quản lý kinh tế (trong nước)',
    category: 'degree_master',
    provider: 'DHCT',
    overseas: false,
    mode: 'in_service',
    durationMonths: 24,
    grants: { kind: 'education', level: 4 },
    rules: [],
  },
  {
    code: 'TS-KTNN-DHCT',
    name: 'Tiến sĩ Kinh tế nông nghiệp (trong nước)',
    category: 'degree_doctor',
    provider: 'DHCT',
    overseas: false,
    mode: 'full_time',
    durationMonths: 36,
    grants: { kind: 'education', level: 5 },
    rules: [],
  },
  {
    code: 'THS-CSC-VUW',
    name: 'Thạc sĩ Chính sách công tại Victoria University of Wellington (nước ngoài)',
    category: 'degree_master',
    provider: 'VUW',
    overseas: true,
    mode: 'full_time',
    durationMonths: 18,
    grants: { kind: 'education', level: 4 },
    rules: [],
  },
  {
    code: 'NH-LDQL-NZ',
    name: 'Bồi dưỡng ngắn hạn kỹ năng lãnh đạo, quản lý tại New Zealand',
    category: 'leadership_skills',
    provider: 'VUW',
    overseas: true,
    mode: 'full_time',
    durationMonths: 1,
    grants: null,
    rules: [],
  },
  {
    code: 'NH-QLDT-US',
    name: 'Bồi dưỡng ngắn hạn quản lý đô thị và phát triển bền vững tại Hoa Kỳ',
    category: 'leadership_skills',
    provider: 'UCR',
    overseas: true,
    mode: 'full_time',
    durationMonths: 1,
    grants: null,
    rules: [],
  },
  {
    code: 'CNKT-LDQL',
    name: 'Cập nhật kiến thức cho cán bộ lãnh đạo, quản lý diện Ban Thường vụ Thành ủy quản lý',
    category: 'knowledge_update',
    provider: 'HVCT-KV2',
    overseas: false,
    mode: 'in_service',
    durationMonths: 1,
    grants: null,
    rules: [],
  },
  {
    code: 'TA-B4',
    name: 'Tiếng Anh bậc 4 (B2) cho cán bộ trẻ',
    category: 'foreign_language',
    provider: 'DHCT',
    overseas: false,
    mode: 'in_service',
    durationMonths: 6,
    grants: { kind: 'foreign_language', level: 4 },
    rules: [],
  },
];

export interface DemoCosts {
  tuition: bigint;
  allowances: bigint;
  travel: bigint;
  other: bigint;
}

export interface DemoIntake {
  code: string;
  program: string;
  /** A management authority code of the demo organization (BTV-TU, SNV-CT, BTV-NK, ...). */
  authority: string;
  startsOn: string;
  endsOn: string;
  location: string;
  seats: number;
  /** Days from DEMO_CATALOG_REFERENCE_DATE to the first and the last day of nominations. */
  window: { opens: number; closes: number };
  costs: DemoCosts;
  sources: FundingSource[];
  learnerSharePercent: number;
  /** Seats reserved per tier code of the demo organization. */
  quotas: Array<{ tier: 'city' | 'district' | 'commune'; seats: number }>;
}

const costs = (tuition: bigint, allowances = 0n, travel = 0n, other = 0n): DemoCosts => ({
  tuition,
  allowances,
  travel,
  other,
});

const AT = {
  kv2: 'Học viện Chính trị khu vực II, Thành phố Hồ Chí Minh',
  kv4: 'Học viện Chính trị khu vực IV, quận Ninh Kiều, thành phố Cần Thơ',
  napa: 'Học viện Hành chính Quốc gia, cơ sở Thành phố Hồ Chí Minh',
  ctu: 'Trường Đại học Cần Thơ, Khu II, đường 3 tháng 2, quận Ninh Kiều, thành phố Cần Thơ',
  school: 'Trường Chính trị thành phố Cần Thơ, quận Ninh Kiều, thành phố Cần Thơ',
  wellington: 'Victoria University of Wellington, Wellington, New Zealand',
  riverside: 'University of California, Riverside, California, Hoa Kỳ',
};

const ADVANCED_THEORY = costs(28_500_000n, 12_000_000n);
const INTERMEDIATE_THEORY = costs(9_600_000n, 2_400_000n);
const PRINCIPAL_FOSTERING = costs(8_500_000n, 3_000_000n);
const SPECIALIST_FOSTERING = costs(5_200_000n, 1_800_000n);
const AGRICULTURE_DEGREE = costs(42_000_000n);
const DOMESTIC_MASTER = costs(65_000_000n, 15_000_000n);
const DOMESTIC_DOCTORATE = costs(180_000_000n, 60_000_000n);
/** 1,450,000,000 VND in all. */
const OVERSEAS_MASTER = costs(980_000_000n, 350_000_000n, 95_000_000n, 25_000_000n);
/** 185,000,000 VND in all. */
const NZ_SHORT_COURSE = costs(95_000_000n, 48_000_000n, 38_000_000n, 4_000_000n);
/** 232,000,000 VND in all. */
const US_SHORT_COURSE = costs(120_000_000n, 62_000_000n, 45_000_000n, 5_000_000n);
const KNOWLEDGE_UPDATE = costs(12_000_000n, 6_500_000n, 3_000_000n);
const ENGLISH = costs(14_500_000n);

const STATE: FundingSource[] = ['state_budget'];
const ABROAD: FundingSource[] = ['state_budget', 'sponsor', 'scholarship'];

export const DEMO_INTAKES: readonly DemoIntake[] = [
  // Advanced political theory, for cadres managed by the city Standing Committee.
  {
    code: 'LLCT-CC-2026-K1',
    program: 'LLCT-CC',
    authority: 'BTV-TU',
    startsOn: '2026-03-02',
    endsOn: '2026-10-30',
    location: AT.kv4,
    seats: 120,
    window: { opens: -330, closes: -300 },
    costs: ADVANCED_THEORY,
    sources: STATE,
    learnerSharePercent: 0,
    quotas: [
      { tier: 'city', seats: 40 },
      { tier: 'district', seats: 80 },
    ],
  },
  {
    code: 'LLCT-CC-2027-K1',
    program: 'LLCT-CC',
    authority: 'BTV-TU',
    startsOn: '2027-03-01',
    endsOn: '2027-10-29',
    location: AT.kv4,
    seats: 120,
    window: { opens: -26, closes: 19 },
    costs: ADVANCED_THEORY,
    sources: STATE,
    learnerSharePercent: 0,
    quotas: [
      { tier: 'city', seats: 40 },
      { tier: 'district', seats: 80 },
    ],
  },
  {
    code: 'LLCT-CC-2027-K2',
    program: 'LLCT-CC',
    authority: 'BTV-TU',
    startsOn: '2027-09-06',
    endsOn: '2028-04-28',
    location: AT.kv4,
    seats: 60,
    window: { opens: 95, closes: 140 },
    costs: ADVANCED_THEORY,
    sources: STATE,
    learnerSharePercent: 0,
    quotas: [],
  },
  // Intermediate political theory, organised by the districts.
  {
    code: 'LLCT-TC-2026-NK',
    program: 'LLCT-TC',
    authority: 'BTV-NK',
    startsOn: '2026-04-06',
    endsOn: '2027-01-29',
    location: 'Trung tâm Chính trị quận Ninh Kiều, thành phố Cần Thơ',
    seats: 60,
    window: { opens: -270, closes: -240 },
    costs: INTERMEDIATE_THEORY,
    sources: STATE,
    learnerSharePercent: 0,
    quotas: [],
  },
  {
    code: 'LLCT-TC-2027-PD',
    program: 'LLCT-TC',
    authority: 'BTV-PD',
    startsOn: '2027-02-22',
    endsOn: '2027-12-17',
    location: 'Trung tâm Chính trị huyện Phong Điền, thành phố Cần Thơ',
    seats: 60,
    window: { opens: -10, closes: 45 },
    costs: INTERMEDIATE_THEORY,
    sources: STATE,
    learnerSharePercent: 0,
    quotas: [
      { tier: 'district', seats: 15 },
      { tier: 'commune', seats: 45 },
    ],
  },
  {
    code: 'LLCT-TC-2027-TL',
    program: 'LLCT-TC',
    authority: 'BTV-TL',
    startsOn: '2027-05-10',
    endsOn: '2028-03-10',
    location: 'Trung tâm Chính trị huyện Thới Lai, thành phố Cần Thơ',
    seats: 60,
    window: { opens: 60, closes: 120 },
    costs: INTERMEDIATE_THEORY,
    sources: STATE,
    learnerSharePercent: 0,
    quotas: [],
  },
  // State-management fostering, for civil servants managed by the Department of Home Affairs.
  {
    code: 'BD-CVC-2026-K1',
    program: 'BD-CVC',
    authority: 'SNV-CT',
    startsOn: '2026-06-08',
    endsOn: '2026-08-07',
    location: AT.napa,
    seats: 60,
    window: { opens: -200, closes: -180 },
    costs: PRINCIPAL_FOSTERING,
    sources: STATE,
    learnerSharePercent: 0,
    quotas: [],
  },
  {
    code: 'BD-CVC-2027-K1',
    program: 'BD-CVC',
    authority: 'SNV-CT',
    startsOn: '2027-01-11',
    endsOn: '2027-03-12',
    location: AT.napa,
    seats: 60,
    window: { opens: -5, closes: 30 },
    costs: PRINCIPAL_FOSTERING,
    sources: STATE,
    learnerSharePercent: 0,
    quotas: [],
  },
  {
    code: 'BD-CV-2026-K1',
    program: 'BD-CV',
    authority: 'SNV-CT',
    startsOn: '2026-09-07',
    endsOn: '2026-11-06',
    location: AT.school,
    seats: 120,
    window: { opens: -120, closes: -90 },
    costs: SPECIALIST_FOSTERING,
    sources: STATE,
    learnerSharePercent: 0,
    quotas: [],
  },
  {
    code: 'BD-CV-2027-CR',
    program: 'BD-CV',
    authority: 'BTV-CR',
    startsOn: '2027-04-05',
    endsOn: '2027-06-04',
    location: 'Trung tâm Chính trị quận Cái Răng, thành phố Cần Thơ',
    seats: 60,
    window: { opens: 30, closes: 90 },
    costs: SPECIALIST_FOSTERING,
    sources: STATE,
    learnerSharePercent: 0,
    quotas: [],
  },
  // University degree in agriculture with Can Tho University, taught in the rural districts.
  {
    code: 'DH-NONGHOC-2026-VT',
    program: 'DH-NONGHOC',
    authority: 'BTV-VT',
    startsOn: '2026-09-05',
    endsOn: '2030-08-31',
    location: 'Trung tâm Chính trị huyện Vĩnh Thạnh (lớp liên kết với Trường Đại học Cần Thơ)',
    seats: 40,
    window: { opens: -150, closes: -105 },
    costs: AGRICULTURE_DEGREE,
    sources: STATE,
    learnerSharePercent: 30,
    quotas: [
      { tier: 'district', seats: 10 },
      { tier: 'commune', seats: 30 },
    ],
  },
  {
    code: 'DH-NONGHOC-2027-CD',
    program: 'DH-NONGHOC',
    authority: 'BTV-CD',
    startsOn: '2027-03-06',
    endsOn: '2031-02-28',
    location: 'Trung tâm Chính trị huyện Cờ Đỏ (lớp liên kết với Trường Đại học Cần Thơ)',
    seats: 40,
    window: { opens: -20, closes: 40 },
    costs: AGRICULTURE_DEGREE,
    sources: STATE,
    learnerSharePercent: 30,
    quotas: [
      { tier: 'district', seats: 10 },
      { tier: 'commune', seats: 30 },
    ],
  },
  // Postgraduate degrees at Can Tho University.
  {
    code: 'THS-QLKT-DHCT-2026',
    program: 'THS-QLKT-DHCT',
    authority: 'BTV-TU',
    startsOn: '2026-10-03',
    endsOn: '2028-09-30',
    location: AT.ctu,
    seats: 30,
    window: { opens: -180, closes: -120 },
    costs: DOMESTIC_MASTER,
    sources: STATE,
    learnerSharePercent: 30,
    quotas: [],
  },
  {
    code: 'THS-QLKT-DHCT-2027',
    program: 'THS-QLKT-DHCT',
    authority: 'BTV-TU',
    startsOn: '2027-04-03',
    endsOn: '2029-03-31',
    location: AT.ctu,
    seats: 30,
    window: { opens: -30, closes: 60 },
    costs: DOMESTIC_MASTER,
    sources: STATE,
    learnerSharePercent: 30,
    quotas: [
      { tier: 'city', seats: 15 },
      { tier: 'district', seats: 15 },
    ],
  },
  {
    code: 'TS-KTNN-DHCT-2026',
    program: 'TS-KTNN-DHCT',
    authority: 'BTV-TU',
    startsOn: '2026-10-10',
    endsOn: '2029-10-09',
    location: AT.ctu,
    seats: 5,
    window: { opens: -200, closes: -100 },
    costs: DOMESTIC_DOCTORATE,
    sources: STATE,
    learnerSharePercent: 30,
    quotas: [],
  },
  {
    code: 'TS-KTNN-DHCT-2027',
    program: 'TS-KTNN-DHCT',
    authority: 'BTV-TU',
    startsOn: '2027-10-09',
    endsOn: '2030-10-08',
    location: AT.ctu,
    seats: 5,
    window: { opens: 120, closes: 240 },
    costs: DOMESTIC_DOCTORATE,
    sources: STATE,
    learnerSharePercent: 30,
    quotas: [],
  },
  // Abroad: a master's in New Zealand and short courses in New Zealand and the United States.
  {
    code: 'THS-CSC-VUW-2026',
    program: 'THS-CSC-VUW',
    authority: 'BTV-TU',
    startsOn: '2026-07-06',
    endsOn: '2027-12-17',
    location: AT.wellington,
    seats: 15,
    window: { opens: -300, closes: -240 },
    costs: OVERSEAS_MASTER,
    sources: ABROAD,
    learnerSharePercent: 0,
    quotas: [],
  },
  {
    code: 'THS-CSC-VUW-2027',
    program: 'THS-CSC-VUW',
    authority: 'BTV-TU',
    startsOn: '2027-07-05',
    endsOn: '2028-12-15',
    location: AT.wellington,
    seats: 15,
    window: { opens: -15, closes: 75 },
    costs: OVERSEAS_MASTER,
    sources: ABROAD,
    learnerSharePercent: 0,
    quotas: [],
  },
  {
    code: 'NH-LDQL-NZ-2026',
    program: 'NH-LDQL-NZ',
    authority: 'BTV-TU',
    startsOn: '2026-10-05',
    endsOn: '2026-10-30',
    location: AT.wellington,
    seats: 20,
    window: { opens: -150, closes: -90 },
    costs: NZ_SHORT_COURSE,
    sources: ['state_budget', 'sponsor'],
    learnerSharePercent: 0,
    quotas: [],
  },
  {
    code: 'NH-LDQL-NZ-2027',
    program: 'NH-LDQL-NZ',
    authority: 'BTV-TU',
    startsOn: '2027-05-03',
    endsOn: '2027-05-28',
    location: AT.wellington,
    seats: 20,
    window: { opens: 0, closes: 60 },
    costs: NZ_SHORT_COURSE,
    sources: ['state_budget', 'sponsor'],
    learnerSharePercent: 0,
    quotas: [],
  },
  {
    code: 'NH-QLDT-US-2026',
    program: 'NH-QLDT-US',
    authority: 'BTV-TU',
    startsOn: '2026-08-03',
    endsOn: '2026-08-28',
    location: AT.riverside,
    seats: 15,
    window: { opens: -240, closes: -180 },
    costs: US_SHORT_COURSE,
    sources: ['state_budget', 'sponsor'],
    learnerSharePercent: 0,
    quotas: [],
  },
  {
    code: 'NH-QLDT-US-2027',
    program: 'NH-QLDT-US',
    authority: 'BTV-TU',
    startsOn: '2027-08-02',
    endsOn: '2027-08-27',
    location: AT.riverside,
    seats: 15,
    window: { opens: 60, closes: 150 },
    costs: US_SHORT_COURSE,
    sources: ['state_budget', 'sponsor'],
    learnerSharePercent: 0,
    quotas: [],
  },
  // Knowledge updates for leaders, and English for young cadres.
  {
    code: 'CNKT-LDQL-2026',
    program: 'CNKT-LDQL',
    authority: 'BTV-TU',
    startsOn: '2026-05-11',
    endsOn: '2026-05-22',
    location: AT.kv2,
    seats: 60,
    window: { opens: -240, closes: -200 },
    costs: KNOWLEDGE_UPDATE,
    sources: STATE,
    learnerSharePercent: 0,
    quotas: [],
  },
  {
    code: 'CNKT-LDQL-2027',
    program: 'CNKT-LDQL',
    authority: 'BTV-TU',
    startsOn: '2027-01-18',
    endsOn: '2027-01-29',
    location: AT.kv2,
    seats: 60,
    window: { opens: -30, closes: 21 },
    costs: KNOWLEDGE_UPDATE,
    sources: STATE,
    learnerSharePercent: 0,
    quotas: [],
  },
  {
    code: 'TA-B4-2026',
    program: 'TA-B4',
    authority: 'SNV-CT',
    startsOn: '2026-03-16',
    endsOn: '2026-09-15',
    location: AT.ctu,
    seats: 35,
    window: { opens: -310, closes: -260 },
    costs: ENGLISH,
    sources: STATE,
    learnerSharePercent: 0,
    quotas: [],
  },
  {
    code: 'TA-B4-2027-K1',
    program: 'TA-B4',
    authority: 'SNV-CT',
    startsOn: '2027-02-01',
    endsOn: '2027-07-30',
    location: AT.ctu,
    seats: 35,
    window: { opens: -40, closes: 35 },
    costs: ENGLISH,
    sources: STATE,
    learnerSharePercent: 0,
    quotas: [],
  },
  {
    code: 'TA-B4-2027-K2',
    program: 'TA-B4',
    authority: 'SNV-CT',
    startsOn: '2027-09-06',
    endsOn: '2028-03-03',
    location: AT.ctu,
    seats: 35,
    window: { opens: 180, closes: 260 },
    costs: ENGLISH,
    sources: STATE,
    learnerSharePercent: 0,
    quotas: [],
  },
];

/** An intake's nomination window as dates. */
export function demoWindow(intake: DemoIntake): { opensOn: string; closesOn: string } {
  return {
    opensOn: addDays(DEMO_CATALOG_REFERENCE_DATE, intake.window.opens),
    closesOn: addDays(DEMO_CATALOG_REFERENCE_DATE, intake.window.closes),
  };
}
