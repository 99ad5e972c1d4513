import { Actor, isAdmin, ScopePredicate } from '@app/access';
import { Clock, DomainError, ErrorCode } from '@app/common';
import {
  COMPLIANCE_COUNTS_SQL,
  COUNTED_STAFF_SQL,
  DIRECT_CHILD_GROUP_SQL,
} from '@app/organization';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isDay } from './compliance-snapshots.service';
import { columns, ReportResult, ReportTable } from './report-table';

export type ComplianceReportGroupBy = 'tier' | 'unit';

/** A count and its percentage of the group's denominator (2 decimals; null when 0 / 0). */
export interface CountPercent {
  count: number;
  percent: number | null;
}

export interface ComplianceReportFigures {
  /** Active staff counted. */
  staff: number;
  /** Of them, those holding a position: the denominator of `meetingStandard`. */
  withPosition: number;
  /** Meeting every requirement of their position's standard, of `withPosition`. */
  meetingStandard: CountPercent;
  /** University degree or higher, of `staff`. */
  universityOrHigher: CountPercent;
  /** Intermediate political theory or higher, of `staff`. */
  politicalTheoryIntermediateOrHigher: CountPercent;
}

export interface ReportTier {
  id: string;
  code: string;
  name: string;
  level: number;
}

export interface ReportUnit {
  id: string;
  code: string;
  name: string;
}

export interface ComplianceReportGroup extends ComplianceReportFigures {
  tier?: ReportTier;
  unit?: ReportUnit;
}

export interface ComplianceReport {
  /** The unit whose subtree is counted; null for the whole organization. */
  unitId: string | null;
  groupBy: ComplianceReportGroupBy;
  /** The date asked for; null for the live figures. */
  at: string | null;
  /** The snapshot the figures come from (the latest on or before `at`); null when live. */
  snapshotDate: string | null;
  overall: ComplianceReportFigures;
  groups: ComplianceReportGroup[];
}

export interface ComplianceReportQuery {
  unitId?: string;
  at?: string;
  groupBy?: ComplianceReportGroupBy;
}

export interface TrendFigures {
  staff: number;
  withPosition: number;
  meetingStandard: CountPercent;
}

export interface ComplianceTrendPoint extends TrendFigures {
  /** The snapshot's day. */
  date: string;
  /** Whether figures of this day were imported from before the product. */
  imported: boolean;
  tiers: Array<TrendFigures & { tier: ReportTier }>;
}

export const TREND_PERIODS = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type TrendPeriod = (typeof TREND_PERIODS)[number];

export interface ComplianceTrend {
  unitId: string | null;
  from: string;
  to: string;
  /** One point per snapshot day (`day`), or the last snapshot of each week, month, … */
  every: TrendPeriod;
  points: ComplianceTrendPoint[];
}

export interface ComplianceTrendQuery {
  unitId?: string;
  from?: string;
  to?: string;
  every?: TrendPeriod;
}

/** The longest trend asked for at once: ten years. */
export const MAX_TREND_DAYS = 3660;

/**
 * The most points one trend answers. Each point adds up one snapshot row per unit in
 * scope, so this bounds the work (a few hundred thousand rows with thousands of units).
 */
export const MAX_TREND_POINTS = 200;

/** A unit subtree: the unit's id and its tree path. */
export interface ScopeRoot {
  id: string;
  path: string;
}

/**
 * Which units' figures a caller may read in the compliance reports: a set of unit
 * subtrees, or null for every unit. Snapshots are kept per unit, not per person, so the
 * scope is made of subtrees, and the live report uses the same one (live and past figures
 * count the same people):
 *
 * - admin: every unit
 * - unit_head, finance, and board roles over a unit: the grant's unit subtree
 * - board roles over a management authority: the subtree of the unit the authority sits in
 *   (a district Standing Committee sees its district); figures are counts, never people
 * - staff: none
 *
 * `authorityUnits` gives the unit of each authority the caller holds a grant over. Subtrees
 * inside another are dropped; the rest come shallowest first.
 */
