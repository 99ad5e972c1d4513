import { Clock, DomainError } from '@app/common';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { recordTransition } from './nomination-records';
import { transition } from './workflow/transitions';

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
 * calendar) or earlier move to `in_training`, the system acting (no user). Each nomination
 * is started in a transaction of its own, under its row lock, with one history row and one
 * outbox event, so a failure leaves the others done and a second run finds nothing left.
 * Rows locked by someone else (a user cancelling, another worker) are skipped, not waited for.
 */
@Injectable()
export class StartDueService {
  private readonly logger = new Logger(StartDueService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async startDue(
    today: string = this.clock.today(),
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
      const batch: Array<{ id: string }> = await this.dataSource.query(
        `SELECT n.id FROM nominations n JOIN intakes i ON i.id = n.intake_id
          WHERE n.status = 'approved' AND i.starts_on <= $1::date AND n.id > $2
          ORDER BY n.id LIMIT $3`,
        [today, after, batchSize],
      );
      for (const { id } of batch) {
        const done = await this.dataSource.transaction((manager) =>
          this.startOne(manager, id, today),
        );
        if (done) started.push(id);
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
  private async startOne(manager: EntityManager, id: string, today: string): Promise<boolean> {
    const [nomination]: Array<{
      id: string;
      reference: string;
      status: 'approved';
      version: number;
      startsOn: string;
    }> = await manager.query(
      `SELECT n.id, n.reference, n.status, n.version, i.starts_on::text AS "startsOn"
         FROM nominations n JOIN intakes i ON i.id = n.intake_id
        WHERE n.id = $1 AND n.status = 'approved' AND i.starts_on <= $2::date
          FOR UPDATE OF n SKIP LOCKED`,
      [id, today],
    );
    if (!nomination) return false;
    const outcome = transition(nomination.status, 'start');
    if (!outcome.ok) return false;
    const updated: unknown[] = await manager.query(
      `UPDATE nominations
          SET status = $2, version = version + 1, current_step = NULL, updated_at = now()
        WHERE id = $1 AND version = $3
        RETURNING id`,
      [id, outcome.to, nomination.version],
    );
    // TypeORM answers an UPDATE ... RETURNING with [rows, count].
    const rows = Array.isArray(updated[0]) ? updated[0] : updated;
    if (rows.length !== 1) return false;
    await recordTransition(manager, {
      nominationId: id,
      action: 'start',
      from: nomination.status,
      to: outcome.to,
      actorUserId: null,
      comment: null,
      event: 'nomination.started',
      payload: {
        reference: nomination.reference,
        step: null,
        intakeStartsOn: nomination.startsOn,
        scheduled: true,
      },
    });
    return true;
  }
}
