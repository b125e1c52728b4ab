import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import type { OidcProvider } from '../../server/auth/oidc-settings';
import { openDatabase } from '../../server/db/connection';
import { migrate } from '../../server/db/migrate';
import { loadPaperData, seedFromPapers } from '../../server/db/seed';
import { startTestProvider, type TestProvider } from '../oidc/provider';
import { createUser, PASSWORD, signIn } from './accounts';
import { TEST_HASH_COST } from './seeded-app';

// Single sign-on against a real OpenID provider on loopback (test/oidc/provider.ts): the browser's
// part, following redirects between the provider and Realise, is played by fetch and app.request.
const PUBLIC_URL = 'http://realise.test';
const CLIENT = { clientId: 'realise', clientSecret: 'a client secret for the tests' };
let op: TestProvider;

beforeAll(async () => {
  op = await startTestProvider({ ...CLIENT, redirectUris: [`${PUBLIC_URL}/api/auth/oidc/herts/callback`, `${PUBLIC_URL}/api/auth/oidc/plain/callback`], postLogoutRedirectUris: [`${PUBLIC_URL}/sign-in`] });
  op.addPerson({ sub: 'herts-0001', email: 'pat.finance@herts.police.uk', name: 'Pat Finance', groups: ['Realise-Finance-Herts'] });
  op.addPerson({ sub: 'herts-0002', email: 'sam.ict@herts.police.uk', name: 'Sam ICT', groups: ['Realise-ICT-Owners', 'Realise-Finance-Beds'] });
});
afterAll(() => op.stop());

function world(options: { unreachable?: boolean } = {}) {
  const db = openDatabase(':memory:');
  migrate(db);
  seedFromPapers(db, loadPaperData(), new Date('2026-11-25T09:00:00Z'));
  const herts: OidcProvider = {
    id: 'herts',
    name: 'Hertfordshire Constabulary',
    issuer: options.unreachable ? 'http://127.0.0.1:9/' : op.issuer,
    ...CLIENT,
    forces: ['hertfordshire'],
    groupsClaim: 'groups',
    roleMap: {
      'Realise-Finance-Herts': [{ role: 'force-editor', force: 'hertfordshire', function: null }],
      'Realise-ICT-Owners': [{ role: 'function-owner', force: null, function: 'ict' }],
      // Not a force this provider speaks for: never granted through it.
      'Realise-Finance-Beds': [{ role: 'force-editor', force: 'bedfordshire', function: null }],
    },
  };
  const plain: OidcProvider = { ...herts, id: 'plain', name: 'A provider with no mapping', roleMap: undefined, forces: [] };
  const app = createApp({ db, publicRead: false, hashCost: TEST_HASH_COST, oidcProviders: [herts, plain], publicUrl: PUBLIC_URL });
  return { db, app };
}

const cookieOf = (response: Response, name: string) =>
  response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith(`${name}=`) && c.length > name.length + 1);

