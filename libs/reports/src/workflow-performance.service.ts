import { Actor, Ctx } from '@app/access';
import {
  DomainError,
  ORGANIZATION_TIME_ZONE,
  organizationDay,
  workingDaysElapsed,
} from '@app/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { query } from '@app/database';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { columns, ReportResult, ReportTable } from './report-table';
import { reportScope } from './scope';
import { unitPath } from './training-summary.service';

export type StepRole = 'board_reviewer' | 'board_member' | 'finance';

/** What the organization's documents call each step's role. */
export const STEP_ROLE_LABELS: Record<StepRole, string> = {
  board_reviewer: 'Ban Tổ chức (thẩm định)',
  board_member: 'Ban Thường vụ',
  finance: 'Tài chính',
};

/** Days in the default period, ending today (the organization's day). */
export const WORKFLOW_PERIOD_DAYS = 365;

/** How many of the longest current waits the report lists. */
export const OLDEST_WAITS_LISTED = 20;

export interface WorkflowPerformanceFilter {
  /** First day whose decisions count, YYYY-MM-DD (default: 364 days before `to`). */
  from?: string;
  /** Last day whose decisions count, YYYY-MM-DD (default: today, in Vietnam). */
  to?: string;
  /** Only nominations of staff in this unit and its subtree. */
  unitId?: string;
}

/** Who decides a step: a management authority (board steps) or a unit (finance steps). */
export interface StepAuthority {
  kind: 'management_authority' | 'unit';
  id: string;
  name: string;
}

export interface StepTimes {
  position: number;
  role: StepRole;
  authority: StepAuthority;
  /** Steps decided (approved, returned or rejected) in the period. */
  count: number;
  /** From the step becoming the waiting one to its decision; hours, 1 decimal. */
  medianHours: number;
  p90Hours: number;
}

export interface OverdueByAuthority {
  authority: StepAuthority;
  count: number;
}

export interface OverdueWait {
  nominationId: string;
  reference: string;
  nominee: { staffId: string; fullName: string };
  step: { position: number; role: StepRole };
  authority: StepAuthority;
  /** When the current step became the waiting one (ISO 8601). */
  waitingSince: string;
  /** Whole working days (Monday to Friday) since then. */
  workingDays: number;
}

export interface OverdueNow {
  /** Working days a step may wait before it is overdue (REMINDER_WORKING_DAYS). */
  thresholdWorkingDays: number;
  /** The instant the waits were measured at (ISO 8601). */
  asOf: string;
  total: number;
  byAuthority: OverdueByAuthority[];
  /** The longest waits first, at most OLDEST_WAITS_LISTED. */
  oldest: OverdueWait[];
}

export interface WorkflowRates {
  /** Nominations that reached approved or rejected in the period. */
  decided: number;
  approved: number;
  rejected: number;
  /** Percent of `decided`, 2 decimals; null when nothing was decided. */
  approvalRate: number | null;
  rejectionRate: number | null;
  /** Submissions (first or again after a return) in the period. */
  submissions: number;
  /** Returns for changes in the period. */
  returns: number;
  /** Returns per 100 submissions, 2 decimals; null when nothing was submitted. */
  returnRate: number | null;
}

export interface WorkflowPerformance {
  from: string;
  to: string;
  unitId: string | null;
  stepTimes: StepTimes[];
  overdue: OverdueNow;
  rates: WorkflowRates;
}

/**
 * The period as days of the organization's calendar: each bound left out is today (`to`) or
 * WORKFLOW_PERIOD_DAYS days ending at `to` (`from`); `to` before `from` is refused.
 */
export function resolveWorkflowPeriod(
  from: string | undefined,
  to: string | undefined,
  today: string = organizationDay(new Date()),
): { from: string; to: string } {
  const end = to ?? today;
  const start = from ?? shiftDay(end, -(WORKFLOW_PERIOD_DAYS - 1));
  if (end < start) {
    throw new DomainError('VALIDATION_FAILED', 'invalid', 'The request is invalid; see errors.', {
      errors: [
        {
          field: to === undefined ? 'from' : 'to',
          message: `to (${end}) must be on or after from (${start}); to left out is today`,
          code: 'PERIOD_REVERSED',
        },
      ],
    });
  }
  return { from: start, to: end };
}

const shiftDay = (day: string, days: number): string => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

