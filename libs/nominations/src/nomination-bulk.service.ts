import { Ctx } from '@app/access';
import { Injectable } from '@nestjs/common';
import { NewNomination, NominationService } from './nomination.service';

export type BulkOutcome =
  | { nomineeStaffId: string; ok: true; id: string; reference: string }
  | { nomineeStaffId: string; ok: false; error: unknown };

/**
 * Nominates several people for one intake. Each person is created on their own, in their
 * own transaction, so one refusal does not stop the
 * others; outcomes come back in order.
 */
@Injectable()
export class BulkNominations {
  constructor(private readonly nominations: NominationService) {}

  /** `input` builds each person's nomination; a failure to build it is that person's outcome. */
  async createEach(
    ctx: Ctx,
    people: Array<{ nomineeStaffId: string; input: () => NewNomination }>,
  ): Promise<BulkOutcome[]> {
    ctx.assertOutsideTransaction('A bulk nomination');
    const outcomes: BulkOutcome[] = [];
    for (const { nomineeStaffId, input } of people) {
      try {
        const { id, reference } = await this.nominations.create(ctx, input());
        outcomes.push({ nomineeStaffId, ok: true, id, reference });
      } catch (error) {
        outcomes.push({ nomineeStaffId, ok: false, error });
      }
    }
    return outcomes;
  }
}
