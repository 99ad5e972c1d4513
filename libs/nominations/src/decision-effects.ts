import { Actor } from '@app/access';
import { BudgetService } from '@app/budget';
import { DomainError } from '@app/common';
import type { EntityManager } from 'typeorm';
import type { ResolvedStep } from './chain';
import type { ActionInput } from './nomination.service';
import type { NominationRecord, StepRecord } from './nomination-records';

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

/** The decision: money reserved, a seat taken, a number assigned; all or nothing. */
export async function decide(
  manager: EntityManager,
  budget: BudgetService,
  actor: Actor,
  nomination: NominationRecord,
  step: StepRecord,
  input: ActionInput,
) {
  const lines = (
    await manager.query(
      `SELECT fund_id AS "fundId", amount::text AS amount FROM nomination_cost_lines WHERE nomination_id = $1`,
      [nomination.id],
    )
  ).map((line: { fundId: string; amount: string }) => ({
    fundId: line.fundId,
    amount: BigInt(line.amount),
  }));
  const override =
    input.overrideReason && actor.grants.some((grant) => grant.role === 'finance')
      ? { reason: input.overrideReason }
      : undefined;
  await budget.reserve(manager, {
    nominationId: nomination.id,
    actorUserId: actor.userId,
    lines,
    override,
  });
  const seat = await manager.query(
    `UPDATE intakes SET seats_taken = seats_taken + 1, updated_at = now() WHERE id = $1 AND seats_taken < seats_total RETURNING id`,
    [nomination.intakeId],
  );
  if (!(Array.isArray(seat[0]) ? seat[0] : seat).length) {
    throw new DomainError('INTAKE_FULL', 'unprocessable', 'Every seat of this intake is taken.');
  }
  const authorityId = step.authorityId ?? nomination.nomineeAuthorityId;
  const year = new Date().getFullYear();
  const [counter] = await manager.query(
    `INSERT INTO decision_counters (authority_id, year, last_number) VALUES ($1, $2, 1)
     ON CONFLICT (authority_id, year) DO UPDATE SET last_number = decision_counters.last_number + 1
     RETURNING last_number, (SELECT code FROM management_authorities WHERE id = $1) AS code`,
    [authorityId, year],
  );
  return `${String(counter.last_number).padStart(4, '0')}/QĐ-${counter.code}/${year}`;
}
