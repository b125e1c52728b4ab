import { createHash, randomBytes } from 'node:crypto';
import * as client from 'openid-client';
import { recordAudit } from '../db/audit';
import type { Db } from '../db/connection';
import type { AccountRepository } from '../db/repositories/accounts';
import type { Grant } from '../domain/permissions';
import type { OidcProvider } from './oidc-settings';
import type { AuthService, CurrentSession } from './service';

// Signing in with a force's own account: OpenID Connect's authorization code flow with PKCE, the
// state and nonce checked, the ID token's signature (non-repudiation checks on), issuer, audience
// and expiry verified by openid-client, the provider found by discovery. A person is their
// provider's subject id; their roles come from the provider's group claims through the provider's
// mapping, read again at every sign-in.

/** How long a sign-in may take between leaving for the provider and coming back. */
const LOGIN_TTL_MS = 10 * 60_000;
export const BROWSER_COOKIE = 'realise_oidc';
/** Never a password: an account made by single sign-on cannot sign in with one. */
const NO_PASSWORD = '!single-sign-on';

const hash = (text: string) => createHash('sha256').update(text).digest('base64url');
const token = () => randomBytes(32).toString('base64url');
/** A path of this site to go back to, never another site (no open redirect). */
const safeNext = (next: string | undefined) => (next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/');

export type OidcFailure =
  | 'unknown-provider'
  | 'provider-unreachable'
  | 'sign-in-expired'
  | 'sign-in-refused'
  | 'provider-said-no'
  | 'no-email'
  | 'email-taken'
  | 'account-disabled';

export type OidcOutcome = { ok: true; token: string; session: CurrentSession; next: string } | { ok: false; failure: OidcFailure; next: string };

export function createOidc({
  db,
  accounts,
  auth,
  providers,
  publicUrl,
  now,
}: {
  db: Db;
  accounts: AccountRepository;
  auth: AuthService;
  providers: readonly OidcProvider[];
  publicUrl: string;
  now: () => Date;
}) {
  const configs = new Map<string, Promise<client.Configuration>>();
  const at = () => now().toISOString();
  const audit = (actor: string, action: string, entity: string, entityId: string | null, before: unknown, after: unknown) =>
    recordAudit(db, { at: at(), actor, action, entity, entityId, before, after });
  const statements = {
    insertLogin: db.prepare(
      `INSERT INTO oidc_logins (state_hash, provider, browser_hash, code_verifier, nonce, next, created_at) VALUES (@stateHash, @provider, @browserHash, @verifier, @nonce, @next, @at)`,
    ),
    takeLogin: db.prepare('DELETE FROM oidc_logins WHERE state_hash = ? RETURNING provider, browser_hash AS browserHash, code_verifier AS verifier, nonce, next, created_at AS createdAt'),
    dropStale: db.prepare('DELETE FROM oidc_logins WHERE created_at < ?'),
    identity: db.prepare('SELECT user_id AS userId FROM user_identities WHERE provider = ? AND subject = ?').pluck(),
    insertIdentity: db.prepare('INSERT INTO user_identities (provider, subject, user_id, created_at, last_sign_in_at) VALUES (?, ?, ?, ?, ?)'),
    touchIdentity: db.prepare('UPDATE user_identities SET last_sign_in_at = ? WHERE provider = ? AND subject = ?'),
    insertOidcSession: db.prepare('INSERT INTO oidc_sessions (token_hash, provider, id_token) VALUES (?, ?, ?)'),
    oidcSession: db.prepare('SELECT provider, id_token AS idToken FROM oidc_sessions WHERE token_hash = ?'),
  };
  const redirectUri = (id: string) => `${publicUrl.replace(/\/$/, '')}/api/auth/oidc/${id}/callback`;

  /** The provider's configuration from its discovery document, fetched once (again after a failure). */
  function configOf(provider: OidcProvider): Promise<client.Configuration> {
    let found = configs.get(provider.id);
    if (!found) {
      const issuer = new URL(provider.issuer);
      // Plain HTTP only to a provider on this machine (a test's); anywhere else it must be HTTPS.
      const loopback = issuer.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname);
      found = client
        .discovery(issuer, provider.clientId, { redirect_uris: [redirectUri(provider.id)] }, provider.clientSecret ? client.ClientSecretPost(provider.clientSecret) : client.None(), {
          ...(loopback ? { execute: [client.allowInsecureRequests] } : {}),
          timeout: 10,
        })
        .then((config) => {
          // Check the ID token's signature as well as its claims, though it came straight from the token endpoint.
          client.enableNonRepudiationChecks(config);
          return config;
        });
      found.catch(() => configs.delete(provider.id));
      configs.set(provider.id, found);
    }
    return found;
  }

  /** The grants a person's groups map to, kept to the forces the provider speaks for. */
  function mappedGrants(provider: OidcProvider, claims: Record<string, unknown>): Grant[] | null {
    if (!provider.roleMap) return null;
    const value = claims[provider.groupsClaim];
    const groups = Array.isArray(value) ? value.filter((g): g is string => typeof g === 'string') : typeof value === 'string' ? [value] : [];
    const grants = new Map<string, Grant>();
    for (const group of groups) {
      for (const g of provider.roleMap[group] ?? []) {
        if (g.role === 'force-editor' && provider.forces.length > 0 && (g.force === null || !provider.forces.includes(g.force))) continue;
        grants.set(`${g.role}|${g.force}|${g.function}`, { role: g.role, force: g.force, function: g.function });
      }
    }
    return [...grants.values()].sort((a, b) => `${a.role}|${a.force}|${a.function}`.localeCompare(`${b.role}|${b.force}|${b.function}`));
  }

  return {
    providers: () => providers.map((p) => ({ id: p.id, name: p.name })),

    /** Where to send the browser to sign in, and the value of the cookie that binds the sign-in to it. */
    async start(providerId: string, next: string | undefined): Promise<{ ok: true; redirect: string; browser: string } | { ok: false; failure: OidcFailure; next: string }> {
      const provider = providers.find((p) => p.id === providerId);
      if (!provider) return { ok: false, failure: 'unknown-provider', next: safeNext(next) };
      let config: client.Configuration;
      try {
        config = await configOf(provider);
      } catch (error) {
        console.error(`OpenID Connect provider ${provider.id} (${provider.issuer}) could not be reached: ${error instanceof Error ? error.message : String(error)}`);
        return { ok: false, failure: 'provider-unreachable', next: safeNext(next) };
      }
      const verifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const nonce = client.randomNonce();
      const browser = token();
      statements.dropStale.run(new Date(now().getTime() - LOGIN_TTL_MS).toISOString());
      statements.insertLogin.run({ stateHash: hash(state), provider: provider.id, browserHash: hash(browser), verifier, nonce, next: safeNext(next), at: at() });
      const redirect = client.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri(provider.id),
        scope: 'openid email profile',
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      return { ok: true, redirect: redirect.href, browser };
    },

    /** The provider's answer: checked whole, then the person found or created, their roles mapped, and a session started. */
    async callback(providerId: string, currentUrl: URL, browser: string | undefined, address: string): Promise<OidcOutcome> {
      const provider = providers.find((p) => p.id === providerId);
      const state = currentUrl.searchParams.get('state') ?? '';
      const login = state ? (statements.takeLogin.get(hash(state)) as { provider: string; browserHash: string; verifier: string; nonce: string; next: string; createdAt: string } | undefined) : undefined;
      const next = login?.next ?? '/';
      const refuse = (failure: OidcFailure, reason: string): OidcOutcome => {
        audit(`oidc:${providerId}`, 'sign-in-failed', 'session', null, null, { address, provider: providerId, reason });
        return { ok: false, failure, next };
      };
      if (!provider) return { ok: false, failure: 'unknown-provider', next };
      if (!login || login.provider !== provider.id || !browser || hash(browser) !== login.browserHash) return refuse('sign-in-expired', 'no sign-in started from this browser with that state');
      if (now().getTime() - Date.parse(login.createdAt) > LOGIN_TTL_MS) return refuse('sign-in-expired', 'the sign-in took over 10 minutes');
      if (currentUrl.searchParams.has('error')) return refuse('provider-said-no', `the provider answered ${currentUrl.searchParams.get('error')}`);

      let claims: Record<string, unknown>;
      let idToken: string;
      try {
        const config = await configOf(provider);
        // The redirect URI as registered (PUBLIC_URL's), whatever address a proxy in front passed the request on to.
        const answered = new URL(redirectUri(provider.id));
        answered.search = currentUrl.search;
        const tokens = await client.authorizationCodeGrant(config, answered, { pkceCodeVerifier: login.verifier, expectedState: state, expectedNonce: login.nonce, idTokenExpected: true });
        claims = (tokens.claims() ?? {}) as Record<string, unknown>;
        idToken = tokens.id_token!;
      } catch (error) {
        const reason = whyRefused(error);
        if (error instanceof TypeError && /fetch failed/i.test(error.message)) return refuse('provider-unreachable', reason);
        return refuse('sign-in-refused', reason);
      }
      const subject = String(claims.sub);
      const email = [claims.email, claims.preferred_username].find((v): v is string => typeof v === 'string' && /^[^@\s]+@[^@\s]+$/.test(v));
      const displayName = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim() : (email ?? subject);
      const actor = `oidc:${provider.id}`;

      let userId = statements.identity.get(provider.id, subject) as number | undefined;
      if (userId === undefined) {
        if (!email) return refuse('no-email', `the ID token for ${subject} carries no email or preferred_username`);
        if (accounts.userByEmail(email)) return refuse('email-taken', `${email} already has a Realise account not linked to ${provider.id}`);
        userId = db.transaction(() => {
          const id = accounts.insertUser({ email, displayName, passwordHash: NO_PASSWORD, at: at() });
          statements.insertIdentity.run(provider.id, subject, id, at(), at());
          const grants = mappedGrants(provider, claims) ?? [{ role: 'viewer' as const, force: null, function: null }];
          accounts.replaceGrants(id, grants);
          audit(actor, 'create-user', 'user', String(id), null, { email, displayName, provider: provider.id, subject, grants, by: provider.roleMap ? 'mapping' : 'default: a viewer until an administrator grants more' });
          return id;
        })();
      }
      const user = accounts.userById(userId)!;
      // Disabled in Realise: out, whatever the provider says.
      if (!user.isActive) return refuse('account-disabled', `${user.email} is disabled in Realise`);
      const mapped = mappedGrants(provider, claims);
      const started = db.transaction(() => {
        statements.touchIdentity.run(at(), provider.id, subject);
        if (mapped) {
          const before = accounts.grants(user.id);
          if (JSON.stringify(before) !== JSON.stringify(mapped)) {
            accounts.replaceGrants(user.id, mapped);
            audit(actor, 'roles-by-mapping', 'user', String(user.id), { grants: before }, { grants: mapped, groups: claims[provider.groupsClaim] ?? [] });
          }
        }
        const session = auth.startSessionFor(user.id);
        statements.insertOidcSession.run(session.session.tokenHash, provider.id, idToken);
        audit(user.email, 'sign-in', 'session', String(user.id), null, { address, provider: provider.id });
        return session;
      })();
      return { ok: true, ...started, next };
    },

    /** Where to send the browser to end its session at the provider too, if it supports RP-initiated logout. */
    async providerSignOutUrl(session: CurrentSession): Promise<string | null> {
      const row = statements.oidcSession.get(session.tokenHash) as { provider: string; idToken: string } | undefined;
      const provider = row && providers.find((p) => p.id === row.provider);
      if (!row || !provider) return null;
      try {
        const config = await configOf(provider);
        if (!config.serverMetadata().end_session_endpoint) return null;
        return client.buildEndSessionUrl(config, { id_token_hint: row.idToken, post_logout_redirect_uri: `${publicUrl.replace(/\/$/, '')}/sign-in` }).href;
      } catch {
        return null;
      }
    },
  };
}

export type Oidc = ReturnType<typeof createOidc>;

/**
 * Why a provider's answer was refused, in full for whoever reads the audit log: each error of the
 * chain with its code, the claim it was about ("nonce", "aud", "exp") and the provider's own words.
 */
function whyRefused(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error, depth = 0; e && depth < 4; depth += 1) {
    if (e instanceof Error) parts.push(`${e.name}: ${e.message}`);
    if (e && typeof e === 'object') {
      const o = e as { code?: unknown; claim?: unknown; error?: unknown; error_description?: unknown; cause?: unknown };
      if (typeof o.code === 'string') parts.push(`code ${o.code}`);
      if (typeof o.claim === 'string') parts.push(`claim ${o.claim}`);
      if (typeof o.error === 'string') parts.push(`the provider said ${o.error}${typeof o.error_description === 'string' ? `: ${o.error_description}` : ''}`);
      e = o.cause;
    } else break;
  }
  return parts.join('; ') || String(error);
}