export function complianceRoots(
  actor: Actor,
  authorityUnits: Map<string, ScopeRoot>,
): ScopeRoot[] | null {
  if (isAdmin(actor)) return null;
  const candidates: ScopeRoot[] = [];
  for (const grant of actor.grants) {
    if (grant.role === 'staff') continue;
    if (grant.unitId && grant.unitPath) candidates.push({ id: grant.unitId, path: grant.unitPath });
    else if (grant.authorityId && authorityUnits.has(grant.authorityId)) {
      candidates.push(authorityUnits.get(grant.authorityId)!);
    }
  }
  candidates.sort((a, b) => a.path.length - b.path.length || a.path.localeCompare(b.path));
  return candidates.filter(
    (root, index) => !candidates.slice(0, index).some((above) => root.path.startsWith(above.path)),
  );
}

/** The scope as one SQL predicate over the unit (alias `u`); constant patterns, so indexable. */
export function complianceScope(roots: ScopeRoot[] | null): ScopePredicate {
  if (roots === null) return { sql: 'TRUE', params: {} };
  if (!roots.length) return { sql: 'FALSE', params: {} };
  const params: Record<string, unknown> = {};
  const clauses = roots.map((root, index) => {
    params[`complianceScope${index}`] = `${root.path}%`;
    return `u.path LIKE :complianceScope${index}`;
  });
  return { sql: `(${clauses.join(' OR ')})`, params };
}

type Anchor = ScopeRoot;

interface FiguresRow {
  total: number;
  with_position: number;
  meeting: number;
  university: number;
  theory: number;
  meeting_percent: number | null;
  university_percent: number | null;
  theory_percent: number | null;
}

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

const toFigures = (row: FiguresRow): ComplianceReportFigures => ({
  staff: row.total,
  withPosition: row.with_position,
  meetingStandard: { count: row.meeting, percent: row.meeting_percent },
  universityOrHigher: { count: row.university, percent: row.university_percent },
  politicalTheoryIntermediateOrHigher: { count: row.theory, percent: row.theory_percent },
});

const EMPTY_FIGURES: ComplianceReportFigures = {
  staff: 0,
  withPosition: 0,
  meetingStandard: { count: 0, percent: null },
  universityOrHigher: { count: 0, percent: null },
  politicalTheoryIntermediateOrHigher: { count: 0, percent: null },
};

const invalid = (field: string, message: string, code: ErrorCode) =>
  new DomainError('VALIDATION_FAILED', 'invalid', 'The request is invalid; see errors.', {
    errors: [{ field, message, code }],
  });

const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** The calendar period a day falls in, as a sortable key. */
function periodOf(day: string, every: TrendPeriod): string {
  switch (every) {
    case 'day':
      return day;
    case 'week': {
      // The Monday of its ISO week.
      const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
      return addDays(day, -((weekday + 6) % 7));
    }
    case 'month':
      return day.slice(0, 7);
    case 'quarter':
      return `${day.slice(0, 4)}-Q${Math.ceil(Number(day.slice(5, 7)) / 3)}`;
    case 'year':
      return day.slice(0, 4);
  }
}

/**
 * The snapshot days a trend shows: with `every`, the last of each period (refused beyond
 * MAX_TREND_POINTS); without it, every day if they fit, else the finest period that fits.
 */
export function pickDays(days: string[], every?: TrendPeriod): [TrendPeriod, string[]] {
  const last = (period: TrendPeriod) => {
    const picked = new Map<string, string>();
    for (const day of days) picked.set(periodOf(day, period), day); // days are in order
    return [...picked.values()];
  };
  if (every !== undefined) {
    const picked = last(every);
    if (picked.length > MAX_TREND_POINTS) {
      throw invalid(
        'every',
        `${picked.length} points; at most ${MAX_TREND_POINTS}: choose a longer period or a shorter range`,
        'TOO_MANY_POINTS',
      );
    }
    return [every, picked];
  }
  for (const period of TREND_PERIODS) {
    const picked = last(period);
    if (picked.length <= MAX_TREND_POINTS) return [period, picked];
  }
  return ['year', last('year')];
}

