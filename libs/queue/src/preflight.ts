import { ServiceUnreachableError, UnsafeServiceError, withTimeout } from '@app/common';
import { redact } from '@app/config';
import Redis from 'ioredis';
import { redisOptionsFromUrl } from './queue-connection';

/**
 * The eviction policy from `INFO memory`, or undefined when the server does not say (some
 * managed services hide it).
 */
export function evictionPolicy(info: string): string | undefined {
  return /^maxmemory_policy:(\S+)/m.exec(info)?.[1];
}

/**
 * Fails fast, with one line naming Redis, when it does not answer — or when it may evict
 * keys under memory pressure, which would silently lose queued jobs.
 */
export async function assertRedisReachable(redisUrl: string, timeoutMs: number): Promise<void> {
  const client = new Redis({
    ...redisOptionsFromUrl(redisUrl),
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  // connect() itself only says "Connection is closed"; the 'error' event says why.
  let firstError: unknown;
  client.on('error', (error) => (firstError ??= error));
  let policy: string | undefined;
  try {
    await withTimeout(
      client.connect().then(() => client.ping()),
      timeoutMs,
      'Connecting to Redis',
    );
    policy = evictionPolicy(await withTimeout(client.info('memory'), timeoutMs, 'Redis INFO'));
  } catch (error) {
    throw new ServiceUnreachableError(
      'Redis',
      'REDIS_URL',
      redact('REDIS_URL', redisUrl),
      firstError ?? error,
    );
  } finally {
    client.disconnect();
  }
  if (policy !== undefined && policy !== 'noeviction') {
    throw new UnsafeServiceError(
      `Redis at ${redact('REDIS_URL', redisUrl)} uses maxmemory-policy ${policy}: it may evict queued jobs. ` +
        'Set maxmemory-policy noeviction (redis.conf, or CONFIG SET maxmemory-policy noeviction).',
    );
  }
}
