import type { EntityManager } from 'typeorm';
import type { OutboxEvent } from './recipients';

export async function loadOutboxEvent(
  manager: EntityManager,
  eventId: string,
): Promise<OutboxEvent | undefined> {
  const [row] = await manager.query(
    `SELECT id::text, uid::text, type, aggregate_id AS "aggregateId", payload,
            created_at AS "createdAt"
       FROM outbox_events WHERE id = $1`,
    [eventId],
  );
  return row;
}

/*
 * Queue job ids derive from the event's uid, never from its sequence number: a recreated or
 * restored database hands sequence numbers out again, and a job Redis kept from before would
 * swallow the new one. An event restored from a backup keeps its uid, so the jobs Redis still
 * holds for it keep it from being routed or sent twice.
 */

/** The id of the queue job that routes one outbox event. */
export const routeJobId = (eventUid: string) => `event-${eventUid}`;

/** The id of the queue job that delivers one event to one recipient on one channel. */
export const deliveryJobId = (eventUid: string, userId: string, channel: string) =>
  `delivery-${eventUid}-${userId}-${channel}`;
