import type { AnyCtx } from '@app/access';
import { BudgetService, Override } from '@app/budget';
import { Clock, DomainError } from '@app/common';
import { returning } from '@app/database';
import type { EntityManager } from 'typeorm';
import type { ResolvedStep } from './chain';
import { DecisionIssue, IssuedDecision, issueDecision } from './decision-numbers';
import { loadCostLines, NominationRecord, StepRecord } from './nomination-records';

/** Freezes the chain; after a return with nothing material changed, resumes at that step. */
export async function placeChain(
  manager: EntityManager,
  nomination: NominationRecord,
  steps: ResolvedStep[],
) {
  if (
    nomination.status === 'returned' &&
    !nomination.materialChanged &&
    nomination.returnedAtStep
  ) {
    await manager.query(
      `UPDATE nomination_steps SET state = 'pending', acted_by = NULL, acted_at = NULL, comment = NULL
        WHERE nomination_id = $1 AND position >= $2`,
      [nomination.id, nomination.returnedAtStep],
    );
    return nomination.returnedAtStep;
  }
  await manager.query(`DELETE FROM nomination_steps WHERE nomination_id = $1`, [nomination.id]);
  for (const step of steps) {
    await manager.query(
      `INSERT INTO nomination_steps (nomination_id, position, role, authority_id, unit_id, committee)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb)`,
      [
        nomination.id,
        step.position,
        step.role,
        step.authorityId,
        step.unitId,
        step.committee ? JSON.stringify(step.committee) : null,
      ],
    );
  }
  return 1;
}

/** The decision's money: the cost lines reserved on their funds. */
export async function reserveBudget(
  tx: AnyCtx,
  budget: BudgetService,
  nominationId: string,
  override: Override | undefined,
): Promise<void> {
  const lines = await loadCostLines(tx.manager, nominationId);
  // The budget decides whether the override's author may give it; it refuses rather than ignores.
  await budget.reserve(tx, { nominationId, lines, override });
}

/** The decision's seat: one of the intake, and one of each quota the nominee falls under. */
export async function takeSeat(manager: EntityManager, nomination: NominationRecord) {
  const seat = await returning(
    manager,
    `UPDATE intakes SET seats_taken = seats_taken + 1, updated_at = now() WHERE id = $1 AND seats_taken < seats_total RETURNING id`,
    [nomination.intakeId],
  );
  if (!seat.length) {
    throw new DomainError('INTAKE_FULL', 'unprocessable', 'Every seat of this intake is taken.');
  }
  await takeQuotaSeats(manager, nomination);
}

/** The decision's number, in the organization's year at the moment of the decision. */
export function assignDecisionNumber(
  manager: EntityManager,
  clock: Clock,
  decidedBy: string,
  nomination: NominationRecord,
  step: StepRecord,
  issue: DecisionIssue,
): Promise<IssuedDecision> {
  return issueDecision(manager, {
    authorityId: step.authorityId ?? nomination.nomineeAuthorityId,
    year: clock.year(),
    today: clock.today(),
    decidedBy,
    issue,
  });
}

/**
 * Seats reserved for the nominee's tier, or for a unit above the nominee, are taken too;
 * which ones is recorded on the nomination, so a cancellation gives back exactly those.
 */
async function takeQuotaSeats(manager: EntityManager, nomination: NominationRecord): Promise<void> {
  const quotas: Array<{ id: string; seats: number }> = await manager.query(
    `SELECT q.id, q.seats
       FROM intake_seat_quotas q
       JOIN staff s ON s.id = $2
       JOIN units u ON u.id = s.unit_id
       LEFT JOIN units ou ON ou.id = q.owner_unit_id
      WHERE q.intake_id = $1
        AND (q.tier_id = u.tier_id OR (ou.path IS NOT NULL AND u.path LIKE ou.path || '%'))
      ORDER BY q.id`,
    [nomination.intakeId, nomination.nomineeStaffId],
  );
  for (const quota of quotas) {
    const taken = await returning(
      manager,
      `UPDATE intake_seat_quotas SET seats_taken = seats_taken + 1 WHERE id = $1 AND seats_taken < seats RETURNING id`,
      [quota.id],
    );
    if (!taken.length) {
      throw new DomainError(
        'INTAKE_FULL',
        'unprocessable',
        `All ${quota.seats} seats reserved for this nominee's group are taken.`,
        {
          quotaId: quota.id,
        },
      );
    }
  }
  await manager.query(`UPDATE nominations SET seat_quota_ids = $2::uuid[] WHERE id = $1`, [
    nomination.id,
    quotas.map((quota) => quota.id),
  ]);
}

/** Gives back the intake seat and the quota seats a decision took. */
export async function releaseSeats(
  manager: EntityManager,
  nomination: NominationRecord,
): Promise<void> {
  await manager.query(
    `UPDATE intakes SET seats_taken = seats_taken - 1, updated_at = now() WHERE id = $1`,
    [nomination.intakeId],
  );
  await manager.query(
    `UPDATE intake_seat_quotas SET seats_taken = seats_taken - 1
      WHERE id = ANY((SELECT seat_quota_ids FROM nominations WHERE id = $1)::uuid[])`,
    [nomination.id],
  );
  await manager.query(`UPDATE nominations SET seat_quota_ids = '{}' WHERE id = $1`, [
    nomination.id,
  ]);
}