/** Signs in through the provider as a browser would; answers where Realise sent the browser last, and the session cookie if any. */
async function signInThrough(app: ReturnType<typeof createApp>, provider: string, options: { replay?: boolean; dropBrowserCookie?: boolean } = {}) {
  const start = await app.request(`/api/auth/oidc/${provider}/start?next=/my-figures`);
  expect(start.status).toBe(302);
  const browser = cookieOf(start, 'realise_oidc');
  let location = start.headers.get('location')!;
  const jar = new Map<string, string>();
  for (let hops = 0; hops < 10 && location.startsWith(op.issuer); hops += 1) {
    const answer = await fetch(location, { redirect: 'manual', headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const c of answer.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [name, ...value] = pair!.split('=');
      jar.set(name!, value.join('='));
    }
    location = new URL(answer.headers.get('location')!, location).href;
  }
  expect(location.startsWith(`${PUBLIC_URL}/api/auth/oidc/${provider}/callback?`)).toBe(true);
  const callback = location.slice(PUBLIC_URL.length);
  const back = await app.request(callback, { headers: options.dropBrowserCookie || !browser ? {} : { cookie: browser } });
  const replayed = options.replay ? await app.request(callback, { headers: browser ? { cookie: browser } : {} }) : null;
  return { status: back.status, location: back.headers.get('location'), session: cookieOf(back, 'realise_session'), replayed };
}

const sessionOf = async (app: ReturnType<typeof createApp>, cookie: string) => ((await (await app.request('/api/auth/session', { headers: { cookie } })).json()) as { user: { email: string; grants: unknown[] } | null }).user;

describe('signing in with a force’s own account', () => {
  it('creates the person from the ID token on a first sign-in, with the roles their groups map to, audited', async () => {
    const { app, db } = world();
    op.signInAs('herts-0001');
    const result = await signInThrough(app, 'herts');
    expect(result).toMatchObject({ status: 302, location: '/my-figures' });
    const user = await sessionOf(app, result.session!);
    expect(user).toMatchObject({ email: 'pat.finance@herts.police.uk', grants: [{ role: 'force-editor', force: 'hertfordshire', function: null }] });
    expect(db.prepare("SELECT provider, subject FROM user_identities").all()).toEqual([{ provider: 'herts', subject: 'herts-0001' }]);
    const actions = (db.prepare("SELECT action, actor FROM audit_log WHERE action IN ('create-user', 'sign-in') ORDER BY id").all() as { action: string; actor: string }[]).map((a) => `${a.action} by ${a.actor}`);
    expect(actions).toEqual(['create-user by oidc:herts', 'sign-in by pat.finance@herts.police.uk']);
    // An account made this way has no password to sign in with.
    expect((await app.request('/api/auth/sign-in', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'pat.finance@herts.police.uk', password: '!single-sign-on' }) })).status).toBe(401);
  });

  it('reads the roles again at every sign-in: a person who leaves the group loses the right; a force the provider does not speak for is never granted', async () => {
    const { app, db } = world();
    op.signInAs('herts-0002');
    const first = await signInThrough(app, 'herts');
    expect((await sessionOf(app, first.session!))!.grants).toEqual([{ role: 'function-owner', force: null, function: 'ict' }]);
    op.setGroups('herts-0002', ['Realise-Finance-Herts']);
    const second = await signInThrough(app, 'herts');
    expect((await sessionOf(app, second.session!))!.grants).toEqual([{ role: 'force-editor', force: 'hertfordshire', function: null }]);
    const change = db.prepare("SELECT before_json AS before, after_json AS after FROM audit_log WHERE action = 'roles-by-mapping'").get() as { before: string; after: string };
    expect(JSON.parse(change.before).grants).toEqual([{ role: 'function-owner', force: null, function: 'ict' }]);
    expect(JSON.parse(change.after)).toMatchObject({ grants: [{ role: 'force-editor', force: 'hertfordshire' }], groups: ['Realise-Finance-Herts'] });
    op.setGroups('herts-0002', ['Realise-ICT-Owners', 'Realise-Finance-Beds']);
  });

  it('makes a new person a viewer where the provider has no mapping', async () => {
    const { app } = world();
    op.signInAs('herts-0001');
    const result = await signInThrough(app, 'plain');
    expect((await sessionOf(app, result.session!))!.grants).toEqual([{ role: 'viewer', force: null, function: null }]);
  });

  it.each([
    ['tampered', /signature/i],
    ['wrong-nonce', /nonce/i],
    ['wrong-audience', /aud/i],
    ['expired', /exp|timestamp|too old|iat/i],
  ] as const)('refuses an ID token that is %s, and signs no one in', async (how, why) => {
    const { app, db } = world();
    op.signInAs('herts-0001');
    op.tamperWith(how);
    try {
      const result = await signInThrough(app, 'herts');
      expect(result).toMatchObject({ status: 302, location: '/sign-in?problem=sign-in-refused&next=%2Fmy-figures' });
      expect(result.session).toBeUndefined();
      expect(db.prepare('SELECT count(*) AS n FROM users').get()).toEqual({ n: 0 });
      const failed = db.prepare("SELECT after_json AS after FROM audit_log WHERE action = 'sign-in-failed'").all() as { after: string }[];
      expect(failed).toHaveLength(1);
      expect(JSON.parse(failed[0]!.after).reason).toMatch(why);
    } finally {
      op.tamperWith('none');
    }
  });

  it('refuses an answer replayed, or brought back by another browser than the one that set out', async () => {
    const { app } = world();
    op.signInAs('herts-0001');
    const once = await signInThrough(app, 'herts', { replay: true });
    expect(once.session).toBeDefined();
    expect(once.replayed!.headers.get('location')).toMatch(/^\/sign-in\?problem=sign-in-expired/);
    const elsewhere = await signInThrough(app, 'herts', { dropBrowserCookie: true });
    expect(elsewhere).toMatchObject({ location: '/sign-in?problem=sign-in-expired&next=%2Fmy-figures', session: undefined });
  });

  it('keeps a person disabled in Realise out, whatever the provider says', async () => {
    const { app, db } = world();
    op.signInAs('herts-0001');
    await signInThrough(app, 'herts');
    db.prepare("UPDATE users SET is_active = 0 WHERE email = 'pat.finance@herts.police.uk'").run();
    const again = await signInThrough(app, 'herts');
    expect(again).toMatchObject({ location: '/sign-in?problem=account-disabled&next=%2Fmy-figures', session: undefined });
  });

  it('says so when a provider cannot be reached, and local sign-in still works', async () => {
    const { app, db } = world({ unreachable: true });
    const start = await app.request('/api/auth/oidc/herts/start');
    expect(start.status).toBe(302);
    expect(start.headers.get('location')).toBe('/sign-in?problem=provider-unreachable');
    await createUser(db, 'break.glass@example.org', [{ role: 'administrator', force: null, function: null }]);
    expect((await signIn(app, 'break.glass@example.org', PASSWORD)).cookie).toMatch(/^realise_session=/);
    expect((await app.request('/api/auth/oidc/nonesuch/start')).headers.get('location')).toBe('/sign-in?problem=unknown-provider');
  });

  it('takes two providers at once: the same subject id at each is two different people', async () => {
    const beds = await startTestProvider({ ...CLIENT, redirectUris: [`${PUBLIC_URL}/api/auth/oidc/beds/callback`] });
    try {
      beds.addPerson({ sub: 'herts-0001', email: 'alex.finance@beds.police.uk', name: 'Alex Finance', groups: ['Realise-Finance-Beds'] });
      const db = openDatabase(':memory:');
      migrate(db);
      seedFromPapers(db, loadPaperData(), new Date('2026-11-25T09:00:00Z'));
      const both: OidcProvider[] = [
        { id: 'herts', name: 'Hertfordshire Constabulary', issuer: op.issuer, ...CLIENT, forces: ['hertfordshire'], groupsClaim: 'groups', roleMap: { 'Realise-Finance-Herts': [{ role: 'force-editor', force: 'hertfordshire', function: null }] } },
        { id: 'beds', name: 'Bedfordshire Police', issuer: beds.issuer, ...CLIENT, forces: ['bedfordshire'], groupsClaim: 'groups', roleMap: { 'Realise-Finance-Beds': [{ role: 'force-editor', force: 'bedfordshire', function: null }] } },
      ];
      const app = createApp({ db, publicRead: false, hashCost: TEST_HASH_COST, oidcProviders: both, publicUrl: PUBLIC_URL });
      op.signInAs('herts-0001');
      const herts = await signInThrough(app, 'herts');
      const previous = op;
      op = beds; // signInThrough follows the provider in `op`
      beds.signInAs('herts-0001');
      const bedsSignIn = await signInThrough(app, 'beds').finally(() => (op = previous));
      expect((await sessionOf(app, herts.session!))).toMatchObject({ email: 'pat.finance@herts.police.uk', grants: [{ role: 'force-editor', force: 'hertfordshire' }] });
      expect((await sessionOf(app, bedsSignIn.session!))).toMatchObject({ email: 'alex.finance@beds.police.uk', grants: [{ role: 'force-editor', force: 'bedfordshire' }] });
      expect(db.prepare('SELECT provider, subject FROM user_identities ORDER BY provider').all()).toEqual([
        { provider: 'beds', subject: 'herts-0001' },
        { provider: 'herts', subject: 'herts-0001' },
      ]);
    } finally {
      await beds.stop();
    }
  });

  it('offers each provider on the sign-in page, and signing out gives the provider’s sign-out address', async () => {
    const { app } = world();
    expect(((await (await app.request('/api/auth/session')).json()) as { providers: unknown }).providers).toEqual([
      { id: 'herts', name: 'Hertfordshire Constabulary' },
      { id: 'plain', name: 'A provider with no mapping' },
    ]);
    op.signInAs('herts-0001');
    const { session } = await signInThrough(app, 'herts');
    const state = (await (await app.request('/api/auth/session', { headers: { cookie: session! } })).json()) as { csrfToken: string };
    const out = await app.request('/api/auth/sign-out', { method: 'POST', headers: { cookie: session!, 'x-csrf-token': state.csrfToken } });
    const body = (await out.json()) as { providerSignOutUrl: string };
    const url = new URL(body.providerSignOutUrl);
    expect(url.origin).toBe(op.issuer);
    expect(url.searchParams.get('id_token_hint')).toMatch(/^ey/);
    expect(url.searchParams.get('post_logout_redirect_uri')).toBe(`${PUBLIC_URL}/sign-in`);
    expect(await sessionOf(app, session!)).toBeNull();
  });
});
