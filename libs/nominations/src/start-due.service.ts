import { DomainError, WorkContext } from '@app/common';
import { Injectable, Logger } from '@nestjs/common';
import { NominationService } from './nomination.service';

const BATCH_SIZE = 100;

/** A real calendar day written YYYY-MM-DD (not 2026-02-30). */
const isDay = (value: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
};

export interface StartDueResult {
  /** The organization day the run used (YYYY-MM-DD). */
  today: string;
  /** Ids of the nominations this run moved to `in_training`. */
  started: string[];
  /** Due nominations another transaction held locked; the next run picks them up. */
  skipped: number;
}

/**
 * The scheduled start: approved nominations whose intake begins today (in the organization's
 * calendar) or earlier move to `in_training`, the system acting (no user). Each is started
 * exactly as a person starts it (`NominationService.act`: the same transition, effects,
 * history row and event), in a transaction of its own, so a failure leaves the others done
 * and a second run finds nothing left. Rows locked by someone else (a user cancelling,
 * another worker) are skipped, not waited for.
 */
@Injectable()
export class StartDueService {
  private readonly logger = new Logger(StartDueService.name);

  constructor(private readonly nominations: NominationService) {}

  /** `ctx` is the job's, outside any transaction: each nomination gets its own. */
  async startDue(
    ctx: WorkContext<null>,
    today: string = ctx.clock.today(),
    batchSize = BATCH_SIZE,
  ): Promise<StartDueResult> {
    if (!isDay(today)) {
      throw new DomainError('INVALID_DATE', 'invalid', `"${today}" is not a date (YYYY-MM-DD).`);
    }
    const started: string[] = [];
    let skipped = 0;
    // Keyset over the ids: each due nomination is looked at once per run.
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const batch: Array<{ id: string }> = await ctx.manager.query(
        `SELECT n.id FROM nominations n JOIN intakes i ON i.id = n.intake_id
          WHERE n.status = 'approved' AND i.starts_on <= $1::date AND n.id > $2
          ORDER BY n.id LIMIT $3`,
        [today, after, batchSize],
      );
      for (const { id } of batch) {
        if (await this.startOne(ctx, id, today)) started.push(id);
        else skipped += 1;
      }
      if (batch.length < batchSize) break;
      after = batch[batch.length - 1].id;
    }
    if (started.length || skipped) {
      this.logger.log({ msg: 'Due nominations started', today, started: started.length, skipped });
    }
    return { today, started, skipped };
  }

  /** Starts one nomination if it is still approved and due and nobody holds it; else false. */
  private startOne(ctx: WorkContext<null>, id: string, today: string): Promise<boolean> {
    return ctx.transaction(async (tx) => {
      const [due]: Array<{ version: number }> = await tx.manager.query(
        `SELECT n.version FROM nominations n JOIN intakes i ON i.id = n.intake_id
          WHERE n.id = $1 AND n.status = 'approved' AND i.starts_on <= $2::date
            FOR UPDATE OF n SKIP LOCKED`,
        [id, today],
      );
      if (!due) return false;
      // Under the lock taken here, the action finds the version it was given.
      await this.nominations.act(tx, id, 'start', { version: due.version });
      return true;
    });
  }
}
