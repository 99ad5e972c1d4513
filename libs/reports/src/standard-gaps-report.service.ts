import { Ctx, Grant, notFound } from '@app/access';
import { query } from '@app/database';
import {
  describeGapVi,
  Requirement,
  REQUIREMENTS,
  StandardGap,
  standardGaps,
  UNMET_SQL,
} from '@app/organization';
import { Injectable } from '@nestjs/common';
import { columns, pagedRows, ReportResult } from './report-table';
import { reportScope } from './scope';

/** Which standard a line measures against: the post held now, or a post planned for. */
export type GapTarget = 'current' | 'planned';
export const GAP_TARGETS: readonly GapTarget[] = ['current', 'planned'];

export interface StandardGapsFilter {
  unitId?: string;
  target?: GapTarget;
  /** Only lines lacking this requirement. */
  requirement?: Requirement;
  page: number;
  pageSize: number;
}

/** One person measured against one post they fall short of. */
export interface StaffGapLine {
  staffId: string;
  staffCode: string;
  fullName: string;
  unitId: string;
  unitName: string;
  target: GapTarget;
  position: { id: string; code: string; name: string };
  /** The planning period (quy hoạch); null for the current post. */
  periodFrom: number | null;
  periodTo: number | null;
  gaps: StandardGap[];
}

interface Row {
  staffId: string;
  staffCode: string;
  fullName: string;
  searchName: string;
  unitId: string;
  unitName: string;
  target: GapTarget;
  sortKey: string;
  positionId: string;
  positionCode: string;
  positionName: string;
  periodFrom: number | null;
  periodTo: number | null;
  educationLevel: number | null;
  politicalTheory: number;
  fosteringRank: number | null;
  languageLevel: number | null;
  minEducation: number | null;
  minPoliticalTheory: number | null;
  minFosteringRank: number | null;
  minLanguageLevel: number | null;
}

/** A line as the spreadsheet shows it. */
interface SheetLine {
  staffCode: string;
  fullName: string;
  unitName: string;
  target: string;
  positionName: string;
  period: string;
  education: boolean;
  politicalTheory: boolean;
  fostering: boolean;
  foreignLanguage: boolean;
  details: string;
}

const EXPORT_PAGE = 2_000;
const KEY_SEPARATOR = '\u0001';

/**
 * Everyone in the caller's scope (the staff list's rule, `staffScope`) in active
 * employment who falls short of the standard of their current post or of a post they are
 * planned for, with what they lack. One query per page over staff × (current post ∪
 * planning pool entries), filtered in the database by the same rule as `standardGaps`;
 * the gaps of the page's lines are then named by `standardGaps` itself.
 */
@Injectable()
export class StandardGapsReportService {
  async list(
    ctx: Ctx,
    filter: StandardGapsFilter,
    exportPageSize = EXPORT_PAGE,
  ): Promise<
    ReportResult<{ items: StaffGapLine[]; total: number; page: number; pageSize: number }>
  > {
    const { where, params } = await conditions(ctx, filter);
    const [{ total }] = await query<{ total: number }>(
      ctx.manager,
      `SELECT count(*)::int AS total ${FROM} WHERE ${where}`,
      params,
    );
    const items = (
      await query<Row>(
        ctx.manager,
        `${SELECT} ${FROM} WHERE ${where} ${ORDER} LIMIT :limit OFFSET :offset`,
        { ...params, limit: filter.pageSize, offset: (filter.page - 1) * filter.pageSize },
      )
    ).map(toLine);
    const exportPage = (after: string | undefined) => {
      const [name, staffId, sortKey] = after?.split(KEY_SEPARATOR) ?? [];
      return query<Row>(
        ctx.manager,
        `${SELECT} ${FROM} WHERE ${where}
           ${after ? 'AND (s.search_name, s.id, t.sort_key) > (:afterName, :afterId::uuid, :afterKey)' : ''}
         ${ORDER} LIMIT ${exportPageSize}`,
        { ...params, afterName: name, afterId: staffId, afterKey: sortKey },
      );
    };
    const sheetLines = async function* () {
      const key = (row: Row) => [row.searchName, row.staffId, row.sortKey].join(KEY_SEPARATOR);
      for await (const row of pagedRows(exportPage, key)) yield toSheetLine(toLine(row));
    };
    return {
      name: 'standard-gaps',
      json: { items, total, page: filter.page, pageSize: filter.pageSize },
      tables: [
        {
          name: 'standard-gaps',
          title: 'Chưa đạt chuẩn',
          columns: columns<SheetLine>(
            { key: 'staffCode', header: 'Mã cán bộ', type: 'text' },
            { key: 'fullName', header: 'Họ và tên', type: 'text' },
            { key: 'unitName', header: 'Đơn vị', type: 'text' },
            { key: 'target', header: 'Chuẩn theo', type: 'text' },
            { key: 'positionName', header: 'Chức vụ', type: 'text' },
            { key: 'period', header: 'Giai đoạn quy hoạch', type: 'text' },
            { key: 'education', header: 'Thiếu trình độ chuyên môn', type: 'boolean' },
            { key: 'politicalTheory', header: 'Thiếu lý luận chính trị', type: 'boolean' },
            { key: 'fostering', header: 'Thiếu bồi dưỡng QLNN', type: 'boolean' },
            { key: 'foreignLanguage', header: 'Thiếu ngoại ngữ', type: 'boolean' },
            { key: 'details', header: 'Chi tiết', type: 'text' },
          ),
          rows: sheetLines(),
        },
      ],
    };
  }
}

