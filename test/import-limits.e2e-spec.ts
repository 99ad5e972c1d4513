import { messageFor } from '@app/common';
import {
  seedOrganizationFixture,
  sheetXml,
  startTestStack,
  TestStack,
  xlsxWorkbook,
} from '@app/testing';

/**
 * What one upload may cost: limits lowered so that the files stay small and the test fast.
 * The figures for full-size files are in BENCHMARKS.md (`npm run bench -- import-limits`).
 */
describe('Import limits', () => {
  let stack: TestStack;
  let admin: string;

  const BAD_ROWS = 100_000;
  const MAX_ERRORS = 100;

  beforeAll(async () => {
    stack = await startTestStack({
      env: {
        IMPORT_MAX_UNZIPPED_BYTES: String(2 * 1024 * 1024),
        IMPORT_MAX_ROWS: String(BAD_ROWS),
        IMPORT_MAX_ERRORS: String(MAX_ERRORS),
      },
    });
    admin = (await seedOrganizationFixture(stack)).tokens.admin;
  });
  afterAll(() => stack.close());

  const url = (kind: string) => `${stack.http.baseUrl}/api/v1/imports/${kind}`;

  const upload = async (kind: string, content: string | Buffer, filename: string) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(Buffer.from(content))]), filename);
    const response = await fetch(url(kind), {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${admin}` },
    });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      body: JSON.parse(await response.text()),
    };
  };

  /** Positions with a bad code and no name: two errors on every row. */
  const badPositions = (rows: number) =>
    ['code,name', ...Array.from({ length: rows }, (_, i) => `bad code ${i},`)].join('\n');

  /** Positions with seven errors on every row. */
  const worsePositions = (rows: number) =>
    [
      'code,name,is_leadership,min_education,min_political_theory,min_fostering_rank,min_language_level',
      ...Array.from({ length: rows }, (_, i) => `bad code ${i},,x,x,x,x,x`),
    ].join('\n');

  it('should refuse a zip bomb with SPREADSHEET_TOO_LARGE without inflating it', async () => {
    // 20 MB of sheet in a file of about 20 KB.
    const bomb = xlsxWorkbook(sheetXml([['code', 'name']], ' '.repeat(20_000_000)));
    expect(bomb.length).toBeLessThan(100_000);
    const response = await upload('positions', bomb, 'bomb.xlsx');
    expect(response.status).toBe(422);
    expect(response.type).toMatch(/^application\/problem\+json/);
    expect(response.body.code).toBe('SPREADSHEET_TOO_LARGE');
  });

  it('should stop inflating a zip bomb whose archive understates its size', async () => {
    const bomb = xlsxWorkbook(sheetXml([['code', 'name']], ' '.repeat(20_000_000)), 1000);
    const response = await upload('positions', bomb, 'bomb.xlsx');
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('SPREADSHEET_TOO_LARGE');
  });

  it('should refuse more data rows than the limit with TOO_MANY_ROWS', async () => {
    const response = await upload('positions', badPositions(BAD_ROWS + 1), 'p.csv');
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ code: 'TOO_MANY_ROWS', limit: BAD_ROWS });
  });

  it('should list the first errors of a big file of bad rows and count them all', async () => {
    const response = await upload('positions', badPositions(BAD_ROWS), 'p.csv');
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('IMPORT_INVALID');
    expect(response.body.errorCount).toBe(2 * BAD_ROWS);
    expect(response.body.errors).toHaveLength(MAX_ERRORS);
    expect(response.body.errors[0]).toMatchObject({ row: 2, column: 'code' });
    expect(response.body.errors[MAX_ERRORS - 1]).toMatchObject({ row: 51, column: 'name' });
    expect(response.body.detail).toBe(
      messageFor('IMPORT_INVALID', 'vi', { errorCount: 2 * BAD_ROWS }),
    );
    expect(response.body.detail).toContain('200.000 lỗi');
  });

  it('should list the first errors of bad staff rows, those of reading and of references', async () => {
    // A bad birth date (found while reading) and an unknown unit and authority (found when
    // the codes are looked up): three errors on every row.
    const rows = 1000;
    const csv = [
      'code,full_name,birth_date,gender,unit_code,authority_code',
      ...Array.from({ length: rows }, (_, i) => `CB-${i},Người ${i},x,nam,DV-${i},TQ-${i}`),
    ].join('\n');
    const response = await upload('staff', csv, 'staff.csv');
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('IMPORT_INVALID');
    expect(response.body.errorCount).toBe(3 * rows);
    expect(response.body.errors).toHaveLength(MAX_ERRORS);
    const listed = response.body.errors.map((error: { row: number; code: string }) => [
      error.row,
      error.code,
    ]);
    expect(listed.slice(0, 4)).toEqual([
      [2, 'INVALID_DATE'],
      [2, 'UNKNOWN_UNIT'],
      [2, 'UNKNOWN_AUTHORITY'],
      [3, 'INVALID_DATE'],
    ]);
    expect(listed[MAX_ERRORS - 1]).toEqual([35, 'INVALID_DATE']);
  });

  it('should keep answering /health/live while a big file is parsed', async () => {
    const health = `${stack.http.baseUrl}/api/v1/health/live`;
    let importing = true;
    const started = Date.now();
    const imported = upload('positions', worsePositions(BAD_ROWS), 'p.csv').finally(() => {
      importing = false;
    });
    // Ask one at a time while the import runs, noting the longest wait for an answer.
    let answered = 0;
    let longest = 0;
    while (importing) {
      const asked = Date.now();
      expect((await fetch(health)).status).toBe(200);
      longest = Math.max(longest, Date.now() - asked);
      answered++;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const took = Date.now() - started;
    expect((await imported).status).toBe(422);
    console.log(`health answered ${answered} times in ${took} ms, the slowest in ${longest} ms`);
    // Parsed on the request thread, the file would keep health waiting for much of the import.
    expect(answered).toBeGreaterThan(3);
    expect(longest).toBeLessThan(took / 4);
  });

  describe('malformed multipart bodies', () => {
    const post = async (contentType: string, body: string) => {
      const response = await fetch(url('positions'), {
        method: 'POST',
        body,
        headers: { authorization: `Bearer ${admin}`, 'content-type': contentType },
      });
      return {
        status: response.status,
        type: response.headers.get('content-type'),
        body: JSON.parse(await response.text()),
      };
    };
    const part = (boundary: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.csv"\r\n` +
      `Content-Type: text/csv\r\n\r\ncode,name\nP-1,Một\n`;

    it.each([
      ['without a boundary', 'multipart/form-data', part('x') + '\r\n--x--\r\n'],
      ['cut off before its closing boundary', 'multipart/form-data; boundary=x', part('x')],
      ['cut off inside the part headers', 'multipart/form-data; boundary=x', '--x\r\nContent-Dis'],
      ['with no parts at all', 'multipart/form-data; boundary=x', '--x--\r\n'],
      ['with a different boundary', 'multipart/form-data; boundary=y', part('x') + '\r\n--x--\r\n'],
    ])('should answer 400 problem+json to a body %s', async (_case, contentType, body) => {
      const response = await post(contentType, body);
      expect(response.status).toBe(400);
      expect(response.type).toMatch(/^application\/problem\+json/);
      expect(response.body.code).toEqual(expect.stringMatching(/^IMPORT_/));
    });

    it('should still import a well-formed body', async () => {
      const response = await post('multipart/form-data; boundary=x', part('x') + '\r\n--x--\r\n');
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ created: 1, rows: 1 });
    });
  });
});
