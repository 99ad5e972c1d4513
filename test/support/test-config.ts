import { AppConfig, loadConfig } from '@app/config';
import { redisOptionsFromUrl } from '@app/queue';
import Redis from 'ioredis';
import { TEST_REDIS_URL, uniqueSuffix } from './test-env';

/** Configuration for a suite: its own database and its own queue prefix in Redis. */
export function testConfig(overrides: Record<string, string>): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: `test-${uniqueSuffix()}`,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATABASE_POOL_SIZE: '5',
    ...overrides,
  });
}

/** Deletes the suite's keys (its queue prefix) from the test Redis. */
export async function deleteQueueKeys(config: AppConfig): Promise<void> {
  // The suite's own REDIS_URL may point nowhere on purpose; its keys live on the test Redis.
  const redis = new Redis(redisOptionsFromUrl(TEST_REDIS_URL));
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(
        cursor,
        'MATCH',
        `${config.QUEUE_PREFIX}:*`,
        'COUNT',
        500,
      );
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
