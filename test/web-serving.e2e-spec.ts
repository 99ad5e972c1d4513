import { errorMessages } from '@app/common';
import { startTestStack, TestStack } from '@app/testing';
import { Logger } from '@nestjs/common';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const INDEX = '<!doctype html><html><head><title>Đào tạo</title></head><body>app</body></html>';
const SCRIPT = 'console.log("app");';
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; " +
  "form-action 'self'; object-src 'none'";

/** A GET with the path sent exactly as written (fetch would normalize `..` and `%2e`). */
function rawGet(baseUrl: string, path: string, headers: Record<string, string> = {}) {
  const { hostname, port } = new URL(baseUrl);
  return new Promise<{ status: number; headers: Record<string, unknown>; text: string }>(
    (resolve, reject) => {
      const outgoing = request({ host: hostname, port, path, headers }, (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode!, headers: response.headers, text }),
        );
      });
      outgoing.on('error', reject);
      outgoing.end();
    },
  );
}

const expectProblem = (
  response: { status: number; headers: Headers; body: any },
  status: number,
  code: string,
) => {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(response.body).toMatchObject({ status, code });
};

describe('Serving the web application', () => {
  let stack: TestStack;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tn-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), INDEX);
    writeFileSync(join(dir, 'assets', 'app-abc123.js'), SCRIPT);
    writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(dir, '.secret'), 'hidden');
    stack = await startTestStack({ env: { WEB_DIST_DIR: dir } });
  });
  afterAll(async () => {
    await stack?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const expectIndex = (response: { status: number; headers: Headers; text: string }) => {
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('content-security-policy')).toBe(CSP);
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.text).toBe(INDEX);
  };

  it('should answer index.html at the root and at the paths of the app (links in emails)', async () => {
    expectIndex(await stack.http.get('/'));
    expectIndex(await stack.http.get('/index.html'));
    expectIndex(await stack.http.get('/nominations/0b5e3c52-7a8e-4d5c-9a51-2f1c6f0d7e21'));
    expectIndex(await stack.http.get('/funds/0b5e3c52-7a8e-4d5c-9a51-2f1c6f0d7e21?tab=ledger'));
    expectIndex(await stack.http.get('/apiary'));
  });

  it('should answer HEAD like GET, without a body', async () => {
    const response = await stack.http.request('HEAD', '/nominations/x');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.text).toBe('');
  });

  it('should let index.html be revalidated with its ETag', async () => {
    const first = await rawGet(stack.http.baseUrl, '/');
    const etag = first.headers.etag as string;
    expect(etag).toBeTruthy();
    const again = await rawGet(stack.http.baseUrl, '/some/page', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
  });

  it('should serve hashed assets as immutable, with the strict policy', async () => {
    const response = await stack.http.get('/assets/app-abc123.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('content-security-policy')).toBe(CSP);
    expect(response.text).toBe(SCRIPT);
  });

  it('should serve other files of the build, revalidated', async () => {
    const response = await stack.http.get('/favicon.svg');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
  });

  it('should answer 404 for a missing asset, not index.html', async () => {
    expectProblem(await stack.http.get('/assets/app-old999.js'), 404, 'ROUTE_NOT_FOUND');
    expectProblem(await stack.http.get('/assets/'), 404, 'ROUTE_NOT_FOUND');
  });

  it('should never serve dotfiles or anything outside the directory', async () => {
    expectIndex(await stack.http.get('/.secret'));
    const assets = [
      '/assets/..%2findex.html',
      '/assets/%2e%2e/%2e%2e/package.json',
      '/assets/../../package.json',
      '/assets/..%5c..%5cpackage.json',
    ];
    for (const path of assets) {
      const response = await rawGet(stack.http.baseUrl, path);
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
    }
    for (const path of ['/../package.json', '/..%2f..%2fpackage.json', '/%2e%2e/package.json']) {
      const response = await rawGet(stack.http.baseUrl, path);
      expect({ path, text: response.text }).toEqual({ path, text: INDEX });
    }
  });

  it('should keep unknown API paths a problem+json 404 ROUTE_NOT_FOUND', async () => {
    expectProblem(await stack.http.get('/api/v1/nope'), 404, 'ROUTE_NOT_FOUND');
    expectProblem(await stack.http.get('/api'), 404, 'ROUTE_NOT_FOUND');
    expectProblem(await stack.http.get('/api/elsewhere'), 404, 'ROUTE_NOT_FOUND');
    const post = await stack.http.post('/nominations/x', {});
    expectProblem(post, 404, 'ROUTE_NOT_FOUND');
  });

  it('should keep the API answering, with its own policy', async () => {
    const live = await stack.http.get('/api/v1/health/live');
    expect(live.status).toBe(200);
    expect(live.headers.get('content-security-policy')).not.toBe(CSP);
  });

  it('should keep the OpenAPI UI working with its looser policy', async () => {
    const docs = await stack.http.get('/api/docs');
    expect(docs.status).toBe(200);
    expect(docs.headers.get('content-type')).toMatch(/^text\/html/);
    expect(docs.text).toContain('swagger');
    const policy = docs.headers.get('content-security-policy')!;
    expect(policy).toContain("script-src 'self' 'unsafe-inline'");
    expect((await stack.http.get('/api/docs/swagger-ui-init.js')).status).toBe(200);
    expect((await stack.http.get('/api/docs/swagger-ui.css')).status).toBe(200);
    expect((await stack.http.get('/api/docs-json')).status).toBe(200);
  });
});

describe('Serving without a built web application', () => {
  let stack: TestStack;
  let dir: string;
  let warnings: unknown[][];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tn-no-web-'));
    const warn = jest.spyOn(Logger.prototype, 'warn');
    try {
      stack = await startTestStack({ env: { WEB_DIST_DIR: dir } });
    } finally {
      // Restoring the spy forgets its calls: keep them.
      warnings = [...warn.mock.calls];
      warn.mockRestore();
    }
  });
  afterAll(async () => {
    await stack?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('should say so once at start-up, naming the directory', () => {
    const said = warnings.filter(([message]) =>
      /web application is not built/.test(String(message)),
    );
    expect(said).toHaveLength(1);
    expect(String(said[0][0])).toContain(dir);
  });

  it('should answer paths outside /api with 404 WEB_APP_NOT_BUILT', async () => {
    for (const path of ['/', '/nominations/x', '/assets/app-abc123.js']) {
      const response = await stack.http.get(path);
      expectProblem(response, 404, 'WEB_APP_NOT_BUILT');
      expect(response.body.detail).toBe(errorMessages.WEB_APP_NOT_BUILT.vi);
      expect(response.body.requestId).toBe(response.headers.get('x-request-id'));
    }
  });

  it('should keep the API and its 404', async () => {
    expect((await stack.http.get('/api/v1/health/live')).status).toBe(200);
    expectProblem(await stack.http.get('/api/v1/nope'), 404, 'ROUTE_NOT_FOUND');
    expect((await stack.http.get('/api/docs')).status).toBe(200);
  });
});
