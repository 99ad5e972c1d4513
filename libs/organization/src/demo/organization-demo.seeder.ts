import type { Seeder } from '@app/database';
import { hash } from 'argon2';
import type { EntityManager } from 'typeorm';
import { buildDemoOrganization, DemoOrganization } from './plan';

/** Every demo user signs in with this password (documented in docs/demo-data.md). */
export const DEMO_PASSWORD = 'demo-password-2026';

export interface DemoUser {
  email: string;
  displayName: string;
  role: 'unit_head' | 'board_reviewer' | 'board_member' | 'finance' | 'staff';
  unitId: string | null;
  authorityId: string | null;
  staffId: string | null;
}

/**
 * One user per role, plus the Ninh Kiều board member and finance officer that the seeded
 * approval chains need for the district's staff; the first administrator comes from
 * ADMIN_EMAIL instead.
 */
export function demoUsers(organization: DemoOrganization): DemoUser[] {
  const { anchors } = organization;
  const member = organization.staff.find((row) => row.id === anchors.staffMemberId)!;
  return [
    {
      email: 'unit.head@demo.example.org',
      displayName: 'Thủ trưởng đơn vị Quận ủy Ninh Kiều',
      role: 'unit_head',
      unitId: anchors.ninhKieuUnitId,
      authorityId: null,
      staffId: null,
    },
    {
      email: 'reviewer@demo.example.org',
      displayName: 'Chuyên viên thẩm định Ban Tổ chức Quận ủy Ninh Kiều',
      role: 'board_reviewer',
      unitId: null,
      authorityId: anchors.ninhKieuAuthorityId,
      staffId: null,
    },
    {
      email: 'board.member@demo.example.org',
      displayName: 'Ủy viên Ban Thường vụ Thành ủy',
      role: 'board_member',
      unitId: null,
      authorityId: anchors.cityAuthorityId,
      staffId: null,
    },
    {
      email: 'nk.member@demo.example.org',
      displayName: 'Ủy viên Ban Thường vụ Quận ủy Ninh Kiều',
      role: 'board_member',
      unitId: null,
      authorityId: anchors.ninhKieuAuthorityId,
      staffId: null,
    },
    {
      email: 'finance@demo.example.org',
      displayName: 'Kế toán Sở Tài chính',
      role: 'finance',
      unitId: anchors.cityUnitId,
      authorityId: null,
      staffId: null,
    },
    {
      email: 'nk.finance@demo.example.org',
      displayName: 'Kế toán Phòng Tài chính - Kế hoạch quận Ninh Kiều',
      role: 'finance',
      unitId: anchors.ninhKieuUnitId,
      authorityId: null,
      staffId: null,
    },
    {
      email: 'staff@demo.example.org',
      displayName: member.fullName,
      role: 'staff',
      unitId: null,
      authorityId: null,
      staffId: member.id,
    },
  ];
}

