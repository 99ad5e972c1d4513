import { Actor, forbidden, isAdmin } from '@app/access';
import { AuditContext, AuditService } from '@app/audit';
import { PROGRAM_CATEGORIES, ProgramCategory } from '@app/catalog';
import { Clock, DomainError, ErrorCode, FieldError } from '@app/common';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { columns, ReportResult } from './report-table';
import { reportScope, scopeJoins } from './scope';
import { unitPath } from './training-summary.service';

export const TARGET_KINDS = ['participations', 'staff_share'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

/** participations: which participations count (all when empty). */
export interface ParticipationsFilter {
  categories?: ProgramCategory[];
  overseas?: boolean;
}

/** staff_share: whom the share is of, and what they must have to count as meeting it. */
export interface StaffShareFilter {
  population?: { leadership?: boolean; maxAge?: number; tierLevels?: number[] };
  condition: { minLanguageLevel?: number; minEducation?: number; minPoliticalTheory?: number };
}

export type TargetFilter = ParticipationsFilter | StaffShareFilter;

export interface TargetFields {
  code: string;
  name: string;
  kind: TargetKind;
  periodFrom: string;
  periodTo: string;
  /** A positive decimal with at most 2 decimals: a count, or a percentage for staff_share. */
  target: string;
  filter: Record<string, unknown>;
  parentId: string | null;
  unitId: string | null;
}

/** What PATCH may change; the kind is fixed once created. */
export type TargetChanges = Partial<Omit<TargetFields, 'kind'>>;

export interface TargetView extends TargetFields {
  id: string;
  unitName: string | null;
  createdAt: Date;
  updatedAt: Date;
}

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

/** The largest target numeric(12, 2) holds. */
const MAX_TARGET_DIGITS = 10;
export const TARGET_PATTERN = /^(?=.*[1-9])\d{1,10}(\.\d{1,2})?$/;

const VIEW_SELECT = `
  SELECT t.id, t.code, t.name, t.kind,
         to_char(t.period_from, 'YYYY-MM-DD') AS "periodFrom",
         to_char(t.period_to, 'YYYY-MM-DD') AS "periodTo",
         trim_scale(t.target)::text AS target, t.filter, t.parent_id AS "parentId",
         t.unit_id AS "unitId", tu.name AS "unitName",
         t.created_at AS "createdAt", t.updated_at AS "updatedAt"
    FROM training_targets t
    LEFT JOIN units tu ON tu.id = t.unit_id`;

const invalid = (errors: FieldError[]) =>
  new DomainError('VALIDATION_FAILED', 'invalid', 'The request is invalid; see errors.', {
    errors,
  });

const targetNotFound = (id: string) =>
  new DomainError('TARGET_NOT_FOUND', 'not_found', `No target ${id}.`);

const unknownReference = (field: string, what: string) =>
  new DomainError('UNKNOWN_REFERENCE', 'unprocessable', `The ${what} does not exist.`, {
    errors: [{ field, message: `No such ${what}`, code: 'UNKNOWN_REFERENCE' }],
  });

const invalidParent = (message: string) =>
  new DomainError('TARGET_PARENT_INVALID', 'unprocessable', message, {
    errors: [{ field: 'parentId', message, code: 'TARGET_PARENT_INVALID' }],
  });

/** Whoever can read reports reads targets: any signed-in user holding a role. */
export const mayReadTargets = (actor: Actor) => actor.grants.length > 0;

/**
 * Targets as data: what the organization set out to reach ("đào tạo mới 300 thạc sĩ và
 * tiến sĩ", "35% … đạt trình độ ngoại ngữ bậc 4"), read by everyone who reads reports and
 * kept by administrators; and the report of each target against what was done.
 */
@Injectable()
export class TargetsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(
    actor: Actor,
    filter: { kind?: TargetKind; page: number; pageSize: number },
  ): Promise<{ items: TargetView[]; total: number }> {
    assertReader(actor);
    const where = filter.kind ? 'WHERE t.kind = $1' : '';
    const params: unknown[] = filter.kind ? [filter.kind] : [];
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM training_targets t ${where}`,
      params,
    );
    const items = await this.dataSource.query(
      `${VIEW_SELECT} ${where}
        ORDER BY t.period_from, t.code
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, filter.pageSize, (filter.page - 1) * filter.pageSize],
    );
    return { items, total };
  }

  async get(actor: Actor, id: string): Promise<TargetView> {
    assertReader(actor);
    return this.view(this.dataSource.manager, id);
  }

  async create(actor: Actor, context: AuditContext, fields: TargetFields): Promise<TargetView> {
    assertWriter(actor);
    assertValid(fields);
    return this.dataSource.transaction(async (manager) => {
      await lockTree(manager);
      await this.checkReferences(manager, fields, null);
      let id: string;
      try {
        [{ id }] = await manager.query(
          `INSERT INTO training_targets
             (code, name, kind, period_from, period_to, target, filter, parent_id, unit_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9) RETURNING id`,
          [
            fields.code,
            fields.name,
            fields.kind,
            fields.periodFrom,
            fields.periodTo,
            fields.target,
            JSON.stringify(fields.filter),
            fields.parentId,
            fields.unitId,
          ],
        );
      } catch (error) {
        throw asCodeTaken(error, fields.code);
      }
      const created = await this.view(manager, id);
      await this.audit.recordWith(manager, context, {
        entity: 'training_target',
        entityId: id,
        before: null,
        after: auditable(created),
      });
      return created;
    });
  }

  async update(
    actor: Actor,
    context: AuditContext,
    id: string,
    changes: TargetChanges,
  ): Promise<TargetView> {
    assertWriter(actor);
    return this.dataSource.transaction(async (manager) => {
      await lockTree(manager);
      const current = await this.view(manager, id);
      const next: TargetFields = {
        code: changes.code ?? current.code,
        name: changes.name ?? current.name,
        kind: current.kind,
        periodFrom: changes.periodFrom ?? current.periodFrom,
        periodTo: changes.periodTo ?? current.periodTo,
        target: changes.target ?? current.target,
        filter: changes.filter ?? current.filter,
        parentId: changes.parentId === undefined ? current.parentId : changes.parentId,
        unitId: changes.unitId === undefined ? current.unitId : changes.unitId,
      };
      assertValid(next);
      await this.checkReferences(manager, next, id);
      try {
        await manager.query(
          `UPDATE training_targets
              SET code = $2, name = $3, period_from = $4, period_to = $5, target = $6,
                  filter = $7::jsonb, parent_id = $8, unit_id = $9, updated_at = now()
            WHERE id = $1`,
          [
            id,
            next.code,
            next.name,
            next.periodFrom,
            next.periodTo,
            next.target,
            JSON.stringify(next.filter),
            next.parentId,
            next.unitId,
          ],
        );
      } catch (error) {
        throw asCodeTaken(error, next.code);
      }
      const saved = await this.view(manager, id);
      await this.audit.recordWith(manager, context, {
        entity: 'training_target',
        entityId: id,
        before: auditable(current),
        after: auditable(saved),
      });
      return saved;
    });
  }

  /** Removes a target without parts (remove or move its parts first). */
  async remove(actor: Actor, context: AuditContext, id: string): Promise<void> {
    assertWriter(actor);
    await this.dataSource.transaction(async (manager) => {
      await lockTree(manager);
      const current = await this.view(manager, id);
      const [{ parts }] = await manager.query(
        `SELECT count(*)::int AS parts FROM training_targets WHERE parent_id = $1`,
        [id],
      );
      if (parts > 0) {
        throw new DomainError(
          'TARGET_HAS_PARTS',
          'conflict',
          `Target ${current.code} has ${parts} part(s); remove or move them first.`,
          { parts },
        );
      }
      await manager.query(`DELETE FROM training_targets WHERE id = $1`, [id]);
      await this.audit.recordWith(manager, context, {
        entity: 'training_target',
        entityId: id,
        before: auditable(current),
        after: null,
      });
    });
  }

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
    actor: Actor,
    options: { unitId?: string; at?: string },
  ): Promise<ReportResult<TargetsReport>> {
    assertReader(actor);
    const today = this.clock.today();
    const at = options.at ?? today;
    if (options.unitId) await unitPath(this.dataSource, options.unitId);
    const targets: TargetView[] = await this.dataSource.query(
      `${VIEW_SELECT} ORDER BY t.period_from, t.code`,
    );
    const ids = targets.map((target) => target.id);
    const scope = reportScope(actor);
    const params = { ...scope.params, ids, asOf: at, today };
    const participations = await this.query<{
      id: string;
      participations: number;
      ratio: string;
      achieved: boolean;
    }>(
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
    const shares = await this.query<{
      id: string;
      population: number;
      meeting: number;
      actual: string | null;
      ratio: string | null;
      achieved: boolean | null;
    }>(
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

  /** Parent and unit exist; the parent is of the same kind and not the target or its part. */
  private async checkReferences(
    manager: EntityManager,
    fields: TargetFields,
    self: string | null,
  ): Promise<void> {
    if (fields.unitId) {
      const [unit] = await manager.query(`SELECT 1 FROM units WHERE id = $1`, [fields.unitId]);
      if (!unit) throw unknownReference('unitId', 'unit');
    }
    if (!fields.parentId) return;
    const [parent] = await manager.query(`SELECT kind FROM training_targets WHERE id = $1`, [
      fields.parentId,
    ]);
    if (!parent) throw unknownReference('parentId', 'target');
    if (parent.kind !== fields.kind) {
      throw invalidParent(`A ${fields.kind} target cannot be a part of a ${parent.kind} target.`);
    }
    if (self) {
      const [cycle] = await manager.query(
        `WITH RECURSIVE up AS (
           SELECT id, parent_id FROM training_targets WHERE id = $1
           UNION ALL
           SELECT t.id, t.parent_id FROM training_targets t JOIN up ON t.id = up.parent_id
         )
         SELECT 1 FROM up WHERE id = $2`,
        [fields.parentId, self],
      );
      if (cycle) throw invalidParent('A target cannot be a part of itself or of one of its parts.');
    }
  }

  private async view(manager: EntityManager, id: string): Promise<TargetView> {
    const [row] = await manager.query(`${VIEW_SELECT} WHERE t.id = $1`, [id]);
    if (!row) throw targetNotFound(id);
    return row;
  }

  private query<T>(sql: string, params: Record<string, unknown>): Promise<T[]> {
    const [text, values] = this.dataSource.driver.escapeQueryWithParameters(sql, params);
    return this.dataSource.query(text, values);
  }
}

/** A staff_share condition on one measure: met when the filter does not ask for it. */
const condition = (key: string, value: string) =>
  `(t.filter #> '{condition,${key}}' IS NULL OR ${value} >= (t.filter #>> '{condition,${key}}')::int)`;

function assertReader(actor: Actor): void {
  if (!mayReadTargets(actor)) throw forbidden('Only users holding a role may read targets.');
}

function assertWriter(actor: Actor): void {
  if (!isAdmin(actor)) throw forbidden('Only administrators may change targets.');
}

/** Changes to the tree of targets (parents, parts) are made one at a time. */
async function lockTree(manager: EntityManager): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('training_targets'))`);
}

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

function assertValid(fields: TargetFields): void {
  const errors: FieldError[] = [];
  if (fields.periodTo < fields.periodFrom) {
    errors.push({
      field: 'periodTo',
      message: 'periodTo must be on or after periodFrom',
      code: 'PERIOD_REVERSED',
    });
  }
  if (!TARGET_PATTERN.test(fields.target)) {
    errors.push({
      field: 'target',
      message: `target must be a positive number of at most ${MAX_TARGET_DIGITS} digits and 2 decimals`,
      code: 'IS_POSITIVE_DECIMAL',
    });
  } else if (fields.kind === 'staff_share' && Number(fields.target) > 100) {
    errors.push({
      field: 'target',
      message: 'a staff_share target is a percentage, at most 100',
      code: 'MAX',
    });
  }
  errors.push(...targetFilterErrors(fields.kind, fields.filter));
  if (errors.length) throw invalid(errors);
}

type Check = (value: unknown, field: string) => FieldError[];

const fail = (field: string, message: string, code: ErrorCode): FieldError[] => [
  { field, message, code },
];

const integerBetween =
  (min: number, max: number): Check =>
  (value, field) =>
    Number.isInteger(value) && (value as number) >= min && (value as number) <= max
      ? []
      : fail(field, `${field} must be a whole number from ${min} to ${max}`, 'IS_INT');

const isBoolean: Check = (value, field) =>
  typeof value === 'boolean' ? [] : fail(field, `${field} must be true or false`, 'IS_BOOLEAN');

const listOf =
  (each: Check, max: number): Check =>
  (value, field) => {
    if (!Array.isArray(value)) return fail(field, `${field} must be an array`, 'IS_ARRAY');
    if (!value.length) return fail(field, `${field} must not be empty`, 'ARRAY_NOT_EMPTY');
    if (value.length > max) {
      return fail(field, `${field} must have at most ${max} items`, 'ARRAY_MAX_SIZE');
    }
    if (new Set(value).size !== value.length) {
      return fail(field, `${field} must not repeat a value`, 'ARRAY_UNIQUE');
    }
    return value.flatMap((item, index) => each(item, `${field}[${index}]`));
  };

const isCategory: Check = (value, field) =>
  PROGRAM_CATEGORIES.includes(value as ProgramCategory)
    ? []
    : fail(field, `${field} must be one of ${PROGRAM_CATEGORIES.join(', ')}`, 'IS_IN');

/** An object with only these keys, each checked; `required` keys must be present. */
const shape =
  (keys: Record<string, Check>, options: { required?: string[]; nonEmpty?: boolean } = {}) =>
  (value: unknown, field: string): FieldError[] => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return fail(field, `${field} must be an object`, 'IS_OBJECT');
    }
    const errors: FieldError[] = [];
    for (const [key, item] of Object.entries(value)) {
      const at = `${field}.${key}`;
      if (!Object.hasOwn(keys, key)) {
        errors.push({
          field: at,
          message: `property ${key} should not exist`,
          code: 'UNKNOWN_FIELD',
        });
      } else {
        errors.push(...keys[key](item, at));
      }
    }
    for (const key of options.required ?? []) {
      if (!Object.hasOwn(value, key)) {
        errors.push({
          field: `${field}.${key}`,
          message: `${key} is required`,
          code: 'IS_DEFINED',
        });
      }
    }
    if (options.nonEmpty && !Object.keys(value).length) {
      errors.push({
        field,
        message: `${field} must name at least one requirement`,
        code: 'IS_NOT_EMPTY',
      });
    }
    return errors;
  };

const FILTER_SHAPES: Record<TargetKind, Check> = {
  participations: shape({
    categories: listOf(isCategory, PROGRAM_CATEGORIES.length),
    overseas: isBoolean,
  }),
  staff_share: shape(
    {
      population: shape({
        leadership: isBoolean,
        maxAge: integerBetween(18, 100),
        tierLevels: listOf(integerBetween(1, 20), 20),
      }),
      condition: shape(
        {
          minLanguageLevel: integerBetween(1, 6),
          minEducation: integerBetween(1, 5),
          minPoliticalTheory: integerBetween(1, 3),
        },
        { nonEmpty: true },
      ),
    },
    { required: ['condition'] },
  ),
};

/**
 * The filter's shape for its kind, strictly: unknown keys, wrong types and out-of-range
 * values are each reported, with the path of the field (`filter.population.maxAge`).
 */
export function targetFilterErrors(kind: TargetKind, filter: unknown): FieldError[] {
  return FILTER_SHAPES[kind](filter, 'filter');
}

function asCodeTaken(error: unknown, code: string): unknown {
  const driver =
    (error as { driverError?: { code?: string; constraint?: string } }).driverError ??
    (error as { code?: string; constraint?: string });
  return driver?.code === '23505' && driver.constraint === 'training_targets_code_key'
    ? new DomainError('CODE_TAKEN', 'conflict', `The code ${code} is taken.`)
    : error;
}

const auditable = (target: TargetView): Record<string, unknown> => ({
  code: target.code,
  name: target.name,
  kind: target.kind,
  periodFrom: target.periodFrom,
  periodTo: target.periodTo,
  target: target.target,
  filter: target.filter,
  parentId: target.parentId,
  unitId: target.unitId,
});
