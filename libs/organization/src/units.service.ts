import { Actor, Ctx, isAdmin } from '@app/access';
import { AuditService } from '@app/audit';
import { DomainError } from '@app/common';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Tier, Unit, UnitPlacement } from './entities';
import { escapeLike, toSearchName } from './search-name';

export interface UnitFields {
  code: string;
  name: string;
  tierId: string;
  kind: string;
  parentId: string | null;
  active: boolean;
}

/**
 * Tiers and the unit tree. The structure of the organization is reference data: every
 * signed-in user may read it; only administrators change it.
 */
@Injectable()
export class UnitsService {
  constructor(private readonly audit: AuditService) {}

  listTiers(ctx: Ctx): Promise<Tier[]> {
    return ctx.manager.getRepository(Tier).find({ order: { level: 'ASC' } });
  }

  async createTier(ctx: Ctx, fields: Omit<Tier, 'id'>): Promise<Tier> {
    assertAdmin(ctx.actor);
    return ctx.transaction(async (tx) => {
      const { manager } = tx;
      const clash = await manager
        .getRepository(Tier)
        .findOne({ where: [{ code: fields.code }, { level: fields.level }] });
      if (clash)
        throw new DomainError('TIER_EXISTS', 'conflict', 'A tier with that code or level exists.');
      const tier = await manager.save(Tier, fields);
      await this.audit.record(tx, 'tier', tier.id, null, { ...tier });
      return tier;
    });
  }

  async list(
    ctx: Ctx,
    filter: {
      q?: string;
      tierId?: string;
      parentId?: string;
      withinUnitId?: string;
      page: number;
      pageSize: number;
    },
  ) {
    const query = ctx.manager.getRepository(Unit).createQueryBuilder('u');
    if (filter.q) {
      // Name without diacritics or case (the generated search_name column), or code.
      query.andWhere('(u.search_name LIKE :name OR u.code ILIKE :code)', {
        name: `%${escapeLike(toSearchName(filter.q))}%`,
        code: `%${escapeLike(filter.q)}%`,
      });
    }
    if (filter.tierId) query.andWhere('u.tier_id = :tierId', { tierId: filter.tierId });
    if (filter.parentId) query.andWhere('u.parent_id = :parentId', { parentId: filter.parentId });
    if (filter.withinUnitId) {
      query.andWhere(`u.path LIKE (SELECT path FROM units WHERE id = :within) || '%'`, {
        within: filter.withinUnitId,
      });
    }
    const [items, total] = await query
      .orderBy('u.path')
      .skip((filter.page - 1) * filter.pageSize)
      .take(filter.pageSize)
      .getManyAndCount();
    return { items, total };
  }

  async get(ctx: Ctx, id: string): Promise<Unit> {
    const unit = await ctx.manager.getRepository(Unit).findOneBy({ id });
    if (!unit) throw new DomainError('UNIT_NOT_FOUND', 'not_found', `No unit ${id}.`);
    return unit;
  }

  history(ctx: Ctx, id: string): Promise<UnitPlacement[]> {
    return ctx.manager
      .getRepository(UnitPlacement)
      .find({ where: { unitId: id }, order: { validFrom: 'ASC' } });
  }

  async create(ctx: Ctx, fields: UnitFields): Promise<Unit> {
    assertAdmin(ctx.actor);
    return ctx.transaction(async (tx) => {
      const { manager } = tx;
      if (await manager.existsBy(Unit, { code: fields.code })) throw codeTaken(fields.code);
      const id = randomUUID();
      const parentPath = await this.parentPath(manager, fields.parentId);
      await this.assertTier(manager, fields.tierId);
      const unit = await manager.save(Unit, { ...fields, id, path: `${parentPath}${id}/` });
      await manager.insert(UnitPlacement, {
        unitId: id,
        parentId: fields.parentId,
        tierId: fields.tierId,
        changedBy: tx.actorUserId,
      });
      await this.audit.record(tx, 'unit', id, null, auditable(unit));
      return unit;
    });
  }

  /** Changes a unit; a new parent or tier moves it (and its subtree) and starts a new placement. */
  async update(ctx: Ctx, id: string, changes: Partial<UnitFields>): Promise<Unit> {
    assertAdmin(ctx.actor);
    return ctx.transaction(async (tx) => {
      const { manager } = tx;
      const current = await manager
        .getRepository(Unit)
        .createQueryBuilder('u')
        .where('u.id = :id', { id })
        .setLock('pessimistic_write')
        .getOne();
      if (!current) throw new DomainError('UNIT_NOT_FOUND', 'not_found', `No unit ${id}.`);
      if (
        changes.code &&
        changes.code !== current.code &&
        (await manager.existsBy(Unit, { code: changes.code }))
      ) {
        throw codeTaken(changes.code);
      }
      const next = { ...current, ...changes };
      const moved =
        (changes.parentId !== undefined && changes.parentId !== current.parentId) ||
        (changes.tierId !== undefined && changes.tierId !== current.tierId);
      if (changes.tierId) await this.assertTier(manager, changes.tierId);
      if (moved) {
        const parentPath = await this.parentPath(manager, next.parentId);
        if (parentPath.startsWith(current.path)) {
          throw new DomainError(
            'UNIT_CYCLE',
            'unprocessable',
            'A unit cannot move under itself or its own subtree.',
          );
        }
        next.path = `${parentPath}${id}/`;
        // Every descendant's path starts with the old path; rewrite the prefix in one statement.
        await manager.query(
          `UPDATE units SET path = $1 || substr(path, length($2) + 1) WHERE path LIKE $2 || '%' AND id <> $3`,
          [next.path, current.path, id],
        );
        await manager.query(
          `UPDATE unit_placements SET valid_to = now() WHERE unit_id = $1 AND valid_to IS NULL`,
          [id],
        );
        await manager.insert(UnitPlacement, {
          unitId: id,
          parentId: next.parentId,
          tierId: next.tierId,
          changedBy: tx.actorUserId,
        });
      }
      const saved = await manager.save(Unit, next);
      await this.audit.record(tx, 'unit', id, auditable(current), auditable(saved));
      return saved;
    });
  }

  private async parentPath(manager: EntityManager, parentId: string | null): Promise<string> {
    if (!parentId) return '/';
    const parent = await manager.findOneBy(Unit, { id: parentId });
    if (!parent) {
      throw new DomainError(
        'UNKNOWN_REFERENCE',
        'unprocessable',
        'The parent unit does not exist.',
        {
          errors: [{ field: 'parentId', message: 'No such unit', code: 'UNKNOWN_REFERENCE' }],
        },
      );
    }
    return parent.path;
  }

  private async assertTier(manager: EntityManager, tierId: string): Promise<void> {
    if (!(await manager.existsBy(Tier, { id: tierId }))) {
      throw new DomainError('UNKNOWN_REFERENCE', 'unprocessable', 'The tier does not exist.', {
        errors: [{ field: 'tierId', message: 'No such tier', code: 'UNKNOWN_REFERENCE' }],
      });
    }
  }
}

export function assertAdmin(actor: Actor): void {
  if (!isAdmin(actor))
    throw new DomainError('FORBIDDEN', 'forbidden', 'Only administrators may change this.');
}

function codeTaken(code: string): DomainError {
  return new DomainError('CODE_TAKEN', 'conflict', `Another unit has the code ${code}.`);
}

function auditable(unit: Unit): Record<string, unknown> {
  const { createdAt: _c, updatedAt: _u, ...fields } = unit;
  return fields;
}
