/**
 * The browser session. The access token lives in this module's memory only; the refresh
 * token is an HttpOnly cookie the script never sees. Refreshing is single-flight across every
 * tab of the browser: the API revokes a whole token family when one refresh token is used
 * twice, so two tabs refreshing at once must never both spend the same cookie.
 *
 * How: a refresh runs under a Web Lock shared by all tabs; the tab that refreshed broadcasts
 * the new access token, and a tab that waited for the lock finds a fresh token and skips its
 * own refresh. Logging out in one tab signs every tab out.
 */
import { toApiError } from '../api/problem';

const AUTH_PATH = '/api/v1/auth';
const LOCK_NAME = 'tn-session-refresh';
/** Refresh this long before the access token expires. */
const EARLY_MS = 30_000;

interface AccessToken {
  token: string;
  expiresAt: number;
}

type SessionMessage =
  | { type: 'token'; token: string; expiresAt: number }
  | { type: 'signed-out'; reason: SignOutReason };

export type SignOutReason = 'logout' | 'expired';
type Listener = (
  event: { type: 'signed-in' } | { type: 'signed-out'; reason: SignOutReason },
) => void;

let access: AccessToken | null = null;
let inFlight: Promise<string | null> | null = null;
const listeners = new Set<Listener>();
const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('tn-session');

channel?.addEventListener('message', (event: MessageEvent<SessionMessage>) => {
  const message = event.data;
  if (message.type === 'token') {
    const wasSignedOut = !access;
    access = { token: message.token, expiresAt: message.expiresAt };
    if (wasSignedOut) emit({ type: 'signed-in' });
  } else if (message.type === 'signed-out') {
    access = null;
    emit({ type: 'signed-out', reason: message.reason });
  }
});

function emit(event: Parameters<Listener>[0]) {
  for (const listener of listeners) listener(event);
}

export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function fresh(token: AccessToken | null): token is AccessToken {
  return !!token && token.expiresAt - EARLY_MS > Date.now();
}

function accept(body: { accessToken: string; expiresIn: number }): string {
  access = { token: body.accessToken, expiresAt: Date.now() + body.expiresIn * 1000 };
  channel?.postMessage({ type: 'token', ...access } satisfies SessionMessage);
  return access.token;
}

/** Runs `task` while holding the refresh lock of every tab (or just this tab's, as a fallback). */
async function underLock<T>(task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (locks) return locks.request(LOCK_NAME, task);
  return task();
}

export class LoginError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(code);
  }
}

export async function login(email: string, password: string): Promise<void> {
  const response = await fetch(`${AUTH_PATH}/login`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ email, password, session: 'cookie' }),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const retry = Number(response.headers.get('retry-after'));
    throw new LoginError(
      response.status,
      body.code ?? `HTTP_${response.status}`,
      retry || undefined,
    );
  }
  accept(body);
  emit({ type: 'signed-in' });
}

/**
 * A valid access token, refreshing through the cookie when needed; null when there is no
 * session (never signed in here, or the cookie was revoked or expired).
 */
export async function accessToken(): Promise<string | null> {
  if (fresh(access)) return access.token;
  return refresh();
}

/** Forces a refresh (after a 401), single-flight within the tab and across tabs. */
export function refresh(): Promise<string | null> {
  const stale = access?.token;
  inFlight ??= underLock(async () => {
    // Another tab may have refreshed while this one waited for the lock.
    if (fresh(access) && access.token !== stale) return access.token;
    const response = await fetch(`${AUTH_PATH}/refresh`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: '{}',
    });
    // A server in trouble has not ended the session: the request fails, the tab stays signed in.
    if (response.status >= 500) {
      throw toApiError(response.status, await response.json().catch(() => ({})));
    }
    if (!response.ok) {
      // Signed in (here or in another tab) while this refresh was under way: that session stands.
      if (access && access.token !== stale) return access.token;
      const hadSession = !!access;
      access = null;
      if (hadSession) signedOut('expired');
      return null;
    }
    return accept(await response.json());
  }).finally(() => {
    inFlight = null;
  });
  return inFlight;
}

function signedOut(reason: SignOutReason) {
  channel?.postMessage({ type: 'signed-out', reason } satisfies SessionMessage);
  emit({ type: 'signed-out', reason });
}

export async function logout(): Promise<void> {
  const token = await accessToken().catch(() => null);
  if (token) {
    await fetch(`${AUTH_PATH}/logout`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{}',
    }).catch(() => undefined);
  }
  access = null;
  signedOut('logout');
}

/** Whether this tab holds an access token now (it may still need a refresh). */
export function hasSession(): boolean {
  return !!access;
}
