import { randomUUID } from 'node:crypto';
import { toSearchName } from '../search-name';
import { vietnameseName } from './names';
import { SeededRandom } from './random';
import {
  CITY_DEPARTMENTS,
  CITY_ROOT,
  DEMO_POSITIONS,
  DEMO_TIERS,
  DemoPosition,
  DemoPositionCode,
  DemoTierCode,
  DISTRICT_OFFICES,
  districtCommittee,
  DISTRICTS,
} from './structure';

/** Every run draws from the same sequence, so names and levels never change. */
export const DEMO_SEED = 20122022;

/** Ages are computed against a fixed date, not today, so the data does not drift. */
const REFERENCE_YEAR = 2026;

export interface DemoTierRow {
  id: string;
  code: DemoTierCode;
  name: string;
  level: number;
}

export interface DemoUnitRow {
  id: string;
  code: string;
  name: string;
  tierId: string;
  kind: string;
  parentId: string | null;
  path: string;
}

export interface DemoAuthorityRow {
  id: string;
  code: string;
  name: string;
  kind: string;
  unitId: string;
}

export interface DemoPositionRow extends DemoPosition {
  id: string;
}

export interface DemoStaffRow {
  id: string;
  code: string;
  fullName: string;
  searchName: string;
  birthDate: string;
  gender: 'female' | 'male';
  ethnicMinority: boolean;
  unitId: string;
  positionId: string | null;
  civilServiceRank: number | null;
  educationLevel: number | null;
  educationField: string | null;
  politicalTheory: number;
  fosteringRank: number | null;
  languageLevel: number | null;
  joinedServiceOn: string;
  authorityId: string;
  employmentStatus: 'active' | 'on_leave' | 'transferred';
}

export interface DemoPlanningRow {
  id: string;
  staffId: string;
  positionId: string;
  periodFrom: number;
  periodTo: number;
}

export interface DemoOrganization {
  tiers: DemoTierRow[];
  units: DemoUnitRow[];
  authorities: DemoAuthorityRow[];
  positions: DemoPositionRow[];
  staff: DemoStaffRow[];
  planning: DemoPlanningRow[];
  /** Ids the demo users are attached to. */
  anchors: {
    cityUnitId: string;
    ninhKieuUnitId: string;
    cityAuthorityId: string;
    ninhKieuAuthorityId: string;
    /** A commune civil servant of Phường An Hòa, for the staff demo user. */
    staffMemberId: string;
  };
}

const EDUCATION_FIELDS = [
  'Luật',
  'Kinh tế',
  'Hành chính công',
  'Quản lý nhà nước',
  'Xây dựng Đảng và chính quyền nhà nước',
  'Kế toán',
  'Tài chính - Ngân hàng',
  'Sư phạm',
  'Công nghệ thông tin',
  'Nông học',
  'Y khoa',
];

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * Builds the demo organization in memory. Names, levels and every other value come from
 * the seeded generator; only the ids are fresh (`newId`).
 */
