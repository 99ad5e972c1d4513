import type { FieldError } from '@app/common';
import type { Role } from './entities/user.entity';

/** A role as an administrator asks for it: the scope is a unit, an authority, or neither. */
export interface RoleSpec {
  role: Role;
  unitId?: string | null;
  authorityId?: string | null;
}

/** A role as it is stored and shown. */
export interface RoleView {
  role: Role;
  unitId: string | null;
  authorityId: string | null;
}

type ScopeShape = 'none' | 'unit' | 'unit_or_authority';

/** The same rule as the CHECK constraint on role_assignments, checked before the database. */
export const SCOPE_OF_ROLE: Record<Role, ScopeShape> = {
  admin: 'none',
  staff: 'none',
  unit_head: 'unit',
  finance: 'unit',
  board_reviewer: 'unit_or_authority',
  board_member: 'unit_or_authority',
};

export function normalizeRole(spec: RoleSpec): RoleView {
  return { role: spec.role, unitId: spec.unitId ?? null, authorityId: spec.authorityId ?? null };
}

/**
 * Field errors for roles whose scope does not fit the role, and for the same role and scope
 * given twice. Empty when every role is well-formed.
 */
export function roleScopeErrors(roles: RoleSpec[], field = 'roles'): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  roles.forEach((spec, index) => {
    const at = `${field}[${index}]`;
    const { role, unitId, authorityId } = normalizeRole(spec);
    const shape = SCOPE_OF_ROLE[role];
    if (shape === 'none') {
      if (unitId !== null) {
        errors.push({
          field: `${at}.unitId`,
          message: `${role} has no unit scope`,
          code: 'SCOPE_NOT_ALLOWED',
        });
      }
      if (authorityId !== null) {
        errors.push({
          field: `${at}.authorityId`,
          message: `${role} has no authority scope`,
          code: 'SCOPE_NOT_ALLOWED',
        });
      }
    } else if (shape === 'unit') {
      if (unitId === null) {
        errors.push({
          field: `${at}.unitId`,
          message: `${role} needs a unitId`,
          code: 'SCOPE_REQUIRED',
        });
      }
      if (authorityId !== null) {
        errors.push({
          field: `${at}.authorityId`,
          message: `${role} is scoped to a unit, not an authority`,
          code: 'SCOPE_NOT_ALLOWED',
        });
      }
    } else if ((unitId === null) === (authorityId === null)) {
      errors.push({
        field: at,
        message: `${role} needs exactly one of unitId and authorityId`,
        code: 'SCOPE_REQUIRED',
      });
    }
    const key = `${role}|${unitId}|${authorityId}`;
    if (seen.has(key)) {
      errors.push({
        field: at,
        message: 'the same role and scope is given twice',
        code: 'DUPLICATE_ROLE',
      });
    }
    seen.add(key);
  });
  return errors;
}
