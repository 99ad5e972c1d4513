import { stepActorsSql } from '@app/nominations';
import type { EntityManager } from 'typeorm';
import type { Audience, Locale } from './events';

export interface OutboxEvent {
  id: string;
  /** Unique across the life of the installation (job ids derive from it). */
  uid: string;
  type: string;
  aggregateId: string;
  payload: {
    actorUserId?: string | null;
    waitingStep?: number | null;
    [key: string]: unknown;
  };
  createdAt: Date;
}

export interface Recipient {
  userId: string;
  email: string;
  displayName: string;
  locale: Locale;
}

/**
 * The users an event concerns, read from the organization as it is when the event is
 * handled. Nobody hears of their own action, and only active users are notified.
 */
export async function resolveRecipients(
  manager: EntityManager,
  event: OutboxEvent,
  audience: Audience,
  today: string,
): Promise<Recipient[]> {
  const userIds = await AUDIENCES[audience](manager, event, today);
  if (!userIds.length) return [];
  return manager.query(
    `SELECT id AS "userId", email, display_name AS "displayName", locale
       FROM users
      WHERE id = ANY($1::uuid[]) AND active AND id IS DISTINCT FROM $2::uuid
      ORDER BY id`,
    [userIds, event.payload.actorUserId ?? null],
  );
}

/** The active user an account event is about (its aggregate). */
export function accountHolder(manager: EntityManager, event: OutboxEvent): Promise<Recipient[]> {
  return manager.query(
    `SELECT id AS "userId", email, display_name AS "displayName", locale
       FROM users WHERE id = $1 AND active`,
    [event.aggregateId],
  );
}

type AudienceQuery = (
  manager: EntityManager,
  event: OutboxEvent,
  today: string,
) => Promise<string[]>;

const ids = (rows: Array<{ id: string }>) => rows.map((row) => row.id);

// The step an event points at, with the path its role holders are matched against.
const STEP = `
  SELECT st.nomination_id, st.position, st.role, st.authority_id,
         coalesce(au.path, fu.path) AS path
    FROM nomination_steps st
    LEFT JOIN management_authorities a ON a.id = st.authority_id
    LEFT JOIN units au ON au.id = a.unit_id
    LEFT JOIN units fu ON fu.id = st.unit_id
   WHERE st.nomination_id = $1 AND st.position = $2`;

const AUDIENCES: Record<Audience, AudienceQuery> = {
  /**
   * Who can act on the step now (`stepActorsSql`, the workflow's own rule): holders of its
   * role over its authority (or unit) and the users they delegated that grant to, today —
   * minus anyone who could not decide (the nominee, the nominator, whoever approved another
   * step, and a delegate of someone who could not). Nobody, once the step is no longer the
   * one waiting, unless the event is the withdrawal that ended the wait.
   */
  step_approvers: async (manager, event, today) => {
    const position = event.payload.waitingStep;
    if (!position) return [];
    return ids(
      await manager.query(
        `WITH step AS (${STEP})
         SELECT DISTINCT actor.user_id AS id
           FROM step
           JOIN nominations n ON n.id = step.nomination_id
           CROSS JOIN LATERAL (${stepActorsSql(
             {
               role: 'step.role',
               authorityId: 'step.authority_id',
               path: 'step.path',
               nominationId: 'n.id',
               position: 'step.position',
               nominatorUserId: 'n.nominator_user_id',
               nomineeStaffId: 'n.nominee_staff_id',
             },
             '$3::date',
           )}) actor
          WHERE $4 OR (n.status = 'in_review' AND n.current_step = $2)`,
        [event.aggregateId, position, today, event.type === 'nomination.withdrawn'],
      ),
    );
  },

  /** Escalation: the board members of the waiting step's authority (else the nominee's). */
  authority_board_members: async (manager, event) =>
    ids(
      await manager.query(
        `WITH authority AS (
           SELECT a.id, au.path
             FROM nominations n
             JOIN staff s ON s.id = n.nominee_staff_id
             LEFT JOIN nomination_steps st ON st.nomination_id = n.id AND st.position = $2
             JOIN management_authorities a ON a.id = coalesce(st.authority_id, s.authority_id)
             JOIN units au ON au.id = a.unit_id
            WHERE n.id = $1)
         SELECT DISTINCT ra.user_id AS id
           FROM authority
           JOIN role_assignments ra ON ra.role = 'board_member'
           LEFT JOIN units gu ON gu.id = ra.unit_id
          WHERE ra.authority_id = authority.id
             OR (gu.path IS NOT NULL AND authority.path LIKE gu.path || '%')`,
        [event.aggregateId, event.payload.waitingStep ?? null],
      ),
    ),

  unit_head: (manager, event) => unitHeads(manager, event.aggregateId, false),
  unit_head_and_nominee: (manager, event) => unitHeads(manager, event.aggregateId, true),

  /** Finance users whose unit subtree contains the fund's owner unit. */
  fund_owner_finance: async (manager, event) =>
    ids(
      await manager.query(
        `SELECT DISTINCT ra.user_id AS id
           FROM funds f
           JOIN units ou ON ou.id = f.owner_unit_id
           JOIN role_assignments ra ON ra.role = 'finance'
           JOIN units gu ON gu.id = ra.unit_id
          WHERE f.id = $1 AND ou.path LIKE gu.path || '%'`,
        [event.aggregateId],
      ),
    ),
};

/** The nominator and the unit heads of the nominating unit; with the nominee's account if asked. */
async function unitHeads(
  manager: EntityManager,
  nominationId: string,
  withNominee: boolean,
): Promise<string[]> {
  return ids(
    await manager.query(
      `SELECT n.nominator_user_id AS id FROM nominations n WHERE n.id = $1
       UNION
       SELECT ra.user_id FROM nominations n
         JOIN role_assignments ra ON ra.role = 'unit_head' AND ra.unit_id = n.nominating_unit_id
        WHERE n.id = $1
       UNION
       SELECT u.id FROM nominations n JOIN users u ON u.staff_id = n.nominee_staff_id
        WHERE n.id = $1 AND $2`,
      [nominationId, withNominee],
    ),
  );
}
