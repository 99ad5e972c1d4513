import type { EntityManager } from 'typeorm';

/**
 * How many active users hold a step's role over its authority (authority-scoped grants,
 * or unit-scoped grants over the authority's unit) or, for finance, over its unit. A chain
 * needs at least one per step; a committee step's members are all of them.
 */
export async function countStepHolders(
  manager: EntityManager,
  step: { role: string; authorityId: string | null; unitId: string | null },
): Promise<number> {
  const [{ holders }] = await manager.query(
    `SELECT count(DISTINCT ra.user_id)::int AS holders
       FROM role_assignments ra
       JOIN users us ON us.id = ra.user_id AND us.active
       LEFT JOIN units gu ON gu.id = ra.unit_id
       LEFT JOIN management_authorities a ON a.id = $2
       LEFT JOIN units au ON au.id = coalesce(a.unit_id, $3)
      WHERE ra.role = $1
        AND ((ra.authority_id IS NOT NULL AND ra.authority_id = $2)
             OR (gu.path IS NOT NULL AND au.path LIKE gu.path || '%'))`,
    [step.role, step.authorityId, step.unitId],
  );
  return holders;
}
