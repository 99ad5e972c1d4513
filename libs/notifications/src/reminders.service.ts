import { workingDaysElapsed, type WorkContext } from '@app/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { Inject, Injectable } from '@nestjs/common';

/** The reminder scan, every 15 minutes. */
export const REMINDERS_SCHEDULER_ID = 'notifications.reminders.quarter-hourly';
export const REMINDERS_PATTERN = '*/15 * * * *';

type Level = 'reminder' | 'escalation';

const EVENT_OF: Record<Level, string> = {
  reminder: 'nomination.reminder',
  escalation: 'nomination.escalated',
};

/**
 * Finds steps that have waited too long and writes a reminder (to the step's approvers) or
 * an escalation (to the authority's board members) as an outbox event. The row in
 * `step_reminders` makes each level happen once per wait, whichever worker scans first.
 */
@Injectable()
export class RemindersService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async scan(
    ctx: WorkContext<null>,
    now: Date = ctx.clock.now(),
  ): Promise<{ reminders: number; escalations: number }> {
    // A step waits from when it became the current one (`started_at`, set by the
    // workflow). N working days are at least N calendar days, which narrows the candidates.
    const waiting: Array<{ id: string; step: number; since: Date; sent: Level[] }> =
      await ctx.manager.query(
        `SELECT n.id, n.current_step AS step,
                -- Milliseconds, as a JavaScript Date holds it, so it matches what was recorded.
                date_trunc('milliseconds', st.started_at) AS since,
                coalesce(array_agg(r.level) FILTER (WHERE r.level IS NOT NULL), '{}') AS sent
           FROM nominations n
           JOIN nomination_steps st ON st.nomination_id = n.id AND st.position = n.current_step
           LEFT JOIN step_reminders r
             ON r.nomination_id = n.id AND r.step_position = n.current_step
            AND r.waiting_since = date_trunc('milliseconds', st.started_at)
          WHERE n.status = 'in_review'
            AND st.started_at <= $1::timestamptz - make_interval(days => $2)
          GROUP BY n.id, n.current_step, st.started_at`,
        [now.toISOString(), this.config.REMINDER_WORKING_DAYS],
      );
    const counts = { reminders: 0, escalations: 0 };
    for (const nomination of waiting) {
      const days = workingDaysElapsed(new Date(nomination.since), now);
      const due: Level[] = [];
      if (days >= this.config.REMINDER_WORKING_DAYS) due.push('reminder');
      if (days >= this.config.ESCALATION_WORKING_DAYS) due.push('escalation');
      for (const level of due.filter((level) => !nomination.sent.includes(level))) {
        if (await this.record(ctx, nomination, level, days)) {
          counts[level === 'reminder' ? 'reminders' : 'escalations'] += 1;
        }
      }
    }
    return counts;
  }

  private async record(
    ctx: WorkContext<null>,
    nomination: { id: string; step: number; since: Date },
    level: Level,
    workingDays: number,
  ): Promise<boolean> {
    return ctx.transaction(async ({ manager }) => {
      const inserted = await manager.query(
        // Only while the step still waits: an approval since the scan ends the wait.
        `INSERT INTO step_reminders (nomination_id, step_position, waiting_since, level)
         SELECT $1::uuid, $2::smallint, $3::timestamptz, $4::text FROM nominations
          WHERE id = $1::uuid AND status = 'in_review' AND current_step = $2::smallint
         ON CONFLICT DO NOTHING RETURNING level`,
        [nomination.id, nomination.step, nomination.since, level],
      );
      if (!inserted.length) return false;
      await manager.query(
        `INSERT INTO outbox_events (type, aggregate_id, payload) VALUES ($1, $2, $3::jsonb)`,
        [
          EVENT_OF[level],
          nomination.id,
          JSON.stringify({
            waitingStep: nomination.step,
            waitingSince: new Date(nomination.since).toISOString(),
            workingDays,
            level,
          }),
        ],
      );
      return true;
    });
  }
}
