import type { createApp } from '../../server/app';
import { hashPassword } from '../../server/auth/passwords';
import type { Db } from '../../server/db/connection';
import { createAccountRepository } from '../../server/db/repositories/accounts';
import type { Grant } from '../../server/domain/permissions';
import { TEST_HASH_COST } from './seeded-app';

export const PASSWORD = 'correct horse battery staple';

/** Creates an account straight in the database, as an administrator would. */
export async function createUser(db: Db, email: string, grants: Grant[], password = PASSWORD): Promise<number> {
  const accounts = createAccountRepository(db);
  const id = accounts.insertUser({ email, displayName: email.split('@')[0]!, passwordHash: await hashPassword(password, TEST_HASH_COST), at: '2026-11-25T09:00:00.000Z' });
  accounts.replaceGrants(id, grants);
  return id;
}

export type Signed = { cookie: string; csrfToken: string };

/** Signs in through the API and returns the cookie and CSRF token a browser would hold. */
export async function signIn(app: ReturnType<typeof createApp>, email: string, password = PASSWORD): Promise<Signed> {
  const response = await app.request('/api/auth/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in as ${email} failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
  const body = (await response.json()) as { csrfToken: string };
  return { cookie, csrfToken: body.csrfToken };
}

/** A request as a signed-in browser makes it: the cookie always, the CSRF header on writes. */
export function asUser(app: ReturnType<typeof createApp>, signed: Signed | null) {
  return async (method: string, path: string, body?: unknown) => {
    const headers: Record<string, string> = {};
    if (signed) {
      headers.cookie = signed.cookie;
      if (method !== 'GET') headers['x-csrf-token'] = signed.csrfToken;
    }
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await app.request(path, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
  };
}

export const FORCE_EDITOR = (force: string): Grant => ({ role: 'force-editor', force, function: null });
export const FUNCTION_OWNER = (fn: string): Grant => ({ role: 'function-owner', force: null, function: fn });
export const VIEWER: Grant = { role: 'viewer', force: null, function: null };
export const ADMINISTRATOR: Grant = { role: 'administrator', force: null, function: null };