/** The caller's scope and the filter, as SQL over the report's FROM. */
async function conditions(
  ctx: Ctx,
  filter: StandardGapsFilter,
): Promise<{ where: string; params: Record<string, unknown> }> {
  const scope = reportScope(ctx.actor);
  const clauses = [scope.sql, `s.employment_status = 'active'`, UNMET_ANY_SQL];
  const params: Record<string, unknown> = { ...scope.params };
  if (filter.unitId) {
    const [unit] = await ctx.manager.query('SELECT path FROM units WHERE id = $1', [filter.unitId]);
    // A unit the caller's scope cannot reach answers like a missing one.
    if (!unit || !unitReachable(ctx.actor.grants, unit.path)) throw notFound('unit', filter.unitId);
    clauses.push('u.path LIKE :subtree');
    params.subtree = `${unit.path}%`;
  }
  if (filter.target) {
    clauses.push('t.target = :target');
    params.target = filter.target;
  }
  if (filter.requirement) clauses.push(UNMET_SQL[filter.requirement]);
  return { where: clauses.join(' AND '), params };
}

/**
 * Whether staff of a unit's subtree can be in the caller's scope at all: an admin, a unit
 * grant over or under it, or a grant by management authority (whose staff may sit in any
 * unit). Plain staff reach only their own unit's line.
 */
export function unitReachable(grants: Grant[], unitPath: string): boolean {
  return grants.some(
    (grant) =>
      grant.role === 'admin' ||
      (grant.unitPath !== null &&
        (unitPath.startsWith(grant.unitPath) || grant.unitPath.startsWith(unitPath))) ||
      (grant.role !== 'staff' && grant.unitPath === null && grant.authorityId !== null),
  );
}

const UNMET_ANY_SQL = `(${REQUIREMENTS.map((requirement) => UNMET_SQL[requirement]).join(' OR ')})`;

// Each person's current post and planned posts, as one row each; `sort_key` orders a
// person's lines (current first, then planned by period) and keys the export's pages.
const FROM = `
  FROM staff s
  JOIN units u ON u.id = s.unit_id
  CROSS JOIN LATERAL (
    SELECT 'current' AS target, s.position_id AS position_id,
           NULL::smallint AS period_from, NULL::smallint AS period_to, '0' AS sort_key
     WHERE s.position_id IS NOT NULL
    UNION ALL
    SELECT 'planned', e.position_id, e.period_from, e.period_to,
           '1' || lpad(e.period_from::text, 4, '0') || e.position_id::text
      FROM planning_pool_entries e
     WHERE e.staff_id = s.id
  ) t
  JOIN positions p ON p.id = t.position_id`;

const SELECT = `
  SELECT s.id AS "staffId", s.code AS "staffCode", s.full_name AS "fullName",
         s.search_name AS "searchName", u.id AS "unitId", u.name AS "unitName",
         t.target, t.sort_key AS "sortKey", p.id AS "positionId", p.code AS "positionCode",
         p.name AS "positionName", t.period_from AS "periodFrom", t.period_to AS "periodTo",
         s.education_level AS "educationLevel", s.political_theory AS "politicalTheory",
         s.fostering_rank AS "fosteringRank", s.language_level AS "languageLevel",
         p.min_education AS "minEducation", p.min_political_theory AS "minPoliticalTheory",
         p.min_fostering_rank AS "minFosteringRank", p.min_language_level AS "minLanguageLevel"`;

const ORDER = 'ORDER BY s.search_name, s.id, t.sort_key';

function toLine(row: Row): StaffGapLine {
  return {
    staffId: row.staffId,
    staffCode: row.staffCode,
    fullName: row.fullName,
    unitId: row.unitId,
    unitName: row.unitName,
    target: row.target,
    position: { id: row.positionId, code: row.positionCode, name: row.positionName },
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    gaps: standardGaps(row, row),
  };
}

function toSheetLine(line: StaffGapLine): SheetLine {
  const lacks = (requirement: Requirement) =>
    line.gaps.some((gap) => gap.requirement === requirement);
  return {
    staffCode: line.staffCode,
    fullName: line.fullName,
    unitName: line.unitName,
    target: line.target === 'current' ? 'Chức vụ hiện tại' : 'Quy hoạch',
    positionName: line.position.name,
    period: line.periodFrom === null ? '' : `${line.periodFrom}–${line.periodTo}`,
    education: lacks('education'),
    politicalTheory: lacks('political_theory'),
    fostering: lacks('fostering'),
    foreignLanguage: lacks('foreign_language'),
    details: line.gaps.map(describeGapVi).join('; '),
  };
}