/** Multi-row INSERTs in chunks that stay well under Postgres's 65,535 parameters. */
export async function insertRows(
  manager: EntityManager,
  table: string,
  columns: string[],
  rows: unknown[][],
  chunkSize = 1000,
): Promise<void> {
  for (let start = 0; start < rows.length; start += chunkSize) {
    const chunk = rows.slice(start, start + chunkSize);
    const values = chunk.map(
      (_, row) =>
        `(${columns.map((__, column) => `$${row * columns.length + column + 1}`).join(', ')})`,
    );
    await manager.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values.join(', ')}`,
      chunk.flat(),
    );
  }
}

/** Writes a built demo organization and its demo users. */
export async function writeDemoOrganization(
  manager: EntityManager,
  organization: DemoOrganization,
): Promise<void> {
  const { tiers, units, authorities, positions, staff, planning } = organization;
  await insertRows(
    manager,
    'tiers',
    ['id', 'code', 'name', 'level'],
    tiers.map((t) => [t.id, t.code, t.name, t.level]),
  );
  await insertRows(
    manager,
    'units',
    ['id', 'code', 'name', 'tier_id', 'kind', 'parent_id', 'path'],
    units.map((u) => [u.id, u.code, u.name, u.tierId, u.kind, u.parentId, u.path]),
  );
  await insertRows(
    manager,
    'unit_placements',
    ['unit_id', 'parent_id', 'tier_id'],
    units.map((u) => [u.id, u.parentId, u.tierId]),
  );
  await insertRows(
    manager,
    'management_authorities',
    ['id', 'code', 'name', 'kind', 'unit_id'],
    authorities.map((a) => [a.id, a.code, a.name, a.kind, a.unitId]),
  );
  await insertRows(
    manager,
    'positions',
    [
      'id',
      'code',
      'name',
      'is_leadership',
      'min_education',
      'min_political_theory',
      'min_fostering_rank',
      'min_language_level',
    ],
    positions.map((p) => [
      p.id,
      p.code,
      p.name,
      p.isLeadership,
      p.minEducation,
      p.minPoliticalTheory,
      p.minFosteringRank,
      p.minLanguageLevel,
    ]),
  );
  await insertRows(
    manager,
    'staff',
    [
      'id',
      'code',
      'full_name',
      'search_name',
      'birth_date',
      'gender',
      'ethnic_minority',
      'unit_id',
      'position_id',
      'civil_service_rank',
      'education_level',
      'education_field',
      'political_theory',
      'fostering_rank',
      'language_level',
      'joined_service_on',
      'authority_id',
      'employment_status',
    ],
    staff.map((s) => [
      s.id,
      s.code,
      s.fullName,
      s.searchName,
      s.birthDate,
      s.gender,
      s.ethnicMinority,
      s.unitId,
      s.positionId,
      s.civilServiceRank,
      s.educationLevel,
      s.educationField,
      s.politicalTheory,
      s.fosteringRank,
      s.languageLevel,
      s.joinedServiceOn,
      s.authorityId,
      s.employmentStatus,
    ]),
  );
  await insertRows(
    manager,
    'planning_pool_entries',
    ['id', 'staff_id', 'position_id', 'period_from', 'period_to'],
    planning.map((p) => [p.id, p.staffId, p.positionId, p.periodFrom, p.periodTo]),
  );

  const users = demoUsers(organization);
  // Low-cost argon2id parameters: these are throwaway demo accounts, and seeding stays fast.
  const hashes = await Promise.all(
    users.map(() => hash(DEMO_PASSWORD, { timeCost: 2, memoryCost: 19456 })),
  );
  const inserted: Array<{ id: string; email: string }> = await manager.query(
    `INSERT INTO users (email, password_hash, display_name, staff_id, locale)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::uuid[], $5::text[])
     RETURNING id, email`,
    [
      users.map((u) => u.email),
      hashes,
      users.map((u) => u.displayName),
      users.map((u) => u.staffId),
      users.map(() => 'vi'),
    ],
  );
  const userId = new Map(inserted.map((row) => [row.email, row.id]));
  await insertRows(
    manager,
    'role_assignments',
    ['user_id', 'role', 'unit_id', 'authority_id'],
    users.map((u) => [userId.get(u.email), u.role, u.unitId, u.authorityId]),
  );
}

/**
 * The organization's demo data: Cần Thơ's three tiers, about 110 units, the management
 * authorities, ten positions with standards, about 2,000 staff (same names and levels on
 * every run), planning pools, and one demo user per role. It only fills an empty
 * organization.
 */
export const organizationDemoSeeder: Seeder = {
  name: 'organization',
  async run(manager) {
    const [{ used }] = await manager.query(
      `SELECT EXISTS (SELECT 1 FROM tiers) OR EXISTS (SELECT 1 FROM units) AS used`,
    );
    if (used) {
      console.warn('Organization demo data skipped: the organization tables are not empty');
      return;
    }
    await writeDemoOrganization(manager, buildDemoOrganization());
  },
};
