import { randomUUID } from 'node:crypto';
import { AccessTokenService, Role } from '@app/access';
import { toSearchName } from '@app/organization';
import { hash } from 'argon2';
import { DataSource } from 'typeorm';
import type { MediumStack } from './medium';
import type { TestStack } from './test-stack';

let counter = 0;
const next = (prefix: string) => `${prefix}-${++counter}-${randomUUID().slice(0, 6)}`;

export interface GrantSpec {
  role: Role;
  unitId?: string;
  authorityId?: string;
}

/** Inserts test data straight into the database; every helper returns the new row's id. */
export class Factory {
  constructor(private readonly dataSource: DataSource) {}

  private async insert(table: string, values: Record<string, unknown>): Promise<string> {
    const columns = Object.keys(values);
    const [row] = await this.dataSource.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
      Object.values(values),
    );
    return String(row.id);
  }

  tier(level: number, code = next(`tier${level}`), name = code): Promise<string> {
    return this.insert('tiers', { code, name, level });
  }

  async unit(spec: {
    tierId: string;
    parentId?: string;
    code?: string;
    name?: string;
    kind?: string;
  }) {
    const id = randomUUID();
    const parentPath = spec.parentId
      ? (await this.dataSource.query('SELECT path FROM units WHERE id = $1', [spec.parentId]))[0]
          .path
      : '/';
    await this.insert('units', {
      id,
      code: spec.code ?? next('U'),
      name: spec.name ?? 'Đơn vị thử nghiệm',
      tier_id: spec.tierId,
      kind: spec.kind ?? 'department',
      parent_id: spec.parentId ?? null,
      path: `${parentPath}${id}/`,
    });
    return id;
  }

  authority(spec: {
    unitId: string;
    code?: string;
    name?: string;
    kind?: string;
  }): Promise<string> {
    return this.insert('management_authorities', {
      code: spec.code ?? next('A'),
      name: spec.name ?? 'Ban Thường vụ',
      kind: spec.kind ?? 'standing_committee',
      unit_id: spec.unitId,
    });
  }

  position(
    spec: {
      code?: string;
      name?: string;
      minEducation?: number | null;
      minPoliticalTheory?: number | null;
      minFosteringRank?: number | null;
      minLanguageLevel?: number | null;
      isLeadership?: boolean;
    } = {},
  ): Promise<string> {
    return this.insert('positions', {
      code: spec.code ?? next('P'),
      name: spec.name ?? 'Chuyên viên',
      is_leadership: spec.isLeadership ?? false,
      min_education: spec.minEducation ?? null,
      min_political_theory: spec.minPoliticalTheory ?? null,
      min_fostering_rank: spec.minFosteringRank ?? null,
      min_language_level: spec.minLanguageLevel ?? null,
    });
  }

  staff(spec: {
    unitId: string;
    authorityId: string;
    positionId?: string | null;
    code?: string;
    fullName?: string;
    birthDate?: string;
    gender?: 'female' | 'male';
    educationLevel?: number | null;
    politicalTheory?: number;
    fosteringRank?: number | null;
    languageLevel?: number | null;
    ethnicMinority?: boolean;
  }): Promise<string> {
    const fullName = spec.fullName ?? 'Nguyễn Văn An';
    return this.insert('staff', {
      code: spec.code ?? next('S'),
      full_name: fullName,
      search_name: toSearchName(fullName),
      birth_date: spec.birthDate ?? '1985-06-15',
      gender: spec.gender ?? 'male',
      ethnic_minority: spec.ethnicMinority ?? false,
      unit_id: spec.unitId,
      position_id: spec.positionId ?? null,
      education_level: spec.educationLevel ?? 3,
      political_theory: spec.politicalTheory ?? 0,
      fostering_rank: spec.fosteringRank ?? null,
      language_level: spec.languageLevel ?? null,
      authority_id: spec.authorityId,
      joined_service_on: '2010-01-01',
    });
  }

  async user(
    spec: { email?: string; password?: string; staffId?: string; grants?: GrantSpec[] } = {},
  ) {
    const email = spec.email ?? `${next('user')}@example.org`;
    const id = await this.insert('users', {
      email,
      password_hash: await hash(spec.password ?? 'correct horse battery', {
        timeCost: 2,
        memoryCost: 4096,
      }),
      display_name: email,
      staff_id: spec.staffId ?? null,
    });
    for (const grant of spec.grants ?? []) {
      await this.insert('role_assignments', {
        user_id: id,
        role: grant.role,
        unit_id: grant.unitId ?? null,
        authority_id: grant.authorityId ?? null,
      });
    }
    return id;
  }
}

