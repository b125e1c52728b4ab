import { createRoute } from '@hono/zod-openapi';
import { ChangePasswordBody, Ok, OidcParams, OidcStartQuery, SessionState, SetupBody, SignedOut, SignInBody } from '../contracts/auth';
import { errorResponse, jsonResponse } from '../contracts/common';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { clearSessionCookie, clientAddress, isHttps, setSessionCookie } from '../auth/middleware';
import { BROWSER_COOKIE, type Oidc } from '../auth/oidc';
import type { AuthService, CurrentSession } from '../auth/service';
import { apiRouter, errorBody, jsonBody } from '../http';


const getSession = createRoute({
  method: 'get',
  path: '/auth/session',
  tags: ['auth'],
  responses: { 200: jsonResponse(SessionState, 'Who is signed in, and the token for changes') },
});
const signIn = createRoute({
  method: 'post',
  path: '/auth/sign-in',
  tags: ['auth'],
  request: { body: jsonBody(SignInBody) },
  responses: {
    200: jsonResponse(SessionState, 'Signed in: the session cookie is set'),
    400: errorResponse('The email or password is missing or malformed'),
    401: errorResponse('The email or password is not right'),
    429: errorResponse('Too many failed sign-ins'),
  },
});
const signOut = createRoute({
  method: 'post',
  path: '/auth/sign-out',
  tags: ['auth'],
  responses: { 200: jsonResponse(SignedOut, 'Signed out of Realise; where to sign out at the provider too'), 401: errorResponse('Not signed in'), 403: errorResponse('No CSRF token') },
});
const oidcStart = createRoute({
  method: 'get',
  path: '/auth/oidc/{provider}/start',
  tags: ['auth'],
  request: { params: OidcParams, query: OidcStartQuery },
  responses: { 302: { description: 'To the provider to sign in, or back to the sign-in page saying why not' }, 400: errorResponse('Not a provider id') },
});
const oidcCallback = createRoute({
  method: 'get',
  path: '/auth/oidc/{provider}/callback',
  tags: ['auth'],
  request: { params: OidcParams },
  responses: { 302: { description: 'Signed in: to the page the sign-in started from; or to the sign-in page saying why not' }, 400: errorResponse('Not a provider id') },
});
const changePassword = createRoute({
  method: 'post',
  path: '/auth/password',
  tags: ['auth'],
  request: { body: jsonBody(ChangePasswordBody) },
  responses: {
    200: jsonResponse(Ok, 'Password changed; other sessions ended'),
    400: errorResponse('The new password will not do, or the current one is wrong'),
    401: errorResponse('Not signed in'),
    403: errorResponse('No CSRF token'),
  },
});
const setup = createRoute({
  method: 'post',
  path: '/auth/setup',
  tags: ['auth'],
  request: { body: jsonBody(SetupBody) },
  responses: {
    200: jsonResponse(SessionState, 'The first administrator is created and signed in'),
    400: errorResponse('The account details will not do'),
    403: errorResponse('The setup link is used, replaced or wrong'),
  },
});

export function authRoutes(auth: AuthService, oidc: Oidc, publicRead: boolean) {
  const state = (session: CurrentSession | null) => ({
    user: session?.user ?? null,
    csrfToken: session?.csrfToken ?? null,
    publicRead,
    setupNeeded: auth.setupNeeded(),
    providers: oidc.providers(),
  });
  /** Back to the sign-in page, saying why (the page puts the reason in words), and where to go after. */
  const signInPage = (failure: string, next: string) => `/sign-in?problem=${encodeURIComponent(failure)}${next !== '/' ? `&next=${encodeURIComponent(next)}` : ''}`;
  return apiRouter()
    .openapi(getSession, (c) => c.json(state(c.get('session')), 200))
    .openapi(signIn, async (c) => {
      const { email, password } = c.req.valid('json');
      const result = await auth.signIn(email, password, clientAddress(c));
      if (!result.ok) {
        return result.reason === 'throttled'
          ? c.json(
              errorBody('too_many_attempts', 'Too many failed sign-ins for this account or from this address. Wait 15 minutes and try again, or ask an administrator to reset your password.'),
              429,
            )
          : c.json(errorBody('sign_in_failed', 'The email or password is not right. Check them and try again.'), 401);
      }
      setSessionCookie(c, result.token);
      return c.json(state(result.session), 200);
    })
    .openapi(signOut, async (c) => {
      const session = c.get('session')!;
      // Asked before the session goes: the provider's ID token is kept with it.
      const providerSignOutUrl = await oidc.providerSignOutUrl(session);
      auth.signOut(session);
      clearSessionCookie(c);
      return c.json({ ok: true as const, providerSignOutUrl }, 200);
    })
    .openapi(oidcStart, async (c) => {
      const { provider } = c.req.valid('param');
      const started = await oidc.start(provider, c.req.valid('query').next);
      if (!started.ok) return c.redirect(signInPage(started.failure, started.next), 302);
      setCookie(c, BROWSER_COOKIE, started.browser, { httpOnly: true, sameSite: 'Lax', secure: isHttps(c), path: '/api/auth/oidc', maxAge: 600 });
      return c.redirect(started.redirect, 302);
    })
    .openapi(oidcCallback, async (c) => {
      const { provider } = c.req.valid('param');
      const outcome = await oidc.callback(provider, new URL(c.req.url), getCookie(c, BROWSER_COOKIE), clientAddress(c));
      deleteCookie(c, BROWSER_COOKIE, { path: '/api/auth/oidc', secure: isHttps(c) });
      if (!outcome.ok) return c.redirect(signInPage(outcome.failure, outcome.next), 302);
      setSessionCookie(c, outcome.token);
      return c.redirect(outcome.next, 302);
    })
    .openapi(changePassword, async (c) => {
      const { currentPassword, newPassword } = c.req.valid('json');
      const problem = await auth.changePassword(c.get('session')!, currentPassword, newPassword, clientAddress(c));
      if (problem) return c.json(errorBody('password_not_changed', problem), 400);
      return c.json({ ok: true as const }, 200);
    })
    .openapi(setup, async (c) => {
      const { token, ...account } = c.req.valid('json');
      const result = await auth.completeSetup(token, account);
      if (!result.ok) return c.json(errorBody(result.status === 403 ? 'setup_link_invalid' : 'invalid_request', result.message), result.status);
      setSessionCookie(c, result.token);
      return c.json(state(result.session), 200);
    });
}
