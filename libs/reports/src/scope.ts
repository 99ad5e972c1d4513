import { Actor, staffScope } from '@app/access';

/**
 * The staff scope (see `staffScope`) over a table that carries a staff id, an authority id
 * and a unit id instead of a staff row: joins the unit as `u` and presents the staff
 * columns as `s`, so every report filters by the same rule as the staff lists.
 *
 * Use as: `FROM training_participations p ${scopeJoins('p')} WHERE ${scope.sql}`.
 */
export function reportScope(actor: Actor) {
  return staffScope(actor, 'read');
}

export const scopeJoins = (alias: string) => `
  JOIN units u ON u.id = ${alias}.unit_id
  CROSS JOIN LATERAL (SELECT ${alias}.staff_id AS id, ${alias}.authority_id AS authority_id) s`;
