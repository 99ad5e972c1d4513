import { UnrecoverableError } from 'bullmq';
import type { EntityManager } from 'typeorm';
import { isPermanentSmtpFailure } from './mailer';

export interface Attempt {
  number: number;
  max: number;
}

/**
 * Records a failed send on its delivery rows — `failed` for good after a permanent SMTP
 * rejection or the last attempt, otherwise back to `retryStatus` — and answers the error to
 * rethrow: BullMQ then retries, or (permanent) stops at once. Never swallowed: a handler
 * that returned normally would turn the failure into a success.
 */
export async function recordSendFailure(
  manager: EntityManager,
  deliveryIds: string[],
  error: unknown,
  attempt: Attempt,
  retryStatus: 'pending' | 'digest',
): Promise<unknown> {
  const permanent = isPermanentSmtpFailure(error);
  const final = permanent || attempt.number >= attempt.max;
  await manager.query(
    `UPDATE deliveries SET status = $2, last_error = $3, claimed_until = NULL, updated_at = now()
      WHERE id = ANY($1::bigint[])`,
    [deliveryIds, final ? 'failed' : retryStatus, describeFailure(error)],
  );
  return permanent ? new UnrecoverableError(describeFailure(error)) : error;
}

export function describeFailure(error: unknown): string {
  const { message, responseCode } = error as { message?: string; responseCode?: number };
  return (responseCode ? `${responseCode} ` : '') + (message ?? String(error)).slice(0, 1000);
}
