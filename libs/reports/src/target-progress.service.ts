import { Ctx } from '@app/access';
import { query } from '@app/database';
import { Injectable } from '@nestjs/common';
import { columns, ReportResult } from './report-table';
import { reportScope, scopeJoins } from './scope';
import type { TargetKind } from './target-filters';
import { assertTargetReader, TargetView, VIEW_SELECT } from './targets.service';
import { unitPath } from './training-summary.service';

export interface TargetProgress {
  id: string;
  code: string;
  name: string;
  kind: TargetKind;
  periodFrom: string;
  periodTo: string;
  unit: { id: string; name: string } | null;
  filter: Record<string, unknown>;
  target: string;
  /** participations: the count; staff_share: the share in percent, 2 decimals (null: nobody). */
  actual: string | null;
  /** actual / target rounded to 2 decimals (null when actual is). */
  ratio: string | null;
  achieved: boolean | null;
  participations: number | null;
  population: number | null;
  meeting: number | null;
  parts: TargetProgress[];
}

export interface TargetsReport {
  at: string;
  unitId: string | null;
  items: TargetProgress[];
}

const KIND_UNITS: Record<TargetKind, string> = { participations: 'Lượt', staff_share: '%' };

/** Each target against what was done: the report on the targets kept by TargetsService. */
@Injectable()
export class TargetProgressService {
  /**
   * Each target against what was done, its parts ("of which") nested under it. `at` is the
   * as-of date (default today): participations starting after it are not counted yet.
   * participations: the participations (approved, in training or completed) whose intake
   * starts in the period up to `at`, matching the filter, within the caller's scope and the
   * target's unit subtree. staff_share: of the active staff now (same scope and subtree)
   * matching the population, the share meeting the condition, in percent. The ratio is
   * computed in SQL numeric from the exact counts: round(actual / target, 2).
   */
  async report(
    ctx: Ctx,
    options: { unitId?: string; at?: string },
  ): Promise<ReportResult<TargetsReport>> {
    assertTargetReader(ctx.actor);
    const today = ctx.clock.today();
    const at = options.at ?? today;
    if (options.unitId) await unitPath(ctx.manager, options.unitId);
    const targets: TargetView[] = await ctx.manager.query(
      `${VIEW_SELECT} ORDER BY t.period_from, t.code`,
    );
    const ids = targets.map((target) => target.id);
    const scope = reportScope(ctx.actor);
    const params = { ...scope.params, ids, asOf: at, today };
    const participations = await query<{
      id: string;
      participations: number;
      ratio: string;
      achieved: boolean;
    }>(
      ctx.manager,
      `SELECT t.id, a.participations,
              round(a.participations::numeric / t.target, 2)::text AS ratio,
              a.participations >= t.target AS achieved
         FROM training_targets t
         LEFT JOIN units tu ON tu.id = t.unit_id
        CROSS JOIN LATERAL (
          SELECT count(*)::int AS participations
            FROM training_participations p ${scopeJoins('p')}
           WHERE p.starts_on BETWEEN t.period_from AND least(t.period_to, :asOf::date)
             AND (t.filter -> 'categories' IS NULL
                  OR p.category IN (SELECT jsonb_array_elements_text(t.filter -> 'categories')))
             AND (t.filter -> 'overseas' IS NULL
                  OR p.overseas = (t.filter ->> 'overseas')::boolean)
             AND (tu.path IS NULL OR u.path LIKE tu.path || '%')
             AND ${scope.sql}
        ) a
        WHERE t.kind = 'participations' AND t.id = ANY(:ids::uuid[])`,
      params,
    );
    const shares = await query<{
      id: string;
      population: number;
      meeting: number;
      actual: string | null;
      ratio: string | null;
      achieved: boolean | null;
    }>(
      ctx.manager,
      `SELECT t.id, c.population, c.meeting,
              CASE WHEN c.population > 0
                   THEN round(c.meeting * 100::numeric / c.population, 2)::text END AS actual,
              CASE WHEN c.population > 0
                   THEN round(c.meeting * 100::numeric / c.population / t.target, 2)::text END AS ratio,
              CASE WHEN c.population > 0
                   THEN c.meeting * 100::numeric / c.population >= t.target END AS achieved
         FROM training_targets t
         LEFT JOIN units tu ON tu.id = t.unit_id
        CROSS JOIN LATERAL (
          SELECT count(*)::int AS population,
                 count(*) FILTER (WHERE
                       ${condition('minLanguageLevel', 'coalesce(s.language_level, 0)')}
                   AND ${condition('minEducation', 'coalesce(s.education_level, 0)')}
                   AND ${condition('minPoliticalTheory', 's.political_theory')})::int AS meeting
            FROM staff s
            JOIN units u ON u.id = s.unit_id
            JOIN tiers tier ON tier.id = u.tier_id
            LEFT JOIN positions pos ON pos.id = s.position_id
           WHERE s.employment_status = 'active'
             AND (tu.path IS NULL OR u.path LIKE tu.path || '%')
             AND (t.filter #> '{population,leadership}' IS NULL
                  OR coalesce(pos.is_leadership, false)
                     = (t.filter #>> '{population,leadership}')::boolean)
             AND (t.filter #> '{population,maxAge}' IS NULL
                  OR extract(year FROM age(:today::date, s.birth_date))
                     <= (t.filter #>> '{population,maxAge}')::int)
             AND (t.filter #> '{population,tierLevels}' IS NULL
                  OR tier.level IN (SELECT jsonb_array_elements_text(
                                      t.filter #> '{population,tierLevels}')::int))
             AND ${scope.sql}
        ) c
        WHERE t.kind = 'staff_share' AND t.id = ANY(:ids::uuid[])`,
      params,
    );
    const counted = new Map(participations.map((row) => [row.id, row]));
    const shared = new Map(shares.map((row) => [row.id, row]));
    const progress = new Map<string, TargetProgress>(
      targets.map((target) => {
        const count = counted.get(target.id);
        const share = shared.get(target.id);
        return [
          target.id,
          {
            id: target.id,
            code: target.code,
            name: target.name,
            kind: target.kind,
            periodFrom: target.periodFrom,
            periodTo: target.periodTo,
            unit: target.unitId ? { id: target.unitId, name: target.unitName! } : null,
            filter: target.filter,
            target: target.target,
            actual: count ? String(count.participations) : (share?.actual ?? null),
            ratio: count?.ratio ?? share?.ratio ?? null,
            achieved: count?.achieved ?? share?.achieved ?? null,
            participations: count?.participations ?? null,
            population: share?.population ?? null,
            meeting: share?.meeting ?? null,
            parts: [],
          },
        ];
      }),
    );
    const roots: TargetProgress[] = [];
    for (const target of targets) {
      const parent = target.parentId ? progress.get(target.parentId) : undefined;
      (parent ? parent.parts : roots).push(progress.get(target.id)!);
    }
    const items = options.unitId ? roots.filter((root) => root.unit?.id === options.unitId) : roots;

    type Row = {
      code: string;
      name: string;
      scope: string;
      period: string;
      measure: string;
      target: string;
      actual: string | null;
      ratio: string | null;
    };
    const rows: Row[] = [];
    const flatten = (list: TargetProgress[], depth: number) => {
      for (const item of list) {
        rows.push({
          code: item.code,
          name: depth ? `Trong đó: ${item.name}` : item.name,
          scope: item.unit?.name ?? 'Toàn tổ chức',
          period: periodLabel(item.periodFrom, item.periodTo),
          measure: KIND_UNITS[item.kind],
          target: item.target,
          actual: item.actual,
          ratio: item.ratio,
        });
        flatten(item.parts, depth + 1);
      }
    };
    flatten(items, 0);
    return {
      name: 'training-targets',
      json: { at, unitId: options.unitId ?? null, items },
      tables: [
        {
          name: 'targets',
          title: 'Kết quả thực hiện chỉ tiêu',
          columns: columns<Row>(
            { key: 'code', header: 'Mã', type: 'text' },
            { key: 'name', header: 'Chỉ tiêu', type: 'text' },
            { key: 'scope', header: 'Phạm vi', type: 'text' },
            { key: 'period', header: 'Giai đoạn', type: 'text' },
            { key: 'measure', header: 'Đơn vị tính', type: 'text' },
            { key: 'target', header: 'Kế hoạch', type: 'ratio' },
            { key: 'actual', header: 'Thực hiện', type: 'ratio' },
            { key: 'ratio', header: 'Tỷ lệ đạt', type: 'ratio' },
          ),
          rows,
        },
      ],
    };
  }
}

/** A staff_share condition on one measure: met when the filter does not ask for it. */
const condition = (key: string, value: string) =>
  `(t.filter #> '{condition,${key}}' IS NULL OR ${value} >= (t.filter #>> '{condition,${key}}')::int)`;

/** "2016–2020" for whole years, otherwise "dd/mm/yyyy – dd/mm/yyyy". */
export function periodLabel(from: string, to: string): string {
  if (from.endsWith('-01-01') && to.endsWith('-12-31')) {
    return from.slice(0, 4) === to.slice(0, 4)
      ? from.slice(0, 4)
      : `${from.slice(0, 4)}–${to.slice(0, 4)}`;
  }
  const day = (date: string) => date.split('-').reverse().join('/');
  return `${day(from)} – ${day(to)}`;
}
