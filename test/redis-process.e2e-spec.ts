import { PrivateRedis, startPrivateRedis } from '@app/testing';
import Redis from 'ioredis';

// The private Redis helper: a suite can take its own server down and bring it back on the same
// port, and clients connected before the outage find it again.
describe('private redis-server', () => {
  let redis: PrivateRedis;
  const clients: Redis[] = [];

  /** A client that fails at once instead of retrying, to observe whether Redis is up. */
  function probe(): Redis {
    const client = new Redis(redis.url, {
      lazyConnect: true,
      retryStrategy: () => null,
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
    });
    client.on('error', () => undefined);
    clients.push(client);
    return client;
  }

  beforeAll(async () => {
    redis = await startPrivateRedis();
  });

  afterAll(async () => {
    // A client that already gave up has no connection left; disconnect() would only arm a timer.
    for (const client of clients) if (client.status !== 'end') client.disconnect();
    await redis?.close();
  });

  it('stops and starts again on the same port', async () => {
    expect(redis.url).toBe(`redis://127.0.0.1:${redis.port}`);
    // Connected before the outage, with the default reconnect behaviour.
    const longLived = new Redis(redis.url, { maxRetriesPerRequest: null });
    longLived.on('error', () => undefined);
    clients.push(longLived);
    await expect(longLived.ping()).resolves.toBe('PONG');
    await longLived.set('survives-restart', '1');

    await redis.stop();
    const down = probe();
    await expect(down.connect().then(() => down.ping())).rejects.toThrow();

    await redis.start();
    const up = probe();
    await up.connect();
    await expect(up.ping()).resolves.toBe('PONG');
    await expect(longLived.ping()).resolves.toBe('PONG');
    // Nothing is persisted: the restarted server is empty.
    await expect(longLived.get('survives-restart')).resolves.toBeNull();
  });
});
