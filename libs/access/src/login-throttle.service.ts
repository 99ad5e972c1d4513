import { DomainError } from '@app/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { redisOptionsFromUrl } from '@app/queue';
import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';

/** Counters of failed logins in fixed windows that start at the first failure. */
export interface AttemptCounters {
  /** The current count and the milliseconds left in its window, per key. */
  read(keys: string[]): Promise<Array<{ count: number; ttlMs: number }>>;
  increment(keys: string[], windowSeconds: number): Promise<void>;
  clear(key: string): Promise<void>;
  close(): Promise<void>;
}

/** Shared by every API instance: INCR + EXPIRE NX, so the window starts at the first failure. */
class RedisCounters implements AttemptCounters {
  constructor(readonly redis: Redis) {}

  async read(keys: string[]) {
    const pipeline = this.redis.multi();
    for (const key of keys) pipeline.get(key).pttl(key);
    const results = (await pipeline.exec()) ?? [];
    return keys.map((_, index) => {
      const [countError, count] = results[index * 2] ?? [];
      const [ttlError, ttl] = results[index * 2 + 1] ?? [];
      if (countError || ttlError) throw countError ?? ttlError;
      return { count: Number(count ?? 0), ttlMs: Math.max(Number(ttl ?? 0), 0) };
    });
  }

  async increment(keys: string[], windowSeconds: number) {
    const pipeline = this.redis.multi();
    for (const key of keys) pipeline.incr(key).expire(key, windowSeconds, 'NX');
    const results = (await pipeline.exec()) ?? [];
    const failed = results.find(([error]) => error);
    if (failed) throw failed[0];
  }

  async clear(key: string) {
    await this.redis.del(key);
  }

  async close() {
    this.redis.disconnect();
  }
}

/** For the embedded development mode, which runs without Redis: one process, one map. */
class MemoryCounters implements AttemptCounters {
  private readonly entries = new Map<string, { count: number; expiresAt: number }>();

  private live(key: string) {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  async read(keys: string[]) {
    return keys.map((key) => {
      const entry = this.live(key);
      return { count: entry?.count ?? 0, ttlMs: entry ? entry.expiresAt - Date.now() : 0 };
    });
  }

  async increment(keys: string[], windowSeconds: number) {
    for (const key of keys) {
      const entry = this.live(key);
      if (entry) entry.count += 1;
      else this.entries.set(key, { count: 1, expiresAt: Date.now() + windowSeconds * 1000 });
    }
  }

  async clear(key: string) {
    this.entries.delete(key);
  }

  async close() {
    this.entries.clear();
  }
}

/**
 * Limits failed logins per account (lower-cased email) and per client address: after
 * LOGIN_MAX_FAILURES failures within LOGIN_WINDOW_SECONDS, further attempts get
 * 429 TOO_MANY_ATTEMPTS until the window ends, even with the right password.
 * A successful login clears the account's counter, not the address's.
 *
 * If Redis does not answer, logins are not limited (and the outage is logged): argon2
 * still makes guessing slow, and an outage of the counters must not lock everyone out.
 */
@Injectable()
export class LoginThrottle implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(LoginThrottle.name);
  private readonly counters: AttemptCounters;
  private readonly prefix: string;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.prefix = `${config.QUEUE_PREFIX}:login:`;
    this.counters =
      config.QUEUE_BACKEND === 'redis'
        ? new RedisCounters(
            new Redis({
              ...redisOptionsFromUrl(config.REDIS_URL),
              lazyConnect: true,
              enableOfflineQueue: false,
              maxRetriesPerRequest: 1,
              connectTimeout: 2000,
              commandTimeout: 2000,
            }),
          )
        : new MemoryCounters();
  }

  async onModuleInit(): Promise<void> {
    if (this.counters instanceof RedisCounters) {
      // Redis errors surface on each call; the client reconnects on its own.
      this.counters.redis.on('error', () => undefined);
      await this.counters.redis.connect().catch((error: Error) => {
        this.logger.error({ err: error }, 'Login counters: Redis does not answer');
      });
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.counters.close();
  }

  accountKey(email: string): string {
    return `${this.prefix}account:${email.trim().toLowerCase()}`;
  }

  addressKey(ip: string): string {
    return `${this.prefix}ip:${ip}`;
  }

  /** Throws TOO_MANY_ATTEMPTS when the account or the address has used up its failures. */
  async assertAllowed(email: string, ip: string): Promise<void> {
    const keys = [this.accountKey(email), this.addressKey(ip)];
    const counts = await this.safely('read', () => this.counters.read(keys));
    if (!counts) return;
    const blocking = counts.filter(({ count }) => count >= this.config.LOGIN_MAX_FAILURES);
    if (!blocking.length) return;
    const retryAfterSeconds = Math.max(
      1,
      Math.ceil(Math.max(...blocking.map(({ ttlMs }) => ttlMs)) / 1000),
    );
    throw new DomainError(
      'TOO_MANY_ATTEMPTS',
      'rate_limited',
      `Too many failed logins; try again in ${retryAfterSeconds} seconds.`,
      { retryAfterSeconds },
    );
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    await this.safely('increment', () =>
      this.counters.increment(
        [this.accountKey(email), this.addressKey(ip)],
        this.config.LOGIN_WINDOW_SECONDS,
      ),
    );
  }

  async recordSuccess(email: string): Promise<void> {
    await this.safely('clear', () => this.counters.clear(this.accountKey(email)));
  }

  private async safely<T>(operation: string, work: () => Promise<T>): Promise<T | undefined> {
    try {
      return await work();
    } catch (error) {
      this.logger.error({ err: error, operation }, 'Login counters unavailable; not limiting');
      return undefined;
    }
  }
}
