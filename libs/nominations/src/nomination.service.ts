import { Actor, ActorLoader, AnyCtx, Ctx, forbidden } from '@app/access';
import { BudgetService, FundCheck, Override, unusableFunds } from '@app/budget';
import { DomainError } from '@app/common';
import { StaffService } from '@app/organization';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { assertNoActiveNomination, writeNomination } from './active-nomination';
import { forgetOverrideFrom, keptOverride, overrideGiven } from './budget-override';
import type { ResolvedStep } from './chain';
import { committeeOutcome, CommitteeOutcome } from './committee';
import { grantCompletedQualification } from './completion-effects';
import {
  assignDecisionNumber,
  placeChain,
  releaseSeats,
  reserveBudget,
  takeSeat,
} from './decision-effects';
import type { DecisionIssue, IssuedDecision } from './decision-numbers';
import { activeDelegatedGrants } from './delegated-grants';
import { assertMayAct, mayNominate } from './nomination-access';
import {
  loadNomination,
  loadSteps,
  NominationRecord,
  recordTransition,
  StepRecord,
} from './nomination-records';
import { countStepHolders } from './step-actors';
import { SubmissionChecks } from './submission';
import { Action, Effect, State, transition } from './workflow/transitions';

export interface NewNomination {
  nomineeStaffId: string;
  intakeId: string;
  targetGroup: 1 | 2 | 3;
  justification: string;
  costLines: Array<{ fundId: string; amount: bigint }>;
  learnerShare: bigint;
  /** The nomination this draft copies (see nomination-copy.ts). */
  copiedFrom?: { id: string; reference: string };
}

export interface ActionInput {
  /** The version the caller saw; another version is a conflict. */
  version: number;
  comment?: string | null;
  /** Finance may let a `warn` fund pay beyond its money, with this reason. */
  overrideReason?: string | null;
  /** complete: whether the person completed the training (default true). */
  passed?: boolean;
  /** complete: the actual cost per fund; by default what was reserved. */
  actualCostLines?: Array<{ fundId: string; amount: bigint }>;
  /** approve (final): how the decision is issued; by default a single decision. */
  decision?: DecisionIssue;
}

/** What an action did: the state reached and, for a decision, the number issued. */
export interface ActionResult {
  status: State;
  budgetCheck?: FundCheck[];
  decision?: IssuedDecision;
}

/** Everything one action works with, handed to each effect's handler. */
interface ActionRun {
  /** The action's context, inside its transaction. */
  ctx: AnyCtx;
  action: Action;
  input: ActionInput;
  nomination: NominationRecord;
  steps: StepRecord[];
  /** The step that awaits a decision, if any. */
  step: StepRecord | undefined;
  /** The organization's day, read once for the whole action. */
  today: string;
  onBehalfOf: string | null;
  override: Override | undefined;
  /** The chain as the submission checks resolved it, for `resolve_chain` to freeze. */
  resolvedChain?: ResolvedStep[];
  budgetCheck?: FundCheck[];
  /** The fields the effects set beside the state. */
  next: Partial<NextFields>;
}

/** An effect's handler; `halt` ends the action there, its state unchanged (a pending vote). */
type EffectHandler = (run: ActionRun) => Promise<void | 'halt'>;

/** Effects that need the new state written first: the pipeline counts nominations in review. */
const AFTER_STATE_CHANGE: ReadonlySet<Effect> = new Set<Effect>(['warn_pipeline']);

/** What a step records as its outcome, for the actions that decide one. */
const STEP_OUTCOME: Partial<Record<Action, 'approved' | 'returned' | 'rejected'>> = {
  approve: 'approved',
  return: 'returned',
  reject: 'rejected',
};

/**
 * The nomination workflow. Each action runs in one transaction: the row lock, the version
 * check, the transition from the table, its effects (each through its handler below), one
 * history row and the table's outbox event, so a failed action leaves nothing behind.
 */
@Injectable()
export class NominationService {
  /** The one handler of each effect of the transition table. */
  private readonly effects: Record<Effect, EffectHandler>;

