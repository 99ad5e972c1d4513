import type { CommitteeRule } from './committee';
import { Actor, notFound } from '@app/access';
import { query } from '@app/database';
import type { EntityManager } from 'typeorm';
import { activeDelegatedGrants, nominationScope } from './delegated-grants';
import type { State } from './workflow/transitions';

/** A nomination row as the service works with it (money as bigint). */
export interface NominationRecord {
  id: string;
  reference: string;
  nomineeStaffId: string;
  nomineeUnitPath: string;
  nomineeAuthorityId: string;
  intakeId: string;
  nominatingUnitId: string;
  nominatorUserId: string;
  targetGroup: 1 | 2 | 3;
  justification: string;
  estimatedCost: bigint;
  learnerShare: bigint;
  status: State;
  currentStep: number | null;
  returnedAtStep: number | null;
  materialChanged: boolean;
  version: number;
  decisionNumber: string | null;
  /** The decision that approved it; on a list decision, its line there. */
  decisionId: string | null;
  decisionLine: number | null;
  /** The withdrawn (or rejected, cancelled) nomination this one was copied from. */
  copiedFromId: string | null;
  /** The owner units' paths of the funds its cost lines draw on: whose finance may settle it. */
  fundOwnerPaths: string[];
}

export interface StepRecord {
  id: string;
  position: number;
  role: 'board_reviewer' | 'board_member' | 'finance';
  authorityId: string | null;
  unitId: string | null;
  /** Path of the authority's unit, or of the finance step's unit. */
  unitPath: string;
  state: 'pending' | 'approved' | 'returned' | 'rejected';
  actedBy: string | null;
  /** The delegator, when a delegate acted for them. */
  onBehalfOf: string | null;
  actedAt: Date | null;
  comment: string | null;
  /** Set on a step the role holders decide together. */
  committee: CommitteeRule | null;
}

const SELECT_NOMINATION = `
  SELECT n.id, n.reference, n.nominee_staff_id AS "nomineeStaffId", u.path AS "nomineeUnitPath",
         s.authority_id AS "nomineeAuthorityId", n.intake_id AS "intakeId",
         n.nominating_unit_id AS "nominatingUnitId", n.nominator_user_id AS "nominatorUserId",
         n.target_group AS "targetGroup", n.justification, n.estimated_cost::text AS "estimatedCost",
         n.learner_share::text AS "learnerShare", n.status, n.current_step AS "currentStep",
         n.returned_at_step AS "returnedAtStep", n.material_changed AS "materialChanged", n.version,
         n.decision_number AS "decisionNumber", n.decision_id AS "decisionId",
         n.decision_line AS "decisionLine", n.copied_from_id AS "copiedFromId",
         ARRAY(SELECT ou.path FROM nomination_cost_lines l
                 JOIN funds f ON f.id = l.fund_id JOIN units ou ON ou.id = f.owner_unit_id
                WHERE l.nomination_id = n.id ORDER BY ou.path) AS "fundOwnerPaths"
    FROM nominations n
    JOIN staff s ON s.id = n.nominee_staff_id
    JOIN units u ON u.id = s.unit_id`;

/**
 * A nomination the caller may see: one whose nominee is in their staff scope, or in the
 * scope of a grant delegated to them today; the system (null) sees every one. Anything else
 * answers 404, so existence does not leak. `lock` takes the row lock for an action.
 */
export async function loadNomination(
  manager: EntityManager,
  actor: Actor | null,
  id: string,
  today: string,
  lock = false,
): Promise<NominationRecord> {
  const scope = actor
    ? nominationScope(actor, await activeDelegatedGrants(manager, actor.userId, today))
    : { sql: 'TRUE', params: {} };
  const [row] = await query<NominationRow>(
    manager,
    `${SELECT_NOMINATION} WHERE n.id = :id AND ${scope.sql}${lock ? ' FOR UPDATE OF n' : ''}`,
    { ...scope.params, id },
  );
  if (!row) throw notFound('nomination', id);
  return {
    ...row,
    estimatedCost: BigInt(row.estimatedCost),
    learnerShare: BigInt(row.learnerShare),
  };
}

/** The row as selected: money as its digits. */
type NominationRow = Omit<NominationRecord, 'estimatedCost' | 'learnerShare'> & {
  estimatedCost: string;
  learnerShare: string;
};

export async function loadSteps(
  manager: EntityManager,
  nominationId: string,
): Promise<StepRecord[]> {
  return manager.query(
    `SELECT st.id, st.position, st.role, st.authority_id AS "authorityId", st.unit_id AS "unitId",
            coalesce(au.path, fu.path) AS "unitPath", st.state, st.acted_by AS "actedBy",
            st.on_behalf_of AS "onBehalfOf", st.acted_at AS "actedAt", st.comment, st.committee
       FROM nomination_steps st
       LEFT JOIN management_authorities a ON a.id = st.authority_id
       LEFT JOIN units au ON au.id = a.unit_id
       LEFT JOIN units fu ON fu.id = st.unit_id
      WHERE st.nomination_id = $1
      ORDER BY st.position`,
    [nominationId],
  );
}

export async function loadCostLines(manager: EntityManager, nominationId: string) {
  const rows: Array<{ fundId: string; amount: string }> = await manager.query(
    `SELECT fund_id AS "fundId", amount::text AS amount FROM nomination_cost_lines
      WHERE nomination_id = $1 ORDER BY fund_id`,
    [nominationId],
  );
  return rows.map((row) => ({ fundId: row.fundId, amount: BigInt(row.amount) }));
}

/** One history row and one outbox event: every transition writes both, in its transaction. */
export async function recordTransition(
  manager: EntityManager,
  entry: {
    nominationId: string;
    action: string;
    from: State | null;
    to: State;
    stepPosition?: number | null;
    actorUserId: string | null;
    /** The delegator, when the actor acted for them. */
    onBehalfOf?: string | null;
    comment?: string | null;
    event: string | null;
    payload?: Record<string, unknown>;
  },
): Promise<void> {
  await manager.query(
    `INSERT INTO nomination_history (nomination_id, action, from_status, to_status, step_position, actor_user_id, comment, on_behalf_of)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      entry.nominationId,
      entry.action,
      entry.from,
      entry.to,
      entry.stepPosition ?? null,
      entry.actorUserId,
      entry.comment ?? null,
      entry.onBehalfOf ?? null,
    ],
  );
  if (entry.event) {
    await manager.query(
      `INSERT INTO outbox_events (type, aggregate_id, payload) VALUES ($1, $2, $3::jsonb)`,
      [
        entry.event,
        entry.nominationId,
        JSON.stringify({
          from: entry.from,
          to: entry.to,
          actorUserId: entry.actorUserId,
          ...(entry.onBehalfOf ? { onBehalfOf: entry.onBehalfOf } : {}),
          ...(entry.comment ? { comment: entry.comment } : {}),
          ...entry.payload,
        }),
      ],
    );
  }
}
