import type { AppConfig } from '@app/config';
import {
  createPostgresBackend,
  setDefaultBackendFactory,
  type ConnectionOptions,
  type RedisOptions,
} from 'bullmq';

type QueueConfig = Pick<AppConfig, 'QUEUE_BACKEND' | 'REDIS_URL' | 'DATABASE_URL'>;

/** ioredis options from a redis:// or rediss:// URL. */
export function redisOptionsFromUrl(redisUrl: string): RedisOptions {
  const url = new URL(redisUrl);
  const db = url.pathname.replace(/^\//, '');
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : 6379,
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: db ? Number(db) : 0,
    tls: url.protocol === 'rediss:' ? {} : undefined,
  };
}

/**
 * The one place that says where queues live. With the Postgres backend (the embedded
 * development mode) BullMQ keeps its queues in the `bullmq` schema of the application
 * database; this must run before the Nest application is created.
 */
export function selectQueueBackend(config: QueueConfig): void {
  if (config.QUEUE_BACKEND === 'postgres') setDefaultBackendFactory(createPostgresBackend);
  else setDefaultBackendFactory();
}

/**
 * Connection options for BullMQ. A producer fails fast when the queue is unreachable
 * (no offline queue), so an HTTP request never hangs on a Redis outage.
 */
export function queueConnection(
  config: QueueConfig,
  role: 'producer' | 'consumer',
): ConnectionOptions {
  if (config.QUEUE_BACKEND === 'postgres') {
    return {
      connectionString: config.DATABASE_URL,
      migrate: true,
      max: 5,
    } as unknown as ConnectionOptions;
  }
  const options = redisOptionsFromUrl(config.REDIS_URL);
  return role === 'producer'
    ? { ...options, enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2000 }
    : { ...options, maxRetriesPerRequest: null };
}