  constructor(
    private readonly staff: StaffService,
    private readonly budget: BudgetService,
    private readonly checks: SubmissionChecks,
    private readonly actors: ActorLoader,
  ) {
    this.effects = {
      check_eligibility_and_budget: async (run) => {
        const submitted = await this.checks.run(run.ctx.as(personOf(run)), run.nomination);
        run.budgetCheck = submitted.budgetCheck;
        run.resolvedChain = submitted.steps;
      },
      resolve_chain: async (run) => {
        if (!run.resolvedChain) throw new Error('resolve_chain follows the submission checks.');
        const first = await placeChain(run.ctx.manager, run.nomination, run.resolvedChain);
        run.next.currentStep = first;
        await forgetOverrideFrom(run.ctx.manager, run.nomination.id, first);
      },
      warn_pipeline: async (run) => {
        await this.budget.warnOnPipeline(run.ctx, run.nomination.id);
      },
      count_committee_vote: async (run) => {
        const step = stepOf(run);
        if (!step.committee) return;
        const decided = await this.castVote(run, step);
        // Until the committee decides, a vote changes the version and the record, not the state.
        if (decided === 'pending') return 'halt';
      },
      record_step_decision: async (run) => {
        await run.ctx.manager.query(
          `UPDATE nomination_steps SET state = $2, acted_by = $3, acted_at = now(), comment = $4, on_behalf_of = $5
            WHERE id = $1`,
          [
            stepOf(run).id,
            STEP_OUTCOME[run.action],
            run.ctx.actorUserId,
            run.input.comment ?? null,
            run.onBehalfOf,
          ],
        );
      },
      remember_returning_step: async (run) => {
        run.next.returnedAtStep = stepOf(run).position;
      },
      advance_step: async (run) => {
        run.next.currentStep = stepOf(run).position + 1;
      },
      reserve_budget: async (run) => {
        const override =
          run.override ??
          (await keptOverride(run.ctx, this.budget, this.actors, run.nomination.id, run.today));
        await reserveBudget(run.ctx, this.budget, run.nomination.id, override);
      },
      take_seat: async (run) => {
        await takeSeat(run.ctx.manager, run.nomination);
      },
      assign_decision_number: async (run) => {
        run.next.decision = await assignDecisionNumber(
          run.ctx.manager,
          run.ctx.clock,
          personOf(run).userId,
          run.nomination,
          stepOf(run),
          run.input.decision ?? { kind: 'single', meeting: null },
        );
      },
      release_budget: async (run) => {
        await this.budget.release(run.ctx, {
          nominationId: run.nomination.id,
          comment: run.input.comment,
        });
      },
      release_seat: async (run) => {
        await releaseSeats(run.ctx.manager, run.nomination);
      },
      settle_budget: async (run) => {
        const { manager } = run.ctx;
        const id = run.nomination.id;
        const lines = run.input.actualCostLines ?? (await this.budget.outstanding(run.ctx, id));
        const actor = personOf(run);
        await this.budget.settle(run.ctx, {
          nominationId: id,
          lines,
          override: run.override,
          settler: { actor, nomineeUnitPath: run.nomination.nomineeUnitPath },
        });
        await manager.query(`UPDATE nominations SET actual_cost = $2 WHERE id = $1`, [
          id,
          lines.reduce((sum, line) => sum + line.amount, 0n).toString(),
        ]);
      },
      grant_qualification: async (run) => {
        await grantCompletedQualification(run.ctx.as(personOf(run)), this.staff, run.nomination);
      },
    };
  }

