import type { Grant, Role } from '../../domain/permissions';
import type { Db } from '../connection';

export type UserRow = {
  id: number;
  email: string;
  displayName: string;
  passwordHash: string;
  isActive: boolean;
  createdAt: string;
  passwordChangedAt: string;
  /** Set by an administrator's create or reset: the password must be changed before anything else. */
  mustChangePassword: boolean;
};

export type SessionRow = {
  tokenHash: string;
  userId: number;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
};

type RawUser = Omit<UserRow, 'isActive' | 'mustChangePassword'> & { isActive: number; mustChangePassword: number };
const toUser = (row: RawUser | undefined): UserRow | null => (row ? { ...row, isActive: row.isActive === 1, mustChangePassword: row.mustChangePassword === 1 } : null);

/** The SQL of accounts, roles, sessions, setup links and sign-in failures. */
export function createAccountRepository(db: Db) {
  const userColumns = `id, email, display_name AS displayName, password_hash AS passwordHash, is_active AS isActive,
                       created_at AS createdAt, password_changed_at AS passwordChangedAt, must_change_password AS mustChangePassword`;
  const statements = {
    userByEmail: db.prepare(`SELECT ${userColumns} FROM users WHERE email = ?`),
    userById: db.prepare(`SELECT ${userColumns} FROM users WHERE id = ?`),
    users: db.prepare(`SELECT ${userColumns} FROM users ORDER BY display_name`),
    insertUser: db.prepare(
      `INSERT INTO users (email, display_name, password_hash, created_at, password_changed_at, must_change_password)
       VALUES (@email, @displayName, @passwordHash, @at, @at, @mustChangePassword)`,
    ),
    setPassword: db.prepare('UPDATE users SET password_hash = ?, password_changed_at = ?, must_change_password = ? WHERE id = ?'),
    setActive: db.prepare('UPDATE users SET is_active = ? WHERE id = ?'),
    setDisplayName: db.prepare('UPDATE users SET display_name = ? WHERE id = ?'),
    grants: db.prepare('SELECT role, force_slug AS force, function_slug AS function FROM user_roles WHERE user_id = ? ORDER BY role, force_slug, function_slug'),
    deleteGrants: db.prepare('DELETE FROM user_roles WHERE user_id = ?'),
    // A grant given twice is one grant.
    insertGrant: db.prepare('INSERT OR IGNORE INTO user_roles (user_id, role, force_slug, function_slug) VALUES (?, ?, ?, ?)'),
    administrators: db.prepare(
      `SELECT count(DISTINCT u.id) AS n FROM users u JOIN user_roles r ON r.user_id = u.id
        WHERE r.role = 'administrator' AND u.is_active = 1`,
    ),
    insertSession: db.prepare(
      `INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at)
       VALUES (@tokenHash, @userId, @csrfToken, @createdAt, @lastSeenAt, @expiresAt)`,
    ),
    session: db.prepare(
      `SELECT token_hash AS tokenHash, user_id AS userId, csrf_token AS csrfToken, created_at AS createdAt,
              last_seen_at AS lastSeenAt, expires_at AS expiresAt FROM sessions WHERE token_hash = ?`,
    ),
    touchSession: db.prepare('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?'),
    deleteSession: db.prepare('DELETE FROM sessions WHERE token_hash = ?'),
    deleteUserSessions: db.prepare('DELETE FROM sessions WHERE user_id = ?'),
    deleteOtherSessions: db.prepare('DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?'),
    insertSetupToken: db.prepare('INSERT INTO setup_tokens (token_hash, created_at) VALUES (?, ?)'),
    retireSetupTokens: db.prepare('UPDATE setup_tokens SET used_at = ? WHERE used_at IS NULL'),
    setupToken: db.prepare('SELECT token_hash AS tokenHash, used_at AS usedAt FROM setup_tokens WHERE token_hash = ?'),
    useSetupToken: db.prepare('UPDATE setup_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL'),
    insertFailure: db.prepare('INSERT INTO sign_in_failures (email, address, at) VALUES (?, ?, ?)'),
    failuresByEmail: db.prepare('SELECT count(*) AS n FROM sign_in_failures WHERE email = ? AND at > ?'),
    failuresByAddress: db.prepare('SELECT count(*) AS n FROM sign_in_failures WHERE address = ? AND at > ?'),
    failuresByEmailFromAddress: db.prepare('SELECT count(*) AS n FROM sign_in_failures WHERE email = ? AND address = ? AND at > ?'),
    failuresFromAddressSince: db.prepare('SELECT count(*) AS n FROM sign_in_failures WHERE address = ? AND at >= ?'),
    pruneFailures: db.prepare('DELETE FROM sign_in_failures WHERE at < ?'),
    clearFailures: db.prepare('DELETE FROM sign_in_failures WHERE email = ?'),
    forceExists: db.prepare('SELECT 1 FROM forces WHERE slug = ?'),
    functionExists: db.prepare('SELECT 1 FROM functions WHERE slug = ?'),
  };

  return {
    userByEmail: (email: string) => toUser(statements.userByEmail.get(email) as RawUser | undefined),
    userById: (id: number) => toUser(statements.userById.get(id) as RawUser | undefined),
    users: () => (statements.users.all() as RawUser[]).map((row) => toUser(row)!),
    /** mustChangePassword: an administrator chose the password, so its owner changes it first. */
    insertUser: (user: { email: string; displayName: string; passwordHash: string; at: string; mustChangePassword?: boolean }) =>
      Number(statements.insertUser.run({ ...user, mustChangePassword: user.mustChangePassword ? 1 : 0 }).lastInsertRowid),
    setPassword: (id: number, passwordHash: string, at: string, mustChangePassword = false) => statements.setPassword.run(passwordHash, at, mustChangePassword ? 1 : 0, id),
    setActive: (id: number, active: boolean) => statements.setActive.run(active ? 1 : 0, id),
    setDisplayName: (id: number, name: string) => statements.setDisplayName.run(name, id),
    grants: (userId: number) => statements.grants.all(userId) as Grant[],
    replaceGrants: (userId: number, grants: readonly Grant[]) => {
      statements.deleteGrants.run(userId);
      for (const g of grants) statements.insertGrant.run(userId, g.role as Role, g.force, g.function);
    },
    activeAdministrators: () => (statements.administrators.get() as { n: number }).n,
    insertSession: (session: SessionRow) => statements.insertSession.run(session),
    session: (tokenHash: string) => (statements.session.get(tokenHash) as SessionRow | undefined) ?? null,
    touchSession: (tokenHash: string, at: string) => statements.touchSession.run(at, tokenHash),
    deleteSession: (tokenHash: string) => statements.deleteSession.run(tokenHash),
    deleteUserSessions: (userId: number) => statements.deleteUserSessions.run(userId),
    deleteOtherSessions: (userId: number, keepTokenHash: string) => statements.deleteOtherSessions.run(userId, keepTokenHash),
    insertSetupToken: (tokenHash: string, at: string) => statements.insertSetupToken.run(tokenHash, at),
    retireSetupTokens: (at: string) => statements.retireSetupTokens.run(at),
    setupTokenUnused: (tokenHash: string) => {
      const row = statements.setupToken.get(tokenHash) as { usedAt: string | null } | undefined;
      return row !== undefined && row.usedAt === null;
    },
    useSetupToken: (tokenHash: string, at: string) => statements.useSetupToken.run(at, tokenHash).changes === 1,
    recordFailure: (email: string, address: string, at: string) => statements.insertFailure.run(email, address, at),
    failuresSince: (email: string, address: string, since: string) => ({
      byEmail: (statements.failuresByEmail.get(email, since) as { n: number }).n,
      byAddress: (statements.failuresByAddress.get(address, since) as { n: number }).n,
      byEmailFromAddress: (statements.failuresByEmailFromAddress.get(email, address, since) as { n: number }).n,
    }),
    /** Failures from an address since a time, the one being counted included. */
    failuresFromAddressSince: (address: string, since: string) => (statements.failuresFromAddressSince.get(address, since) as { n: number }).n,
    /** Failures are kept only as long as the throttle looks back: they are counts, not the record (the audit log is). */
    pruneFailures: (before: string) => statements.pruneFailures.run(before),
    clearFailures: (email: string) => statements.clearFailures.run(email),
    /** The first grant that names a force or function the ledger does not have, in words. */
    unknownGrantTarget: (grants: readonly Grant[]): string | null => {
      for (const g of grants) {
        if (g.force !== null && !statements.forceExists.get(g.force)) return `There is no force "${g.force}".`;
        if (g.function !== null && !statements.functionExists.get(g.function)) return `There is no function "${g.function}".`;
      }
      return null;
    },
  };
}

export type AccountRepository = ReturnType<typeof createAccountRepository>;