export function buildDemoOrganization(
  options: { seed?: number; newId?: () => string } = {},
): DemoOrganization {
  const random = new SeededRandom(options.seed ?? DEMO_SEED);
  const newId = options.newId ?? randomUUID;

  const tiers: DemoTierRow[] = DEMO_TIERS.map((tier) => ({ id: newId(), ...tier }));
  const tierId = (code: DemoTierCode) => tiers.find((tier) => tier.code === code)!.id;
  const positions: DemoPositionRow[] = DEMO_POSITIONS.map((position) => ({
    id: newId(),
    ...position,
  }));
  const position = (code: DemoPositionCode) => positions.find((p) => p.code === code)!;

  const units: DemoUnitRow[] = [];
  const addUnit = (
    spec: { code: string; name: string; kind: string; tier: DemoTierCode },
    parent: DemoUnitRow | null,
  ): DemoUnitRow => {
    const id = newId();
    const unit: DemoUnitRow = {
      id,
      code: spec.code,
      name: spec.name,
      kind: spec.kind,
      tierId: tierId(spec.tier),
      parentId: parent?.id ?? null,
      path: `${parent?.path ?? '/'}${id}/`,
    };
    units.push(unit);
    return unit;
  };

  const authorities: DemoAuthorityRow[] = [];
  const addAuthority = (code: string, name: string, kind: string, unit: DemoUnitRow) => {
    const authority = { id: newId(), code, name, kind, unitId: unit.id };
    authorities.push(authority);
    return authority;
  };

  const staff: DemoStaffRow[] = [];
  const planning: DemoPlanningRow[] = [];

  const plan = (member: DemoStaffRow, code: DemoPositionCode, probability: number) => {
    if (!random.chance(probability)) return;
    planning.push({
      id: newId(),
      staffId: member.id,
      positionId: position(code).id,
      periodFrom: 2025,
      periodTo: 2030,
    });
  };

  const addStaff = (
    unit: DemoUnitRow,
    code: DemoPositionCode,
    authority: DemoAuthorityRow,
    options: { withoutPosition?: boolean } = {},
  ): DemoStaffRow => {
    const held = position(code);
    const leader = held.isLeadership;
    const gender = random.chance(leader ? 0.3 : 0.52) ? 'female' : 'male';
    const ethnicMinority = random.chance(0.05);
    const fullName = vietnameseName(random, gender, ethnicMinority);
    const age = leader ? random.int(38, 58) : random.int(25, 59);
    const birthYear = REFERENCE_YEAR - age - 1;
    const birthDate = `${birthYear}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`;
    const joinedYear = birthYear + random.int(22, Math.min(30, age - 1));
    const joinedServiceOn = `${joinedYear}-${pad(random.int(1, 12))}-01`;

    const standard = options.withoutPosition ? null : held;
    const qualifications = qualify(random, code, standard, leader);
    const member: DemoStaffRow = {
      id: newId(),
      code: `CB${String(staff.length + 1).padStart(5, '0')}`,
      fullName,
      searchName: toSearchName(fullName),
      birthDate,
      gender,
      ethnicMinority,
      unitId: unit.id,
      positionId: standard ? held.id : null,
      civilServiceRank: rankFor(random, code),
      ...qualifications,
      educationField: qualifications.educationLevel === null ? null : random.pick(EDUCATION_FIELDS),
      joinedServiceOn,
      authorityId: authority.id,
      employmentStatus: random.weighted([
        ['active', 97],
        ['on_leave', 2],
        ['transferred', 1],
      ] as const),
    };
    staff.push(member);
    return member;
  };

  /** Ordinary staff of an office: mostly specialists, some principal specialists and clerks. */
  const addOffice = (
    unit: DemoUnitRow,
    authority: DemoAuthorityRow,
    count: number,
    planFor: DemoPositionCode,
    mix: ReadonlyArray<readonly [DemoPositionCode, number]>,
  ) => {
    for (let i = 0; i < count; i++) {
      const member = addStaff(unit, random.weighted(mix), authority, {
        withoutPosition: random.chance(0.03),
      });
      const age = REFERENCE_YEAR - Number(member.birthDate.slice(0, 4));
      if (member.positionId && age >= 30 && age <= 45) plan(member, planFor, 0.08);
    }
  };

  // City tier: the party committee as the root, its departments below it.
  const city = addUnit(
    { code: CITY_ROOT.slug, name: CITY_ROOT.name, kind: CITY_ROOT.kind, tier: 'city' },
    null,
  );
  const cityAuthority = addAuthority(
    'BTV-TU',
    'Ban Thường vụ Thành ủy Cần Thơ',
    'standing_committee',
    city,
  );
  const departments = CITY_DEPARTMENTS.map((department) =>
    addUnit(
      { code: `CT.${department.slug}`, name: department.name, kind: department.kind, tier: 'city' },
      city,
    ),
  );
  const homeAffairs = addAuthority(
    'SNV-CT',
    'Sở Nội vụ thành phố Cần Thơ',
    'home_affairs_department',
    departments[CITY_DEPARTMENTS.findIndex((department) => department.slug === 'SNV')],
  );
  for (let i = 0; i < 5; i++) addStaff(city, 'CITY_KEY', cityAuthority);
  addOffice(city, homeAffairs, 12, 'CITY_DEPT_DEPUTY', [
    ['PRINCIPAL_SPECIALIST', 3],
    ['SPECIALIST', 7],
  ]);
  for (const department of departments) {
    addStaff(department, 'CITY_DEPT_HEAD', cityAuthority);
    for (let i = 0; i < 2; i++)
      plan(addStaff(department, 'CITY_DEPT_DEPUTY', cityAuthority), 'CITY_DEPT_HEAD', 0.5);
    addOffice(department, homeAffairs, random.int(25, 45), 'CITY_DEPT_DEPUTY', [
      ['PRINCIPAL_SPECIALIST', 20],
      ['SPECIALIST', 65],
      ['CLERK', 15],
    ]);
  }

  // District tier: each district's party committee, its offices, and its communes.
  let ninhKieu: { unit: DemoUnitRow; authority: DemoAuthorityRow } | undefined;
  let staffMemberId = '';
  for (const district of DISTRICTS) {
    const committee = districtCommittee(district);
    const root = addUnit(
      { code: `CT.${district.slug}`, name: committee, kind: 'party_committee', tier: 'district' },
      city,
    );
    const authority = addAuthority(
      `BTV-${district.slug}`,
      `Ban Thường vụ ${committee}`,
      'standing_committee',
      root,
    );
    ninhKieu ??= { unit: root, authority };
    // Key district cadres are managed by the city Standing Committee.
    for (let i = 0; i < 4; i++) addStaff(root, 'DISTRICT_KEY', cityAuthority);
    addOffice(root, authority, 6, 'DISTRICT_OFFICE_HEAD', [
      ['PRINCIPAL_SPECIALIST', 2],
      ['SPECIALIST', 8],
    ]);
    for (const office of DISTRICT_OFFICES) {
      const unit = addUnit(
        {
          code: `CT.${district.slug}.${office.slug}`,
          name: office.name(district),
          kind: office.kind,
          tier: 'district',
        },
        root,
      );
      plan(addStaff(unit, 'DISTRICT_OFFICE_HEAD', authority), 'DISTRICT_KEY', 0.3);
      addOffice(unit, authority, random.int(8, 16), 'DISTRICT_OFFICE_HEAD', [
        ['PRINCIPAL_SPECIALIST', 10],
        ['SPECIALIST', 75],
        ['CLERK', 15],
      ]);
    }
    district.communes.forEach((name, index) => {
      const commune = addUnit(
        {
          code: `CT.${district.slug}.X${pad(index + 1)}`,
          name,
          kind: 'peoples_committee',
          tier: 'commune',
        },
        root,
      );
      for (let i = 0; i < 3; i++) addStaff(commune, 'COMMUNE_KEY', authority);
      const first = staff.length;
      addOffice(commune, authority, random.int(15, 23), 'COMMUNE_KEY', [
        ['COMMUNE_CIVIL_SERVANT', 85],
        ['CLERK', 15],
      ]);
      if (!staffMemberId) {
        const member = staff
          .slice(first)
          .find(
            (row) =>
              row.positionId === position('COMMUNE_CIVIL_SERVANT').id &&
              row.employmentStatus === 'active',
          );
        staffMemberId = member?.id ?? '';
      }
    });
  }

  return {
    tiers,
    units,
    authorities,
    positions,
    staff,
    planning,
    anchors: {
      cityUnitId: city.id,
      ninhKieuUnitId: ninhKieu!.unit.id,
      cityAuthorityId: cityAuthority.id,
      ninhKieuAuthorityId: ninhKieu!.authority.id,
      staffMemberId,
    },
  };
}

