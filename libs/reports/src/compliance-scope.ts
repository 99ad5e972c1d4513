import { Actor, isAdmin, ScopePredicate } from '@app/access';
import { DomainError } from '@app/common';
import { query } from '@app/database';
import type { EntityManager } from 'typeorm';

/** A unit subtree: the unit's id and its tree path. */
export interface ScopeRoot {
  id: string;
  path: string;
}

/**
 * Which units' figures a caller may read in the compliance reports: a set of unit
 * subtrees, or null for every unit. Snapshots are kept per unit, not per person, so the
 * scope is made of subtrees, and the live report uses the same one (live and past figures
 * count the same people):
 *
 * - admin: every unit
 * - unit_head, finance, and board roles over a unit: the grant's unit subtree
 * - board roles over a management authority: the subtree of the unit the authority sits in
 *   (a district Standing Committee sees its district); figures are counts, never people
 * - staff: none
 *
 * `authorityUnits` gives the unit of each authority the caller holds a grant over. Subtrees
 * inside another are dropped; the rest come shallowest first.
 */
export function complianceRoots(
  actor: Actor,
  authorityUnits: Map<string, ScopeRoot>,
): ScopeRoot[] | null {
  if (isAdmin(actor)) return null;
  const candidates: ScopeRoot[] = [];
  for (const grant of actor.grants) {
    if (grant.role === 'staff') continue;
    if (grant.unitId && grant.unitPath) candidates.push({ id: grant.unitId, path: grant.unitPath });
    else if (grant.authorityId && authorityUnits.has(grant.authorityId)) {
      candidates.push(authorityUnits.get(grant.authorityId)!);
    }
  }
  candidates.sort((a, b) => a.path.length - b.path.length || a.path.localeCompare(b.path));
  return candidates.filter(
    (root, index) => !candidates.slice(0, index).some((above) => root.path.startsWith(above.path)),
  );
}

/** The scope as one SQL predicate over the unit (alias `u`); constant patterns, so indexable. */
export function complianceScope(roots: ScopeRoot[] | null): ScopePredicate {
  if (roots === null) return { sql: 'TRUE', params: {} };
  if (!roots.length) return { sql: 'FALSE', params: {} };
  const params: Record<string, unknown> = {};
  const clauses = roots.map((root, index) => {
    params[`complianceScope${index}`] = `${root.path}%`;
    return `u.path LIKE :complianceScope${index}`;
  });
  return { sql: `(${clauses.join(' OR ')})`, params };
}

/** The caller's scope subtrees (`complianceRoots`), with the units of its authorities. */
export async function scopeRoots(
  manager: EntityManager,
  actor: Actor,
): Promise<ScopeRoot[] | null> {
  const authorityIds = actor.grants
    .filter((grant) => grant.role !== 'staff' && !grant.unitPath && grant.authorityId)
    .map((grant) => grant.authorityId!);
  const authorityUnits = new Map<string, ScopeRoot>();
  if (authorityIds.length && !isAdmin(actor)) {
    const rows = await manager.query<Array<ScopeRoot & { authority_id: string }>>(
      `SELECT a.id AS authority_id, u.id, u.path
         FROM management_authorities a JOIN units u ON u.id = a.unit_id
        WHERE a.id = ANY($1::uuid[])`,
      [authorityIds],
    );
    for (const row of rows) authorityUnits.set(row.authority_id, { id: row.id, path: row.path });
  }
  return complianceRoots(actor, authorityUnits);
}

/**
 * The unit whose subtree is counted (always together with the scope). A unit with nothing
 * in scope in its subtree answers like a missing one; a unit above the scope (a district
 * head asking for the city) counts the part of its subtree in scope. Without `unitId`, a
 * caller whose scope is one subtree gets its root (so grouping by unit starts there);
 * administrators and callers over several subtrees get none (the whole organization,
 * filtered by the scope).
 */
export async function scopeAnchor(
  manager: EntityManager,
  roots: ScopeRoot[] | null,
  scope: ScopePredicate,
  unitId: string | undefined,
): Promise<ScopeRoot | null> {
  if (unitId !== undefined) {
    const [unit] = await query<ScopeRoot & { visible: boolean }>(
      manager,
      `SELECT a.id, a.path,
              EXISTS (SELECT 1 FROM units u WHERE u.path LIKE a.path || '%' AND ${scope.sql}) AS visible
         FROM units a WHERE a.id = :unitId`,
      { ...scope.params, unitId },
    );
    if (!unit?.visible) {
      throw new DomainError('UNIT_NOT_FOUND', 'not_found', `No unit ${unitId}.`);
    }
    return { id: unit.id, path: unit.path };
  }
  return roots?.length === 1 ? roots[0] : null;
}
