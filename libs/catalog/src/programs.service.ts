import { Ctx } from '@app/access';
import { AuditService } from '@app/audit';
import { DomainError } from '@app/common';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { grantsErrors } from './catalog-rules';
import type { ProgramCategory } from './catalog-types';
import { Program, Provider } from './entities/catalog.entities';
import {
  assertCatalogAdmin,
  codeTaken,
  escapeLike,
  fieldErrors,
  unknownReference,
} from './catalog-errors';

export type ProgramFields = Omit<Program, 'id'>;

export interface ProgramFilter {
  category?: ProgramCategory;
  overseas?: boolean;
  active?: boolean;
  providerId?: string;
  q?: string;
  page: number;
  pageSize: number;
}

/** Training programmes: read by every signed-in user, changed by administrators. */
@Injectable()
export class ProgramsService {
  constructor(private readonly audit: AuditService) {}

  async list(ctx: Ctx, filter: ProgramFilter) {
    const query = ctx.manager.getRepository(Program).createQueryBuilder('p');
    if (filter.category) query.andWhere('p.category = :category', { category: filter.category });
    if (filter.overseas !== undefined) {
      query.andWhere('p.overseas = :overseas', { overseas: filter.overseas });
    }
    if (filter.active !== undefined)
      query.andWhere('p.active = :active', { active: filter.active });
    if (filter.providerId) {
      query.andWhere('p.provider_id = :providerId', { providerId: filter.providerId });
    }
    if (filter.q) {
      query.andWhere('(p.name ILIKE :q OR p.code ILIKE :q)', { q: `%${escapeLike(filter.q)}%` });
    }
    const [items, total] = await query
      .orderBy('p.code')
      .skip((filter.page - 1) * filter.pageSize)
      .take(filter.pageSize)
      .getManyAndCount();
    return { items, total };
  }

  async get(ctx: Ctx, id: string): Promise<Program> {
    const program = await ctx.manager.getRepository(Program).findOneBy({ id });
    if (!program) throw programNotFound(id);
    return program;
  }

  async create(ctx: Ctx, fields: ProgramFields): Promise<Program> {
    assertCatalogAdmin(ctx.actor);
    const errors = grantsErrors(fields.grantsKind, fields.grantsLevel);
    if (errors.length) throw fieldErrors(errors);
    return ctx.transaction(async (tx) => {
      const manager = tx.manager;
      await assertProvider(manager, fields.providerId);
      if (await manager.existsBy(Program, { code: fields.code })) throw codeTaken(fields.code);
      const saved = await manager.save(Program, manager.create(Program, fields));
      await this.audit.record(tx, 'program', saved.id, null, { ...saved });
      return saved;
    });
  }

  async update(ctx: Ctx, id: string, changes: Partial<ProgramFields>): Promise<Program> {
    assertCatalogAdmin(ctx.actor);
    return ctx.transaction(async (tx) => {
      const manager = tx.manager;
      const current = await manager
        .getRepository(Program)
        .createQueryBuilder('p')
        .where('p.id = :id', { id })
        .setLock('pessimistic_write')
        .getOne();
      if (!current) throw programNotFound(id);
      const next = { ...current, ...changes };
      const errors = grantsErrors(next.grantsKind, next.grantsLevel);
      if (errors.length) throw fieldErrors(errors);
      if (changes.providerId !== undefined && changes.providerId !== current.providerId) {
        await assertProvider(manager, changes.providerId);
      }
      if (
        changes.code !== undefined &&
        changes.code !== current.code &&
        (await manager.existsBy(Program, { code: changes.code }))
      ) {
        throw codeTaken(changes.code);
      }
      const saved = await manager.save(Program, next);
      await this.audit.record(tx, 'program', id, { ...current }, { ...saved });
      return saved;
    });
  }
}

const programNotFound = (id: string) =>
  new DomainError('PROGRAM_NOT_FOUND', 'not_found', `No programme ${id}.`);

async function assertProvider(manager: EntityManager, providerId: string): Promise<void> {
  if (!(await manager.existsBy(Provider, { id: providerId }))) {
    throw unknownReference('providerId', 'provider');
  }
}
