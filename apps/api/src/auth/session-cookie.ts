import type { AppConfig } from '@app/config';
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Browser sessions keep their refresh token in this cookie rather than in script-readable
 * storage (docs/auth.md). It is sent only to the auth routes, never cross-site.
 */
export const REFRESH_COOKIE = 'tn_refresh';
export const REFRESH_COOKIE_PATH = '/api/v1/auth';

/**
 * `Secure` when the request came over TLS, or when the web application's public address
 * (APP_BASE_URL) is https, i.e. TLS ends at a proxy in front of the API. X-Forwarded-Proto
 * is not read: the API does not trust proxy headers (see `request.ip` in docs/auth.md).
 */
export function isSecureRequest(request: FastifyRequest, config: AppConfig): boolean {
  return request.protocol === 'https' || config.APP_BASE_URL.startsWith('https:');
}

function attributes(request: FastifyRequest, config: AppConfig): CookieSerializeOptions {
  return {
    httpOnly: true,
    sameSite: 'strict',
    path: REFRESH_COOKIE_PATH,
    secure: isSecureRequest(request, config),
  };
}

/** Sets the cookie to `token`, for as long as a refresh token lives. */
export function setRefreshCookie(
  reply: FastifyReply,
  request: FastifyRequest,
  config: AppConfig,
  token: string,
): void {
  reply.setCookie(REFRESH_COOKIE, token, {
    ...attributes(request, config),
    maxAge: config.REFRESH_TOKEN_TTL_DAYS * 24 * 60 * 60,
  });
}

/** Tells the browser to drop the cookie (Max-Age=0, the same path and attributes). */
export function clearRefreshCookie(
  reply: FastifyReply,
  request: FastifyRequest,
  config: AppConfig,
): void {
  reply.clearCookie(REFRESH_COOKIE, attributes(request, config));
}

/** The refresh token the browser sent in the cookie, if any. */
export function refreshCookieOf(request: FastifyRequest): string | undefined {
  const value = request.cookies?.[REFRESH_COOKIE];
  return value ? value : undefined;
}
