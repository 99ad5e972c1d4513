import { Actor, Grant, ScopePredicate, staffScope } from '@app/access';
import type { EntityManager } from 'typeorm';
import { grantsInForceSql } from './step-actors';

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
 * revoked, `starts_on ≤ today ≤ ends_on`, from an active user who still holds the grant
 * (the rule of `grantsInForceSql`, the one place it is written).
 */
export async function activeDelegatedGrants(
  manager: EntityManager,
  userId: string,
  today: string,
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
    `SELECT g.delegation_id AS id, g.for_user_id AS "fromUserId", g.for_staff_id AS "fromStaffId",
            g.role, g.unit_id AS "unitId", g.unit_path AS "unitPath", g.authority_id AS "authorityId"
       FROM (${grantsInForceSql('$2::date')}) g
      WHERE g.user_id = $1 AND g.delegation_id IS NOT NULL
      ORDER BY g.delegated_at, g.delegation_id`,
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
