import { Ctx } from '@app/access';
import { DomainError } from '@app/common';
import { query } from '@app/database';
import {
  COMPLIANCE_COUNTS_SQL,
  COUNTED_STAFF_SQL,
  DIRECT_CHILD_GROUP_SQL,
} from '@app/organization';
import { Injectable } from '@nestjs/common';
import { complianceTable, GroupFiguresRow, reportFigures } from './compliance-figures';
import type {
  ComplianceReport,
  ComplianceReportQuery,
  ComplianceTrend,
  ComplianceTrendQuery,
} from './compliance-report.types';
import { complianceScope, scopeAnchor, scopeRoots } from './compliance-scope';
import { isDay } from './compliance-snapshots.service';
import {
  invalidParameter,
  pickDays,
  trendPoints,
  TrendQueryRow,
  trendRange,
  trendTables,
} from './compliance-trend';
import { ReportResult } from './report-table';

/** `part / whole` in percent, rounded half up to 2 decimals in SQL numeric; null when whole is 0. */
const percentSql = (part: string, whole: string) =>
  `round((${part}) * 100.0 / nullif(${whole}, 0), 2)::float8`;

const PERCENTS_SQL = `
  ${percentSql('c.meeting', 'c.with_position')} AS meeting_percent,
  ${percentSql('c.university', 'c.total')} AS university_percent,
  ${percentSql('c.theory', 'c.total')} AS theory_percent`;

/** Snapshot rows summed into the same columns as `COMPLIANCE_COUNTS_SQL`. */
const SNAPSHOT_SUMS_SQL = `
  coalesce(sum(c.staff), 0)::int AS total,
  coalesce(sum(c.with_position), 0)::int AS with_position,
  coalesce(sum(c.meeting_standard), 0)::int AS meeting,
  coalesce(sum(c.university), 0)::int AS university,
  coalesce(sum(c.political_theory), 0)::int AS theory`;

/**
 * Standards compliance as the organization reports it: per tier (or per direct child unit)
 * within a unit subtree, live or at a past date from the daily snapshots, and its trend
 * over the snapshot dates. Scoped by `complianceScope`; the rows are shaped by the plain
 * functions of compliance-figures and compliance-trend.
 */
@Injectable()
export class ComplianceReportService {
  async report(
    ctx: Ctx,
    options: ComplianceReportQuery = {},
  ): Promise<ReportResult<ComplianceReport>> {
    const groupBy = options.groupBy ?? 'tier';
    if (options.at !== undefined && !isDay(options.at)) {
      throw invalidParameter('at', 'at must be a date YYYY-MM-DD', 'IS_DATE');
    }
    const roots = await scopeRoots(ctx.manager, ctx.actor);
    const scope = complianceScope(roots);
    const anchor = await scopeAnchor(ctx.manager, roots, scope, options.unitId);
    let snapshotDate: string | null = null;
    if (options.at !== undefined) {
      const [latest] = await ctx.manager.query(
        `SELECT max(taken_on)::text AS day FROM compliance_snapshots WHERE taken_on <= $1::date`,
        [options.at],
      );
      snapshotDate = latest?.day ?? null;
      if (!snapshotDate) {
        throw new DomainError(
          'NO_SNAPSHOT',
          'not_found',
          `No compliance snapshot was taken on or before ${options.at}.`,
          { at: options.at },
        );
      }
    }
    const groupKey =
      groupBy === 'unit' ? DIRECT_CHILD_GROUP_SQL : snapshotDate ? 'c.tier_id' : 'u.tier_id';
    const counted = snapshotDate
      ? `SELECT ${groupKey} AS group_id, ${SNAPSHOT_SUMS_SQL}
           FROM compliance_snapshots c
           JOIN units u ON u.id = c.unit_id
          WHERE c.taken_on = :snapshotDay::date
            AND u.path LIKE :subtree
            AND ${scope.sql}
          GROUP BY ROLLUP (${groupKey})`
      : `SELECT ${groupKey} AS group_id, ${COMPLIANCE_COUNTS_SQL}
           FROM staff s
           JOIN units u ON u.id = s.unit_id
           LEFT JOIN positions p ON p.id = s.position_id
          WHERE ${COUNTED_STAFF_SQL}
            AND u.path LIKE :subtree
            AND ${scope.sql}
          GROUP BY ROLLUP (${groupKey})`;
    const rows = await query<GroupFiguresRow>(
      ctx.manager,
      `WITH counted AS (${counted})
       SELECT c.*, ${PERCENTS_SQL},
              g.code AS group_code, g.name AS group_name,
              ${groupBy === 'tier' ? 'g.level' : 'NULL::int'} AS group_level
         FROM counted c
         LEFT JOIN ${groupBy === 'tier' ? 'tiers' : 'units'} g ON g.id = c.group_id
        ORDER BY c.group_id IS NULL, ${groupBy === 'tier' ? 'g.level' : 'g.path'}`,
      {
        ...scope.params,
        snapshotDay: snapshotDate,
        subtree: `${anchor?.path ?? '/'}%`,
        anchorPath: anchor?.path ?? '/',
        anchorId: anchor?.id ?? null,
      },
    );
    const json: ComplianceReport = {
      unitId: anchor?.id ?? null,
      groupBy,
      at: options.at ?? null,
      snapshotDate,
      ...reportFigures(rows, groupBy),
    };
    const table = complianceTable(json, snapshotDate ?? ctx.clock.today());
    return { name: 'ty-le-dat-chuan', json, tables: [table] };
  }

