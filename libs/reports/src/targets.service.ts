import { Actor, Ctx, forbidden, isAdmin } from '@app/access';
import { AuditService } from '@app/audit';
import { DomainError, FieldError } from '@app/common';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { targetFieldErrors, TargetKind } from './target-filters';

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

/** A target as its view reads it (`WHERE` or `ORDER BY` follow). */
export const VIEW_SELECT = `
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
 * kept by administrators. Their progress is TargetProgressService's report; the checks of
 * their fields are the plain functions of target-filters.
 */
@Injectable()
export class TargetsService {
  constructor(private readonly audit: AuditService) {}

  async list(
    ctx: Ctx,
    filter: { kind?: TargetKind; page: number; pageSize: number },
  ): Promise<{ items: TargetView[]; total: number }> {
    assertTargetReader(ctx.actor);
    const where = filter.kind ? 'WHERE t.kind = $1' : '';
    const params: unknown[] = filter.kind ? [filter.kind] : [];
    const [{ total }] = await ctx.manager.query(
      `SELECT count(*)::int AS total FROM training_targets t ${where}`,
      params,
    );
    const items = await ctx.manager.query(
      `${VIEW_SELECT} ${where}
        ORDER BY t.period_from, t.code
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, filter.pageSize, (filter.page - 1) * filter.pageSize],
    );
    return { items, total };
  }

  async get(ctx: Ctx, id: string): Promise<TargetView> {
    assertTargetReader(ctx.actor);
    return this.view(ctx.manager, id);
  }

  async create(ctx: Ctx, fields: TargetFields): Promise<TargetView> {
    assertWriter(ctx.actor);
    assertValid(fields);
    return ctx.transaction(async (tx) => {
      await lockTree(tx.manager);
      await this.checkReferences(tx.manager, fields, null);
      let id: string;
      try {
        [{ id }] = await tx.manager.query(
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
      const created = await this.view(tx.manager, id);
      await this.audit.record(tx, 'training_target', id, null, auditable(created));
      return created;
    });
  }

  async update(ctx: Ctx, id: string, changes: TargetChanges): Promise<TargetView> {
    assertWriter(ctx.actor);
    return ctx.transaction(async (tx) => {
      await lockTree(tx.manager);
      const current = await this.view(tx.manager, id);
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
      await this.checkReferences(tx.manager, next, id);
      try {
        await tx.manager.query(
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
      const saved = await this.view(tx.manager, id);
      await this.audit.record(tx, 'training_target', id, auditable(current), auditable(saved));
      return saved;
    });
  }

  /** Removes a target without parts (remove or move its parts first). */
  async remove(ctx: Ctx, id: string): Promise<void> {
    assertWriter(ctx.actor);
    await ctx.transaction(async (tx) => {
      await lockTree(tx.manager);
      const current = await this.view(tx.manager, id);
      const [{ parts }] = await tx.manager.query(
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
      await tx.manager.query(`DELETE FROM training_targets WHERE id = $1`, [id]);
      await this.audit.record(tx, 'training_target', id, auditable(current), null);
    });
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
}

/** Refuses a caller who may not read targets (see mayReadTargets). */
export function assertTargetReader(actor: Actor): void {
  if (!mayReadTargets(actor)) throw forbidden('Only users holding a role may read targets.');
}

function assertWriter(actor: Actor): void {
  if (!isAdmin(actor)) throw forbidden('Only administrators may change targets.');
}

/** Changes to the tree of targets (parents, parts) are made one at a time. */
async function lockTree(manager: EntityManager): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('training_targets'))`);
}

function assertValid(fields: TargetFields): void {
  const errors = targetFieldErrors(fields);
  if (errors.length) throw invalid(errors);
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
