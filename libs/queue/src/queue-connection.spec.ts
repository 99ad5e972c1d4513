import { redisOptionsFromUrl } from './queue-connection';

describe('redisOptionsFromUrl', () => {
  it('should read host, port, credentials, database and TLS', () => {
    expect(redisOptionsFromUrl('rediss://user:p%40ss@cache.internal:6380/2')).toEqual({
      host: 'cache.internal',
      port: 6380,
      username: 'user',
      password: 'p@ss',
      db: 2,
      tls: {},
    });
  });

  it('should default the port and the database', () => {
    expect(redisOptionsFromUrl('redis://127.0.0.1')).toMatchObject({
      port: 6379,
      db: 0,
      tls: undefined,
    });
  });
});
