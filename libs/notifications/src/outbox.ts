import type { EntityManager } from 'typeorm';
import type { OutboxEvent } from './recipients';

export async function loadOutboxEvent(
  manager: EntityManager,
  eventId: string,
): Promise<OutboxEvent | undefined> {
  const [row] = await manager.query(
    `SELECT id::text, type, aggregate_id AS "aggregateId", payload, created_at AS "createdAt"
       FROM outbox_events WHERE id = $1`,
    [eventId],
  );
  return row;
}

/** The id of the queue job that delivers one event to one recipient on one channel. */
export const deliveryJobId = (eventId: string, userId: string, channel: string) =>
  `delivery-${eventId}-${userId}-${channel}`;
