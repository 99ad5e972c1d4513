import { ServiceUnreachableError, withTimeout } from './entry-point';

describe('ServiceUnreachableError', () => {
  it('should say which service, which variable and why, in one line', () => {
    const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), {
      code: 'ECONNREFUSED',
    });
    const error = new ServiceUnreachableError(
      'Postgres',
      'DATABASE_URL',
      'postgres://h:1/db',
      cause,
    );
    expect(error.message).toBe(
      'Cannot reach Postgres at postgres://h:1/db (DATABASE_URL): connect ECONNREFUSED 127.0.0.1:1',
    );
  });
});

describe('withTimeout', () => {
  it('should reject when the promise is too slow', async () => {
    await expect(withTimeout(new Promise(() => undefined), 10, 'Thing')).rejects.toThrow(
      'Thing timed out after 10 ms',
    );
  });

  it('should pass a prompt result through', async () => {
    await expect(withTimeout(Promise.resolve(7), 1000, 'Thing')).resolves.toBe(7);
  });
});