type Qualified = Pick<
  DemoStaffRow,
  'educationLevel' | 'politicalTheory' | 'fosteringRank' | 'languageLevel'
>;

/**
 * Qualifications for someone holding `standard` (or no position): most meet it, some
 * leaders (appointed before finishing political theory) and some staff fall short of
 * one requirement.
 */
function qualify(
  random: SeededRandom,
  code: DemoPositionCode,
  standard: DemoPosition | null,
  leader: boolean,
): Qualified {
  const education =
    code === 'CLERK'
      ? random.weighted([
          [1, 30],
          [2, 30],
          [3, 40],
        ] as const)
      : random.weighted([
          [2, 3],
          [3, 72],
          [4, 22],
          [5, 3],
        ] as const);
  const theory = leader
    ? random.weighted([
        [2, 20],
        [3, 80],
      ] as const)
    : random.weighted([
        [0, 25],
        [1, 35],
        [2, 35],
        [3, 5],
      ] as const);
  const fostering = random.weighted([
    [null, 30],
    [1, 45],
    [2, 20],
    [3, 5],
  ] as const);
  const language = random.weighted([
    [null, 25],
    [1, 5],
    [2, 25],
    [3, 30],
    [4, 13],
    [5, 2],
  ] as const);
  const result: Qualified = {
    educationLevel: education,
    politicalTheory: theory,
    fosteringRank: fostering,
    languageLevel: language,
  };
  if (!standard) return result;

  // Raise everything to the standard first.
  const atLeast = (value: number | null, min: number | null) =>
    min === null ? value : Math.max(value ?? 0, min);
  result.educationLevel = atLeast(result.educationLevel, standard.minEducation);
  result.politicalTheory = atLeast(result.politicalTheory, standard.minPoliticalTheory) ?? 0;
  result.fosteringRank = atLeast(result.fosteringRank, standard.minFosteringRank);
  result.languageLevel = atLeast(result.languageLevel, standard.minLanguageLevel);

  // Then leave a few below it, on one requirement.
  if (!random.chance(leader ? 0.12 : 0.06)) return result;
  const gaps: Array<() => void> = [];
  if (standard.minEducation !== null && standard.minEducation > 1) {
    gaps.push(() => (result.educationLevel = standard.minEducation! - 1));
  }
  if (standard.minPoliticalTheory !== null) {
    gaps.push(() => (result.politicalTheory = standard.minPoliticalTheory! - 1));
    if (leader) gaps.push(() => (result.politicalTheory = standard.minPoliticalTheory! - 1));
  }
  if (standard.minFosteringRank !== null) {
    gaps.push(
      () =>
        (result.fosteringRank =
          standard.minFosteringRank! > 1 ? standard.minFosteringRank! - 1 : null),
    );
  }
  if (gaps.length) random.pick(gaps)();
  return result;
}

function rankFor(random: SeededRandom, code: DemoPositionCode): number | null {
  switch (code) {
    case 'CITY_KEY':
      return random.weighted([
        [3, 40],
        [4, 60],
      ] as const);
    case 'CITY_DEPT_HEAD':
    case 'CITY_DEPT_DEPUTY':
    case 'DISTRICT_KEY':
    case 'PRINCIPAL_SPECIALIST':
      return 3;
    case 'DISTRICT_OFFICE_HEAD':
      return random.weighted([
        [2, 60],
        [3, 40],
      ] as const);
    case 'SPECIALIST':
    case 'COMMUNE_KEY':
      return 2;
    case 'COMMUNE_CIVIL_SERVANT':
      return random.weighted([
        [1, 30],
        [2, 70],
      ] as const);
    case 'CLERK':
      return 1;
  }
}