/**
 * Calendar days after which a wait is overdue whatever the weekdays: N working days after a
 * start end at most N + 2·⌈N/5⌉ days after the waiting clock starts (a weekend per five
 * working days), which is at most 2 days after the start (Saturday 00:00 → Monday 00:00).
 * Waits between N and this many calendar days are checked one by one with
 * `workingDaysElapsed`.
 */
export const certainlyOverdueDays = (workingDays: number): number =>
  workingDays + 2 * Math.ceil(workingDays / 5) + 2;

const DAY_MS = 24 * 3_600_000;

interface AuthorityColumns {
  authority_id: string | null;
  unit_id: string | null;
  authority_name: string;
}

const authorityOf = (row: AuthorityColumns): StepAuthority =>
  row.authority_id
    ? { kind: 'management_authority', id: row.authority_id, name: row.authority_name }
    : { kind: 'unit', id: row.unit_id!, name: row.authority_name };

/** The step's deciding authority, or the finance unit, as `authority_name`. */
const AUTHORITY_JOINS = (alias: string) => `
  LEFT JOIN management_authorities ma ON ma.id = ${alias}.authority_id
  LEFT JOIN units un ON un.id = ${alias}.unit_id`;
const AUTHORITY_NAME = `coalesce(ma.name, un.name)`;

/** Whether the filter is every staff member (no join needed), and its SQL and parameters. */
interface NomineeFilter {
  everyone: boolean;
  sql: string;
  params: Record<string, unknown>;
}

/**
 * How the approval workflow performs: how long each step takes to be decided, which
 * nominations wait too long now, and how often nominations are approved, rejected and
 * returned. Counts nominations whose nominee the caller may see (`reportScope`).
 *
 * Each section starts from an index on its own time column (`acted_at` of decided steps,
 * `started_at` of waiting steps, `occurred_at` of the history) and joins the nominee's staff
 * row and unit only when the filter leaves someone out; the three run at once.
 */
