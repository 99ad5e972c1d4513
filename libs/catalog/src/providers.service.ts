import { Ctx } from '@app/access';
import { AuditService } from '@app/audit';
import { DomainError } from '@app/common';
import { Injectable } from '@nestjs/common';
import { assertCatalogAdmin, codeTaken, escapeLike } from './catalog-errors';
import { Provider } from './entities/catalog.entities';

export type ProviderFields = Omit<Provider, 'id'>;

/** Training providers: read by every signed-in user, changed by administrators. */
@Injectable()
export class ProvidersService {
  constructor(private readonly audit: AuditService) {}

  async list(ctx: Ctx, filter: { q?: string; active?: boolean; page: number; pageSize: number }) {
    const query = ctx.manager.getRepository(Provider).createQueryBuilder('p');
    if (filter.q) {
      query.andWhere('(p.name ILIKE :q OR p.code ILIKE :q)', { q: `%${escapeLike(filter.q)}%` });
    }
    if (filter.active !== undefined)
      query.andWhere('p.active = :active', { active: filter.active });
    const [items, total] = await query
      .orderBy('p.code')
      .skip((filter.page - 1) * filter.pageSize)
      .take(filter.pageSize)
      .getManyAndCount();
    return { items, total };
  }

  async get(ctx: Ctx, id: string): Promise<Provider> {
    const provider = await ctx.manager.getRepository(Provider).findOneBy({ id });
    if (!provider) throw providerNotFound(id);
    return provider;
  }

  async create(ctx: Ctx, fields: ProviderFields): Promise<Provider> {
    assertCatalogAdmin(ctx.actor);
    return ctx.transaction(async (tx) => {
      const manager = tx.manager;
      if (await manager.existsBy(Provider, { code: fields.code })) throw codeTaken(fields.code);
      const saved = await manager.save(Provider, manager.create(Provider, fields));
      await this.audit.record(tx, 'provider', saved.id, null, { ...saved });
      return saved;
    });
  }

  async update(ctx: Ctx, id: string, changes: Partial<ProviderFields>): Promise<Provider> {
    assertCatalogAdmin(ctx.actor);
    return ctx.transaction(async (tx) => {
      const manager = tx.manager;
      const current = await manager
        .getRepository(Provider)
        .createQueryBuilder('p')
        .where('p.id = :id', { id })
        .setLock('pessimistic_write')
        .getOne();
      if (!current) throw providerNotFound(id);
      if (
        changes.code !== undefined &&
        changes.code !== current.code &&
        (await manager.existsBy(Provider, { code: changes.code }))
      ) {
        throw codeTaken(changes.code);
      }
      const saved = await manager.save(Provider, { ...current, ...changes });
      await this.audit.record(tx, 'provider', id, { ...current }, { ...saved });
      return saved;
    });
  }
}

const providerNotFound = (id: string) =>
  new DomainError('PROVIDER_NOT_FOUND', 'not_found', `No provider ${id}.`);
