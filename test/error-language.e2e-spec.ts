import { ErrorCode, errorMessages, messageFor } from '@app/common';
import { bearer, Factory, HttpResponse, startTestStack, TestStack, tokenFor } from '@app/testing';
import { connect } from 'node:net';
import { DataSource } from 'typeorm';

/** Sends raw bytes and reads the answer until the server closes the connection. */
function rawAnswer(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

/**
 * Problems speak the caller's language: the same failure gives the same code, with `detail`
 * and every field or row message from the one catalogue, in Vietnamese unless the caller's
 * `Accept-Language` prefers English.
 */
describe('Error messages in the caller’s language', () => {
  let stack: TestStack;
  let adminToken: string;

  beforeAll(async () => {
    stack = await startTestStack();
    const adminId = await new Factory(stack.api.get(DataSource)).user({
      grants: [{ role: 'admin' }],
    });
    adminToken = tokenFor(stack, adminId);
  });
  afterAll(() => stack.close());

  const LANGUAGES = [
    { header: 'en', expected: 'en' },
    { header: 'en-US,en;q=0.9,vi;q=0.5', expected: 'en' },
    { header: 'vi', expected: 'vi' },
    { header: 'vi-VN,vi;q=0.9,en;q=0.8', expected: 'vi' },
    { header: 'fr', expected: 'vi' },
    { header: undefined, expected: 'vi' },
  ] as const;
  const languageHeaders = (header: string | undefined): Record<string, string> =>
    header === undefined ? {} : { 'accept-language': header };

  const expectLocalized = (response: HttpResponse, code: ErrorCode, language: 'vi' | 'en') => {
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.headers.get('content-language')).toBe(language);
    expect(response.headers.get('vary')).toMatch(/accept-language/i);
    expect(response.body.code).toBe(code);
    expect(response.body.detail).toBe(errorMessages[code][language]);
  };

  describe.each(LANGUAGES)('with Accept-Language $header', ({ header, expected }) => {
    const headers = () => languageHeaders(header);

    it('should answer a validation failure in that language, field messages too', async () => {
      const response = await stack.http.post(
        '/api/v1/auth/login',
        { email: 5, password: 'x'.repeat(10), colour: 'red' },
        headers(),
      );
      expect(response.status).toBe(400);
      expectLocalized(response, 'VALIDATION_FAILED', expected);
      const colour = response.body.errors.find((e: any) => e.field === 'colour');
      expect(colour).toEqual({
        field: 'colour',
        code: 'UNKNOWN_FIELD',
        message: errorMessages.UNKNOWN_FIELD[expected],
      });
      const email = response.body.errors.filter((e: any) => e.field === 'email');
      expect(email.length).toBeGreaterThan(0);
      for (const error of email) {
        expect(error.message).toBe(errorMessages[error.code as ErrorCode][expected]);
        expect(error).not.toHaveProperty('params');
      }
    });

    it('should answer an unknown route in that language, naming the route', async () => {
      const response = await stack.http.get('/api/v1/no-such-thing', headers());
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('ROUTE_NOT_FOUND');
      expect(response.headers.get('content-language')).toBe(expected);
      expect(response.body.detail).toBe(
        messageFor('ROUTE_NOT_FOUND', expected, { route: 'GET /api/v1/no-such-thing' }),
      );
    });

    it('should answer a body of another media type in that language', async () => {
      const response = await stack.http.request('POST', '/api/v1/auth/login', {
        raw: 'email=a',
        headers: { ...headers(), 'content-type': 'text/plain' },
      });
      expect(response.status).toBe(415);
      expectLocalized(response, 'UNSUPPORTED_MEDIA_TYPE', expected);
    });

    it('should answer malformed JSON in that language', async () => {
      const response = await stack.http.request('POST', '/api/v1/auth/login', {
        raw: '{"email": ',
        headers: { ...headers(), 'content-type': 'application/json' },
      });
      expect(response.status).toBe(400);
      expectLocalized(response, 'MALFORMED_BODY', expected);
    });

    it('should answer a URL the router cannot read in that language', async () => {
      const response = await stack.http.get('/api/v1/units/%FF', headers());
      expect(response.status).toBe(400);
      expectLocalized(response, 'BAD_URL', expected);
    });

    it('should answer a domain error in that language', async () => {
      const response = await stack.http.get('/api/v1/me', {
        ...headers(),
        authorization: 'Bearer not-a-token',
      });
      expect(response.status).toBe(401);
      expectLocalized(response, 'INVALID_TOKEN', expected);
    });

    it('should say every row error of an import in that language, with its specifics', async () => {
      const form = new FormData();
      const csv = 'code,name,colour\nP-1,Trưởng phòng,\nP-1,Phó trưởng phòng,\nP 2,Chuyên viên,\n';
      form.append('file', new Blob([Buffer.from(csv)]), 'positions.csv');
      const response = await fetch(`${stack.http.baseUrl}/api/v1/imports/positions`, {
        method: 'POST',
        body: form,
        headers: { ...bearer(adminToken), ...headers() },
      });
      const body: any = await response.json();
      expect(response.status).toBe(422);
      expect(response.headers.get('content-language')).toBe(expected);
      expect(body.code).toBe('IMPORT_INVALID');
      expect(body.detail).toBe(
        messageFor('IMPORT_INVALID', expected, { errorCount: body.errorCount }),
      );
      const byCode = Object.fromEntries(body.errors.map((e: any) => [e.code, e]));
      expect(byCode.UNKNOWN_COLUMN).toMatchObject({ row: 1, column: 'colour' });
      expect(byCode.DUPLICATE_CODE).toMatchObject({ row: 3, column: 'code' });
      expect(byCode.CODE_HAS_SPACES).toMatchObject({ row: 4, column: 'code' });
      const said = {
        en: {
          UNKNOWN_COLUMN: 'The column "colour" is not recognised.',
          DUPLICATE_CODE: 'The code P-1 is the same as on another row of the file (row 2).',
          CODE_HAS_SPACES: 'The code "P 2" must not contain spaces.',
        },
        vi: {
          UNKNOWN_COLUMN: 'Cột "colour" không được nhận diện.',
          DUPLICATE_CODE: 'Mã P-1 trùng với một dòng khác trong tệp (dòng 2).',
          CODE_HAS_SPACES: 'Mã "P 2" không được chứa dấu cách.',
        },
      }[expected];
      for (const [code, words] of Object.entries(said)) {
        expect(byCode[code].message).toContain(words);
      }
      for (const error of body.errors) expect(error).not.toHaveProperty('params');
    });
  });

  it('should answer in Vietnamese what the HTTP parser refuses before reading any header', async () => {
    const port = Number(new URL(stack.http.baseUrl).port);
    const answer = await rawAnswer(
      port,
      'GET /api/v1/health/live HTTP/1.1\r\nHost: x\r\nAccept-Language: en\r\n' +
        `X-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    const [head, body] = answer.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 431 /);
    expect(head).toMatch(/\r\nContent-Language: vi\r\n/i);
    expect(JSON.parse(body)).toMatchObject({
      code: 'HEADERS_TOO_LARGE',
      detail: errorMessages.HEADERS_TOO_LARGE.vi,
    });
  });

  it('should keep Vietnamese diacritics intact over the wire', async () => {
    const response = await stack.http.get('/api/v1/no-such-thing');
    expect(response.headers.get('content-type')).toContain('charset=utf-8');
    expect(response.body.detail).toContain('Không có chức năng này trên máy chủ');
    expect(response.body.detail).toBe(response.body.detail.normalize('NFC'));
  });

  it('should answer a batch’s per-item problems in the caller’s language', async () => {
    const response = await stack.http.post(
      '/api/v1/nominations/decisions',
      {
        meetingDate: '2026-12-01',
        items: [
          {
            nominationId: '00000000-0000-4000-8000-000000000000',
            action: 'approve',
            version: 1,
          },
        ],
      },
      { ...bearer(adminToken), 'accept-language': 'en' },
    );
    expect(response.status).toBe(200);
    const [result] = response.body.results;
    expect(result.ok).toBe(false);
    expect(result.problem.detail).toBe(errorMessages[result.problem.code as ErrorCode].en);
  });
});
