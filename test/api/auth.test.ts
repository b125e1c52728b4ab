import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { createAuthService, hashToken, IDLE_TIMEOUT_MS, ABSOLUTE_TIMEOUT_MS } from '../../server/auth/service';
import { hashPassword, passwordProblem, verifyPassword } from '../../server/auth/passwords';
import { openDatabase } from '../../server/db/connection';
import { createAccountRepository } from '../../server/db/repositories/accounts';
import { ADMINISTRATOR, asUser, createUser, FORCE_EDITOR, PASSWORD, signIn, VIEWER } from './accounts';
import { seededApp, TEST_HASH_COST } from './seeded-app';

const json = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('passwords', () => {
  it('are hashed with scrypt, salted, and verified only by the right password', async () => {
    const a = await hashPassword(PASSWORD, TEST_HASH_COST);
    const b = await hashPassword(PASSWORD, TEST_HASH_COST);
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword(PASSWORD, a)).toBe(true);
    expect(await verifyPassword(`${PASSWORD}!`, a)).toBe(false);
    expect(await verifyPassword(PASSWORD, 'md5$nonsense')).toBe(false);
  });

  it.each([
    ['short1!', 'at least 12'],
    ['aaaaaaaaaaaaaaaa', 'more than a few different'],
    ['my realise account', 'name of this service'],
  ])('refuses %s', (password, words) => {
    expect(passwordProblem(password)).toContain(words);
  });

  it('accepts a long passphrase', () => {
    expect(passwordProblem('correct horse battery staple')).toBeNull();
  });
});

