import type { Role } from './entities/user.entity';

/**
 * What each role may do, as coarse strings for clients (menus, buttons). The server still
 * checks every request against the role and its scope; a permission says "somewhere in my
 * scope", never "on this object".
 */
export const PERMISSIONS_OF_ROLE: Record<Role, readonly string[]> = {
  admin: [
    'staff:read',
    'staff:write',
    'organization:read',
    'organization:write',
    'nominations:read',
    'fund:read',
    'users:manage',
    'audit:read',
  ],
  unit_head: [
    'staff:read',
    'staff:write',
    'organization:read',
    'nominations:read',
    'nominations:propose',
  ],
  board_reviewer: [
    'staff:read',
    'staff:write',
    'organization:read',
    'nominations:read',
    'nominations:appraise',
  ],
  board_member: ['staff:read', 'organization:read', 'nominations:read', 'nominations:decide'],
  finance: ['staff:read', 'organization:read', 'nominations:read', 'fund:read', 'fund:manage'],
  staff: ['staff:read', 'nominations:read'],
};

/** The union of the permissions of the roles held, sorted, without duplicates. */
export function permissionsOf(roles: Iterable<Role>): string[] {
  const permissions = new Set<string>();
  for (const role of roles) {
    for (const permission of PERMISSIONS_OF_ROLE[role] ?? []) permissions.add(permission);
  }
  return [...permissions].sort();
}