/** The Nest container of an end-to-end stack (the API) or of a medium one. */
export const containerOf = (stack: TestStack | MediumStack) =>
  'api' in stack ? stack.api : stack.app;

/**
 * An access token for a user, signed by the API under test (on a medium stack, the modules
 * given must include AccessModule, which signs them).
 */
export function tokenFor(stack: TestStack | MediumStack, userId: string): string {
  return containerOf(stack).get(AccessTokenService).sign(userId).accessToken;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/**
 * A small organization for authorization tests: a city with districts A and B (each with
 * a commune), their Standing Committees, a position with a standard, staff in each place,
 * and one user per role and scope.
 */
export async function seedOrganizationFixture(stack: TestStack | MediumStack) {
  const factory = new Factory(containerOf(stack).get(DataSource));
  const [cityTier, districtTier, communeTier] = [
    await factory.tier(1, next('city'), 'Thành phố'),
    await factory.tier(2, next('district'), 'Quận/huyện'),
    await factory.tier(3, next('commune'), 'Xã/phường'),
  ];
  const city = await factory.unit({
    tierId: cityTier,
    name: 'Thành ủy Cần Thơ',
    kind: 'party_committee',
  });
  const districtA = await factory.unit({
    tierId: districtTier,
    parentId: city,
    name: 'Quận Ninh Kiều',
  });
  const districtB = await factory.unit({
    tierId: districtTier,
    parentId: city,
    name: 'Huyện Phong Điền',
  });
  const communeA = await factory.unit({
    tierId: communeTier,
    parentId: districtA,
    name: 'Phường An Hòa',
  });
  const communeB = await factory.unit({
    tierId: communeTier,
    parentId: districtB,
    name: 'Xã Nhơn Ái',
  });
  const cityAuthority = await factory.authority({ unitId: city, name: 'Ban Thường vụ Thành ủy' });
  const authorityA = await factory.authority({
    unitId: districtA,
    name: 'Ban Thường vụ Quận ủy Ninh Kiều',
  });
  const authorityB = await factory.authority({
    unitId: districtB,
    name: 'Ban Thường vụ Huyện ủy Phong Điền',
  });
  const leader = await factory.position({
    name: 'Phó Chủ tịch UBND',
    minEducation: 3,
    minPoliticalTheory: 3,
    isLeadership: true,
  });
  const staffA = await factory.staff({
    unitId: districtA,
    authorityId: authorityA,
    positionId: leader,
    fullName: 'Nguyễn Văn An',
    educationLevel: 3,
    politicalTheory: 2,
  });
  const staffA2 = await factory.staff({
    unitId: communeA,
    authorityId: authorityA,
    fullName: 'Trần Thị Bích',
  });
  const staffB = await factory.staff({
    unitId: districtB,
    authorityId: authorityB,
    fullName: 'Lê Hoàng Cường',
  });
  const staffCity = await factory.staff({
    unitId: city,
    authorityId: cityAuthority,
    fullName: 'Phạm Minh Đức',
  });
  const users = {
    admin: await factory.user({ grants: [{ role: 'admin' }] }),
    unitHeadA: await factory.user({ grants: [{ role: 'unit_head', unitId: districtA }] }),
    unitHeadB: await factory.user({ grants: [{ role: 'unit_head', unitId: districtB }] }),
    reviewerA: await factory.user({
      grants: [{ role: 'board_reviewer', authorityId: authorityA }],
    }),
    memberCity: await factory.user({
      grants: [{ role: 'board_member', authorityId: cityAuthority }],
    }),
    financeA: await factory.user({ grants: [{ role: 'finance', unitId: districtA }] }),
    staffA: await factory.user({ staffId: staffA, grants: [{ role: 'staff' }] }),
  };
  const tokens = Object.fromEntries(
    Object.entries(users).map(([name, id]) => [name, tokenFor(stack, id)]),
  ) as Record<keyof typeof users, string>;
  return {
    factory,
    tiers: { cityTier, districtTier, communeTier },
    units: { city, districtA, districtB, communeA, communeB },
    authorities: { cityAuthority, authorityA, authorityB },
    positions: { leader },
    staff: { staffA, staffA2, staffB, staffCity },
    users,
    tokens,
  };
}
