import { Actor } from '@app/access';
import { AuditContext, AuditService } from '@app/audit';
import { CodeOfKind, DomainError } from '@app/common';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { ManagementAuthority, Position, Unit } from './entities';
import { escapeLike, toSearchName } from './search-name';
import { assertAdmin } from './units.service';

/** Positions with their standards, and management authorities: reference data, changed by admins. */
@Injectable()
export class PositionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  listPositions(): Promise<Position[]> {
    return this.dataSource.getRepository(Position).find({ order: { code: 'ASC' } });
  }

  getPosition(id: string): Promise<Position> {
    return this.findOr404(Position, id, 'POSITION_NOT_FOUND', 'position');
  }

  createPosition(
    actor: Actor,
    context: AuditContext,
    fields: Omit<Position, 'id'>,
  ): Promise<Position> {
    return this.create(actor, context, Position, 'position', fields);
  }

  updatePosition(
    actor: Actor,
    context: AuditContext,
    id: string,
    changes: Partial<Omit<Position, 'id'>>,
  ) {
    return this.update(actor, context, Position, 'position', 'POSITION_NOT_FOUND', id, changes);
  }

  /** By code; `q` matches the name (diacritics and case ignored) or the code. */
  listAuthorities(q?: string): Promise<ManagementAuthority[]> {
    const query = this.dataSource
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

  getAuthority(id: string): Promise<ManagementAuthority> {
    return this.findOr404(ManagementAuthority, id, 'AUTHORITY_NOT_FOUND', 'management authority');
  }

  async createAuthority(
    actor: Actor,
    context: AuditContext,
    fields: Omit<ManagementAuthority, 'id'>,
  ) {
    await this.assertUnit(fields.unitId);
    return this.create(actor, context, ManagementAuthority, 'authority', fields);
  }

  async updateAuthority(
    actor: Actor,
    context: AuditContext,
    id: string,
    changes: Partial<Omit<ManagementAuthority, 'id'>>,
  ) {
    if (changes.unitId) await this.assertUnit(changes.unitId);
    return this.update(
      actor,
      context,
      ManagementAuthority,
      'authority',
      'AUTHORITY_NOT_FOUND',
      id,
      changes,
    );
  }

  private async findOr404<T extends ObjectLiteral>(
    target: EntityTarget<T>,
    id: string,
    code: CodeOfKind<'not_found'>,
    label: string,
  ) {
    const found = await this.dataSource.getRepository(target).findOneBy({ id } as never);
    if (!found) throw new DomainError(code, 'not_found', `No ${label} ${id}.`);
    return found;
  }

  private async create<T extends ObjectLiteral & { id: string; code: string }>(
    actor: Actor,
    context: AuditContext,
    target: EntityTarget<T>,
    entity: string,
    fields: Omit<T, 'id'>,
  ): Promise<T> {
    assertAdmin(actor);
    return this.dataSource.transaction(async (manager) => {
      if (await manager.existsBy(target, { code: fields.code } as never)) {
        throw new DomainError('CODE_TAKEN', 'conflict', `The code ${fields.code} is taken.`);
      }
      const saved = (await manager.getRepository(target).save(fields as never)) as unknown as T;
      await this.audit.recordWith(manager, context, {
        entity,
        entityId: saved.id,
        before: null,
        after: { ...saved },
      });
      return saved;
    });
  }

  private async update<T extends ObjectLiteral & { id: string; code: string }>(
    actor: Actor,
    context: AuditContext,
    target: EntityTarget<T>,
    entity: string,
    notFoundCode: CodeOfKind<'not_found'>,
    id: string,
    changes: Partial<T>,
  ): Promise<T> {
    assertAdmin(actor);
    return this.dataSource.transaction(async (manager) => {
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
      await this.audit.recordWith(manager, context, {
        entity,
        entityId: id,
        before: { ...current },
        after: { ...saved },
      });
      return saved;
    });
  }

  private async assertUnit(unitId: string): Promise<void> {
    if (!(await this.dataSource.getRepository(Unit).existsBy({ id: unitId }))) {
      throw new DomainError('UNKNOWN_REFERENCE', 'unprocessable', 'The unit does not exist.', {
        errors: [{ field: 'unitId', message: 'No such unit', code: 'UNKNOWN_REFERENCE' }],
      });
    }
  }
}
