import SwaggerParser from '@apidevtools/swagger-parser';
import { bearer, Factory, HttpClient, startTestStack, TestStack, tokenFor } from '@app/testing';
import { DataSource } from 'typeorm';

describe('HTTP conventions', () => {
  let stack: TestStack;
  let admin: HttpClient;

  beforeAll(async () => {
    stack = await startTestStack();
    const adminId = await new Factory(stack.api.get(DataSource)).user({
      grants: [{ role: 'admin' }],
    });
    admin = stack.http.with(bearer(tokenFor(stack, adminId)));
  });
  afterAll(() => stack.close());

  const expectProblem = (
    response: { status: number; headers: Headers; body: any },
    status: number,
    code: string,
  ) => {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({
      status,
      code,
      type: expect.any(String),
      title: expect.any(String),
    });
    expect(response.body.detail).toEqual(expect.any(String));
    expect(JSON.stringify(response.body)).not.toMatch(/\s+at\s.+\.(js|ts):\d+/);
  };

  it('should refuse an unknown field with VALIDATION_FAILED naming the field', async () => {
    const response = await admin.post('/api/v1/system/probes', { note: 'ok', colour: 'red' });
    expectProblem(response, 400, 'VALIDATION_FAILED');
    expect(response.body.errors).toEqual([
      expect.objectContaining({ field: 'colour', code: 'UNKNOWN_FIELD' }),
    ]);
  });

  it('should refuse a field of the wrong type', async () => {
    const response = await admin.post('/api/v1/system/probes', { note: 42 });
    expectProblem(response, 400, 'VALIDATION_FAILED');
    expect(response.body.errors).toContainEqual(
      expect.objectContaining({ field: 'note', code: 'IS_STRING' }),
    );
  });

  it('should report every invalid field at once', async () => {
    const response = await admin.post('/api/v1/system/probes', {
      note: 'x'.repeat(201),
      a: 1,
      b: 2,
    });
    expectProblem(response, 400, 'VALIDATION_FAILED');
    expect(response.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'a',
      'b',
      'note',
    ]);
  });

  it('should refuse a 2 MB body with 413 PAYLOAD_TOO_LARGE', async () => {
    const response = await admin.request('POST', '/api/v1/system/probes', {
      raw: JSON.stringify({ note: 'x'.repeat(2 * 1024 * 1024) }),
      headers: { 'content-type': 'application/json' },
    });
    expectProblem(response, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('should refuse malformed JSON with MALFORMED_BODY', async () => {
    const response = await admin.request('POST', '/api/v1/system/probes', {
      raw: '{"note": ',
      headers: { 'content-type': 'application/json' },
    });
    expectProblem(response, 400, 'MALFORMED_BODY');
  });

  it('should answer an unknown route with 404 ROUTE_NOT_FOUND', async () => {
    expectProblem(await stack.http.get('/api/v1/no-such-thing'), 404, 'ROUTE_NOT_FOUND');
    // Outside /api the web application answers (test/web-serving.e2e-spec.ts).
    expectProblem(await stack.http.get('/api/elsewhere'), 404, 'ROUTE_NOT_FOUND');
  });

  it('should refuse a malformed id in the path', async () => {
    const response = await admin.get('/api/v1/system/probes/not-a-uuid');
    expectProblem(response, 400, 'VALIDATION_FAILED');
    expect(response.body.errors).toEqual([
      expect.objectContaining({ field: 'id', code: 'IS_UUID' }),
    ]);
  });

  it('should echo a sane request id, and make one otherwise', async () => {
    const echoed = await stack.http.get('/api/v1/no-such-thing', { 'x-request-id': 'trace-42' });
    expect(echoed.headers.get('x-request-id')).toBe('trace-42');
    expect(echoed.body.requestId).toBe('trace-42');

    const replaced = await stack.http.get('/api/v1/health/live', {
      'x-request-id': 'bad id with spaces',
    });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('should send security headers', async () => {
    const response = await stack.http.get('/api/v1/health/live');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('should publish a valid OpenAPI 3 document and a browsable UI', async () => {
    const document = await stack.http.get('/api/docs-json');
    expect(document.status).toBe(200);
    expect(document.body.openapi).toMatch(/^3\./);
    await expect(SwaggerParser.validate(structuredClone(document.body))).resolves.toBeDefined();
    expect(Object.keys(document.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/health/ready',
        '/api/v1/system/probes',
        '/api/v1/system/probes/{id}',
      ]),
    );

    // Every successful JSON answer is described, so a client generated from the document
    // never reads `unknown`: 204 and file downloads carry no JSON body.
    const undescribed: string[] = [];
    for (const [path, operations] of Object.entries<any>(document.body.paths)) {
      for (const [method, operation] of Object.entries<any>(operations)) {
        if (!operation?.responses) continue;
        const successes = Object.entries<any>(operation.responses).filter(([status]) =>
          /^2\d\d$/.test(status),
        );
        if (successes.length === 0) undescribed.push(`${method.toUpperCase()} ${path} (no 2xx)`);
        for (const [status, response] of successes) {
          if (status === '204') continue;
          const content = response.content ?? {};
          const json = content['application/json'];
          const files = Object.keys(content).filter((type) => type !== 'application/json');
          if (!json && files.length > 0) continue;
          if (!json?.schema) undescribed.push(`${method.toUpperCase()} ${path} ${status}`);
        }
      }
    }
    expect(undescribed).toEqual([]);

    const ui = await stack.http.get('/api/docs');
    expect(ui.status).toBe(200);
    expect(ui.headers.get('content-type')).toMatch(/text\/html/);
  });
});

describe('CORS', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({ env: { CORS_ORIGINS: 'https://app.example.org' } });
  });
  afterAll(() => stack.close());

  it('should allow only the configured origins', async () => {
    const allowed = await stack.http.get('/api/v1/health/live', {
      origin: 'https://app.example.org',
    });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example.org');

    const other = await stack.http.get('/api/v1/health/live', {
      origin: 'https://evil.example.com',
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});
