import type { Ctx } from '@app/access';
import { DomainError } from '@app/common';
import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';

/** How long a key is remembered; older keys may be removed and then act again. */
export const IDEMPOTENCY_KEY_TTL_HOURS = 24;
/** Expired keys removed at the start of each request that sends a key. */
export const IDEMPOTENCY_SWEEP_LIMIT = 100;

/** 1 to 200 visible ASCII characters (0x21 to 0x7E). */
const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

export interface IdempotentRequest {
  userId: string;
  /** The `Idempotency-Key` header; without it the work runs as if there were no key. */
  key: string | undefined;
  method: string;
  /** The route path with its ids, e.g. `/api/v1/nominations/<id>/actions/approve`. */
  path: string;
  /** The validated request body. */
  body: unknown;
}

/** What is kept in `idempotency_keys.response_body`: the body sent and the headers to repeat. */
interface StoredResponse {
  body: unknown;
  headers: { etag?: string };
}

/**
 * JSON with object keys sorted at every level, so that the same body hashes the same
 * whatever order its fields were sent in. `undefined` fields are left out as in JSON;
 * bigints are written as their digits.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonical(value)) ?? 'null';
}

function canonical(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => canonical(item) ?? null);
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const item = (value as Record<string, unknown>)[key];
    if (item !== undefined && typeof item !== 'function') sorted[key] = canonical(item);
  }
  return sorted;
}

/** sha256 (hex) of the method, the route path with its ids and the canonical JSON body. */
export function requestHash(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method.toUpperCase()}\n${path}\n${canonicalJson(body ?? {})}`)
    .digest('hex');
}

/** Refuses a key that is not 1 to 200 visible ASCII characters. */
export function assertValidKey(key: string): void {
  if (!KEY_PATTERN.test(key)) {
    throw new DomainError('VALIDATION_FAILED', 'invalid', 'The request is invalid; see errors.', {
      errors: [
        {
          field: 'Idempotency-Key',
          message: 'Idempotency-Key must be 1 to 200 visible ASCII characters',
          code: 'INVALID_IDEMPOTENCY_KEY',
        },
      ],
    });
  }
}

/**
 * `Idempotency-Key` for requests that act. With a key, the whole request runs in one
 * transaction: a transaction-scoped advisory lock on (user, key) — not granted means the
 * same key is in flight (409 IDEMPOTENCY_KEY_IN_FLIGHT) — then the stored row: another
 * request under that key is 422 IDEMPOTENCY_KEY_REUSED, the same request gets the stored
 * status, body and ETag without acting. Otherwise the work runs in the transaction's
 * context and its response is stored in the same transaction, so a failed action stores
 * nothing and a retry acts again.
 */
@Injectable()
export class IdempotencyService {
  constructor(private readonly dataSource: DataSource) {}

  async run(
    ctx: Ctx,
    request: IdempotentRequest,
    reply: FastifyReply,
    work: (ctx: Ctx) => Promise<unknown>,
  ): Promise<unknown> {
    if (request.key === undefined) return work(ctx);
    const key = request.key;
    assertValidKey(key);
    const hash = requestHash(request.method, request.path, request.body);
    await this.removeExpired();
    return ctx.transaction(async (tx) => {
      const { manager } = tx;
      const [{ granted }] = await manager.query(
        `SELECT pg_try_advisory_xact_lock(hashtextextended($1::text || ':' || $2, 0)) AS granted`,
        [request.userId, key],
      );
      if (!granted) throw inFlight();
      // An expired key of this user is forgotten here, under the lock, so it acts afresh.
      await manager.query(
        `DELETE FROM idempotency_keys
          WHERE user_id = $1 AND key = $2 AND created_at < now() - make_interval(hours => $3)`,
        [request.userId, key, IDEMPOTENCY_KEY_TTL_HOURS],
      );
      const [stored] = await manager.query(
        `SELECT request_hash AS "requestHash", status, response_status AS "responseStatus",
                response_body AS "responseBody"
           FROM idempotency_keys WHERE user_id = $1 AND key = $2`,
        [request.userId, key],
      );
      if (stored) {
        if (stored.requestHash !== hash) {
          throw new DomainError(
            'IDEMPOTENCY_KEY_REUSED',
            'unprocessable',
            'This Idempotency-Key was used for another request; use a new key for a new request.',
          );
        }
        if (stored.status !== 'done') throw inFlight();
        return replay(stored.responseStatus, stored.responseBody, reply);
      }
      const body = await work(tx);
      const etag = reply.getHeader('etag');
      const response: StoredResponse = {
        body,
        headers: typeof etag === 'string' ? { etag } : {},
      };
      const [row] = await manager.query(
        `INSERT INTO idempotency_keys (user_id, key, request_hash, status, response_status, response_body)
         VALUES ($1, $2, $3, 'done', $4, $5::jsonb)
         RETURNING response_body AS "responseBody"`,
        [request.userId, key, hash, reply.statusCode, JSON.stringify(response)],
      );
      // The body as stored (jsonb orders keys its own way), so a replay sends the same bytes.
      return (row.responseBody as StoredResponse).body;
    });
  }

  /**
   * Removes up to `limit` keys older than 24 hours; rows another request holds are skipped.
   * Called at the start of every request that sends a key, outside its transaction.
   */
  async removeExpired(limit = IDEMPOTENCY_SWEEP_LIMIT): Promise<number> {
    const [, affected] = await this.dataSource.query(
      `DELETE FROM idempotency_keys
        WHERE (user_id, key) IN (
          SELECT user_id, key FROM idempotency_keys
           WHERE created_at < now() - make_interval(hours => $1)
           LIMIT $2
           FOR UPDATE SKIP LOCKED)`,
      [IDEMPOTENCY_KEY_TTL_HOURS, limit],
    );
    return Number(affected ?? 0);
  }
}

function replay(status: number, stored: StoredResponse, reply: FastifyReply): unknown {
  reply.status(status);
  if (stored.headers.etag !== undefined) reply.header('etag', stored.headers.etag);
  return stored.body;
}

function inFlight(): DomainError {
  return new DomainError(
    'IDEMPOTENCY_KEY_IN_FLIGHT',
    'conflict',
    'A request with this Idempotency-Key is still being processed; retry shortly.',
  );
}
