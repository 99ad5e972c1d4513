import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface AuditContext {
  actorUserId: string | null;
  requestId?: string | null;
}

type Row = Record<string, unknown>;

/**
 * Records changes in the caller's transaction, so the change and its audit row commit
 * together. For updates only the fields that changed are kept, before and after.
 */
@Injectable()
export class AuditService {
  async record(
    manager: EntityManager,
    context: AuditContext,
    change: { entity: string; entityId: string; before: Row | null; after: Row | null },
  ): Promise<void> {
    const action = change.before === null ? 'create' : change.after === null ? 'delete' : 'update';
    let { before, after } = change;
    if (action === 'update') {
      const changed = Object.keys({ ...before, ...after }).filter(
        (key) => !['updatedAt', 'createdAt'].includes(key) && !sameValue(before![key], after![key]),
      );
      if (!changed.length) return;
      before = pick(before!, changed);
      after = pick(after!, changed);
    }
    // jsonb values go through SQL parameters as JSON text.
    await manager.query(
      `INSERT INTO audit_log (actor_user_id, request_id, entity, entity_id, action, before, after)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb)`,
      [
        context.actorUserId,
        context.requestId ?? null,
        change.entity,
        change.entityId,
        action,
        before && JSON.stringify(before),
        after && JSON.stringify(after),
      ],
    );
  }
}

const pick = (row: Row, keys: string[]) =>
  Object.fromEntries(keys.map((key) => [key, row[key] ?? null]));
const sameValue = (a: unknown, b: unknown) =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
