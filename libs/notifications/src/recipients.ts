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
   * Who can act on the step now: holders of its role over its authority (or unit) and the
   * users they delegated that grant to, today — minus the nominee, the nominator and
   * anyone who acted on another step (they could not act). Nobody, once the step is no
   * longer the one waiting, unless the event is the withdrawal that ended the wait.
   */
  step_approvers: async (manager, event, today) => {
    const position = event.payload.waitingStep;
    if (!position) return [];
    return ids(
      await manager.query(
        `WITH step AS (${STEP}),
              nomination AS (
                SELECT n.id, n.status, n.current_step, n.nominator_user_id, n.nominee_staff_id
                  FROM nominations n WHERE n.id = $1),
              holders AS (
                SELECT ra.user_id
                  FROM step
                  JOIN role_assignments ra ON ra.role = step.role
                  LEFT JOIN units gu ON gu.id = ra.unit_id
                 WHERE ra.authority_id = step.authority_id
                    OR (gu.path IS NOT NULL AND step.path LIKE gu.path || '%')),
              delegates AS (
                SELECT d.to_user_id AS user_id
                  FROM step
                  JOIN delegations d ON d.role = step.role
                  LEFT JOIN units du ON du.id = d.unit_id
                 WHERE d.revoked_at IS NULL AND d.starts_on <= $3::date AND d.ends_on >= $3::date
                   AND d.from_user_id IN (SELECT user_id FROM holders)
                   AND (d.authority_id = step.authority_id
                        OR (du.path IS NOT NULL AND step.path LIKE du.path || '%')))
         SELECT DISTINCT u.id
           FROM users u, nomination
          WHERE u.id IN (SELECT user_id FROM holders UNION SELECT user_id FROM delegates)
            AND ($4 OR (nomination.status = 'in_review' AND nomination.current_step = $2))
            AND u.id <> nomination.nominator_user_id
            AND u.staff_id IS DISTINCT FROM nomination.nominee_staff_id
            AND NOT EXISTS (
              SELECT 1 FROM nomination_steps other
               WHERE other.nomination_id = $1 AND other.position <> $2
                 AND u.id IN (other.acted_by, other.on_behalf_of))`,
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
