import type { Actor, ScopePredicate } from '@app/access';
import type { EntityManager } from 'typeorm';

/**
 * Which funds a caller may see or change, as one SQL predicate over the fund (alias `f`)
 * joined to its owner unit (alias `ou`). Every fund query goes through this, so lists are
 * filtered by the database.
 *
 * - admin: every fund
 * - finance: the funds whose owner unit lies in the grant's subtree (read and write)
 * - unit_head, and board_reviewer / board_member over a unit: the funds that can pay for
 *   their unit's nominations, i.e. whose owner unit is the grant's unit or above it (read)
 * - anyone else (staff, board roles over a management authority): none
 */
export type FundAction = 'read' | 'write';

const READ_ONLY_ROLES = new Set(['unit_head', 'board_reviewer', 'board_member']);

export function fundScope(actor: Actor, action: FundAction = 'read'): ScopePredicate {
  if (actor.grants.some((grant) => grant.role === 'admin')) return { sql: 'TRUE', params: {} };
  const clauses: string[] = [];
  const params: Record<string, unknown> = {};
  actor.grants.forEach((grant, index) => {
    if (!grant.unitPath) return;
    const name = `fund${action === 'read' ? 'Read' : 'Write'}${index}`;
    if (grant.role === 'finance') {
      clauses.push(`ou.path LIKE :${name}`);
      params[name] = `${grant.unitPath}%`;
    } else if (action === 'read' && READ_ONLY_ROLES.has(grant.role)) {
      clauses.push(`:${name} LIKE ou.path || '%'`);
      params[name] = grant.unitPath;
    }
  });
  return clauses.length
    ? { sql: `(${clauses.join(' OR ')})`, params }
    : { sql: 'FALSE', params: {} };
}

/** Whether the caller could change some fund (admin, or finance over a unit). */
export const mayManageFunds = (actor: Actor): boolean =>
  actor.grants.some(
    (grant) => grant.role === 'admin' || (grant.role === 'finance' && grant.unitPath !== null),
  );

/**
 * Whether the caller is finance over a fund owned by this unit: the only one who may let a
 * `warn` fund go beyond its money, or settle actual costs on a fund that was not reserved.
 * (The same subtree as `fundScope(actor, 'write')` for finance; administrators are not finance.)
 */
export const financeOverFund = (actor: Actor, ownerUnitPath: string): boolean =>
  actor.grants.some(
    (grant) =>
      grant.role === 'finance' &&
      grant.unitPath !== null &&
      ownerUnitPath.startsWith(grant.unitPath),
  );

/**
 * The funds a caller may put on a nomination's cost lines: exactly the funds they may read
 * (`fundScope(actor, 'read')`, the rule of `GET /funds/:id`). For a unit head these are the
 * funds whose owner is their unit or above it, i.e. owners that cover everyone they may
 * nominate. Answers the ids among `fundIds` that do not exist or that the caller may not use,
 * so that the two are refused alike and a fund out of reach never shows through.
 */
export async function unusableFunds(
  manager: EntityManager,
  actor: Actor,
  fundIds: string[],
): Promise<string[]> {
  if (!fundIds.length) return [];
  const scope = fundScope(actor, 'read');
  const [sql, parameters] = manager.connection.driver.escapeQueryWithParameters(
    `SELECT f.id FROM funds f JOIN units ou ON ou.id = f.owner_unit_id
      WHERE f.id = ANY(CAST(:ids AS uuid[])) AND ${scope.sql}`,
    { ...scope.params, ids: fundIds },
  );
  const usable = new Set(
    (await manager.query(sql, parameters)).map((row: { id: string }) => row.id),
  );
  return fundIds.filter((id) => !usable.has(id));
}
