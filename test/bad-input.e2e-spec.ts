import { bearer, Factory, HttpClient, startTestStack, TestStack, tokenFor } from '@app/testing';
import { connect } from 'node:net';
import { DataSource } from 'typeorm';

type Response = { status: number; headers: Headers | Map<string, string>; body: any };

/** Sends raw bytes on a socket and reads the whole answer (the server closes it). */
function rawRequest(port: number, bytes: Buffer | string): Promise<Response> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head, ...rest] = text.split('\r\n\r\n');
      const [statusLine, ...headerLines] = head.split('\r\n');
      const headers = new Map<string, string>();
      for (const line of headerLines) {
        const colon = line.indexOf(':');
        headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
      }
      const body = rest.join('\r\n\r\n');
      resolve({
        status: Number(statusLine.split(' ')[1]),
        headers,
        body: body ? JSON.parse(body) : undefined,
      });
    });
  });
}

describe('bad input at the HTTP boundary', () => {
  let stack: TestStack;
  let admin: HttpClient;
  let adminToken: string;
  let db: DataSource;
  let port: number;
  let providerId: string;

  beforeAll(async () => {
    stack = await startTestStack();
    db = stack.api.get(DataSource);
    const adminId = await new Factory(db).user({ grants: [{ role: 'admin' }] });
    adminToken = tokenFor(stack, adminId);
    admin = stack.http.with(bearer(adminToken));
    port = Number(new URL(stack.http.baseUrl).port);
    const created = await admin.post('/api/v1/providers', {
      code: 'BAD-INPUT',
      name: 'Trường Chính trị thành phố',
      country: 'VN',
    });
    expect(created.status).toBe(201);
    providerId = created.body.id;
  });
  afterAll(() => stack.close());

  const expectProblem = (response: Response, status: number, code: string) => {
    expect({ status: response.status, code: response.body?.code }).toEqual({ status, code });
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ type: expect.any(String), title: expect.any(String) });
  };
  const providerRows = async (code: string) =>
    Number((await db.query('SELECT count(*) FROM providers WHERE code = $1', [code]))[0].count);
  const postJson = (client: HttpClient, path: string, raw: string | Buffer, method = 'POST') =>
    client.request(method, path, { raw, headers: { 'content-type': 'application/json' } });

  describe('nesting and array length', () => {
    it('should refuse a body nested 2,000 levels deep with 400 NESTING_TOO_DEEP, even without a token', async () => {
      const deep = '{"a":'.repeat(2000) + '1' + '}'.repeat(2000);
      const response = await postJson(stack.http, '/api/v1/auth/login', deep);
      expectProblem(response, 400, 'NESTING_TOO_DEEP');
      expect(response.body.maxDepth).toBe(32);
    });

    it('should refuse an array of more than 10,000 items with 400 ARRAY_TOO_LONG', async () => {
      const response = await admin.post('/api/v1/system/probes', {
        note: 'x',
        list: new Array(10_001).fill(0),
      });
      expectProblem(response, 400, 'ARRAY_TOO_LONG');
    });
  });

  describe('text', () => {
    it('should refuse a NUL in a query string, a body or a path with 400 INVALID_TEXT', async () => {
      const query = await admin.get('/api/v1/staff?q=a%00b');
      expectProblem(query, 400, 'INVALID_TEXT');
      expect(query.body.errors).toEqual([
        expect.objectContaining({ field: 'q', code: 'NUL_CHARACTER' }),
      ]);

      const body = await admin.post('/api/v1/providers', {
        code: 'NUL-1',
        name: 'a\u0000b',
        country: 'VN',
      });
      expectProblem(body, 400, 'INVALID_TEXT');
      expect(body.body.errors).toEqual([
        expect.objectContaining({ field: 'name', code: 'NUL_CHARACTER' }),
      ]);
      expect(await providerRows('NUL-1')).toBe(0);

      expectProblem(await admin.get('/api/v1/providers/a%00b'), 400, 'INVALID_TEXT');
    });

    it('should refuse a lone UTF-16 surrogate with 400 INVALID_TEXT', async () => {
      const response = await postJson(
        stack.http,
        '/api/v1/auth/login',
        '{"email":"a\\ud800@example.org","password":"secret-password"}',
      );
      expectProblem(response, 400, 'INVALID_TEXT');
      expect(response.body.errors).toEqual([
        expect.objectContaining({ field: 'email', code: 'LONE_SURROGATE' }),
      ]);
    });

    it('should refuse bytes that are not UTF-8 instead of storing U+FFFD', async () => {
      const raw = Buffer.concat([
        Buffer.from('{"code":"UTF8-1","country":"VN","name":"Tr'),
        Buffer.from([0xff, 0xfe]),
        Buffer.from('"}'),
      ]);
      const response = await postJson(admin, '/api/v1/providers', raw);
      expectProblem(response, 400, 'INVALID_TEXT');
      expect(response.body.errors).toEqual([
        expect.objectContaining({ field: 'body', code: 'INVALID_UTF8' }),
      ]);
      expect(await providerRows('UTF8-1')).toBe(0);
    });

    it('should refuse a query escape that is not UTF-8', async () => {
      expectProblem(await admin.get('/api/v1/providers?q=%FF'), 400, 'INVALID_TEXT');
    });

    it('should store text in NFC and find it by a query in either form', async () => {
      const nfc = 'Học viện Nguyễn Ái Quốc';
      const nfd = nfc.normalize('NFD');
      expect(nfd).not.toBe(nfc);
      const created = await admin.post('/api/v1/providers', {
        code: 'NFC-1',
        name: nfd,
        country: 'VN',
      });
      expect(created.status).toBe(201);
      expect(created.body.name).toBe(nfc);
      const [row] = await db.query('SELECT name FROM providers WHERE code = $1', ['NFC-1']);
      expect(row.name).toBe(nfc);
      for (const q of [nfc, nfd]) {
        const found = await admin.get(`/api/v1/providers?q=${encodeURIComponent(q)}`);
        expect(found.status).toBe(200);
        expect(found.body.items.map((item: { code: string }) => item.code)).toEqual(['NFC-1']);
      }
    });
  });

  describe('null', () => {
    it('should refuse null in a field that cannot be cleared, without a 500 and without a change', async () => {
      const response = await admin.request('PATCH', `/api/v1/providers/${providerId}`, {
        body: { name: null },
      });
      expectProblem(response, 400, 'VALIDATION_FAILED');
      expect(response.body.errors).toEqual([
        expect.objectContaining({ field: 'name', code: 'NOT_NULLABLE' }),
      ]);
      const [row] = await db.query('SELECT name FROM providers WHERE id = $1', [providerId]);
      expect(row.name).toBe('Trường Chính trị thành phố');
    });

    it('should refuse null for the name of a person', async () => {
      const response = await admin.request(
        'PATCH',
        '/api/v1/staff/5f0c6c5e-3f7a-4b8e-9f59-1e0d2e6b6a51',
        { body: { fullName: null } },
      );
      expectProblem(response, 400, 'VALIDATION_FAILED');
      expect(response.body.errors).toEqual([
        expect.objectContaining({ field: 'fullName', code: 'NOT_NULLABLE' }),
      ]);
    });

    it('should refuse null nested in an object', async () => {
      const response = await admin.post('/api/v1/intakes', {
        code: 'NULL-COST',
        costs: { travel: null },
      });
      expectProblem(response, 400, 'VALIDATION_FAILED');
      expect(response.body.errors).toContainEqual(
        expect.objectContaining({ field: 'costs.travel', code: 'NOT_NULLABLE' }),
      );
    });

    it('should refuse a JSON null or an array as the body with 400 BODY_NOT_OBJECT', async () => {
      for (const raw of ['null', '[]', '"x"', '3']) {
        const response = await postJson(admin, `/api/v1/providers/${providerId}`, raw, 'PATCH');
        expectProblem(response, 400, 'BODY_NOT_OBJECT');
      }
    });
  });

  describe('paging', () => {
    it.each(['1000000000000000000', '10001', '1e3', '0x10', '%201', '-1', '0', '1.0', '01'])(
      'should refuse page=%s with 400 VALIDATION_FAILED',
      async (page) => {
        const response = await admin.get(`/api/v1/providers?page=${page}`);
        expectProblem(response, 400, 'VALIDATION_FAILED');
        expect(response.body.errors).toContainEqual(expect.objectContaining({ field: 'page' }));
      },
    );

    it('should refuse a page size over 500 and accept digits in range', async () => {
      expectProblem(await admin.get('/api/v1/providers?pageSize=501'), 400, 'VALIDATION_FAILED');
      const ok = await admin.get('/api/v1/providers?page=10000&pageSize=500');
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ page: 10000, pageSize: 500, items: [] });
    });
  });

  describe('nested lists', () => {
    it('should refuse an array where a list expects objects', async () => {
      const response = await admin.post('/api/v1/nominations/decisions', {
        meetingDate: '2026-11-20',
        items: [[]],
      });
      expectProblem(response, 400, 'VALIDATION_FAILED');
      expect(response.body.errors).toEqual([
        expect.objectContaining({ field: 'items[0]', code: 'IS_OBJECT' }),
      ]);
    });
    it('should refuse an array in place of a nominee in a bulk nomination', async () => {
      const response = await admin.post('/api/v1/nominations/bulk', { nominees: [[]] });
      expectProblem(response, 400, 'VALIDATION_FAILED');
      expect(response.body.errors).toContainEqual(
        expect.objectContaining({ field: 'nominees[0]', code: 'IS_OBJECT' }),
      );
    });
    it.each([null, 'x', 1])(
      'should refuse %j where a list expects objects, with IS_OBJECT',
      async (item) => {
        const response = await admin.post('/api/v1/nominations/decisions', {
          meetingDate: '2026-11-20',
          items: [item],
        });
        expectProblem(response, 400, 'VALIDATION_FAILED');
        expect(response.body.errors).toContainEqual(
          expect.objectContaining({ field: 'items[0]', code: 'IS_OBJECT' }),
        );
      },
    );
  });

  describe('errors of the HTTP layer', () => {
    it('should answer a bad URL encoding with problem+json 400 BAD_URL', async () => {
      expectProblem(await admin.get('/api/v1/units/%FF'), 400, 'BAD_URL');
    });

    it('should answer an over-long path parameter with problem+json 414 URI_TOO_LONG', async () => {
      expectProblem(await admin.get(`/api/v1/units/${'a'.repeat(200)}`), 414, 'URI_TOO_LONG');
    });

    it('should answer headers over 16 KB with problem+json 431 HEADERS_TOO_LARGE', async () => {
      const response = await rawRequest(
        port,
        `GET /api/v1/health/live HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      );
      expectProblem(response as never, 431, 'HEADERS_TOO_LARGE');
    });

    it('should answer a control byte in a header with problem+json 400', async () => {
      const response = await rawRequest(
        port,
        'GET /api/v1/health/live HTTP/1.1\r\nHost: x\r\nX-Bad: a\u0001b\r\n\r\n',
      );
      expectProblem(response as never, 400, 'BAD_REQUEST');
    });
  });

  describe('unknown keys', () => {
    it.each(['toString', 'valueOf', 'hasOwnProperty', 'prototype', 'constructor', '__proto__'])(
      'should refuse a body key named %s as an unknown field',
      async (key) => {
        const response = await postJson(
          admin,
          '/api/v1/system/probes',
          `{"note":"x",${JSON.stringify(key)}:"y"}`,
        );
        expectProblem(response, 400, 'VALIDATION_FAILED');
        expect(response.body.errors).toEqual([
          expect.objectContaining({ field: key, code: 'UNKNOWN_FIELD' }),
        ]);
      },
    );

    it('should refuse such a key in a query string too', async () => {
      const response = await admin.get('/api/v1/providers?valueOf=1');
      expectProblem(response, 400, 'VALIDATION_FAILED');
      expect(response.body.errors).toEqual([
        expect.objectContaining({ field: 'valueOf', code: 'UNKNOWN_FIELD' }),
      ]);
    });
  });

  describe('content types', () => {
    it.each([
      ['application/x-www-form-urlencoded', 'code=FORM-1&name=x&country=VN'],
      ['text/plain', '{"code":"FORM-1","name":"x","country":"VN"}'],
    ])('should refuse %s on a JSON route with 415 and write nothing', async (type, raw) => {
      const response = await admin.request('POST', '/api/v1/providers', {
        raw,
        headers: { 'content-type': type },
      });
      expectProblem(response, 415, 'UNSUPPORTED_MEDIA_TYPE');
      expect(await providerRows('FORM-1')).toBe(0);
    });

    it('should refuse multipart on a route that is not an upload with 415', async () => {
      const form = new FormData();
      form.set('name', 'Đổi tên');
      const response = await fetch(`${stack.http.baseUrl}/api/v1/providers/${providerId}`, {
        method: 'PATCH',
        headers: bearer(adminToken),
        body: form,
      });
      expect(response.status).toBe(415);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(((await response.json()) as { code: string }).code).toBe('UNSUPPORTED_MEDIA_TYPE');
    });

    it('should read a +json type as JSON', async () => {
      const response = await admin.request('PATCH', `/api/v1/providers/${providerId}`, {
        raw: JSON.stringify({ active: true }),
        headers: { 'content-type': 'application/merge-patch+json' },
      });
      expect(response.status).toBe(200);
    });
  });

  describe('dates', () => {
    let ownerUnitId: string | undefined;
    /** A fund of the test's own unit, for the ledger's query. */
    async function newFund(): Promise<string> {
      const factory = new Factory(db);
      const unitId = (ownerUnitId ??= await factory.unit({ tierId: await factory.tier(1) }));
      const [fund] = await db.query(
        `INSERT INTO funds (code, name, fiscal_year, owner_unit_id, source)
         VALUES ('KP-' || substr(md5(random()::text), 1, 8), 'Kinh phí thử', 2027, $1, 'state_budget')
         RETURNING id`,
        [unitId],
      );
      return fund.id;
    }
    it.each(['20261120', '2026-11-20 ', '2026-02-30'])(
      'should refuse the meeting date %j',
      async (meetingDate) => {
        const response = await admin.post('/api/v1/nominations/decisions', {
          meetingDate,
          items: [],
        });
        expectProblem(response, 400, 'VALIDATION_FAILED');
        expect(response.body.errors).toContainEqual(
          expect.objectContaining({ field: 'meetingDate' }),
        );
      },
    );

    it.each([
      '2026-W49',
      '2026-W49-1',
      '2026',
      '2026-12',
      '2026-12-05T10',
      '2026-12-05T10:26:00,5Z',
      '2026-12-05T23:59:59-23:59',
      '2026-12-05T10:26:00',
      '2026-02-30T10:26:00Z',
    ])('should refuse the instant %j on a fund ledger, never answering 500', async (from) => {
      const fundId = await newFund();
      const response = await admin.get(
        `/api/v1/funds/${fundId}/ledger?from=${encodeURIComponent(from)}`,
      );
      expectProblem(response, 400, 'VALIDATION_FAILED');
      expect(response.body.errors).toContainEqual(expect.objectContaining({ field: 'from' }));
    });

    it('should read an instant with its offset on a fund ledger', async () => {
      const fundId = await newFund();
      const from = encodeURIComponent('2026-12-05T10:26:00.5+07:00');
      const to = encodeURIComponent('2026-12-06T00:00:00Z');
      const response = await admin.get(`/api/v1/funds/${fundId}/ledger?from=${from}&to=${to}`);
      expect(response.status).toBe(200);
    });
  });
});
