import {
  bearer,
  eventually,
  Factory,
  HttpClient,
  startTestStack,
  TestStack,
  tokenFor,
} from '@app/testing';
import { DataSource } from 'typeorm';

describe('API → Postgres, and API → queue → worker', () => {
  let stack: TestStack;

  let admin: HttpClient;

  beforeAll(async () => {
    stack = await startTestStack({ worker: true });
    admin = await adminClient(stack);
  });
  afterAll(() => stack.close());

  it('should report ready with Postgres and Redis up', async () => {
    const response = await stack.http.get('/api/v1/health/ready');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      status: 'ok',
      checks: {
        postgres: expect.objectContaining({ status: 'up' }),
        redis: expect.objectContaining({ status: 'up' }),
      },
    });
    expect((await stack.http.get('/api/v1/health/live')).body).toEqual({ status: 'ok' });
  });

  it('should carry a probe from the API through the queue to the worker, which records it', async () => {
    const note = 'kiểm tra sau triển khai – Cần Thơ';
    const requested = await admin.post('/api/v1/system/probes', { note });
    expect(requested.status).toBe(202);

    const processed = await eventually(async () => {
      const response = await admin.get(`/api/v1/system/probes/${requested.body.id}`);
      return response.status === 200 ? response.body : undefined;
    });
    expect(processed).toMatchObject({ id: requested.body.id, status: 'processed', note });

    // The row is really in Postgres, diacritics intact.
    const rows = await stack.api
      .get(DataSource)
      .query('SELECT note FROM system_probes WHERE id = $1', [requested.body.id]);
    expect(rows).toEqual([{ note }]);
  });

  it('should answer PROBE_NOT_FOUND for a probe nobody requested', async () => {
    const response = await admin.get('/api/v1/system/probes/2b1f7a55-9d4c-4c53-8a8e-7f1d9f0c0a11');
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('PROBE_NOT_FOUND');
  });
});

describe('when Redis is unreachable', () => {
  let stack: TestStack;

  let admin: HttpClient;

  beforeAll(async () => {
    stack = await startTestStack({ env: { REDIS_URL: 'redis://127.0.0.1:1' } });
    admin = await adminClient(stack);
  });
  afterAll(() => stack.close());

  it('should report not ready, naming Redis, while Postgres is up', async () => {
    const response = await stack.http.get('/api/v1/health/ready');
    expect(response.status).toBe(503);
    expect(response.body.checks.postgres.status).toBe('up');
    expect(response.body.checks.redis.status).toBe('down');
  });

  it('should refuse to enqueue with 503 QUEUE_UNAVAILABLE instead of hanging', async () => {
    const response = await admin.post('/api/v1/system/probes', {});
    expect(response.status).toBe(503);
    expect(response.body.code).toBe('QUEUE_UNAVAILABLE');
  });
});

async function adminClient(stack: TestStack): Promise<HttpClient> {
  const factory = new Factory(stack.api.get(DataSource));
  return stack.http.with(
    bearer(tokenFor(stack, await factory.user({ grants: [{ role: 'admin' }] }))),
  );
}

describe('the pipeline probe', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack.close());

  it('should be for administrators only', async () => {
    const factory = new Factory(stack.api.get(DataSource));
    const unit = await factory.unit({ tierId: await factory.tier(1) });
    const unitHead = await factory.user({ grants: [{ role: 'unit_head', unitId: unit }] });
    expect((await stack.http.post('/api/v1/system/probes', {})).status).toBe(401);
    const refused = await stack.http.post(
      '/api/v1/system/probes',
      {},
      bearer(tokenFor(stack, unitHead)),
    );
    expect([refused.status, refused.body.code]).toEqual([403, 'FORBIDDEN']);
  });
});