  /**
   * The staff counted and the share meeting the standard, overall and per tier, at each
   * snapshot day in [from, to] (by default the year up to today) — or at the last snapshot
   * of each week, month, quarter or year (`every`, see `pickDays`), so a long range stays a
   * bounded amount of work.
   */
  async trend(
    ctx: Ctx,
    options: ComplianceTrendQuery = {},
  ): Promise<ReportResult<ComplianceTrend>> {
    const { from, to } = trendRange(options, ctx.clock.today());
    const roots = await scopeRoots(ctx.manager, ctx.actor);
    const scope = complianceScope(roots);
    const anchor = await scopeAnchor(ctx.manager, roots, scope, options.unitId);
    // The snapshot days in the range, found by skipping along the index (one probe per day).
    const taken: string[] = (
      await ctx.manager.query<Array<{ day: string }>>(
        `WITH RECURSIVE days AS (
           SELECT min(taken_on) AS day FROM compliance_snapshots
            WHERE taken_on BETWEEN $1::date AND $2::date
           UNION ALL
           SELECT (SELECT min(taken_on) FROM compliance_snapshots
                    WHERE taken_on > days.day AND taken_on <= $2::date)
             FROM days WHERE days.day IS NOT NULL
         )
         SELECT day::text AS day FROM days WHERE day IS NOT NULL ORDER BY day`,
        [from, to],
      )
    ).map((row) => row.day);
    const [every, days] = pickDays(taken, options.every);
    // Whole organization: no unit filter, so no join.
    const filtered = anchor !== null || scope.sql !== 'TRUE';
    const rows = await query<TrendQueryRow>(
      ctx.manager,
      `WITH counted AS (
         SELECT c.taken_on, c.tier_id, GROUPING(c.tier_id) = 1 AS overall,
                sum(c.staff)::int AS total, sum(c.with_position)::int AS with_position,
                sum(c.meeting_standard)::int AS meeting,
                bool_or(c.source = 'imported') AS imported
           FROM compliance_snapshots c
           ${filtered ? 'JOIN units u ON u.id = c.unit_id' : ''}
          WHERE c.taken_on = ANY(:days::date[])
            ${filtered ? `AND u.path LIKE :subtree AND ${scope.sql}` : ''}
          GROUP BY GROUPING SETS ((c.taken_on), (c.taken_on, c.tier_id))
       )
       SELECT d.day::text AS day, c.tier_id, c.overall, c.total, c.with_position, c.meeting,
              coalesce(c.imported, false) AS imported,
              ${percentSql('c.meeting', 'c.with_position')} AS meeting_percent,
              t.code AS tier_code, t.name AS tier_name, t.level AS tier_level
         FROM unnest(:days::date[]) AS d(day)
         LEFT JOIN counted c ON c.taken_on = d.day
         LEFT JOIN tiers t ON t.id = c.tier_id
        ORDER BY d.day, c.overall DESC, t.level`,
      { ...scope.params, days, subtree: `${anchor?.path ?? '/'}%` },
    );
    const points = trendPoints(rows);
    const json: ComplianceTrend = { unitId: anchor?.id ?? null, from, to, every, points };
    return { name: 'xu-huong-dat-chuan', json, tables: trendTables(points) };
  }
}
