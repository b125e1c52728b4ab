import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { recordAudit } from '../db/audit';
import type { Db } from '../db/connection';
import { isAllowed, refusalMessage, type Action } from '../domain/permissions';
import type { ErrorBody } from '../contracts/common';
import { errorBody, type AppEnv } from '../http';
import { ABSOLUTE_TIMEOUT_MS, type AuthService, type CurrentSession } from './service';

export const SESSION_COOKIE = 'realise_session';
export const CSRF_HEADER = 'X-CSRF-Token';

/** Reads that anyone may make: whether the service is up, who you are, and what the API is. */
const OPEN_READS = new Set(['/api/health', '/api/auth/session', '/api/openapi.json']);
/** Writes that come before a session exists. */
const SESSIONLESS_WRITES = new Set(['/api/auth/sign-in', '/api/auth/setup']);

const isRead = (method: string) => method === 'GET' || method === 'HEAD' || method === 'OPTIONS';

/** Set on every request by createApp from TRUST_PROXY: whether a reverse proxy in front says who the client is. */
const trustsProxy = (c: Context<AppEnv>) => c.get('trustProxy') === true;

/**
 * The client's address, for throttling: the connection's, or, only where TRUST_PROXY says a proxy
 * in front sets it, the address X-Forwarded-For's proxy appended last (anything before it the
 * client could have written itself).
 */
export function clientAddress(c: Context<AppEnv>): string {
  if (trustsProxy(c)) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').map((a) => a.trim()).filter(Boolean).at(-1);
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // not served by Node (app.request in tests)
  }
}

export const isHttps = (c: Context<AppEnv>) => new URL(c.req.url).protocol === 'https:' || (trustsProxy(c) && c.req.header('x-forwarded-proto') === 'https');
/** Over HTTPS the cookie takes the __Host- prefix: the browser then holds it only as Secure, for this host and path /. */
const HOST_COOKIE = `__Host-${SESSION_COOKIE}`;

export function setSessionCookie(c: Context<AppEnv>, token: string) {
  setCookie(c, isHttps(c) ? HOST_COOKIE : SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: isHttps(c),
    path: '/',
    maxAge: ABSOLUTE_TIMEOUT_MS / 1000,
  });
}

export function clearSessionCookie(c: Context<AppEnv>) {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isHttps(c) });
  if (isHttps(c)) deleteCookie(c, HOST_COOKIE, { path: '/', secure: true });
}

/**
 * Finds the request's session, then guards the API: reads need a session with a role unless
 * PUBLIC_READ is on; every write needs a session and its CSRF token in a header, which a page on
 * another site cannot send.
 */
export function guardApi({ auth, db, publicRead, now }: { auth: AuthService; db: Db; publicRead: boolean; now: () => Date }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const session = auth.session(getCookie(c, HOST_COOKIE) ?? getCookie(c, SESSION_COOKIE));
    c.set('session', session);
    const path = c.req.path;
    if (!path.startsWith('/api/')) return next();
    // A password an administrator chose is changed before anything else (the session, the change and sign-out stay open).
    if (session?.user.mustChangePassword && !path.startsWith('/api/auth/') && path !== '/api/health') {
      return c.json(errorBody('password_change_required', 'Change the password you were given before anything else: an administrator chose it. Go to Your account and set your own.'), 403);
    }

    if (isRead(c.req.method)) {
      // Single sign-on's way there and back comes before any session.
      if (OPEN_READS.has(path) || path.startsWith('/api/auth/oidc/') || publicRead) return next();
      if (!session) return c.json(errorBody('sign_in_required', 'Sign in to see the savings ledger.'), 401);
      if (!isAllowed(session.user.grants, { kind: 'read' })) {
        auditRefusal(c, db, now, session, { kind: 'read' });
        return c.json(errorBody('forbidden', refusalMessage({ kind: 'read' })), 403);
      }
      return next();
    }

    if (SESSIONLESS_WRITES.has(path)) return next();
    if (!session) return c.json(errorBody('sign_in_required', 'Sign in to make changes; your session may have timed out.'), 401);
    if (c.req.header(CSRF_HEADER) !== session.csrfToken) {
      recordAudit(db, { at: now().toISOString(), actor: session.user.email, action: 'refused', entity: 'request', entityId: `${c.req.method} ${path}`, before: null, after: { reason: 'missing or wrong CSRF token' } });
      return c.json(errorBody('csrf_token_invalid', 'This request did not carry the page’s security token. Reload the page and try again.'), 403);
    }
    return next();
  };
}

/** Records a refusal in the audit log: who asked for what. */
function auditRefusal(c: Context, db: Db, now: () => Date, session: CurrentSession, action: Action) {
  recordAudit(db, {
    at: now().toISOString(),
    actor: session.user.email,
    action: 'refused',
    entity: 'request',
    entityId: `${c.req.method} ${c.req.path}`,
    before: null,
    after: action,
  });
}

/**
 * In a handler: the session if it may do the action, else the status and error to answer with (the
 * refusal already audited). Returned rather than sent, so the route's typed responses still hold.
 */
export function authorise(
  c: Context<AppEnv>,
  db: Db,
  now: () => Date,
  action: Action,
): { ok: true; session: CurrentSession } | { ok: false; status: 401 | 403; body: ErrorBody } {
  const session = c.get('session');
  if (!session) return { ok: false, status: 401, body: errorBody('sign_in_required', 'Sign in to make changes.') };
  if (!isAllowed(session.user.grants, action)) {
    auditRefusal(c, db, now, session, action);
    return { ok: false, status: 403, body: errorBody('forbidden', refusalMessage(action)) };
  }
  return { ok: true, session };
}
