import { Actor, Grant, ScopePredicate, staffScope } from '@app/access';
import { organizationToday } from '@app/catalog';
import type { EntityManager } from 'typeorm';

/** A grant someone lent the caller for a while: it acts on their behalf. */
export interface DelegatedGrant {
  delegationId: string;
  fromUserId: string;
  /** The delegator's staff record, for the conflict-of-interest rules. */
  fromStaffId: string | null;
  grant: Grant;
}

/**
 * The delegations to this user that are in force on the organization's today: not
 * revoked, `starts_on ≤ today ≤ ends_on`, from an active user who still holds the grant.
 */
export async function activeDelegatedGrants(
  manager: EntityManager,
  userId: string,
  today = organizationToday(),
): Promise<DelegatedGrant[]> {
  const rows: Array<{
    id: string;
    fromUserId: string;
    fromStaffId: string | null;
    role: 'board_reviewer' | 'board_member' | 'finance';
    unitId: string | null;
    unitPath: string | null;
    authorityId: string | null;
  }> = await manager.query(
    `SELECT d.id, d.from_user_id AS "fromUserId", fu.staff_id AS "fromStaffId", d.role,
            d.unit_id AS "unitId", un.path AS "unitPath", d.authority_id AS "authorityId"
       FROM delegations d
       JOIN users fu ON fu.id = d.from_user_id AND fu.active
       LEFT JOIN units un ON un.id = d.unit_id
      WHERE d.to_user_id = $1 AND d.revoked_at IS NULL
        AND d.starts_on <= $2::date AND d.ends_on >= $2::date
        AND EXISTS (SELECT 1 FROM role_assignments ra
                     WHERE ra.user_id = d.from_user_id AND ra.role = d.role
                       AND ra.unit_id IS NOT DISTINCT FROM d.unit_id
                       AND ra.authority_id IS NOT DISTINCT FROM d.authority_id)
      ORDER BY d.created_at, d.id`,
    [userId, today],
  );
  return rows.map((row) => ({
    delegationId: row.id,
    fromUserId: row.fromUserId,
    fromStaffId: row.fromStaffId,
    grant: {
      role: row.role,
      unitId: row.unitId,
      unitPath: row.unitPath,
      authorityId: row.authorityId,
    },
  }));
}

/**
 * Which nominations the caller may see: their staff scope, widened by the grants delegated
 * to them today (for nominations only; staff records keep the caller's own scope).
 */
export function nominationScope(actor: Actor, delegated: DelegatedGrant[]): ScopePredicate {
  return staffScope(withDelegatedGrants(actor, delegated), 'read');
}

/** The caller as a reader of nominations (and their nominees): with the lent grants too. */
export function withDelegatedGrants(actor: Actor, delegated: DelegatedGrant[]): Actor {
  if (!delegated.length) return actor;
  return { ...actor, grants: [...actor.grants, ...delegated.map((entry) => entry.grant)] };
}
