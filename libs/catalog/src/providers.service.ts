import { Actor } from '@app/access';
import { AuditContext, AuditService } from '@app/audit';
import { DomainError } from '@app/common';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assertCatalogAdmin, codeTaken, escapeLike } from './catalog-errors';
import { Provider } from './entities/catalog.entities';

export type ProviderFields = Omit<Provider, 'id'>;

/** Training providers: read by every signed-in user, changed by administrators. */
@Injectable()
export class ProvidersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(filter: { q?: string; active?: boolean; page: number; pageSize: number }) {
    const query = this.dataSource.getRepository(Provider).createQueryBuilder('p');
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

  async get(id: string): Promise<Provider> {
    const provider = await this.dataSource.getRepository(Provider).findOneBy({ id });
    if (!provider) throw providerNotFound(id);
    return provider;
  }

  async create(actor: Actor, context: AuditContext, fields: ProviderFields): Promise<Provider> {
    assertCatalogAdmin(actor);
    return this.dataSource.transaction(async (manager) => {
      if (await manager.existsBy(Provider, { code: fields.code })) throw codeTaken(fields.code);
      const saved = await manager.save(Provider, manager.create(Provider, fields));
      await this.audit.recordWith(manager, context, {
        entity: 'provider',
        entityId: saved.id,
        before: null,
        after: { ...saved },
      });
      return saved;
    });
  }

  async update(
    actor: Actor,
    context: AuditContext,
    id: string,
    changes: Partial<ProviderFields>,
  ): Promise<Provider> {
    assertCatalogAdmin(actor);
    return this.dataSource.transaction(async (manager) => {
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
      await this.audit.recordWith(manager, context, {
        entity: 'provider',
        entityId: id,
        before: { ...current },
        after: { ...saved },
      });
      return saved;
    });
  }
}

const providerNotFound = (id: string) =>
  new DomainError('PROVIDER_NOT_FOUND', 'not_found', `No provider ${id}.`);
