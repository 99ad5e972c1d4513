import fastifyStatic from '@fastify/static';
import { DomainError } from '@app/common';
import { Logger } from '@nestjs/common';
import { statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { MAX_PARAM_LENGTH, sendFrameworkError } from './framework-errors';
import { sendProblem } from './problem.filter';

/**
 * The Content-Security-Policy of the web application's responses: its own origin only.
 * `style-src` allows 'unsafe-inline' because Ant Design (CSS-in-JS) injects <style>
 * elements at run time; scripts stay 'self' only. The API's own answers and the OpenAPI
 * UI at /api/docs keep the policy set by helmet in bootstrap.
 */
export const WEB_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

/** Files under /assets/ carry a content hash in their name: they never change. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else (index.html above all) is revalidated on every use (ETag). */
const REVALIDATE = 'no-cache';

const isApiPath = (path: string) => path === '/api' || path.startsWith('/api/');
const isAssetPath = (path: string) => path.startsWith('/assets/');

/** Whether `dir` holds a built web application (an index.html). */
export function isWebAppBuilt(dir: string): boolean {
  try {
    return statSync(join(dir, 'index.html')).isFile();
  } catch {
    return false;
  }
}

/**
 * The file `path` names under `root`, as a path for `reply.sendFile`, or undefined when it
 * names no regular file. Dot segments, dotfiles, empty segments and backslashes name none.
 */
async function fileUnder(root: string, path: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return undefined;
  }
  const segments = decoded.split('/').slice(1);
  const unsafe = (segment: string) =>
    segment === '' || segment.startsWith('.') || /[\\\0]/.test(segment);
  if (segments.some(unsafe)) return undefined;
  try {
    return (await stat(join(root, ...segments))).isFile() ? `/${segments.join('/')}` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Serves the built web application (a single-page app) from `dir` on every GET and HEAD
 * outside /api:
 * - a file of the build is sent as it is, those under /assets/ cacheable for a year;
 * - a missing file under /assets/ is 404 (a stale page must not get index.html as script);
 * - any other path answers index.html, so that the app's own routes (links in emails such
 *   as /nominations/<id>) open it; index.html is never cached without revalidation;
 * - an unknown path under /api stays the API's 404 ROUTE_NOT_FOUND.
 * Without an index.html in `dir` (the API built without the web), non-API paths answer
 * 404 WEB_APP_NOT_BUILT. Returns whether the web application is there.
 */
export async function serveWebApp(fastify: FastifyInstance, dir: string): Promise<boolean> {
  const built = isWebAppBuilt(dir);
  const logger = new Logger('WebApp');
  await fastify.register(async (web) => {
    if (built) {
      await web.register(fastifyStatic, {
        root: dir,
        serve: false,
        cacheControl: false,
        dotfiles: 'deny',
        index: false,
      });
    }
    web.route({
      method: ['GET', 'HEAD'],
      url: '/*',
      // Not part of the API: left out of the OpenAPI document.
      schema: { hide: true } as object,
      // Errors here are problem+json like the API's.
      errorHandler: (error, request, reply) => sendProblem(request, reply, error, logger),
      handler: async (request: FastifyRequest, reply: FastifyReply) => {
        const path = (request.raw.url ?? '/').split('?')[0];
        if (isApiPath(path)) {
          // This catch-all route also catches API paths whose parameter the router refused
          // as too long; they get the router's answer (414), any other its 404.
          if (path.split('/').some((segment) => segment.length > MAX_PARAM_LENGTH)) {
            return sendFrameworkError(
              Object.assign(new Error('parameter too long'), { code: 'FST_ERR_MAX_PARAM_LENGTH' }),
              request,
              reply,
            );
          }
          return reply.callNotFound();
        }
        if (!built) {
          throw new DomainError(
            'WEB_APP_NOT_BUILT',
            'not_found',
            'The web application is not built on this server; the API is under /api/v1.',
          );
        }
        const file = await fileUnder(dir, path);
        if (!file && isAssetPath(path)) return reply.callNotFound();
        reply.header('content-security-policy', WEB_CONTENT_SECURITY_POLICY);
        reply.header('x-frame-options', 'DENY');
        reply.header('cache-control', file && isAssetPath(path) ? IMMUTABLE : REVALIDATE);
        return reply.sendFile(file ?? '/index.html');
      },
    });
  });
  return built;
}
