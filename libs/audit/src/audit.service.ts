import type { WorkContext } from '@app/common';
import { Injectable } from '@nestjs/common';

type Row = Record<string, unknown>;
type Change = { entity: string; entityId: string; before: Row | null; after: Row | null };

/**
 * Records changes in the caller's transaction, so the change and its audit row commit
 * together. For updates only the fields that changed are kept, before and after.
 */
@Injectable()
export class AuditService {
  /**
   * Records one change of `entity` in the context's transaction, as its actor, for its
   * request: `before` null for a creation, `after` null for a deletion.
   */
  async record(
    ctx: WorkContext,
    entity: string,
    entityId: string,
    before: Row | null,
    after: Row | null,
  ): Promise<void> {
    const row = auditRow({ entity, entityId, before, after });
    if (!row) return;
    // jsonb values go through SQL parameters as JSON text.
    await ctx.manager.query(
      `INSERT INTO audit_log (actor_user_id, request_id, entity, entity_id, action, before, after)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb)`,
      [ctx.actorUserId, ctx.requestId, row.entity, row.entityId, row.action, row.before, row.after],
    );
  }

  /**
   * The same for many changes at once, in one INSERT per few thousand rows: an import of a
   * thousand records would otherwise spend most of its time in round trips to the database.
   */
  async recordMany(ctx: WorkContext, changes: Change[]): Promise<void> {
    const rows = changes.map(auditRow).filter((row) => row !== null);
    for (let start = 0; start < rows.length; start += CHUNK) {
      const chunk = rows.slice(start, start + CHUNK);
      await ctx.manager.query(
        `INSERT INTO audit_log (actor_user_id, request_id, entity, entity_id, action, before, after)
         SELECT $1::uuid, $2::text, v.entity, v.entity_id, v.action, v.before::jsonb, v.after::jsonb
           FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
                WITH ORDINALITY AS v(entity, entity_id, action, before, after, ord)
          ORDER BY v.ord`,
        [
          ctx.actorUserId,
          ctx.requestId,
          chunk.map((row) => row.entity),
          chunk.map((row) => row.entityId),
          chunk.map((row) => row.action),
          chunk.map((row) => row.before),
          chunk.map((row) => row.after),
        ],
      );
    }
  }
}

const CHUNK = 2000;

/** The row one change writes, or null for an update that changes nothing. */
function auditRow(change: {
  entity: string;
  entityId: string;
  before: Row | null;
  after: Row | null;
}) {
  const action = change.before === null ? 'create' : change.after === null ? 'delete' : 'update';
  let { before, after } = change;
  if (action === 'update') {
    const changed = Object.keys({ ...before, ...after }).filter(
      (key) => !['updatedAt', 'createdAt'].includes(key) && !sameValue(before![key], after![key]),
    );
    if (!changed.length) return null;
    before = pick(before!, changed);
    after = pick(after!, changed);
  }
  return {
    entity: change.entity,
    entityId: change.entityId,
    action,
    before: before && JSON.stringify(before),
    after: after && JSON.stringify(after),
  };
}

const pick = (row: Row, keys: string[]) =>
  Object.fromEntries(keys.map((key) => [key, row[key] ?? null]));
const sameValue = (a: unknown, b: unknown) =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
