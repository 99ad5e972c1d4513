import { Ctx } from '@app/access';
import { DomainError } from '@app/common';
import { Injectable } from '@nestjs/common';
import { NominationService } from './nomination.service';
import { loadCostLines, loadNomination } from './nomination-records';
import type { State } from './workflow/transitions';

/**
 * A nomination that ended before the training (withdrawn, rejected, or cancelled after its
 * decision) may be copied as a new draft. An active one may not: the copy would be a second
 * active nomination of the same person for the same intake.
 */
export const COPYABLE_FROM: State[] = ['withdrawn', 'rejected', 'cancelled'];

export function mayCopyFrom(status: State): boolean {
  return COPYABLE_FROM.includes(status);
}

export interface CopiedNomination {
  id: string;
  reference: string;
  /** False when the intake no longer takes nominations: pick another before submitting. */
  intakeOpen: boolean;
}

/** "Copy as a new draft": same nominee, intake, target group, justification and cost split. */
@Injectable()
export class NominationCopies {
  constructor(private readonly nominations: NominationService) {}

  async copy(ctx: Ctx, id: string): Promise<CopiedNomination> {
    return ctx.transaction(async (tx) => {
      const { actor, manager } = tx;
      const today = tx.clock.today();
      // 404 for a nomination out of the caller's scope, before anything else is said of it.
      const source = await loadNomination(manager, actor, id, today);
      if (!mayCopyFrom(source.status)) {
        throw new DomainError(
          'NOT_COPYABLE',
          'conflict',
          `A nomination that is ${source.status} cannot be copied; only one that is ${COPYABLE_FROM.join(', ')}.`,
          { status: source.status, copyableFrom: COPYABLE_FROM },
        );
      }
      const lines = await loadCostLines(manager, id);
      // The unit head's own rules apply as for a new draft (scope, funds, one active per intake).
      const created = await this.nominations.create(tx, {
        nomineeStaffId: source.nomineeStaffId,
        intakeId: source.intakeId,
        targetGroup: source.targetGroup,
        justification: source.justification,
        costLines: lines,
        learnerShare: source.learnerShare,
        copiedFrom: { id: source.id, reference: source.reference },
      });
      const [intake] = await manager.query(
        `SELECT active AND nomination_closes_on >= $2::date AS open FROM intakes WHERE id = $1`,
        [source.intakeId, today],
      );
      return { ...created, intakeOpen: Boolean(intake?.open) };
    });
  }
}
