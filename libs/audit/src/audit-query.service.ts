import { ORGANIZATION_TIME_ZONE, WorkContext } from '@app/common';
import { Injectable } from '@nestjs/common';
import { AuditEntry } from './audit-entry.entity';

export interface AuditFilter {
  entity?: string;
  entityId?: string;
  actorUserId?: string;
  /** First day included (YYYY-MM-DD, in the organization's time zone). */
  from?: string;
  /** Last day included (YYYY-MM-DD, in the organization's time zone). */
  to?: string;
  page: number;
  pageSize: number;
}

@Injectable()
export class AuditQueryService {
  /** Newest first. */
  async list(ctx: WorkContext, filter: AuditFilter) {
    const query = ctx.manager.getRepository(AuditEntry).createQueryBuilder('a');
    if (filter.entity) query.andWhere('a.entity = :entity', { entity: filter.entity });
    if (filter.entityId) query.andWhere('a.entity_id = :entityId', { entityId: filter.entityId });
    if (filter.actorUserId) {
      query.andWhere('a.actor_user_id = :actor', { actor: filter.actorUserId });
    }
    if (filter.from) {
      query.andWhere(`a.occurred_at >= (CAST(:from AS date)::timestamp AT TIME ZONE :zone)`, {
        from: filter.from,
        zone: ORGANIZATION_TIME_ZONE,
      });
    }
    if (filter.to) {
      query.andWhere(`a.occurred_at < ((CAST(:to AS date) + 1)::timestamp AT TIME ZONE :zone)`, {
        to: filter.to,
        zone: ORGANIZATION_TIME_ZONE,
      });
    }
    const [items, total] = await query
      .orderBy('a.id', 'DESC')
      .skip((filter.page - 1) * filter.pageSize)
      .take(filter.pageSize)
      .getManyAndCount();
    // The actors' names, in one query over the page's actors.
    const actorIds = [...new Set(items.map((item) => item.actorUserId).filter(Boolean))];
    const names = new Map<string, string>(
      actorIds.length
        ? (
            await ctx.manager.query(
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
