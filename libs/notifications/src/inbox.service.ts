import type { Ctx } from '@app/access';
import { DomainError } from '@app/common';
import { Injectable } from '@nestjs/common';

/** One item of a user's in-app inbox. */
export interface InboxItem {
  id: string;
  type: string;
  title: string;
  body: string;
  link: string | null;
  /** The web application's path the item leads to, without the origin. */
  path: string | null;
  nominationId: string | null;
  createdAt: Date;
  readAt: Date | null;
}

export interface InboxPage {
  items: InboxItem[];
  /** How many items match the filter, over all pages, counted up to INBOX_COUNT_CAP. */
  total: number;
  /** The filter matches more than INBOX_COUNT_CAP items: `total` is the cap. */
  totalCapped: boolean;
  /** Unread items of the user, whatever the filter, counted up to INBOX_COUNT_CAP. */
  unreadCount: number;
  unreadCountCapped: boolean;
}

/**
 * Counts stop here: an inbox holding a million items is paged, not counted, on every request
 * (the bell asks every minute). Nobody reads "10,000+" differently from "1,000,000".
 */
export const INBOX_COUNT_CAP = 10_000;

/**
 * A notification's path in the web application: the nomination it is about, or the fund that
 * crossed a threshold (its event's aggregate).
 */
const PATH_SQL = `CASE
  WHEN nomination_id IS NOT NULL THEN '/nominations/' || nomination_id
  ELSE (SELECT CASE WHEN e.type LIKE 'fund.%' THEN '/funds/' ELSE '/nominations/' END || e.aggregate_id
          FROM outbox_events e WHERE e.id = event_id)
  END`;

/**
 * The in-app inbox the delivery worker fills. Every method works on the acting user's own
 * items only: another user's item answers as if it did not exist.
 */
@Injectable()
export class InboxService {
  /** Newest first. */
  async list(
    ctx: Ctx,
    query: { unread?: boolean; page: number; pageSize: number },
  ): Promise<InboxPage> {
    const { userId } = ctx.actor;
    const unreadOnly = query.unread === true ? 'AND read_at IS NULL' : '';
    const [items, [counts]] = await Promise.all([
      ctx.manager.query(
        `SELECT id, type, title, body, link, ${PATH_SQL} AS path,
                nomination_id AS "nominationId", created_at AS "createdAt", read_at AS "readAt"
           FROM notifications
          WHERE user_id = $1 ${unreadOnly}
          ORDER BY created_at DESC, id DESC
          LIMIT $2 OFFSET $3`,
        [userId, query.pageSize, (query.page - 1) * query.pageSize],
      ),
      // Each count reads at most cap + 1 index entries (the user's index, the unread one).
      ctx.manager.query(
        `SELECT (SELECT count(*) FROM (SELECT 1 FROM notifications WHERE user_id = $1 LIMIT $2) a)::int AS "all",
                (SELECT count(*) FROM (SELECT 1 FROM notifications WHERE user_id = $1 AND read_at IS NULL
                                        LIMIT $2) u)::int AS unread`,
        [userId, INBOX_COUNT_CAP + 1],
      ),
    ]);
    const total = query.unread === true ? counts.unread : counts.all;
    return {
      items: items as InboxItem[],
      total: Math.min(total, INBOX_COUNT_CAP),
      totalCapped: total > INBOX_COUNT_CAP,
      unreadCount: Math.min(counts.unread, INBOX_COUNT_CAP),
      unreadCountCapped: counts.unread > INBOX_COUNT_CAP,
    };
  }

  /** Marks one item read; reading it again keeps the first time. */
  async markRead(ctx: Ctx, id: string): Promise<void> {
    const [found] = await ctx.manager.query(
      `WITH item AS (
         SELECT id, read_at FROM notifications WHERE id = $1 AND user_id = $2
       ), marked AS (
         UPDATE notifications n SET read_at = now()
           FROM item WHERE n.id = item.id AND item.read_at IS NULL AND n.read_at IS NULL
       )
       SELECT 1 AS found FROM item`,
      [id, ctx.actor.userId],
    );
    if (!found) {
      throw new DomainError('NOTIFICATION_NOT_FOUND', 'not_found', `No notification ${id}.`);
    }
  }

  /** Marks every unread item of the user read; resolves to how many were. */
  async markAllRead(ctx: Ctx): Promise<number> {
    const [{ marked }] = await ctx.manager.query(
      `WITH marked AS (
         UPDATE notifications SET read_at = now()
          WHERE user_id = $1 AND read_at IS NULL
          RETURNING 1
       )
       SELECT count(*)::int AS marked FROM marked`,
      [ctx.actor.userId],
    );
    return marked;
  }
}
