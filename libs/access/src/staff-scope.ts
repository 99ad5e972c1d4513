import { CodeOfKind, DomainError } from '@app/common';
import type { Actor, Grant } from './actor';
import type { Role } from './entities/user.entity';

/**
 * Which staff records a caller may see or change, as one SQL predicate over the staff row
 * (alias `s`) joined to its unit (alias `u`). Every staff query goes through this, so the
 * database filters by scope; rows are never fetched and then dropped.
 *
 * - admin: everyone
 * - unit_head, finance, board_*: the unit subtree of the grant, or (board) the staff the
 *   grant's management authority manages
 * - staff: their own record
 *
 * Changing records is for admins, unit heads and board reviewers within their scope;
 * finance, board members and staff only read.
 */
export type StaffAction = 'read' | 'write';

const rolesFor: Record<StaffAction, Role[]> = {
  read: ['admin', 'unit_head', 'board_reviewer', 'board_member', 'finance', 'staff'],
  write: ['admin', 'unit_head', 'board_reviewer'],
};

export interface ScopePredicate {
  sql: string;
  params: Record<string, unknown>;
}

const NOTHING: ScopePredicate = { sql: 'FALSE', params: {} };

export function staffScope(actor: Actor, action: StaffAction): ScopePredicate {
  const grants = actor.grants.filter((grant) => rolesFor[action].includes(grant.role));
  if (grants.some((grant) => grant.role === 'admin')) return { sql: 'TRUE', params: {} };
  const clauses: string[] = [];
  const params: Record<string, unknown> = {};
  grants.forEach((grant: Grant, index) => {
    if (grant.role === 'staff') {
      if (!actor.staffId) return;
      clauses.push(`s.id = :scopeSelf`);
      params.scopeSelf = actor.staffId;
    } else if (grant.unitPath) {
      clauses.push(`u.path LIKE :scopePath${index}`);
      params[`scopePath${index}`] = `${grant.unitPath}%`;
    } else if (grant.authorityId) {
      clauses.push(`s.authority_id = :scopeAuthority${index}`);
      params[`scopeAuthority${index}`] = grant.authorityId;
    }
  });
  return clauses.length ? { sql: `(${clauses.join(' OR ')})`, params } : NOTHING;
}

/** Whether a unit (by its path) lies in a unit-scoped grant of one of these roles. */
export function unitInScope(actor: Actor, unitPath: string, roles: Role[]): boolean {
  return actor.grants.some(
    (grant) =>
      roles.includes(grant.role) &&
      (grant.role === 'admin' || (grant.unitPath !== null && unitPath.startsWith(grant.unitPath))),
  );
}

/** The code that says an object of each kind is not found (or not the caller's to see). */
const NOT_FOUND = {
  decision: 'DECISION_NOT_FOUND',
  delegation: 'DELEGATION_NOT_FOUND',
  delivery: 'DELIVERY_NOT_FOUND',
  nomination: 'NOMINATION_NOT_FOUND',
  staff: 'STAFF_NOT_FOUND',
  unit: 'UNIT_NOT_FOUND',
  user: 'USER_NOT_FOUND',
} as const satisfies Record<string, CodeOfKind<'not_found'>>;

/** Out of scope answers like a missing object, so existence does not leak. */
export function notFound(entity: keyof typeof NOT_FOUND, id: string): DomainError {
  return new DomainError(NOT_FOUND[entity], 'not_found', `No ${entity} ${id}.`);
}

export function forbidden(message: string): DomainError {
  return new DomainError('FORBIDDEN', 'forbidden', message);
}
