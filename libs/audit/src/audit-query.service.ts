import { Injectable } from '@nestjs/common';
import { DataSource, FindOptionsWhere } from 'typeorm';
import { AuditEntry } from './audit-entry.entity';

@Injectable()
export class AuditQueryService {
  constructor(private readonly dataSource: DataSource) {}

  /** Newest first. */
  async list(filter: { entity?: string; entityId?: string; page: number; pageSize: number }) {
    const where: FindOptionsWhere<AuditEntry> = {};
    if (filter.entity) where.entity = filter.entity;
    if (filter.entityId) where.entityId = filter.entityId;
    const [items, total] = await this.dataSource.getRepository(AuditEntry).findAndCount({
      where,
      order: { id: 'DESC' },
      skip: (filter.page - 1) * filter.pageSize,
      take: filter.pageSize,
    });
    return { items, total };
  }
}
