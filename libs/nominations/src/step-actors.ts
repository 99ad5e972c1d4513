import type { EntityManager } from 'typeorm';

/**
 * Who may act on a step, as SQL: the one form of the rule that `assertMayAct`
 * (nomination-access.ts) states in TypeScript. Action checks (through the delegated grants
 * in force), `awaiting=me`, the step holders a chain and a committee count, and the
 * notification recipients of a waiting step are all built from these fragments; a test
 * compares them with the TypeScript form on generated organizations.
 *
 * The fragments are plain SQL (no function called per row), so the planner inlines them.
 */

/**
 * Every grant in force on `today` (an SQL date expression): the own grants of active users,
 * and the delegations in force — not revoked, `starts_on ≤ today ≤ ends_on`, between two
 * active users, while the delegator still holds the lent grant. Columns: `user_id` (who
 * acts) and `user_staff_id`, `for_user_id` (whose grant it is: themselves, or the
 * delegator) and `for_staff_id`, `role`, `unit_id`, `unit_path`, `authority_id`, and for a
 * delegation `delegation_id` and `delegated_at` (null for an own grant).
 */
export const grantsInForceSql = (today: string) => `
  SELECT ra.user_id, ou.staff_id AS user_staff_id, ra.user_id AS for_user_id,
         ou.staff_id AS for_staff_id, ra.role, ra.unit_id, ru.path AS unit_path, ra.authority_id,
         NULL::uuid AS delegation_id, NULL::timestamptz AS delegated_at
    FROM role_assignments ra
    JOIN users ou ON ou.id = ra.user_id AND ou.active
    LEFT JOIN units ru ON ru.id = ra.unit_id
  UNION ALL
  SELECT d.to_user_id, tu.staff_id, d.from_user_id, fu.staff_id, d.role, d.unit_id, du.path,
         d.authority_id, d.id, d.created_at
    FROM delegations d
    JOIN users fu ON fu.id = d.from_user_id AND fu.active
    JOIN users tu ON tu.id = d.to_user_id AND tu.active
    LEFT JOIN units du ON du.id = d.unit_id
   WHERE d.revoked_at IS NULL AND d.starts_on <= ${today} AND d.ends_on >= ${today}
     AND EXISTS (SELECT 1 FROM role_assignments fa
                  WHERE fa.user_id = d.from_user_id AND fa.role = d.role
                    AND fa.unit_id IS NOT DISTINCT FROM d.unit_id
                    AND fa.authority_id IS NOT DISTINCT FROM d.authority_id)`;

/** A step as SQL expressions: its role, its authority, and its authority's (or finance) unit path. */
export interface StepSql {
  role: string;
  authorityId: string;
  path: string;
}

/** A step of a nomination as SQL expressions, for the conflict-of-interest rules. */
export interface NominationStepSql extends StepSql {
  nominationId: string;
  position: string;
  nominatorUserId: string;
  nomineeStaffId: string;
}

/**
 * Grant `g` (a row of `grantsInForceSql`) covers the step: the same role, over the step's
 * authority, or over a unit subtree containing the step's unit (`grantCoversStep`).
 */
export const grantCoversStepSql = (g: string, step: StepSql) => `(
  ${g}.role = ${step.role}
  AND ((${g}.authority_id IS NOT NULL AND ${g}.authority_id = ${step.authorityId})
       OR (${g}.unit_path IS NOT NULL
           AND left(${step.path}, length(${g}.unit_path)) = ${g}.unit_path)))`;

/**
 * The person may decide on the step: neither the nominator nor the nominee, and has not
 * approved another step of the nomination, as themselves or for someone (`assertMayDecide`).
 */
export const mayDecideSql = (userId: string, staffId: string, step: NominationStepSql) => `(
  ${userId} IS DISTINCT FROM ${step.nominatorUserId}
  AND ${staffId} IS DISTINCT FROM ${step.nomineeStaffId}
  AND NOT EXISTS (SELECT 1 FROM nomination_steps other
                   WHERE other.nomination_id = ${step.nominationId}
                     AND other.position <> ${step.position} AND other.state = 'approved'
                     AND (other.acted_by = ${userId} OR other.on_behalf_of = ${userId})))`;

/**
 * Grant `g` lets its user act on the step now: it covers the step, and both the one who
 * acts and the one whose grant it is may decide on it.
 */
export const grantActsOnStepSql = (g: string, step: NominationStepSql) => `(
  ${grantCoversStepSql(g, step)}
  AND ${mayDecideSql(`${g}.user_id`, `${g}.user_staff_id`, step)}
  AND ${mayDecideSql(`${g}.for_user_id`, `${g}.for_staff_id`, step)})`;

/**
 * Everyone who may act on the step now, one row per grant that lets them: `user_id`, and
 * `for_user_id` (themselves, or the delegator they would act for).
 */
export const stepActorsSql = (step: NominationStepSql, today: string) => `
  SELECT g.user_id, g.for_user_id, g.delegation_id, g.delegated_at
    FROM (${grantsInForceSql(today)}) g
   WHERE ${grantActsOnStepSql('g', step)}`;

/**
 * How many active users hold a step's role over its authority (authority-scoped grants,
 * or unit-scoped grants over the authority's unit) or, for finance, over its unit. A chain
 * needs at least one per step; a committee step's members are all of them. A delegate
 * counts as the delegator they stand in for, not as one more member.
 */
export async function countStepHolders(
  manager: EntityManager,
  step: { role: string; authorityId: string | null; unitId: string | null },
  today: string,
): Promise<number> {
  const [{ holders }] = await manager.query(
    `WITH seat AS (
       SELECT $1::text AS role, $2::uuid AS authority_id, au.path
         FROM (SELECT 1) one
         LEFT JOIN management_authorities a ON a.id = $2::uuid
         LEFT JOIN units au ON au.id = coalesce(a.unit_id, $3::uuid))
     SELECT count(DISTINCT g.for_user_id)::int AS holders
       FROM seat, (${grantsInForceSql('$4::date')}) g
      WHERE ${grantCoversStepSql('g', { role: 'seat.role', authorityId: 'seat.authority_id', path: 'seat.path' })}`,
    [step.role, step.authorityId, step.unitId, today],
  );
  return holders;
}

/** Who holds a step's role today, the same people `countStepHolders` counts, by name. */
export async function listStepHolders(
  manager: EntityManager,
  step: { role: string; authorityId: string | null; unitId: string | null },
  today: string,
): Promise<Array<{ userId: string; name: string; email: string }>> {
  return manager.query(
    `WITH seat AS (
       SELECT $1::text AS role, $2::uuid AS authority_id, au.path
         FROM (SELECT 1) one
         LEFT JOIN management_authorities a ON a.id = $2::uuid
         LEFT JOIN units au ON au.id = coalesce(a.unit_id, $3::uuid))
     SELECT u.id AS "userId", u.display_name AS name, u.email
       FROM users u
      WHERE u.id IN (SELECT g.for_user_id
                       FROM seat, (${grantsInForceSql('$4::date')}) g
                      WHERE ${grantCoversStepSql('g', { role: 'seat.role', authorityId: 'seat.authority_id', path: 'seat.path' })})
      ORDER BY u.display_name, u.id`,
    [step.role, step.authorityId, step.unitId, today],
  );
}
