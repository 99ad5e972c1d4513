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
    // The actors' names, in one query over the page's actors.
    const actorIds = [...new Set(items.map((item) => item.actorUserId).filter(Boolean))];
    const names = new Map<string, string>(
      actorIds.length
        ? (
            await this.dataSource.query(
              `SELECT id, display_name AS "displayName" FROM users WHERE id = ANY($1::uuid[])`,
              [actorIds],
            )
          ).map((row: { id: string; displayName: string }) => [row.id, row.displayName])
        : [],
    );
    return {
      items: items.map((item) => ({
        ...item,
        actorName: item.actorUserId ? (names.get(item.actorUserId) ?? null) : null,
      })),
      total,
    };
  }
}