@Injectable()
export class WorkflowPerformanceService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async report(
    ctx: Ctx,
    filter: WorkflowPerformanceFilter = {},
  ): Promise<ReportResult<WorkflowPerformance>> {
    const now = ctx.clock.now();
    const period = resolveWorkflowPeriod(filter.from, filter.to, organizationDay(now));
    const nominees = await this.nomineeFilter(ctx.manager, ctx.actor, filter.unitId);
    const [stepTimes, overdue, rates] = await Promise.all([
      this.stepTimes(ctx.manager, period, nominees),
      this.overdue(ctx.manager, nominees, now),
      this.rates(ctx.manager, period, nominees),
    ]);
    const json: WorkflowPerformance = {
      ...period,
      unitId: filter.unitId ?? null,
      stepTimes,
      overdue,
      rates,
    };
    return { name: 'workflow-performance', json, tables: workflowPerformanceTables(json) };
  }

  /** The caller's scope and the unit subtree over the nominee (`s`) and their unit (`u`). */
  private async nomineeFilter(
    manager: EntityManager,
    actor: Actor,
    unitId?: string,
  ): Promise<NomineeFilter> {
    const scope = reportScope(actor);
    const clauses = [scope.sql];
    const params: Record<string, unknown> = { ...scope.params };
    if (unitId) {
      clauses.push('u.path LIKE :subtree');
      params.subtree = `${await unitPath(manager, unitId)}%`;
    }
    const sql = clauses.filter((clause) => clause !== 'TRUE').join(' AND ') || 'TRUE';
    if (sql === 'TRUE') return { everyone: true, sql, params };
    // A filter every staff member passes (a grant over the root unit, say) filters nothing:
    // the report then reads no staff row per step. Staff are few next to steps.
    const [{ everyone }] = await query<{ everyone: boolean }>(
      manager,
      `SELECT NOT EXISTS (SELECT 1 FROM staff s JOIN units u ON u.id = s.unit_id
                           WHERE (${sql}) IS NOT TRUE) AS everyone`,
      params,
    );
    return { everyone, sql, params };
  }

  /** Joins the nominee's staff row (`s`) and unit (`u`) to a nomination id, when needed. */
  private nomineeJoins(filter: NomineeFilter, nominationId: string, joinNomination: boolean) {
    if (filter.everyone) return '';
    return `
      ${joinNomination ? `JOIN nominations n ON n.id = ${nominationId}` : ''}
      JOIN staff s ON s.id = n.nominee_staff_id
      JOIN units u ON u.id = s.unit_id`;
  }

  private async stepTimes(
    manager: EntityManager,
    period: { from: string; to: string },
    nominees: NomineeFilter,
  ): Promise<StepTimes[]> {
    // Durations are grouped into one array per step (a hash aggregate over the period's
    // steps) and each array is sorted on its own for the percentiles: cheaper than sorting
    // every step by its group first, as an ordered-set aggregate grouped directly would.
    const rows = await query<
      AuthorityColumns & {
        position: number;
        role: StepRole;
        count: number;
        median_hours: string;
        p90_hours: string;
      }
    >(
      manager,
      `WITH decided AS (
         SELECT st.position, st.role, st.authority_id, st.unit_id, count(*)::int AS count,
                array_agg(date_part('epoch', st.acted_at - st.started_at)) AS seconds
           FROM nomination_steps st
           ${this.nomineeJoins(nominees, 'st.nomination_id', true)}
          WHERE st.state IN ('approved', 'returned', 'rejected')
            AND st.acted_at >= (:periodFrom::date::timestamp AT TIME ZONE :zone)
            AND st.acted_at < ((:periodTo::date + 1)::timestamp AT TIME ZONE :zone)
            AND st.started_at IS NOT NULL
            AND ${nominees.everyone ? 'TRUE' : nominees.sql}
          GROUP BY st.position, st.role, st.authority_id, st.unit_id
       )
       SELECT d.position, d.role, d.count, d.authority_id, d.unit_id,
              ${AUTHORITY_NAME} AS authority_name,
              round(q.seconds[1]::numeric / 3600, 1)::text AS median_hours,
              round(q.seconds[2]::numeric / 3600, 1)::text AS p90_hours
         FROM decided d
        CROSS JOIN LATERAL (
          SELECT percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY x) AS seconds
            FROM unnest(d.seconds) x) q
        ${AUTHORITY_JOINS('d')}
        ORDER BY d.position, d.role, authority_name, coalesce(d.authority_id, d.unit_id)`,
      {
        ...nominees.params,
        periodFrom: period.from,
        periodTo: period.to,
        zone: ORGANIZATION_TIME_ZONE,
      },
    );
    return rows.map((row) => ({
      position: row.position,
      role: row.role,
      authority: authorityOf(row),
      count: row.count,
      medianHours: Number(row.median_hours),
      p90Hours: Number(row.p90_hours),
    }));
  }

  private async overdue(
    manager: EntityManager,
    nominees: NomineeFilter,
    now: Date,
  ): Promise<OverdueNow> {
    const threshold = this.config.REMINDER_WORKING_DAYS;
    const isOverdue = (since: Date) => workingDaysElapsed(since, now) >= threshold;
    // N working days are at least N calendar days: older starts are the candidates. Those
    // older than certainlyOverdueDays are counted in SQL; the few between, one by one.
    const params = {
      ...nominees.params,
      candidate: new Date(now.getTime() - threshold * DAY_MS).toISOString(),
      certain: new Date(now.getTime() - certainlyOverdueDays(threshold) * DAY_MS).toISOString(),
    };
    /** In-review nominations whose current step started before the candidate cutoff. */
    const waiting = (joins: string) => `
      FROM nomination_steps st
      JOIN nominations n ON n.id = st.nomination_id AND n.current_step = st.position
      ${this.nomineeJoins(nominees, 'st.nomination_id', false)}
      ${joins}
      ${AUTHORITY_JOINS('st')}
     WHERE st.state = 'pending' AND st.started_at IS NOT NULL
       AND st.started_at <= :candidate::timestamptz
       AND n.status = 'in_review'
       AND ${nominees.everyone ? 'TRUE' : nominees.sql}`;
    const [groups, longest] = await Promise.all([
      query<AuthorityColumns & { certain: number; borderline: Date[] }>(
        manager,
        `SELECT st.authority_id, st.unit_id, min(${AUTHORITY_NAME}) AS authority_name,
                count(*) FILTER (WHERE st.started_at <= :certain::timestamptz)::int AS certain,
                coalesce(array_agg(date_trunc('milliseconds', st.started_at))
                           FILTER (WHERE st.started_at > :certain::timestamptz), '{}') AS borderline
           ${waiting('')}
          GROUP BY st.authority_id, st.unit_id`,
        params,
      ),
      // Working days only grow with the wait, so the overdue are the oldest candidates.
      query<
        AuthorityColumns & {
          nomination_id: string;
          reference: string;
          staff_id: string;
          full_name: string;
          position: number;
          role: StepRole;
          since: Date;
        }
      >(
        manager,
        `SELECT n.id AS nomination_id, n.reference, nominee.id AS staff_id, nominee.full_name,
                st.position, st.role, st.authority_id, st.unit_id,
                ${AUTHORITY_NAME} AS authority_name,
                date_trunc('milliseconds', st.started_at) AS since
           ${waiting('JOIN staff nominee ON nominee.id = n.nominee_staff_id')}
          ORDER BY st.started_at, n.id
          LIMIT ${OLDEST_WAITS_LISTED}`,
        params,
      ),
    ]);
    const byAuthority = groups
      .map((row) => ({
        authority: authorityOf(row),
        count: row.certain + row.borderline.filter((since) => isOverdue(new Date(since))).length,
      }))
      .filter((row) => row.count > 0)
      .sort(
        (a, b) =>
          b.count - a.count ||
          a.authority.name.localeCompare(b.authority.name, 'vi') ||
          a.authority.id.localeCompare(b.authority.id),
      );
    return {
      thresholdWorkingDays: threshold,
      asOf: now.toISOString(),
      total: byAuthority.reduce((sum, row) => sum + row.count, 0),
      byAuthority,
      oldest: longest
        .filter((row) => isOverdue(new Date(row.since)))
        .map((row) => ({
          nominationId: row.nomination_id,
          reference: row.reference,
          nominee: { staffId: row.staff_id, fullName: row.full_name },
          step: { position: row.position, role: row.role },
          authority: authorityOf(row),
          waitingSince: new Date(row.since).toISOString(),
          workingDays: workingDaysElapsed(new Date(row.since), now),
        })),
    };
  }

  private async rates(
    manager: EntityManager,
    period: { from: string; to: string },
    nominees: NomineeFilter,
  ): Promise<WorkflowRates> {
    // A nomination reaches approved or rejected once (both lead on only to other states).
    const [row] = await query<{
      decided: number;
      approved: number;
      rejected: number;
      submissions: number;
      returns: number;
      approval_rate: string | null;
      rejection_rate: string | null;
      return_rate: string | null;
    }>(
      manager,
      `WITH counted AS (
         SELECT count(*) FILTER (WHERE h.to_status = 'approved' AND h.from_status = 'in_review')::int AS approved,
                count(*) FILTER (WHERE h.to_status = 'rejected' AND h.from_status = 'in_review')::int AS rejected,
                count(*) FILTER (WHERE h.action = 'submit')::int AS submissions,
                count(*) FILTER (WHERE h.action = 'return')::int AS returns
           FROM nomination_history h
           ${this.nomineeJoins(nominees, 'h.nomination_id', true)}
          WHERE (h.action IN ('submit', 'return') OR h.to_status IN ('approved', 'rejected'))
            AND h.occurred_at >= (:periodFrom::date::timestamp AT TIME ZONE :zone)
            AND h.occurred_at < ((:periodTo::date + 1)::timestamp AT TIME ZONE :zone)
            AND ${nominees.everyone ? 'TRUE' : nominees.sql}
       )
       SELECT approved + rejected AS decided, approved, rejected, submissions, returns,
              round(100.0 * approved / nullif(approved + rejected, 0), 2)::text AS approval_rate,
              round(100.0 * rejected / nullif(approved + rejected, 0), 2)::text AS rejection_rate,
              round(100.0 * returns / nullif(submissions, 0), 2)::text AS return_rate
         FROM counted`,
      {
        ...nominees.params,
        periodFrom: period.from,
        periodTo: period.to,
        zone: ORGANIZATION_TIME_ZONE,
      },
    );
    const percent = (value: string | null) => (value === null ? null : Number(value));
    return {
      decided: row.decided,
      approved: row.approved,
      rejected: row.rejected,
      approvalRate: percent(row.approval_rate),
      rejectionRate: percent(row.rejection_rate),
      submissions: row.submissions,
      returns: row.returns,
      returnRate: percent(row.return_rate),
    };
  }
}

