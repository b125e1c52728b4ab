import { recordAudit } from '../db/audit';
import type { Db } from '../db/connection';
import type { AccountRepository } from '../db/repositories/accounts';
import type { Grant } from '../domain/permissions';
import { passwordProblem } from './passwords';
import type { AuthService, CurrentSession } from './service';

export type UserView = { id: number; email: string; displayName: string; isActive: boolean; createdAt: string; grants: Grant[] };
type Outcome<T> = { ok: true; value: T } | { ok: false; status: 400 | 404 | 409; message: string };

/** An administrator's work on accounts: every change audited with before and after. */
export function createUserAdmin({ db, accounts, auth, now }: { db: Db; accounts: AccountRepository; auth: AuthService; now: () => Date }) {
  const view = (id: number): UserView | null => {
    const user = accounts.userById(id);
    if (!user) return null;
    const { passwordHash: _hash, passwordChangedAt: _changed, ...rest } = user;
    return { ...rest, grants: accounts.grants(id) };
  };
  const audit = (admin: CurrentSession, action: string, id: number, before: unknown, after: unknown) =>
    recordAudit(db, { at: now().toISOString(), actor: admin.user.email, action, entity: 'user', entityId: String(id), before, after });
  const isAdmin = (grants: readonly Grant[]) => grants.some((g) => g.role === 'administrator');

  return {
    list: () => accounts.users().map((u) => view(u.id)!),

    async create(admin: CurrentSession, input: { email: string; displayName: string; password: string; grants: Grant[] }): Promise<Outcome<UserView>> {
      if (accounts.userByEmail(input.email)) return { ok: false, status: 409, message: `There is already an account for ${input.email}.` };
      const unknown = accounts.unknownGrantTarget(input.grants);
      if (unknown) return { ok: false, status: 400, message: unknown };
      const problem = passwordProblem(input.password, input);
      if (problem) return { ok: false, status: 400, message: problem };
      const hash = await auth.hashPassword(input.password);
      const id = db.transaction(() => {
        const created = accounts.insertUser({ email: input.email, displayName: input.displayName, passwordHash: hash, at: now().toISOString(), mustChangePassword: true });
        accounts.replaceGrants(created, input.grants);
        audit(admin, 'create-user', created, null, { email: input.email, displayName: input.displayName, grants: input.grants });
        return created;
      })();
      return { ok: true, value: view(id)! };
    },

    update(admin: CurrentSession, id: number, change: { displayName?: string; isActive?: boolean; grants?: Grant[] }): Outcome<UserView> {
      const before = view(id);
      if (!before) return { ok: false, status: 404, message: `There is no user ${id}.` };
      const unknown = change.grants ? accounts.unknownGrantTarget(change.grants) : null;
      if (unknown) return { ok: false, status: 400, message: unknown };
      const losesAdmin = isAdmin(before.grants) && before.isActive && (change.isActive === false || (change.grants !== undefined && !isAdmin(change.grants)));
      if (losesAdmin && accounts.activeAdministrators() <= 1) {
        return { ok: false, status: 409, message: 'This is the last administrator. Make someone else an administrator first.' };
      }
      db.transaction(() => {
        if (change.displayName !== undefined) accounts.setDisplayName(id, change.displayName);
        if (change.isActive !== undefined) {
          accounts.setActive(id, change.isActive);
          if (!change.isActive) accounts.deleteUserSessions(id);
        }
        if (change.grants !== undefined) accounts.replaceGrants(id, change.grants);
        audit(admin, 'update-user', id, before, view(id));
      })();
      return { ok: true, value: view(id)! };
    },

    async resetPassword(admin: CurrentSession, id: number, password: string): Promise<Outcome<UserView>> {
      const user = accounts.userById(id);
      if (!user) return { ok: false, status: 404, message: `There is no user ${id}.` };
      const problem = passwordProblem(password, user);
      if (problem) return { ok: false, status: 400, message: problem };
      const hash = await auth.hashPassword(password);
      db.transaction(() => {
        // Someone else's password, chosen by the administrator: its owner changes it at their next sign-in.
        accounts.setPassword(id, hash, now().toISOString(), id !== admin.user.id);
        accounts.deleteUserSessions(id);
        accounts.clearFailures(user.email);
        audit(admin, 'reset-password', id, null, null);
      })();
      return { ok: true, value: view(id)! };
    },
  };
}

export type UserAdmin = ReturnType<typeof createUserAdmin>;
