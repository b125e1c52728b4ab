import { createHash, randomBytes } from 'node:crypto';
import { recordAudit } from '../db/audit';
import type { Db } from '../db/connection';
import type { AccountRepository, UserRow } from '../db/repositories/accounts';
import type { Grant } from '../domain/permissions';
import { hashPassword, passwordProblem, STANDARD_COST, verifyPassword, type HashCost } from './passwords';

// Sign-in, sessions and the first administrator, to OWASP ASVS level 2: 256-bit random session
// tokens stored only as hashes, idle and absolute timeouts, throttled guessing, and the same answer
// and the same work whether or not an account exists.

export const IDLE_TIMEOUT_MS = 30 * 60_000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60_000;
export const THROTTLE_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;
/** A session's last-seen time is written at most this often, not on every request. */
const TOUCH_EVERY_MS = 60_000;

export type SessionUser = { id: number; email: string; displayName: string; grants: Grant[]; mustChangePassword: boolean };
export type CurrentSession = { user: SessionUser; csrfToken: string; tokenHash: string };

export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');
const newToken = () => randomBytes(32).toString('base64url');

export type SignInResult =
  | { ok: true; token: string; session: CurrentSession }
  | { ok: false; reason: 'wrong-email-or-password' | 'throttled' };

export function createAuthService({
  db,
  accounts,
  now,
  hashCost = STANDARD_COST,
}: {
  db: Db;
  accounts: AccountRepository;
  now: () => Date;
  hashCost?: HashCost;
}) {
  // Checked against when the email is unknown, so a wrong email takes as long as a wrong password.
  let decoyHash: Promise<string> | null = null;
  const decoy = () => (decoyHash ??= hashPassword(newToken(), hashCost));
  const at = () => now().toISOString();
  const sessionUser = (user: UserRow): SessionUser => ({
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    grants: accounts.grants(user.id),
    mustChangePassword: user.mustChangePassword,
  });
  const audit = (actor: string, action: string, entity: string, entityId: string | null, before: unknown, after: unknown) =>
    recordAudit(db, { at: at(), actor, action, entity, entityId, before, after });

  /**
   * Whether an attempt on an account from an address may go on. Locked out after 5 failures on the
   * account from that address, or 20 from the address on any account, in 15 minutes: a stranger's
   * guesses lock only their own address out, never the person at theirs. Guesses at one account
   * from many addresses slow every attempt on it (a delay doubling from 250 ms to 8 s, the event
   * loop free meanwhile) without locking the right password out.
   */
  function checkThrottle(email: string, address: string): 'throttled' | Promise<void> {
    const since = new Date(now().getTime() - THROTTLE_WINDOW_MS).toISOString();
    const failures = accounts.failuresSince(email, address, since);
    if (failures.byEmailFromAddress >= MAX_FAILURES_PER_ACCOUNT || failures.byAddress >= MAX_FAILURES_PER_ADDRESS) return 'throttled';
    if (failures.byEmail < MAX_FAILURES_PER_ACCOUNT) return Promise.resolve();
    const delay = 250 * 2 ** Math.min(5, failures.byEmail - MAX_FAILURES_PER_ACCOUNT);
    return new Promise((resolve) => setTimeout(resolve, delay));
  }

  /** Counts a failed (or throttled) attempt; audits it too where it is the first from the address this minute. */
  function failedAttempt(email: string, address: string, action: 'sign-in-throttled' | 'sign-in-failed' | null) {
    const time = now();
    accounts.pruneFailures(new Date(time.getTime() - THROTTLE_WINDOW_MS).toISOString());
    accounts.recordFailure(email, address, time.toISOString());
    if (action) auditFailure(email, address, action);
  }

  /**
   * The audit log keeps failed sign-ins bounded: one row an address a minute, with how many
   * attempts it made in the minute before, rather than a row an attempt (an attacker's ~7,000 a
   * second would otherwise fill the append-only log for ever).
   */
  function auditFailure(email: string, address: string, action: 'sign-in-throttled' | 'sign-in-failed') {
    const time = now().getTime();
    const minute = new Date(time - (time % 60_000));
    if (accounts.failuresFromAddressSince(address, minute.toISOString()) > 1) return;
    const previousMinute = accounts.failuresFromAddressSince(address, new Date(minute.getTime() - 60_000).toISOString()) - 1;
    audit(email, action, 'session', null, null, { address, attemptsFromAddressInPreviousMinute: previousMinute, note: 'one row an address a minute' });
  }

  function startSession(user: UserRow): { token: string; session: CurrentSession } {
    const token = newToken();
    const tokenHash = hashToken(token);
    const csrfToken = newToken();
    const started = now();
    accounts.insertSession({
      tokenHash,
      userId: user.id,
      csrfToken,
      createdAt: started.toISOString(),
      lastSeenAt: started.toISOString(),
      expiresAt: new Date(started.getTime() + ABSOLUTE_TIMEOUT_MS).toISOString(),
    });
    return { token, session: { user: sessionUser(user), csrfToken, tokenHash } };
  }

  return {
    async signIn(email: string, password: string, address: string): Promise<SignInResult> {
      const throttle = checkThrottle(email, address);
      if (throttle === 'throttled') {
        failedAttempt(email, address, 'sign-in-throttled');
        return { ok: false, reason: 'throttled' };
      }
      // Counted as a failure before the password is checked, in the same synchronous step as the
      // count was read: guesses sent at once each see those ahead of them, so no more than the limit
      // are ever checked. A right password clears it again.
      failedAttempt(email, address, null);
      await throttle;
      const user = accounts.userByEmail(email);
      const matches = await verifyPassword(password, user?.passwordHash ?? (await decoy()));
      if (!user || !user.isActive || !matches) {
        auditFailure(email, address, 'sign-in-failed');
        return { ok: false, reason: 'wrong-email-or-password' };
      }
      accounts.clearFailures(email);
      const started = startSession(user);
      audit(user.email, 'sign-in', 'session', String(user.id), null, { address });
      return { ok: true, ...started };
    },

    /** The session a cookie names, if it is still within both timeouts; it is ended if not. */
    session(token: string | undefined): CurrentSession | null {
      if (!token || token.length > 100) return null;
      const tokenHash = hashToken(token);
      const row = accounts.session(tokenHash);
      if (!row) return null;
      const time = now().getTime();
      const user = accounts.userById(row.userId);
      if (!user || !user.isActive || Date.parse(row.expiresAt) <= time || Date.parse(row.lastSeenAt) + IDLE_TIMEOUT_MS <= time) {
        accounts.deleteSession(tokenHash);
        return null;
      }
      if (time - Date.parse(row.lastSeenAt) >= TOUCH_EVERY_MS) {
        try {
          accounts.touchSession(tokenHash, now().toISOString());
        } catch (error) {
          // Another process holds the write lock: the session is still good, and a read must not fail for it.
          if (!(error instanceof Error && 'code' in error && String(error.code).startsWith('SQLITE_BUSY'))) throw error;
        }
      }
      return { user: sessionUser(user), csrfToken: row.csrfToken, tokenHash };
    },

    signOut(session: CurrentSession) {
      accounts.deleteSession(session.tokenHash);
      audit(session.user.email, 'sign-out', 'session', String(session.user.id), null, null);
    },

    async changePassword(session: CurrentSession, current: string, next: string, address = 'unknown'): Promise<string | null> {
      const user = accounts.userById(session.user.id)!;
      // The current password is a guess like any other: throttled the same way.
      const throttle = checkThrottle(user.email, address);
      if (throttle === 'throttled') {
        failedAttempt(user.email, address, 'sign-in-throttled');
        return 'Too many wrong passwords: wait 15 minutes, then try again.';
      }
      failedAttempt(user.email, address, null);
      await throttle;
      if (!(await verifyPassword(current, user.passwordHash))) {
        auditFailure(user.email, address, 'sign-in-failed');
        return 'Your current password is not right.';
      }
      accounts.clearFailures(user.email);
      const problem = passwordProblem(next, user);
      if (problem) return problem;
      if (next === current) return user.mustChangePassword ? 'Choose a password of your own, not the one you were given.' : 'Your new password is the same as your current one.';
      const hash = await hashPassword(next, hashCost);
      db.transaction(() => {
        accounts.setPassword(user.id, hash, at());
        // Anyone else signed in as this person is signed out.
        accounts.deleteOtherSessions(user.id, session.tokenHash);
        audit(user.email, 'change-password', 'user', String(user.id), null, null);
      })();
      return null;
    },

    /** While no administrator exists, a one-time link to create the first; null once one does. */
    issueSetupToken(): string | null {
      if (accounts.activeAdministrators() > 0) return null;
      const token = newToken();
      db.transaction(() => {
        accounts.retireSetupTokens(at());
        accounts.insertSetupToken(hashToken(token), at());
      })();
      return token;
    },

    setupNeeded: () => accounts.activeAdministrators() === 0,

    async completeSetup(
      token: string,
      account: { email: string; displayName: string; password: string },
    ): Promise<{ ok: true; token: string; session: CurrentSession } | { ok: false; status: 400 | 403; message: string }> {
      const tokenHash = hashToken(token);
      if (accounts.activeAdministrators() > 0 || !accounts.setupTokenUnused(tokenHash)) {
        return { ok: false, status: 403, message: 'This setup link has been used or replaced. Restart Realise to print a new one, or sign in.' };
      }
      const problem = passwordProblem(account.password, account);
      if (problem) return { ok: false, status: 400, message: problem };
      const hash = await hashPassword(account.password, hashCost);
      let created: UserRow | null = null;
      db.transaction(() => {
        // Checked again inside the transaction: two people may open the link at once.
        if (!accounts.useSetupToken(tokenHash, at()) || accounts.activeAdministrators() > 0) return;
        const id = accounts.insertUser({ email: account.email, displayName: account.displayName, passwordHash: hash, at: at() });
        accounts.replaceGrants(id, [{ role: 'administrator', force: null, function: null }]);
        created = accounts.userById(id);
        audit(account.email, 'create-first-administrator', 'user', String(id), null, { email: account.email, displayName: account.displayName, grants: ['administrator'] });
      })();
      if (!created) return { ok: false, status: 403, message: 'This setup link has been used. Sign in instead.' };
      return { ok: true, ...startSession(created) };
    },

    hashPassword: (password: string) => hashPassword(password, hashCost),

    /** A session for a person a trusted provider has signed in (single sign-on): today's timeouts and CSRF rules. */
    startSessionFor(userId: number): { token: string; session: CurrentSession } {
      return startSession(accounts.userById(userId)!);
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
