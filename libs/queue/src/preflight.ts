import { ServiceUnreachableError, withTimeout } from '@app/common';
import { redact } from '@app/config';
import Redis from 'ioredis';
import { redisOptionsFromUrl } from './queue-connection';

/** Fails fast, with one line naming Redis, when it does not answer. */
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
  try {
    await withTimeout(
      client.connect().then(() => client.ping()),
      timeoutMs,
      'Connecting to Redis',
    );
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
}