  async create(ctx: Ctx, input: NewNomination): Promise<{ id: string; reference: string }> {
    return ctx.transaction(async (tx) => {
      const { actor, manager, clock } = tx;
      const nominee = await this.staff.get(tx, input.nomineeStaffId);
      const [unit] = await manager.query(`SELECT path FROM units WHERE id = $1`, [nominee.unitId]);
      if (!mayNominate(actor, unit.path)) {
        throw forbidden('Only a unit head over the nominee’s unit may nominate them.');
      }
      const [intake] = await manager.query(
        `SELECT (cost_tuition + cost_allowances + cost_travel + cost_other)::text AS estimate, starts_on
           FROM intakes WHERE id = $1`,
        [input.intakeId],
      );
      if (!intake)
        throw new DomainError('INTAKE_NOT_FOUND', 'not_found', `No intake ${input.intakeId}.`);
      await assertFundsUsable(manager, actor, input.costLines);
      await assertNoActiveNomination(manager, nominee.id, input.intakeId);
      // The organization's year, not the server's: 23:30 UTC on 31 December is already the new year.
      const year = clock.year();
      const [{ reference }] = await manager.query(
        `SELECT 'DT-' || $1::text || '-' || lpad(nextval('nomination_reference_seq')::text, 6, '0') AS reference`,
        [year],
      );
      const [{ id }] = await writeNomination(
        manager,
        `INSERT INTO nominations (reference, nominee_staff_id, intake_id, nominating_unit_id, nominator_user_id,
                                  target_group, justification, estimated_cost, learner_share, copied_from_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [
          reference,
          nominee.id,
          input.intakeId,
          nominee.unitId,
          actor.userId,
          input.targetGroup,
          input.justification,
          intake.estimate,
          input.learnerShare.toString(),
          input.copiedFrom?.id ?? null,
        ],
      );
      await this.insertCostLines(manager, id, input.costLines);
      await recordTransition(manager, {
        nominationId: id,
        action: 'create',
        from: null,
        to: 'draft',
        actorUserId: actor.userId,
        comment: input.copiedFrom ? `copied from ${input.copiedFrom.reference}` : null,
        event: null,
      });
      return { id, reference };
    });
  }

  /**
   * Changes a draft or returned nomination. A new intake, cost split or learner share is
   * material: the next submission then restarts the chain at step 1.
   */
  async edit(
    ctx: Ctx,
    id: string,
    version: number,
    changes: Partial<NewNomination>,
  ): Promise<void> {
    await ctx.transaction(async (tx) => {
      const { actor, manager } = tx;
      const nomination = await this.lockAtVersion(tx, id, version, tx.clock.today());
      const outcome = transition(nomination.status, 'edit');
      if (!outcome.ok) throw invalidTransition(nomination.status, 'edit', outcome.allowed);
      assertMayAct(actor, nomination, 'edit', undefined, []);
      const material =
        (changes.intakeId !== undefined && changes.intakeId !== nomination.intakeId) ||
        changes.costLines !== undefined ||
        (changes.learnerShare !== undefined && changes.learnerShare !== nomination.learnerShare);
      const intakeId = changes.intakeId ?? nomination.intakeId;
      const [intake] = await manager.query(
        `SELECT (cost_tuition + cost_allowances + cost_travel + cost_other)::text AS estimate FROM intakes WHERE id = $1`,
        [intakeId],
      );
      if (!intake) throw new DomainError('INTAKE_NOT_FOUND', 'not_found', `No intake ${intakeId}.`);
      if (intakeId !== nomination.intakeId) {
        await assertNoActiveNomination(manager, nomination.nomineeStaffId, intakeId, id);
      }
      if (changes.costLines) {
        await assertFundsUsable(manager, actor, changes.costLines);
        await manager.query(`DELETE FROM nomination_cost_lines WHERE nomination_id = $1`, [id]);
        await this.insertCostLines(manager, id, changes.costLines);
      }
      await writeNomination(
        manager,
        `UPDATE nominations
            SET intake_id = $2, estimated_cost = $3, target_group = coalesce($4, target_group),
                justification = coalesce($5, justification), learner_share = coalesce($6, learner_share),
                material_changed = material_changed OR $7, version = version + 1, updated_at = now()
          WHERE id = $1 AND version = $8`,
        [
          id,
          intakeId,
          intake.estimate,
          changes.targetGroup ?? null,
          changes.justification ?? null,
          changes.learnerShare?.toString() ?? null,
          material,
          version,
        ],
      );
      // Editing is not a change of state: history records it; no event is published.
      await recordTransition(manager, {
        nominationId: id,
        action: 'edit',
        from: nomination.status,
        to: nomination.status,
        actorUserId: actor.userId,
        comment: material ? 'material change: the chain restarts at step 1' : null,
        event: null,
      });
    });
  }

  /**
   * Takes `action` on the nomination: a person's request (Ctx), or the system's own work
   * (a WorkContext<null>: the scheduled start) where the table lets the system act.
   */
  async act(ctx: AnyCtx, id: string, action: Action, input: ActionInput): Promise<ActionResult> {
    return ctx.transaction(async (tx) => {
      // One reading of the organization's day for the whole action.
      const today = tx.clock.today();
      const nomination = await this.lockAtVersion(tx, id, input.version, today);
      const steps = await loadSteps(tx.manager, id);
      const step = steps.find((candidate) => candidate.position === nomination.currentStep);
      const outcome = transition(nomination.status, action, {
        comment: input.comment,
        isLastStep: step !== undefined && step.position === steps.length,
        passed: input.passed ?? true,
      });
      if (!outcome.ok) {
        throw outcome.code === 'INVALID_TRANSITION'
          ? invalidTransition(nomination.status, action, outcome.allowed)
          : new DomainError('COMMENT_REQUIRED', 'invalid', `A comment is required to ${action}.`, {
              errors: [
                { field: 'comment', message: `comment is required to ${action}`, code: 'REQUIRED' },
              ],
            });
      }
      const delegated = tx.actor
        ? await activeDelegatedGrants(tx.manager, tx.actor.userId, today)
        : [];
      const { onBehalfOf } = assertMayAct(tx.actor, nomination, action, step, steps, delegated);
      const run: ActionRun = {
        ctx: tx,
        action,
        input,
        nomination,
        steps,
        step,
        today,
        onBehalfOf,
        override: undefined,
        next: {},
      };
      if (input.overrideReason) {
        run.override = await overrideGiven(
          tx,
          this.budget,
          personOf(run),
          delegated,
          nomination,
          step,
          action,
          outcome.effects,
          input.overrideReason,
        );
      }
      for (const effect of outcome.effects.filter((name) => !AFTER_STATE_CHANGE.has(name))) {
        if ((await this.effects[effect](run)) === 'halt') return { status: nomination.status };
      }
      await this.save(tx.manager, nomination, outcome.to, run.next);
      for (const effect of outcome.effects.filter((name) => AFTER_STATE_CHANGE.has(name))) {
        await this.effects[effect](run);
      }
      const { next } = run;
      await recordTransition(tx.manager, {
        nominationId: id,
        action,
        from: nomination.status,
        to: outcome.to,
        stepPosition: step?.position ?? null,
        actorUserId: tx.actorUserId,
        onBehalfOf,
        comment: input.comment ?? null,
        event: outcome.event,
        payload: {
          reference: nomination.reference,
          step: step?.position ?? null,
          // The step that now awaits a decision (or, once withdrawn, awaited one).
          waitingStep:
            outcome.to === 'in_review'
              ? (next.currentStep ?? nomination.currentStep)
              : action === 'withdraw'
                ? nomination.currentStep
                : null,
          ...(next.decision
            ? {
                decisionNumber: next.decision.number,
                decisionKind: next.decision.kind,
                ...(next.decision.line ? { decisionLine: next.decision.line } : {}),
              }
            : {}),
        },
      });
      return { status: outcome.to, budgetCheck: run.budgetCheck, decision: next.decision };
    });
  }

  /**
   * Records a member's vote on a committee step and says whether the committee has now
   * decided. One vote per member; the vote that decides carries on as the step's action.
   */
  private async castVote(run: ActionRun, step: StepRecord): Promise<CommitteeOutcome> {
    const { manager } = run.ctx;
    const { nomination, input, onBehalfOf } = run;
    const actor = personOf(run);
    const vote = run.action;
    const inserted = await manager.query(
      `INSERT INTO nomination_votes (step_id, member_user_id, on_behalf_of, vote, comment)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING step_id`,
      [step.id, actor.userId, onBehalfOf, vote, input.comment ?? null],
    );
    if (!inserted.length) {
      throw new DomainError('ALREADY_VOTED', 'conflict', 'You have already voted on this step.');
    }
    const [counts] = await manager.query(
      `SELECT count(*) FILTER (WHERE vote = 'approve')::int AS approve,
              count(*) FILTER (WHERE vote = 'reject')::int AS reject
         FROM nomination_votes WHERE step_id = $1`,
      [step.id],
    );
    const outcome = committeeOutcome(
      step.committee!,
      await countStepHolders(manager, step, run.today),
      counts,
    );
    if (outcome === 'pending') {
      await this.save(manager, nomination, nomination.status, {});
      await recordTransition(manager, {
        nominationId: nomination.id,
        action: `vote_${vote}`,
        from: nomination.status,
        to: nomination.status,
        stepPosition: step.position,
        actorUserId: actor.userId,
        onBehalfOf,
        comment: `${counts.approve} for, ${counts.reject} against${input.comment ? `: ${input.comment}` : ''}`,
        event: null,
      });
    }
    return outcome;
  }

  private async lockAtVersion(ctx: AnyCtx, id: string, version: number, today: string) {
    const nomination = await loadNomination(ctx.manager, ctx.actor, id, today, true);
    if (nomination.version !== version) {
      throw new DomainError(
        'VERSION_CONFLICT',
        'conflict',
        `The nomination changed since version ${version}; it is now at version ${nomination.version}.`,
        { currentVersion: nomination.version },
      );
    }
    return nomination;
  }

  private async insertCostLines(
    manager: EntityManager,
    id: string,
    lines: Array<{ fundId: string; amount: bigint }>,
  ) {
    for (const line of lines) {
      await manager
        .query(
          `INSERT INTO nomination_cost_lines (nomination_id, fund_id, amount) VALUES ($1, $2, $3)`,
          [id, line.fundId, line.amount.toString()],
        )
        .catch((error: { driverError?: { code?: string } }) => {
          const code = error.driverError?.code;
          if (code === '23503') throw unknownFund(line.fundId);
          if (code === '23505')
            throw new DomainError('DUPLICATE_FUND', 'invalid', 'Each fund may appear once.');
          throw error;
        });
    }
  }

  private async save(
    manager: EntityManager,
    nomination: NominationRecord,
    to: State,
    next: Partial<NextFields>,
  ) {
    await manager.query(
      `UPDATE nominations
          SET status = $2, version = version + 1, updated_at = now(),
              current_step = CASE WHEN $2 IN ('in_review', 'returned') THEN coalesce($3, current_step) ELSE NULL END,
              returned_at_step = coalesce($4, CASE WHEN $2 = 'in_review' THEN NULL ELSE returned_at_step END),
              material_changed = CASE WHEN $2 = 'in_review' THEN false ELSE material_changed END,
              decision_number = coalesce($5, decision_number),
              decision_id = coalesce($7, decision_id),
              decision_line = CASE WHEN $7 IS NOT NULL THEN $8 ELSE decision_line END,
              decided_at = CASE WHEN $5 IS NOT NULL THEN now() ELSE decided_at END,
              submitted_at = CASE WHEN $2 = 'in_review' AND status IN ('draft', 'returned') THEN now() ELSE submitted_at END
        WHERE id = $1 AND version = $6`,
      [
        nomination.id,
        to,
        next.currentStep ?? null,
        next.returnedAtStep ?? null,
        next.decision?.number ?? null,
        nomination.version,
        next.decision?.id ?? null,
        next.decision?.line ?? null,
      ],
    );
    // The step that now waits starts its clock (read by the workflow performance report).
    if (to === 'in_review' && next.currentStep) {
      await manager.query(
        `UPDATE nomination_steps SET started_at = now() WHERE nomination_id = $1 AND position = $2`,
        [nomination.id, next.currentStep],
      );
    }
  }
}

/** The fields an action may set beside the state. */
interface NextFields {
  currentStep: number | null;
  returnedAtStep: number | null;
  decision: IssuedDecision;
}

/** The person acting: only actions whose effects the system never takes need one. */
function personOf(run: ActionRun): Actor {
  if (!run.ctx.actor) throw new Error(`The system cannot ${run.action} a nomination.`);
  return run.ctx.actor;
}

/** The step that awaits a decision: the one the step's effects act on. */
function stepOf(run: ActionRun): StepRecord {
  if (!run.step) throw new Error(`${run.action} needs the step that awaits a decision.`);
  return run.step;
}

function invalidTransition(status: State, action: Action, allowed: Action[]): DomainError {
  return new DomainError(
    'INVALID_TRANSITION',
    'conflict',
    `A nomination that is ${status} cannot take the action "${action}"; allowed: ${allowed.join(', ') || 'nothing'}.`,
    { allowedActions: allowed },
  );
}

/** A fund the caller may not use is refused exactly like one that does not exist. */
async function assertFundsUsable(
  manager: EntityManager,
  actor: Actor,
  lines: Array<{ fundId: string }>,
): Promise<void> {
  const [unusable] = await unusableFunds(
    manager,
    actor,
    lines.map((line) => line.fundId),
  );
  if (unusable) throw unknownFund(unusable);
}

function unknownFund(fundId: string): DomainError {
  return new DomainError(
    'UNKNOWN_REFERENCE',
    'unprocessable',
    'A fund of the cost split does not exist.',
    {
      errors: [
        {
          field: 'costLines',
          message: `No fund ${fundId}`,
          code: 'UNKNOWN_FUND',
          params: { fundId },
        },
      ],
    },
  );
}
