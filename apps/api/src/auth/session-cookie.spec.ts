import { loadConfig } from '@app/config';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  clearRefreshCookie,
  isSecureRequest,
  refreshCookieOf,
  setRefreshCookie,
} from './session-cookie';

const request = (protocol: 'http' | 'https', cookies: Record<string, string> = {}) =>
  ({ protocol, cookies }) as unknown as FastifyRequest;

function fakeReply() {
  const calls: Array<[string, string, string, Record<string, unknown>]> = [];
  const reply = {
    setCookie: (name: string, value: string, options: Record<string, unknown>) =>
      calls.push(['set', name, value, options]),
    clearCookie: (name: string, options: Record<string, unknown>) =>
      calls.push(['clear', name, '', options]),
  } as unknown as FastifyReply;
  return { reply, calls };
}

describe('the refresh cookie', () => {
  const plain = loadConfig({ APP_BASE_URL: 'http://localhost:3000' });
  const behindTls = loadConfig({ APP_BASE_URL: 'https://daotao.example.gov.vn' });

  it('should be Secure over TLS, or when the public address is https', () => {
    expect(isSecureRequest(request('http'), plain)).toBe(false);
    expect(isSecureRequest(request('https'), plain)).toBe(true);
    expect(isSecureRequest(request('http'), behindTls)).toBe(true);
  });

  it('should be HttpOnly, SameSite=Strict, for the auth routes only, as long as a refresh token', () => {
    const { reply, calls } = fakeReply();
    setRefreshCookie(reply, request('http'), behindTls, 'token-1');
    clearRefreshCookie(reply, request('http'), behindTls);
    const attributes = { httpOnly: true, sameSite: 'strict', path: '/api/v1/auth', secure: true };
    expect(calls).toEqual([
      ['set', 'tn_refresh', 'token-1', { ...attributes, maxAge: 14 * 86400 }],
      ['clear', 'tn_refresh', '', attributes],
    ]);
  });

  it('should read the token from the cookie, and an empty one as none', () => {
    expect(refreshCookieOf(request('http', { tn_refresh: 'abc' }))).toBe('abc');
    expect(refreshCookieOf(request('http', { tn_refresh: '' }))).toBeUndefined();
    expect(refreshCookieOf(request('http'))).toBeUndefined();
  });
});
