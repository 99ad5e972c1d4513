import { Ctx } from '@app/access';
import { AuditService } from '@app/audit';
import { CodeOfKind, DomainError } from '@app/common';
import { Injectable } from '@nestjs/common';
import { EntityTarget, ObjectLiteral } from 'typeorm';
import { ManagementAuthority, Position, Unit } from './entities';
import { escapeLike, toSearchName } from './search-name';
import { assertAdmin } from './units.service';

/** Positions with their standards, and management authorities: reference data, changed by admins. */
@Injectable()
export class PositionsService {
  constructor(private readonly audit: AuditService) {}

  listPositions(ctx: Ctx): Promise<Position[]> {
    return ctx.manager.getRepository(Position).find({ order: { code: 'ASC' } });
  }

  getPosition(ctx: Ctx, id: string): Promise<Position> {
    return this.findOr404(ctx, Position, id, 'POSITION_NOT_FOUND', 'position');
  }

  createPosition(ctx: Ctx, fields: Omit<Position, 'id'>): Promise<Position> {
    return this.create(ctx, Position, 'position', fields);
  }

  updatePosition(ctx: Ctx, id: string, changes: Partial<Omit<Position, 'id'>>) {
    return this.update(ctx, Position, 'position', 'POSITION_NOT_FOUND', id, changes);
  }

  /** By code; `q` matches the name (diacritics and case ignored) or the code. */
  listAuthorities(ctx: Ctx, q?: string): Promise<ManagementAuthority[]> {
    const query = ctx.manager
      .getRepository(ManagementAuthority)
      .createQueryBuilder('a')
      .orderBy('a.code');
    if (q) {
      query.where('(a.search_name LIKE :name OR a.code ILIKE :code)', {
        name: `%${escapeLike(toSearchName(q))}%`,
        code: `%${escapeLike(q)}%`,
      });
    }
    return query.getMany();
  }

  getAuthority(ctx: Ctx, id: string): Promise<ManagementAuthority> {
    return this.findOr404(
      ctx,
      ManagementAuthority,
      id,
      'AUTHORITY_NOT_FOUND',
      'management authority',
    );
  }

  async createAuthority(ctx: Ctx, fields: Omit<ManagementAuthority, 'id'>) {
    await this.assertUnit(ctx, fields.unitId);
    return this.create(ctx, ManagementAuthority, 'authority', fields);
  }

  async updateAuthority(ctx: Ctx, id: string, changes: Partial<Omit<ManagementAuthority, 'id'>>) {
    if (changes.unitId) await this.assertUnit(ctx, changes.unitId);
    return this.update(ctx, ManagementAuthority, 'authority', 'AUTHORITY_NOT_FOUND', id, changes);
  }

  private async findOr404<T extends ObjectLiteral>(
    ctx: Ctx,
    target: EntityTarget<T>,
    id: string,
    code: CodeOfKind<'not_found'>,
    label: string,
  ) {
    const found = await ctx.manager.getRepository(target).findOneBy({ id } as never);
    if (!found) throw new DomainError(code, 'not_found', `No ${label} ${id}.`);
    return found;
  }

  private async create<T extends ObjectLiteral & { id: string; code: string }>(
    ctx: Ctx,
    target: EntityTarget<T>,
    entity: string,
    fields: Omit<T, 'id'>,
  ): Promise<T> {
    assertAdmin(ctx.actor);
    return ctx.transaction(async (tx) => {
      const { manager } = tx;
      if (await manager.existsBy(target, { code: fields.code } as never)) {
        throw new DomainError('CODE_TAKEN', 'conflict', `The code ${fields.code} is taken.`);
      }
      const saved = (await manager.getRepository(target).save(fields as never)) as unknown as T;
      await this.audit.record(tx, entity, saved.id, null, { ...saved });
      return saved;
    });
  }

  private async update<T extends ObjectLiteral & { id: string; code: string }>(
    ctx: Ctx,
    target: EntityTarget<T>,
    entity: string,
    notFoundCode: CodeOfKind<'not_found'>,
    id: string,
    changes: Partial<T>,
  ): Promise<T> {
    assertAdmin(ctx.actor);
    return ctx.transaction(async (tx) => {
      const { manager } = tx;
      const current = await manager
        .getRepository(target)
        .createQueryBuilder('row')
        .where('row.id = :id', { id })
        .setLock('pessimistic_write')
        .getOne();
      if (!current) throw new DomainError(notFoundCode, 'not_found', `No ${entity} ${id}.`);
      if (
        changes.code &&
        changes.code !== current.code &&
        (await manager.existsBy(target, { code: changes.code } as never))
      ) {
        throw new DomainError('CODE_TAKEN', 'conflict', `The code ${changes.code} is taken.`);
      }
      const saved = (await manager
        .getRepository(target)
        .save({ ...current, ...changes } as never)) as unknown as T;
      await this.audit.record(tx, entity, id, { ...current }, { ...saved });
      return saved;
    });
  }

  private async assertUnit(ctx: Ctx, unitId: string): Promise<void> {
    if (!(await ctx.manager.getRepository(Unit).existsBy({ id: unitId }))) {
      throw new DomainError('UNKNOWN_REFERENCE', 'unprocessable', 'The unit does not exist.', {
        errors: [{ field: 'unitId', message: 'No such unit', code: 'UNKNOWN_REFERENCE' }],
      });
    }
  }
}