interface StepTimesRow {
  position: number;
  role: string;
  authority: string;
  count: number;
  medianHours: number;
  p90Hours: number;
}

interface OverdueRow {
  authority: string;
  count: number;
}

interface OldestRow {
  reference: string;
  nominee: string;
  position: number;
  role: string;
  authority: string;
  waitingSince: string;
  workingDays: number;
}

interface RateRow {
  measure: string;
  count: number;
  of: number;
  rate: number | null;
}

/** The day of an instant in the organization's calendar. */
const dayOf = (iso: string) => organizationDay(new Date(iso));

/** One table per section; the current waits give two (per authority, and the longest). */
export function workflowPerformanceTables(report: WorkflowPerformance): ReportResult['tables'] {
  const stepTimes: ReportTable<StepTimesRow> = {
    name: 'step-times',
    title: 'Thời gian xử lý theo bước',
    columns: columns<StepTimesRow>(
      { key: 'position', header: 'Bước', type: 'integer' },
      { key: 'role', header: 'Vai trò', type: 'text' },
      { key: 'authority', header: 'Cơ quan/đơn vị', type: 'text' },
      { key: 'count', header: 'Số lượt', type: 'integer' },
      { key: 'medianHours', header: 'Trung vị (giờ)', type: 'ratio' },
      { key: 'p90Hours', header: 'Phân vị 90 (giờ)', type: 'ratio' },
    ),
    rows: report.stepTimes.map((row) => ({
      position: row.position,
      role: STEP_ROLE_LABELS[row.role],
      authority: row.authority.name,
      count: row.count,
      medianHours: row.medianHours,
      p90Hours: row.p90Hours,
    })),
  };
  const overdue: ReportTable<OverdueRow> = {
    name: 'overdue',
    title: 'Hồ sơ chờ quá hạn',
    columns: columns<OverdueRow>(
      { key: 'authority', header: 'Cơ quan/đơn vị', type: 'text' },
      { key: 'count', header: 'Số hồ sơ chờ quá hạn', type: 'integer' },
    ),
    rows: report.overdue.byAuthority.map((row) => ({
      authority: row.authority.name,
      count: row.count,
    })),
  };
  const oldest: ReportTable<OldestRow> = {
    name: 'oldest-waits',
    title: 'Hồ sơ chờ lâu nhất',
    columns: columns<OldestRow>(
      { key: 'reference', header: 'Số hồ sơ', type: 'text' },
      { key: 'nominee', header: 'Người được cử', type: 'text' },
      { key: 'position', header: 'Bước', type: 'integer' },
      { key: 'role', header: 'Vai trò', type: 'text' },
      { key: 'authority', header: 'Cơ quan/đơn vị', type: 'text' },
      { key: 'waitingSince', header: 'Chờ từ ngày', type: 'date' },
      { key: 'workingDays', header: 'Số ngày làm việc đã chờ', type: 'integer' },
    ),
    rows: report.overdue.oldest.map((row) => ({
      reference: row.reference,
      nominee: row.nominee.fullName,
      position: row.step.position,
      role: STEP_ROLE_LABELS[row.step.role],
      authority: row.authority.name,
      waitingSince: dayOf(row.waitingSince),
      workingDays: row.workingDays,
    })),
  };
  const { rates } = report;
  const rateRows: RateRow[] = [
    {
      measure: 'Phê duyệt (trên số hồ sơ đã quyết định)',
      count: rates.approved,
      of: rates.decided,
      rate: rates.approvalRate,
    },
    {
      measure: 'Từ chối (trên số hồ sơ đã quyết định)',
      count: rates.rejected,
      of: rates.decided,
      rate: rates.rejectionRate,
    },
    {
      measure: 'Trả lại (trên số lượt trình)',
      count: rates.returns,
      of: rates.submissions,
      rate: rates.returnRate,
    },
  ];
  const ratesTable: ReportTable<RateRow> = {
    name: 'rates',
    title: 'Tỷ lệ duyệt, từ chối, trả lại',
    columns: columns<RateRow>(
      { key: 'measure', header: 'Chỉ tiêu', type: 'text' },
      { key: 'count', header: 'Số lượng', type: 'integer' },
      { key: 'of', header: 'Trên tổng số', type: 'integer' },
      { key: 'rate', header: 'Tỷ lệ (%)', type: 'percent' },
    ),
    rows: rateRows,
  };
  return [stepTimes, overdue, oldest, ratesTable];
}
