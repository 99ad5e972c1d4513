import { Ctx, staffScope } from '@app/access';
import { DomainError } from '@app/common';
import { query } from '@app/database';
import { Injectable } from '@nestjs/common';
import { EducationLevel, PoliticalTheory } from './levels';
import { MEETS_STANDARD_SQL } from './standard-gap';

export type ComplianceGroupBy = 'tier' | 'unit';

/** A count and its share of the group (`count / denominator`, 4 decimals; null if 0 / 0). */
export interface CountShare {
  count: number;
  share: number | null;
}

export interface ComplianceFigures {
  /** Active staff in the group that the caller may see. */
  total: number;
  /** Those holding a position: the denominator of `meetingStandard`. */
  withPosition: number;
  /** Meeting every requirement of their position's standard, of those holding a position. */
  meetingStandard: CountShare;
  /** University degree or higher, of `total`. */
  universityOrHigher: CountShare;
  /** Intermediate political theory or higher, of `total`. */
  politicalTheoryIntermediateOrHigher: CountShare;
}

export interface ComplianceGroup extends ComplianceFigures {
  tier?: { id: string; code: string; name: string; level: number };
  unit?: { id: string; code: string; name: string };
}

export interface ComplianceSummary {
  unitId: string | null;
  groupBy: ComplianceGroupBy;
  overall: ComplianceFigures;
  groups: ComplianceGroup[];
}

/** `count / denominator` rounded to 4 decimals; null when there is nothing to divide by. */
export function share(count: number, denominator: number): number | null {
  if (denominator === 0) return null;
  return Math.round((count / denominator) * 10_000) / 10_000;
}

interface CountsRow {
  total: number;
  with_position: number;
  meeting: number;
  university: number;
  theory: number;
}

export function toFigures(row: CountsRow): ComplianceFigures {
  return {
    total: row.total,
    withPosition: row.with_position,
    meetingStandard: { count: row.meeting, share: share(row.meeting, row.with_position) },
    universityOrHigher: { count: row.university, share: share(row.university, row.total) },
    politicalTheoryIntermediateOrHigher: { count: row.theory, share: share(row.theory, row.total) },
  };
}

/** The staff that compliance counts (alias `s`): those in active employment. */
export const COUNTED_STAFF_SQL = `s.employment_status = 'active'`;

/**
 * What compliance counts, as SELECT columns over staff `s` and their position `p` (LEFT
 * JOIN): `total`, `with_position`, `meeting` (of those holding a position, meeting its
 * standard), `university` (university degree or higher) and `theory` (intermediate political
 * theory or higher). The live summary, the reports and the dated snapshots all count these.
 */
export const COMPLIANCE_COUNTS_SQL = `
  count(*)::int AS total,
  count(*) FILTER (WHERE p.id IS NOT NULL)::int AS with_position,
  count(*) FILTER (WHERE p.id IS NOT NULL AND ${MEETS_STANDARD_SQL})::int AS meeting,
  count(*) FILTER (WHERE s.education_level >= ${EducationLevel.university})::int AS university,
  count(*) FILTER (WHERE s.political_theory >= ${PoliticalTheory.intermediate})::int AS theory`;

/**
 * Grouping by unit below an anchor (unit `u`; parameters `:anchorPath`, `:anchorId`): the
 * direct child of the anchor whose subtree holds `u`, or the anchor itself for its own rows.
 * Without an anchor (`'/'` and null) the roots.
 */
export const DIRECT_CHILD_GROUP_SQL = `coalesce(nullif(split_part(substr(u.path, length(:anchorPath) + 1), '/', 1), ''), :anchorId)::uuid`;

/**
 * How many staff meet their position's standard, hold a university degree, and have
 * intermediate political theory: per tier or per unit, and overall. Counted in one SQL
 * query over the staff the caller may see (`staffScope`), active employment only.
 */
@Injectable()
export class ComplianceService {
  async summarize(
    ctx: Ctx,
    options: { unitId?: string; groupBy?: ComplianceGroupBy } = {},
  ): Promise<ComplianceSummary> {
    const groupBy = options.groupBy ?? 'tier';
    let anchor: { id: string; path: string } | null = null;
    if (options.unitId) {
      [anchor] = await ctx.manager.query('SELECT id, path FROM units WHERE id = $1', [
        options.unitId,
      ]);
      if (!anchor) {
        throw new DomainError('UNIT_NOT_FOUND', 'not_found', `No unit ${options.unitId}.`);
      }
    }
    const scope = staffScope(ctx.actor, 'read');
    // Grouping by unit rolls each direct child of the anchor up with its subtree; the
    // anchor's own staff form a group of their own. Without an anchor the roots are used.
    const groupKey = groupBy === 'tier' ? 't.id' : DIRECT_CHILD_GROUP_SQL;
    const sql = `
      WITH counted AS (
        SELECT ${groupKey} AS group_id,
               ${COMPLIANCE_COUNTS_SQL}
          FROM staff s
          JOIN units u ON u.id = s.unit_id
          JOIN tiers t ON t.id = u.tier_id
          LEFT JOIN positions p ON p.id = s.position_id
         WHERE ${COUNTED_STAFF_SQL}
           AND u.path LIKE :subtree
           AND ${scope.sql}
         GROUP BY ROLLUP (${groupKey})
      )
      SELECT c.*, g.code AS group_code, g.name AS group_name, ${groupBy === 'tier' ? 'g.level' : 'NULL::int'} AS group_level
        FROM counted c
        LEFT JOIN ${groupBy === 'tier' ? 'tiers' : 'units'} g ON g.id = c.group_id
       ORDER BY c.group_id IS NULL, ${groupBy === 'tier' ? 'g.level' : 'g.path'}`;
    const rows = await query<
      CountsRow & {
        group_id: string | null;
        group_code: string | null;
        group_name: string | null;
        group_level: number | null;
      }
    >(ctx.manager, sql, {
      ...scope.params,
      subtree: `${anchor?.path ?? '/'}%`,
      anchorPath: anchor?.path ?? '/',
      anchorId: anchor?.id ?? null,
    });
    const overallRow = rows.find((row) => row.group_id === null) ?? {
      total: 0,
      with_position: 0,
      meeting: 0,
      university: 0,
      theory: 0,
    };
    return {
      unitId: anchor?.id ?? null,
      groupBy,
      overall: toFigures(overallRow),
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
  }
}
