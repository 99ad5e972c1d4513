import { Actor, ActorLoader, AnyCtx } from '@app/access';
import { BudgetService, Override } from '@app/budget';
import { DomainError } from '@app/common';
import type { EntityManager } from 'typeorm';
import { activeDelegatedGrants, DelegatedGrant, withDelegatedGrants } from './delegated-grants';
import { loadCostLines, NominationRecord } from './nomination-records';
import type { Action, Effect } from './workflow/transitions';

/**
 * An `overrideReason` lets a `warn` fund pay beyond its money. It is finance's alone, over
 * every fund concerned, on every path; anyone else who sends one is refused
 * (`OVERRIDE_NOT_ALLOWED`), never ignored.
 *
 * - On the approval that decides, and on completion, it applies at once: the budget checks
 *   it against the funds the movement charges.
 * - On an earlier approval (finance's own step of the chain, before the Standing Committee
 *   decides) it is checked against the nomination's funds and kept on the nomination; the
 *   decision honours it while its author may still give it.
 * - On any other action nothing moves, so it is refused (`OVERRIDE_NOT_APPLICABLE`).
 *
 * A grant lent to the caller counts as theirs: a delegate acting for finance overrides as
 * finance would.
 */
export async function overrideGiven(
  tx: AnyCtx,
  budget: BudgetService,
  actor: Actor,
  delegated: DelegatedGrant[],
  nomination: NominationRecord,
  step: { position: number } | undefined,
  action: Action,
  effects: readonly Effect[],
  reason: string | null | undefined,
): Promise<Override | undefined> {
  if (!reason) return undefined;
  const override: Override = { reason, by: withDelegatedGrants(actor, delegated) };
  if (effects.includes('reserve_budget') || effects.includes('settle_budget')) return override;
  await budget.authorizeOverride(tx, override, await costLineFunds(tx.manager, nomination.id));
  // Only an approval that moves the chain on keeps an override for the decision to come.
  if (!effects.includes('advance_step') || !step) {
    throw new DomainError(
      'OVERRIDE_NOT_APPLICABLE',
      'invalid',
      `An override applies to an approval or to the completion; ${action} moves no money.`,
      {
        errors: [
          {
            field: 'overrideReason',
            message: `overrideReason is not taken by ${action}`,
            code: 'NOT_APPLICABLE',
          },
        ],
      },
    );
  }
  await tx.manager.query(
    `UPDATE nominations
        SET budget_override_reason = $2, budget_override_by = $3, budget_override_step = $4
      WHERE id = $1`,
    [nomination.id, reason, actor.userId, step.position],
  );
  return undefined;
}

/**
 * The override kept from an earlier step, if its author may still give it today (a finance
 * officer who has since lost the grant no longer lets the fund go beyond its money).
 */
export async function keptOverride(
  tx: AnyCtx,
  budget: BudgetService,
  actors: ActorLoader,
  nominationId: string,
  today: string,
): Promise<Override | undefined> {
  const { manager } = tx;
  const [kept] = await manager.query(
    `SELECT budget_override_reason AS reason, budget_override_by AS "byUserId"
       FROM nominations WHERE id = $1 AND budget_override_reason IS NOT NULL`,
    [nominationId],
  );
  if (!kept) return undefined;
  const author = await actors.load(tx, kept.byUserId);
  if (!author) return undefined;
  const by = withDelegatedGrants(
    author,
    await activeDelegatedGrants(manager, author.userId, today),
  );
  const funds = await costLineFunds(manager, nominationId);
  return (await budget.mayOverride(tx, by, funds)) ? { reason: kept.reason, by } : undefined;
}

/**
 * Forgets a kept override when the step it was given at is to be decided again: after a
 * material change (the chain restarts) or a return to that step or before it.
 */
export async function forgetOverrideFrom(
  manager: EntityManager,
  nominationId: string,
  fromStep: number,
): Promise<void> {
  await manager.query(
    `UPDATE nominations
        SET budget_override_reason = NULL, budget_override_by = NULL, budget_override_step = NULL
      WHERE id = $1 AND budget_override_step >= $2`,
    [nominationId, fromStep],
  );
}

const costLineFunds = async (manager: EntityManager, nominationId: string) =>
  (await loadCostLines(manager, nominationId)).map((line) => line.fundId);