describe('sign-in, sessions and sign-out', () => {
  it('sets an HttpOnly, SameSite=Strict cookie with a 256-bit token stored only as a hash', async () => {
    const { app, db } = seededApp({ publicRead: false });
    await createUser(db, 'officer@example.org', [VIEWER]);
    const response = await app.request('/api/auth/sign-in', json({ email: 'Officer@Example.org', password: PASSWORD }));
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^realise_session=[\w-]{43}; Max-Age=43200; Path=\/; HttpOnly; SameSite=Strict$/);
    const token = cookie.split(';')[0]!.split('=')[1]!;
    const stored = db.prepare('SELECT token_hash AS tokenHash FROM sessions').all() as { tokenHash: string }[];
    expect(stored).toEqual([{ tokenHash: hashToken(token) }]);
    expect(JSON.stringify(db.prepare('SELECT * FROM sessions').all())).not.toContain(token);
  });

  it('marks the cookie Secure when served over HTTPS', async () => {
    const { app, db } = seededApp({ publicRead: false });
    await createUser(db, 'officer@example.org', [VIEWER]);
    const response = await app.request('https://realise.example/api/auth/sign-in', json({ email: 'officer@example.org', password: PASSWORD }));
    expect(response.headers.get('set-cookie')).toContain('; Secure');
    // The __Host- prefix: the browser keeps it only as Secure, for this host, on path /.
    expect(response.headers.get('set-cookie')).toMatch(/^__Host-realise_session=/);
    const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
    expect((await (await app.request('https://realise.example/api/auth/session', { headers: { cookie } })).json()).user.email).toBe('officer@example.org');
    // X-Forwarded-Proto is believed only where TRUST_PROXY says a proxy sets it.
    const claimed = await app.request('/api/auth/sign-in', { ...json({ email: 'officer@example.org', password: PASSWORD }), headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' } });
    expect(claimed.headers.get('set-cookie')).not.toContain('Secure');
  });

  it('gives the same answer for an unknown email as for a wrong password', async () => {
    const { app, db } = seededApp({ publicRead: false });
    await createUser(db, 'officer@example.org', [VIEWER]);
    const unknown = await app.request('/api/auth/sign-in', json({ email: 'nobody@example.org', password: PASSWORD }));
    const wrong = await app.request('/api/auth/sign-in', json({ email: 'officer@example.org', password: 'not the password at all' }));
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(await unknown.json()).toEqual(await wrong.json());
    // The audit log keeps one row an address a minute; the second failure is counted, not written again.
    const failures = db.prepare("SELECT actor, action FROM audit_log WHERE action = 'sign-in-failed' ORDER BY id").all();
    expect(failures).toEqual([{ actor: 'nobody@example.org', action: 'sign-in-failed' }]);
    expect(db.prepare('SELECT count(*) AS n FROM sign_in_failures').get()).toEqual({ n: 2 });
  });

  it('keeps the audit of failed sign-ins bounded: one row an address a minute, with the count of the minute before', async () => {
    let now = new Date('2026-11-25T09:00:10Z');
    const { app, db } = seededApp({ publicRead: false, now: () => now });
    for (let i = 0; i < 40; i += 1) await app.request('/api/auth/sign-in', json({ email: `guess${i}@example.org`, password: 'a wrong guess' }));
    now = new Date('2026-11-25T09:01:05Z');
    await app.request('/api/auth/sign-in', json({ email: 'another@example.org', password: 'a wrong guess' }));
    const rows = db.prepare("SELECT action, after_json FROM audit_log WHERE action LIKE 'sign-in-%' ORDER BY id").all() as { action: string; after_json: string }[];
    expect(rows).toHaveLength(2);
    expect(JSON.parse(rows[1]!.after_json)).toMatchObject({ attemptsFromAddressInPreviousMinute: 40 });
  });

  it('never lets a stranger lock a person out: guesses lock only their own address', async () => {
    const { db } = seededApp({ publicRead: false });
    const app = createApp({ db, now: () => new Date('2026-11-25T09:00:00Z'), publicRead: false, trustProxy: true, hashCost: TEST_HASH_COST });
    await createUser(db, 'officer@example.org', [VIEWER]);
    const from = (address: string, password: string) =>
      app.request('/api/auth/sign-in', { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': address }, body: JSON.stringify({ email: 'officer@example.org', password }) });
    for (let i = 0; i < 5; i += 1) expect((await from('203.0.113.9', 'a stranger guessing')).status).toBe(401);
    expect((await from('203.0.113.9', PASSWORD)).status).toBe(429);
    // The officer, at their own desk, still signs in (slowed a little, not locked out).
    expect((await from('198.51.100.20', PASSWORD)).status).toBe(200);
  });

  it('throttles guessing at one account, with a message that says what to do, and lets the right password in after', async () => {
    let now = new Date('2026-11-25T09:00:00Z');
    const { app, db } = seededApp({ publicRead: false, now: () => now });
    await createUser(db, 'officer@example.org', [VIEWER]);
    const attempt = (password: string) => app.request('/api/auth/sign-in', json({ email: 'officer@example.org', password }));
    for (let i = 0; i < 5; i += 1) expect((await attempt('a wrong guess here')).status).toBe(401);
    const throttled = await attempt(PASSWORD);
    expect(throttled.status).toBe(429);
    expect(((await throttled.json()) as { error: { message: string } }).error.message).toContain('Wait 15 minutes');
    // The throttle covers an unknown account in the same way, so it tells nothing about who exists.
    for (let i = 0; i < 5; i += 1) await app.request('/api/auth/sign-in', json({ email: 'ghost@example.org', password: 'x' }));
    expect((await app.request('/api/auth/sign-in', json({ email: 'ghost@example.org', password: 'x' }))).status).toBe(429);
    now = new Date(now.getTime() + 16 * 60_000);
    expect((await attempt(PASSWORD)).status).toBe(200);
  });

  it('throttles one address guessing at many accounts', async () => {
    const { app, db } = seededApp({ publicRead: false });
    const accounts = createAccountRepository(db);
    for (let i = 0; i < 20; i += 1) accounts.recordFailure(`person${i}@example.org`, 'unknown', '2026-11-25T08:59:00.000Z');
    expect((await app.request('/api/auth/sign-in', json({ email: 'anyone@example.org', password: 'x' }))).status).toBe(429);
  });

  it('ends a session after 30 idle minutes, and after 12 hours whatever happens', async () => {
    let now = new Date('2026-11-25T09:00:00Z');
    const { app, db } = seededApp({ publicRead: false, now: () => now });
    await createUser(db, 'officer@example.org', [VIEWER]);
    const signed = await signIn(app, 'officer@example.org');
    const read = () => asUser(app, signed)('GET', '/api/functions');
    now = new Date(now.getTime() + IDLE_TIMEOUT_MS - 60_000);
    expect((await read()).status).toBe(200);
    now = new Date(now.getTime() + IDLE_TIMEOUT_MS + 1);
    expect((await read()).status).toBe(401);

    const again = await signIn(app, 'officer@example.org');
    const started = now.getTime();
    for (let t = started; t < started + ABSOLUTE_TIMEOUT_MS; t += 20 * 60_000) {
      now = new Date(t);
      expect((await asUser(app, again)('GET', '/api/functions')).status).toBe(200);
    }
    now = new Date(started + ABSOLUTE_TIMEOUT_MS);
    expect((await asUser(app, again)('GET', '/api/functions')).status).toBe(401);
  });

  it('signs out: the session ends on the server and the cookie is cleared', async () => {
    const { app, db } = seededApp({ publicRead: false });
    await createUser(db, 'officer@example.org', [VIEWER]);
    const signed = await signIn(app, 'officer@example.org');
    const out = await asUser(app, signed)('POST', '/api/auth/sign-out');
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/realise_session=; Max-Age=0/);
    expect((await asUser(app, signed)('GET', '/api/functions')).status).toBe(401);
    expect(db.prepare("SELECT count(*) AS n FROM audit_log WHERE action IN ('sign-in', 'sign-out')").get()).toEqual({ n: 2 });
  });

  it('changes a password, checking the old one, and ends the person’s other sessions', async () => {
    const { app, db } = seededApp({ publicRead: false });
    await createUser(db, 'officer@example.org', [VIEWER]);
    const here = await signIn(app, 'officer@example.org');
    const elsewhere = await signIn(app, 'officer@example.org');
    const change = asUser(app, here);
    expect((await change('POST', '/api/auth/password', { currentPassword: 'wrong one entirely', newPassword: 'a brand new passphrase' })).status).toBe(400);
    expect((await change('POST', '/api/auth/password', { currentPassword: PASSWORD, newPassword: 'short' })).body.error.message).toContain('at least 12');
    expect((await change('POST', '/api/auth/password', { currentPassword: PASSWORD, newPassword: 'a brand new passphrase' })).status).toBe(200);
    expect((await asUser(app, elsewhere)('GET', '/api/functions')).status).toBe(401);
    expect((await asUser(app, here)('GET', '/api/functions')).status).toBe(200);
    await signIn(app, 'officer@example.org', 'a brand new passphrase');
  });

  it('makes a person an administrator creates, or whose password one resets, change it before anything else', async () => {
    const { app, db } = seededApp({ publicRead: false });
    await createUser(db, 'admin@example.org', [ADMINISTRATOR]);
    const admin = asUser(app, await signIn(app, 'admin@example.org'));
    const created = await admin('POST', '/api/users', { email: 'new@example.org', displayName: 'New Officer', password: 'given by the administrator', grants: [FORCE_EDITOR('hertfordshire')] });
    expect(created.status).toBe(201);
    const first = await signIn(app, 'new@example.org', 'given by the administrator');
    const officer = asUser(app, first);
    expect((await officer('GET', '/api/auth/session')).body.user).toMatchObject({ email: 'new@example.org', mustChangePassword: true });
    for (const [method, path] of [['GET', '/api/functions'], ['GET', '/api/my-figures'], ['POST', '/api/ledger-entries/batch']] as const) {
      const refused = await officer(method, path, method === 'POST' ? { figures: [] } : undefined);
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('password_change_required');
    }
    expect((await officer('POST', '/api/auth/password', { currentPassword: 'given by the administrator', newPassword: 'my own long passphrase' })).status).toBe(200);
    expect((await officer('GET', '/api/auth/session')).body.user.mustChangePassword).toBe(false);
    expect((await officer('GET', '/api/functions')).status).toBe(200);

    // A reset by an administrator asks again; the person's sessions ended with it.
    const userId = created.body.id as number;
    expect((await admin('POST', `/api/users/${userId}/password`, { password: 'another given passphrase' })).status).toBe(200);
    const again = asUser(app, await signIn(app, 'new@example.org', 'another given passphrase'));
    expect((await again('GET', '/api/functions')).body.error.code).toBe('password_change_required');
  });

  it('lets an administrator deactivate a user, which ends their sessions, but never the last administrator', async () => {
    const { app, db } = seededApp({ publicRead: false });
    const adminId = await createUser(db, 'admin@example.org', [ADMINISTRATOR]);
    const userId = await createUser(db, 'officer@example.org', [FORCE_EDITOR('kent')]);
    const admin = asUser(app, await signIn(app, 'admin@example.org'));
    const officer = await signIn(app, 'officer@example.org');
    expect((await admin('PATCH', `/api/users/${userId}`, { isActive: false })).status).toBe(200);
    expect((await asUser(app, officer)('GET', '/api/functions')).status).toBe(401);
    const last = await admin('PATCH', `/api/users/${adminId}`, { grants: [VIEWER] });
    expect(last.status).toBe(409);
    expect(last.body.error.message).toContain('last administrator');
    expect((await admin('PATCH', `/api/users/${userId}`, { grants: [FORCE_EDITOR('atlantis')] })).status).toBe(400);
    const audit = db.prepare("SELECT before_json AS before, after_json AS after FROM audit_log WHERE action = 'update-user'").get() as { before: string; after: string };
    expect(JSON.parse(audit.before).isActive).toBe(true);
    expect(JSON.parse(audit.after).isActive).toBe(false);
  });
});

describe('the first administrator', () => {
  it('is created through a one-time setup link that dies when used', async () => {
    const { app, db } = seededApp({ publicRead: false });
    const auth = createAuthService({ db, accounts: createAccountRepository(db), now: () => new Date(), hashCost: TEST_HASH_COST });
    const token = auth.issueSetupToken()!;
    expect(token).toMatch(/^[\w-]{43}$/);
    expect((await asUser(app, null)('GET', '/api/auth/session')).body.setupNeeded).toBe(true);

    const wrong = await app.request('/api/auth/setup', json({ token: 'guess', email: 'chief@example.org', displayName: 'Chief', password: 'a long enough passphrase' }));
    expect(wrong.status).toBe(403);
    const weak = await app.request('/api/auth/setup', json({ token, email: 'chief@example.org', displayName: 'Chief', password: 'short' }));
    expect(weak.status).toBe(400);

    const made = await app.request('/api/auth/setup', json({ token, email: 'chief@example.org', displayName: 'Chief', password: 'a long enough passphrase' }));
    expect(made.status).toBe(200);
    expect(made.headers.get('set-cookie')).toContain('realise_session=');
    expect(((await made.json()) as { user: { grants: unknown[] } }).user.grants).toEqual([ADMINISTRATOR]);

    const reused = await app.request('/api/auth/setup', json({ token, email: 'intruder@example.org', displayName: 'Intruder', password: 'a long enough passphrase' }));
    expect(reused.status).toBe(403);
    expect(auth.issueSetupToken()).toBeNull();
    expect(db.prepare("SELECT actor FROM audit_log WHERE action = 'create-first-administrator'").all()).toEqual([{ actor: 'chief@example.org' }]);
  });

  it('can be created by a documented command for scripted installs', () => {
    const databasePath = join(mkdtempSync(join(tmpdir(), 'realise-cli-')), 'ledger.db');
    const run = (env: Record<string, string>, args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/create-admin.ts', ...args], {
        cwd: fileURLToPath(new URL('../../', import.meta.url)),
        env: { ...process.env, DATABASE_PATH: databasePath, ...env },
        encoding: 'utf8',
      });
    const weak = run({ REALISE_ADMIN_PASSWORD: 'short' }, ['--email', 'chief@example.org', '--name', 'Chief']);
    expect(weak.status).toBe(2);
    expect(weak.stderr).toContain('at least 12');
    const made = run({ REALISE_ADMIN_PASSWORD: 'a long enough passphrase' }, ['--email', 'chief@example.org', '--name', 'Chief']);
    expect(made.stdout).toContain('Created the administrator chief@example.org');
    const db = openDatabase(databasePath);
    expect(db.prepare("SELECT u.email, r.role FROM users u JOIN user_roles r ON r.user_id = u.id").all()).toEqual([{ email: 'chief@example.org', role: 'administrator' }]);
    db.close();
    expect(run({ REALISE_ADMIN_PASSWORD: 'a long enough passphrase' }, ['--email', 'chief@example.org', '--name', 'Chief']).status).toBe(1);
  }, 30_000);
});

describe('secure headers', () => {
  it('are on every answer', async () => {
    const { app } = seededApp();
    const response = await app.request('/api/health');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('same-origin');
  });
});

describe('guesses sent at once', () => {
  it('check no more passwords than the throttle allows: 99 wrong and 1 right together get 5 checked', async () => {
    const { app, db } = seededApp({ publicRead: false });
    await createUser(db, 'target@example.org', [VIEWER]);
    const attempts = Array.from({ length: 100 }, (_, i) => (i === 99 ? PASSWORD : `wrong guess number ${i}`));
    const answers = await Promise.all(attempts.map((password) => app.request('/api/auth/sign-in', json({ email: 'target@example.org', password }))));
    // A 401 is a password checked and found wrong; a 429 was refused before any check.
    expect(answers.filter((a) => a.status === 401).length).toBeLessThanOrEqual(5);
    expect(answers.filter((a) => a.status === 429).length).toBeGreaterThanOrEqual(94);
    // The right password came after five wrong ones: it was throttled, not accepted.
    expect(answers[99]!.status).not.toBe(200);
    expect(answers.filter((a) => a.status === 200)).toHaveLength(0);
  });
});
