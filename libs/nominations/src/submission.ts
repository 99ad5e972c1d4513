import { Ctx } from '@app/access';
import { BudgetService, FundCheck, SplitFund, unusableFunds, validateCostSplit } from '@app/budget';
import { EligibilityService, FundingSource } from '@app/catalog';
import { DomainError } from '@app/common';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { assertNoActiveNomination } from './active-nomination';
import type { ResolvedStep } from './chain';
import { loadChainFacts, resolveChain } from './chain-resolution';
import { loadCostLines, NominationRecord } from './nomination-records';

interface IntakeFacts {
  id: string;
  startsOn: string;
  nominationOpensOn: string;
  nominationClosesOn: string;
  seatsTotal: number;
  seatsTaken: number;
  allowedSources: FundingSource[];
  category: string;
  overseas: boolean;
  tierId: string;
}

/**
 * Everything checked when a nomination is submitted, each refusal with its own code:
 * eligibility (every failed rule), the nomination window and seats, the cost split (every
 * problem), and an approval chain whose every step has someone to act on it. The budget
 * check is not a refusal here: it is returned and recorded, and blocks only at the decision.
 */
@Injectable()
export class SubmissionChecks {
  constructor(
    private readonly eligibility: EligibilityService,
    private readonly budget: BudgetService,
  ) {}

  /** Runs in the submission's transaction, as the person submitting (`tx.actor`). */
  async run(
    tx: Ctx,
    nomination: NominationRecord,
  ): Promise<{ steps: ResolvedStep[]; budgetCheck: FundCheck[] }> {
    const { manager, actor } = tx;
    const intake = await this.intake(manager, nomination);
    await assertNoActiveNomination(
      manager,
      nomination.nomineeStaffId,
      nomination.intakeId,
      nomination.id,
    );
    const today = tx.clock.today();
    if (today < intake.nominationOpensOn || today > intake.nominationClosesOn) {
      throw new DomainError(
        'NOMINATION_WINDOW_CLOSED',
        'unprocessable',
        `Nominations for this intake are accepted from ${intake.nominationOpensOn} to ${intake.nominationClosesOn}.`,
      );
    }
    if (intake.seatsTaken >= intake.seatsTotal) {
      throw new DomainError('INTAKE_FULL', 'unprocessable', 'Every seat of this intake is taken.');
    }
    const verdict = await this.eligibility.verdict(
      tx,
      nomination.intakeId,
      nomination.nomineeStaffId,
      nomination.targetGroup,
    );
    if (!verdict.eligible) {
      throw new DomainError(
        'NOT_ELIGIBLE',
        'unprocessable',
        'The nominee does not meet the eligibility rules.',
        {
          failures: verdict.failures,
        },
      );
    }
    const lines = await loadCostLines(manager, nomination.id);
    // A fund the submitter may not use counts as unknown: its code and figures stay hidden.
    const unusable = new Set(
      await unusableFunds(
        manager,
        actor,
        lines.map((line) => line.fundId),
      ),
    );
    const funds = await this.funds(
      manager,
      lines.map((line) => line.fundId).filter((id) => !unusable.has(id)),
    );
    const errors = validateCostSplit(
      { lines, learnerShare: nomination.learnerShare },
      {
        estimate: nomination.estimatedCost,
        fiscalYear: Number(intake.startsOn.slice(0, 4)),
        allowedSources: intake.allowedSources,
        nomineeUnitPath: nomination.nomineeUnitPath,
        funds,
      },
    );
    if (errors.length) {
      throw new DomainError(
        'INVALID_COST_SPLIT',
        'unprocessable',
        'The cost split is invalid; see errors.',
        { errors },
      );
    }
    const steps = await this.chain(manager, nomination, intake, lines, today);
    return { steps, budgetCheck: await this.budget.check(tx, lines, nomination.id) };
  }

  /**
   * Read under a key-share lock: the intake's own update (FOR UPDATE) waits for this
   * submission, so it cannot move to another year meanwhile; seat counts are not blocked.
   */
  private async intake(manager: EntityManager, nomination: NominationRecord): Promise<IntakeFacts> {
    const [row] = await manager.query(
      `SELECT i.id, i.starts_on::text AS "startsOn", i.nomination_opens_on::text AS "nominationOpensOn",
              i.nomination_closes_on::text AS "nominationClosesOn", i.seats_total AS "seatsTotal",
              i.seats_taken AS "seatsTaken", i.allowed_sources AS "allowedSources", p.category, p.overseas,
              u.tier_id AS "tierId"
         FROM intakes i JOIN programs p ON p.id = i.program_id
         JOIN staff s ON s.id = $2 JOIN units u ON u.id = s.unit_id
        WHERE i.id = $1
          FOR KEY SHARE OF i`,
      [nomination.intakeId, nomination.nomineeStaffId],
    );
    if (!row)
      throw new DomainError('INTAKE_NOT_FOUND', 'not_found', `No intake ${nomination.intakeId}.`);
    return row;
  }

  private async funds(
    manager: EntityManager,
    ids: string[],
  ): Promise<Map<string, SplitFund & { ownerUnitId: string }>> {
    const rows = ids.length
      ? await manager.query(
          `SELECT f.id, f.code, f.status, f.source, f.fiscal_year AS "fiscalYear", u.path AS "ownerUnitPath",
                  f.owner_unit_id AS "ownerUnitId"
             FROM funds f JOIN units u ON u.id = f.owner_unit_id WHERE f.id = ANY($1::uuid[])`,
          [ids],
        )
      : [];
    return new Map(rows.map((row: SplitFund & { ownerUnitId: string }) => [row.id, row]));
  }

  private async chain(
    manager: EntityManager,
    nomination: NominationRecord,
    intake: IntakeFacts,
    lines: Array<{ fundId: string; amount: bigint }>,
    today: string,
  ): Promise<ResolvedStep[]> {
    const facts = await loadChainFacts(manager, {
      managingAuthorityId: nomination.nomineeAuthorityId,
      tierId: intake.tierId,
      category: intake.category,
      overseas: intake.overseas,
      estimatedCost: nomination.estimatedCost,
      lines,
    });
    const { policy, steps } = await resolveChain(manager, facts, today);
    if (!policy) {
      throw new DomainError(
        'CHAIN_INCOMPLETE',
        'unprocessable',
        'No approval policy applies to this nomination.',
      );
    }
    for (const step of steps) {
      if (step.holders.length === 0) {
        throw new DomainError(
          'CHAIN_INCOMPLETE',
          'unprocessable',
          `Step ${step.position} needs a ${step.role} over ${step.authorityId ? `authority ${step.authorityId}` : `unit ${step.unitId}`}, and nobody holds that role.`,
          {
            position: step.position,
            role: step.role,
            authorityId: step.authorityId,
            unitId: step.unitId,
          },
        );
      }
    }
    return steps.map(({ holders: _holders, ...step }) => step);
  }
}