const TOTAL_LABEL = 'Tổng cộng';
const ALL_TIERS_LABEL = 'Tất cả các cấp';

interface ComplianceRow {
  day: string;
  group: string;
  staff: number;
  withPosition: number;
  meeting: number;
  meetingPercent: number | null;
  university: number;
  universityPercent: number | null;
  theory: number;
  theoryPercent: number | null;
}

interface TrendRow {
  day: string;
  tier: string;
  staff: number;
  withPosition: number;
  meeting: number;
  meetingPercent: number | null;
}

/**
 * Standards compliance as the organization reports it: per tier (or per direct child unit)
 * within a unit subtree, live or at a past date from the daily snapshots, and its trend
 * over the snapshot dates. Scoped by `complianceScope`.
 */
@Injectable()
export class ComplianceReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async report(
    actor: Actor,
    query: ComplianceReportQuery = {},
  ): Promise<ReportResult<ComplianceReport>> {
    const groupBy = query.groupBy ?? 'tier';
    if (query.at !== undefined && !isDay(query.at)) {
      throw invalid('at', 'at must be a date YYYY-MM-DD', 'IS_DATE');
    }
    const roots = await this.roots(actor);
    const scope = complianceScope(roots);
    const anchor = await this.anchor(roots, scope, query.unitId);
    let snapshotDate: string | null = null;
    if (query.at !== undefined) {
      const [latest] = await this.dataSource.query(
        `SELECT max(taken_on)::text AS day FROM compliance_snapshots WHERE taken_on <= $1::date`,
        [query.at],
      );
      snapshotDate = latest?.day ?? null;
      if (!snapshotDate) {
        throw new DomainError(
          'NO_SNAPSHOT',
          'not_found',
          `No compliance snapshot was taken on or before ${query.at}.`,
          { at: query.at },
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
    const rows = await this.query<
      FiguresRow & {
        group_id: string | null;
        group_code: string | null;
        group_name: string | null;
        group_level: number | null;
      }
    >(
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
    const overallRow = rows.find((row) => row.group_id === null);
    const json: ComplianceReport = {
      unitId: anchor?.id ?? null,
      groupBy,
      at: query.at ?? null,
      snapshotDate,
      overall: overallRow ? toFigures(overallRow) : EMPTY_FIGURES,
      groups: rows
        .filter((row) => row.group_id !== null)
        .map((row) => ({
          ...(groupBy === 'tier'
            ? {
                tier: {
                  id: row.group_id!,
                  code: row.group_code!,
                  name: row.group_name!,
                  level: row.group_level!,
                },
              }
            : { unit: { id: row.group_id!, code: row.group_code!, name: row.group_name! } }),
          ...toFigures(row),
        })),
    };
    const day = snapshotDate ?? this.clock.today();
    const tableRow = (group: string, figures: ComplianceReportFigures): ComplianceRow => ({
      day,
      group,
      staff: figures.staff,
      withPosition: figures.withPosition,
      meeting: figures.meetingStandard.count,
      meetingPercent: figures.meetingStandard.percent,
      university: figures.universityOrHigher.count,
      universityPercent: figures.universityOrHigher.percent,
      theory: figures.politicalTheoryIntermediateOrHigher.count,
      theoryPercent: figures.politicalTheoryIntermediateOrHigher.percent,
    });
    const table: ReportTable<ComplianceRow> = {
      name: 'compliance',
      title: 'Tỷ lệ đạt chuẩn',
      columns: columns<ComplianceRow>(
        { key: 'day', header: 'Ngày', type: 'date' },
        { key: 'group', header: groupBy === 'tier' ? 'Cấp' : 'Đơn vị', type: 'text' },
        { key: 'staff', header: 'Số cán bộ', type: 'integer' },
        { key: 'withPosition', header: 'Giữ chức danh', type: 'integer' },
        { key: 'meeting', header: 'Đạt chuẩn', type: 'integer' },
        { key: 'meetingPercent', header: 'Tỷ lệ đạt chuẩn (%)', type: 'percent' },
        { key: 'university', header: 'Đại học trở lên', type: 'integer' },
        { key: 'universityPercent', header: 'Tỷ lệ đại học trở lên (%)', type: 'percent' },
        { key: 'theory', header: 'LLCT trung cấp trở lên', type: 'integer' },
        { key: 'theoryPercent', header: 'Tỷ lệ LLCT trung cấp trở lên (%)', type: 'percent' },
      ),
      rows: [
        ...json.groups.map((group) => tableRow(group.tier?.name ?? group.unit?.name ?? '', group)),
        tableRow(TOTAL_LABEL, json.overall),
      ],
    };
    return { name: 'ty-le-dat-chuan', json, tables: [table] };
  }

  /**
   * The staff counted and the share meeting the standard, overall and per tier, at each
   * snapshot day in [from, to] (by default the year up to today) — or at the last snapshot
   * of each week, month, quarter or year (`every`, see `pickDays`), so a long range stays a
   * bounded amount of work.
   */
  async trend(
    actor: Actor,
    query: ComplianceTrendQuery = {},
  ): Promise<ReportResult<ComplianceTrend>> {
    if (query.from !== undefined && !isDay(query.from)) {
      throw invalid('from', 'from must be a date YYYY-MM-DD', 'IS_DATE');
    }
    if (query.to !== undefined && !isDay(query.to)) {
      throw invalid('to', 'to must be a date YYYY-MM-DD', 'IS_DATE');
    }
    const to = query.to ?? this.clock.today();
    const from = query.from ?? addDays(to, -365);
    if (from > to) throw invalid('to', 'to must not be before from', 'PERIOD_REVERSED');
    if (daysBetween(from, to) > MAX_TREND_DAYS) {
      throw invalid(
        'from',
        `from and to may be at most ${MAX_TREND_DAYS} days apart`,
        'RANGE_TOO_LONG',
      );
    }
    if (query.every !== undefined && !TREND_PERIODS.includes(query.every)) {
      throw invalid('every', `every must be one of ${TREND_PERIODS.join(', ')}`, 'IS_IN');
    }
    const roots = await this.roots(actor);
    const scope = complianceScope(roots);
    const anchor = await this.anchor(roots, scope, query.unitId);
    // The snapshot days in the range, found by skipping along the index (one probe per day).
    const taken: string[] = (
      await this.dataSource.query<Array<{ day: string }>>(
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
    const [every, days] = pickDays(taken, query.every);
    // Whole organization: no unit filter, so no join.
    const filtered = anchor !== null || scope.sql !== 'TRUE';
    const rows = await this.query<{
      day: string;
      tier_id: string | null;
      overall: boolean | null;
      total: number | null;
      with_position: number | null;
      meeting: number | null;
      imported: boolean;
      meeting_percent: number | null;
      tier_code: string | null;
      tier_name: string | null;
      tier_level: number | null;
    }>(
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
    const points: ComplianceTrendPoint[] = [];
    for (const row of rows) {
      let point = points[points.length - 1];
      if (point?.date !== row.day) {
        point = {
          date: row.day,
          imported: false,
          staff: 0,
          withPosition: 0,
          meetingStandard: { count: 0, percent: null },
          tiers: [],
        };
        points.push(point);
      }
      if (row.overall === null) continue; // a snapshot day with nothing in scope
      const figures: TrendFigures = {
        staff: row.total!,
        withPosition: row.with_position!,
        meetingStandard: { count: row.meeting!, percent: row.meeting_percent },
      };
      if (row.overall) Object.assign(point, figures, { imported: row.imported });
      else {
        point.tiers.push({
          tier: {
            id: row.tier_id!,
            code: row.tier_code!,
            name: row.tier_name!,
            level: row.tier_level!,
          },
          ...figures,
        });
      }
    }
    const json: ComplianceTrend = { unitId: anchor?.id ?? null, from, to, every, points };
    const trendRow = (day: string, tier: string, figures: TrendFigures): TrendRow => ({
      day,
      tier,
      staff: figures.staff,
      withPosition: figures.withPosition,
      meeting: figures.meetingStandard.count,
      meetingPercent: figures.meetingStandard.percent,
    });
    const trendColumns = (withTier: boolean) =>
      columns<TrendRow>(
        { key: 'day', header: 'Ngày', type: 'date' },
        ...(withTier ? [{ key: 'tier' as const, header: 'Cấp', type: 'text' as const }] : []),
        { key: 'staff', header: 'Số cán bộ', type: 'integer' },
        { key: 'withPosition', header: 'Giữ chức danh', type: 'integer' },
        { key: 'meeting', header: 'Đạt chuẩn', type: 'integer' },
        { key: 'meetingPercent', header: 'Tỷ lệ đạt chuẩn (%)', type: 'percent' },
      );
    return {
      name: 'xu-huong-dat-chuan',
      json,
      tables: [
        {
          name: 'trend',
          title: 'Xu hướng đạt chuẩn',
          columns: trendColumns(false),
          rows: points.map((point) => trendRow(point.date, ALL_TIERS_LABEL, point)),
        },
        {
          name: 'tiers',
          title: 'Xu hướng đạt chuẩn theo cấp',
          columns: trendColumns(true),
          rows: points.flatMap((point) =>
            point.tiers.map((tier) => trendRow(point.date, tier.tier.name, tier)),
          ),
        },
      ],
    };
  }

  /**
   * The unit whose subtree is counted (always together with the scope). A unit with nothing
   * in scope in its subtree answers like a missing one; a unit above the scope (a district
   * head asking for the city) counts the part of its subtree in scope. Without `unitId`, a
   * caller whose scope is one subtree gets its root (so grouping by unit starts there);
   * administrators and callers over several subtrees get none (the whole organization,
   * filtered by the scope).
   */
  private async anchor(
    roots: ScopeRoot[] | null,
    scope: ScopePredicate,
    unitId: string | undefined,
  ): Promise<Anchor | null> {
    if (unitId !== undefined) {
      const [unit] = await this.query<Anchor & { visible: boolean }>(
        `SELECT a.id, a.path,
                EXISTS (SELECT 1 FROM units u WHERE u.path LIKE a.path || '%' AND ${scope.sql}) AS visible
           FROM units a WHERE a.id = :unitId`,
        { ...scope.params, unitId },
      );
      if (!unit?.visible) {
        throw new DomainError('UNIT_NOT_FOUND', 'not_found', `No unit ${unitId}.`);
      }
      return { id: unit.id, path: unit.path };
    }
    return roots?.length === 1 ? roots[0] : null;
  }

  /** The caller's scope subtrees (`complianceRoots`), with the units of its authorities. */
  private async roots(actor: Actor): Promise<ScopeRoot[] | null> {
    const authorityIds = actor.grants
      .filter((grant) => grant.role !== 'staff' && !grant.unitPath && grant.authorityId)
      .map((grant) => grant.authorityId!);
    const authorityUnits = new Map<string, ScopeRoot>();
    if (authorityIds.length && !isAdmin(actor)) {
      const rows = await this.dataSource.query<Array<ScopeRoot & { authority_id: string }>>(
        `SELECT a.id AS authority_id, u.id, u.path
           FROM management_authorities a JOIN units u ON u.id = a.unit_id
          WHERE a.id = ANY($1::uuid[])`,
        [authorityIds],
      );
      for (const row of rows) authorityUnits.set(row.authority_id, { id: row.id, path: row.path });
    }
    return complianceRoots(actor, authorityUnits);
  }

  /** Runs SQL with `:name` parameters. */
  private query<T>(sql: string, params: Record<string, unknown>): Promise<T[]> {
    const [text, values] = this.dataSource.driver.escapeQueryWithParameters(sql, params);
    return this.dataSource.query(text, values);
  }
}
