import { AnyCtx } from '@app/access';
import { DomainError } from '@app/common';
import { COMPLIANCE_COUNTS_SQL, COUNTED_STAFF_SQL } from '@app/organization';
import { Injectable, Logger } from '@nestjs/common';

/** A real calendar day written YYYY-MM-DD (not 2026-02-30). */
export function isDay(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export interface SnapshotResult {
  /** The day the rows were recorded under. */
  date: string;
  /** Units with active staff, one row each. */
  units: number;
  /** Active staff counted. */
  staff: number;
  /** Rows of that day left from an earlier run for units that no longer have active staff. */
  removed: number;
}

/**
 * Dated standards compliance: for each unit with active staff placed directly in it, how
 * many there are and how many meet each measure (the counts of `COMPLIANCE_COUNTS_SQL`),
 * recorded under a day. The daily job takes one; the compliance report at a past date and
 * the trend read them, so history costs one row per unit and day, whatever the staff count.
 */
@Injectable()
export class ComplianceSnapshotsService {
  private readonly logger = new Logger(ComplianceSnapshotsService.name);

  /**
   * Counts the staff as they are now and records the counts under `date` (by default the
   * organization's today), replacing whatever that day held: taking the same day twice
   * leaves the second result only. A day after today is refused; an earlier day is
   * accepted (the figures are still today's), for a day the job missed.
   */
  async take(ctx: AnyCtx, date: string = ctx.clock.today()): Promise<SnapshotResult> {
    if (!isDay(date)) {
      throw new DomainError('INVALID_DATE', 'invalid', `"${date}" is not a date (YYYY-MM-DD).`);
    }
    if (date > ctx.clock.today()) {
      throw new DomainError(
        'INVALID_DATE',
        'invalid',
        `${date} is in the future; a snapshot records the staff as they are now.`,
      );
    }
    const [result] = await ctx.transaction(async (tx) => {
      // Two runs for the same day (a retry beside the schedule) take turns.
      await tx.manager.query(
        `SELECT pg_advisory_xact_lock(hashtext('compliance_snapshot:' || $1))`,
        [date],
      );
      // One statement, so every unit is counted from the same view of the staff.
      return tx.manager.query(
        `WITH counted AS (
           SELECT u.id AS unit_id, u.tier_id, ${COMPLIANCE_COUNTS_SQL}
             FROM staff s
             JOIN units u ON u.id = s.unit_id
             LEFT JOIN positions p ON p.id = s.position_id
            WHERE ${COUNTED_STAFF_SQL}
            GROUP BY u.id, u.tier_id
         ), written AS (
           INSERT INTO compliance_snapshots
             (taken_on, unit_id, tier_id, staff, with_position, meeting_standard, university,
              political_theory)
           SELECT $1::date, unit_id, tier_id, total, with_position, meeting, university, theory
             FROM counted
           ON CONFLICT (taken_on, unit_id) DO UPDATE SET
             tier_id = EXCLUDED.tier_id,
             staff = EXCLUDED.staff,
             with_position = EXCLUDED.with_position,
             meeting_standard = EXCLUDED.meeting_standard,
             university = EXCLUDED.university,
             political_theory = EXCLUDED.political_theory,
             -- The day counted now replaces figures imported for it.
             source = 'computed'
           RETURNING staff
         ), removed AS (
           DELETE FROM compliance_snapshots c
            WHERE c.taken_on = $1::date
              AND NOT EXISTS (SELECT 1 FROM counted WHERE counted.unit_id = c.unit_id)
           RETURNING 1
         )
         SELECT (SELECT count(*)::int FROM written) AS units,
                (SELECT coalesce(sum(staff), 0)::int FROM written) AS staff,
                (SELECT count(*)::int FROM removed) AS removed`,
        [date],
      );
    });
    const taken: SnapshotResult = { date, ...result };
    this.logger.log({ msg: 'Compliance snapshot taken', ...taken });
    return taken;
  }
}
