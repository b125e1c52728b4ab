import { beforeAll, describe, expect, it } from 'vitest';
import { ADMINISTRATOR, asUser, createUser, FORCE_EDITOR, FUNCTION_OWNER, signIn, VIEWER, type Signed } from './accounts';
import { JPS } from './business-cases';
import { seededApp } from './seeded-app';

// The table of who may do what, asserted both ways: every role against every state-changing
// route, with PUBLIC_READ off (the default). README's table is this one.

type Who = 'anonymous' | 'viewer' | 'bedfordshire editor' | 'hertfordshire editor' | 'aoj owner' | 'ict owner' | 'programme officer' | 'administrator';
const PEOPLE: Record<Exclude<Who, 'anonymous'>, { email: string; grants: Parameters<typeof createUser>[2] }> = {
  viewer: { email: 'viewer@example.org', grants: [VIEWER] },
  'bedfordshire editor': { email: 'beds@example.org', grants: [FORCE_EDITOR('bedfordshire')] },
  'hertfordshire editor': { email: 'herts@example.org', grants: [FORCE_EDITOR('hertfordshire')] },
  'aoj owner': { email: 'aoj@example.org', grants: [FUNCTION_OWNER('aoj')] },
  'ict owner': { email: 'ict@example.org', grants: [FUNCTION_OWNER('ict')] },
  'programme officer': { email: 'officer@example.org', grants: [{ role: 'programme-officer', force: null, function: null }] },
  administrator: { email: 'admin@example.org', grants: [ADMINISTRATOR] },
};

/** A new seeded ledger with everyone signed in, so no test's writes change another's answer. */
async function world() {
  const { app, db } = seededApp({ publicRead: false, now: () => new Date('2018-05-10T09:00:00Z') });
  const signedIn = new Map<Who, Signed | null>([['anonymous', null]]);
  for (const [who, person] of Object.entries(PEOPLE)) {
    await createUser(db, person.email, person.grants);
    signedIn.set(who as Who, await signIn(app, person.email));
  }
  const lineId = (code: string) => (db.prepare('SELECT id FROM savings_lines WHERE code = ?').get(code) as { id: number }).id;
  const as = (who: Who) => asUser(app, signedIn.get(who) ?? null);
  return { app, db, signedIn, lineId, as };
}
type World = Awaited<ReturnType<typeof world>>;

const entry = (w: World, force: string | null, measure = 'forecast') => ({
  lineId: w.lineId('aoj-blueprint'),
  measure,
  fiscalYear: '2017-18',
  month: '2017-06',
  force,
  amountPence: 12_345,
});
async function recorded(w: World, force: string | null) {
  const by: Who = force === null ? 'aoj owner' : force === 'bedfordshire' ? 'bedfordshire editor' : 'hertfordshire editor';
  const created = await w.as(by)('POST', '/api/ledger-entries', entry(w, force, 'actual'));
  if (created.status !== 201) throw new Error(JSON.stringify(created.body));
  return created.body as { id: number; version: number };
}

/** One state-changing request, built in a fresh world for each person. */
type Case = { route: string; allowed: Who[]; request: (w: World) => Promise<[string, string, unknown?]> };

const CASES: Case[] = [
  // A function owner records for the function as a whole or for any of its forces (correcting a split part, say); an editor, their own force.
  { route: 'POST /api/ledger-entries for Bedfordshire', allowed: ['bedfordshire editor', 'aoj owner'], request: async (w) => ['POST', '/api/ledger-entries', entry(w, 'bedfordshire')] },
  { route: 'POST /api/ledger-entries for Hertfordshire', allowed: ['hertfordshire editor', 'aoj owner'], request: async (w) => ['POST', '/api/ledger-entries', entry(w, 'hertfordshire')] },
  { route: 'POST /api/ledger-entries for the whole function', allowed: ['aoj owner'], request: async (w) => ['POST', '/api/ledger-entries', entry(w, null)] },
  {
    route: 'PUT /api/ledger-entries/:id (a Bedfordshire figure)',
    allowed: ['bedfordshire editor', 'aoj owner'],
    request: async (w) => {
      const e = await recorded(w, 'bedfordshire');
      return ['PUT', `/api/ledger-entries/${e.id}`, { amountPence: 5, version: e.version }];
    },
  },
  {
    route: 'DELETE /api/ledger-entries/:id (a Bedfordshire figure)',
    allowed: ['bedfordshire editor', 'aoj owner'],
    request: async (w) => {
      const e = await recorded(w, 'bedfordshire');
      return ['DELETE', `/api/ledger-entries/${e.id}?version=${e.version}`];
    },
  },
  {
    route: 'PUT /api/ledger-entries/:id (a whole-function figure)',
    allowed: ['aoj owner'],
    request: async (w) => {
      const e = await recorded(w, null);
      return ['PUT', `/api/ledger-entries/${e.id}`, { amountPence: 5, version: e.version }];
    },
  },
  {
    route: 'DELETE /api/ledger-entries/:id (a whole-function figure)',
    allowed: ['aoj owner'],
    request: async (w) => {
      const e = await recorded(w, null);
      return ['DELETE', `/api/ledger-entries/${e.id}?version=${e.version}`];
    },
  },
  {
    route: 'POST /api/benefits/ICT-B4/measurements',
    allowed: ['ict owner'],
    request: async () => ['POST', '/api/benefits/ICT-B4/measurements', { measuredOn: '2017-03-31', valueMilli: 20_000, dataSource: 'Activity sampling' }],
  },
  { route: 'PATCH /api/functions/aoj (its plan)', allowed: ['aoj owner'], request: async () => ['PATCH', '/api/functions/aoj', { toleranceTenthsPercent: 40 }] },
  { route: 'PATCH /api/functions/ict (its plan)', allowed: ['ict owner'], request: async () => ['PATCH', '/api/functions/ict', { toleranceTenthsPercent: 40 }] },
  {
    route: 'PUT /api/functions/:slug/particulars (a function entered in Realise)',
    allowed: ['programme officer', 'administrator'],
    request: async (w) => {
      const added = await w.as('programme officer')('POST', '/api/functions', JPS);
      if (added.status !== 201) throw new Error(JSON.stringify(added.body));
      const { lines: _l, businessCase: _b, slug: _s, collaboration: _c, ...particulars } = JPS;
      return ['PUT', '/api/functions/joint-protective-services/particulars', { ...particulars, version: 1, name: 'Joint Protective Services (corrected)' }];
    },
  },
  {
    route: 'PUT /api/savings-lines/:id/carry (AOJ’s recurring saving)',
    allowed: ['aoj owner'],
    request: async (w) => ['PUT', `/api/savings-lines/${w.lineId('aoj-blueprint')}/carry`, { carriedThrough: '2020-21', was: '2019-20' }],
  },
  { route: 'POST /api/functions (add a function)', allowed: ['programme officer', 'administrator'], request: async () => ['POST', '/api/functions', JPS] },
  {
    route: 'POST /api/collaborations (add a collaboration)',
    allowed: ['programme officer', 'administrator'],
    request: async () => ['POST', '/api/collaborations', { slug: 'eastern', name: 'Eastern', description: 'The east', members: [{ force: 'essex', joinedOn: '2018-04-01' }] }],
  },
  { route: 'POST /api/collaborations/bch/members (a force joins)', allowed: ['programme officer', 'administrator'], request: async () => ['POST', '/api/collaborations/bch/members', { force: 'essex', joinedOn: '2018-04-01' }] },
  { route: 'PATCH /api/collaborations/ctc/members/btp (a force leaves)', allowed: ['programme officer', 'administrator'], request: async () => ['PATCH', '/api/collaborations/ctc/members/btp', { leftOn: '2021-04-01' }] },
  { route: 'POST /api/functions/aoj/retire', allowed: ['programme officer', 'administrator'], request: async () => ['POST', '/api/functions/aoj/retire', { retiredOn: '2030-04-01', reason: 'Ended' }] },
  { route: 'PUT /api/bases/2018-19 (NRE)', allowed: ['programme officer', 'administrator'], request: async () => ['PUT', '/api/bases/2018-19', { source: 'Test figures', forces: [{ force: 'kent', nrePence: 100 }] }] },
  {
    route: 'POST /api/collaborations/seven-force/programme-costs',
    allowed: ['programme officer', 'administrator'],
    request: async () => ['POST', '/api/collaborations/seven-force/programme-costs', { function: null, fiscalYear: '2018-19', kind: 'one-off', description: 'Launch event', amountPence: 500_000, source: 'Test figures' }],
  },
  {
    route: 'DELETE /api/collaborations/seven-force/programme-costs/:id (withdraw)',
    allowed: ['programme officer', 'administrator'],
    request: async (w) => {
      const id = Number(
        w.db
          .prepare(`INSERT INTO programme_costs (collaboration_slug, function_slug, fiscal_year, kind, description, amount_pence, source, entered_at, entered_by)
                    VALUES ('seven-force', NULL, '2018-19', 'one-off', 'Launch event', 500000, 'Test figures', '2026-11-25T09:00:00Z', 'someone')`)
          .run().lastInsertRowid,
      );
      return ['DELETE', `/api/collaborations/seven-force/programme-costs/${id}`, undefined];
    },
  },
  { route: 'POST /api/reports (publish)', allowed: ['programme officer'], request: async () => ['POST', '/api/reports', { collaboration: 'bch', half: '2017-18-H1' }] },
  {
    route: 'POST /api/users',
    allowed: ['administrator'],
    request: async () => ['POST', '/api/users', { email: 'new@example.org', displayName: 'New Person', password: 'a long enough passphrase', grants: [VIEWER] }],
  },
  {
    route: 'PATCH /api/users/:id (roles)',
    allowed: ['administrator'],
    request: async (w) => {
      const id = await createUser(w.db, 'someone@example.org', [VIEWER]);
      return ['PATCH', `/api/users/${id}`, { grants: [FORCE_EDITOR('kent')] }];
    },
  },
  {
    route: 'POST /api/users/:id/password',
    allowed: ['administrator'],
    request: async (w) => {
      const id = await createUser(w.db, 'reset@example.org', [VIEWER]);
      return ['POST', `/api/users/${id}/password`, { password: 'another long passphrase' }];
    },
  },
];

/** What a refused request must leave as it was. */
const STATE = `SELECT (SELECT count(*) FROM ledger_entries) AS entries, (SELECT count(*) FROM users) AS users,
                      (SELECT count(*) FROM benefit_measurements) AS measures, (SELECT count(*) FROM reports) AS reports,
                      (SELECT rag_tolerance_tenths_percent FROM functions WHERE slug = ?) AS tolerance, (SELECT count(*) FROM functions) AS functions,
                      (SELECT count(*) || '/' || count(left_on) FROM collaboration_members) AS members, (SELECT count(*) FROM collaborations) AS collaborations,
                      (SELECT count(retired_on) FROM functions) AS retired, (SELECT count(*) FROM force_bases) AS bases, (SELECT count(*) FROM programme_costs) AS costs,
                      (SELECT group_concat(carried_through) FROM savings_lines) AS carried, (SELECT group_concat(name) FROM functions) AS names`;

const EVERYONE: Who[] = ['anonymous', 'viewer', 'bedfordshire editor', 'hertfordshire editor', 'aoj owner', 'ict owner', 'programme officer', 'administrator'];

describe('who may change what', () => {
  for (const c of CASES) {
    for (const who of EVERYONE) {
      const may = c.allowed.includes(who);
      it(`${c.route}: ${who} ${may ? 'may' : 'may not'}`, async () => {
        const w = await world();
        const [method, path, body] = await c.request(w);
        const before = w.db.prepare(STATE).get(path.split('/')[3] ?? '');
        const response = await w.as(who)(method, path, body);
        if (may) {
          expect(response.status, JSON.stringify(response.body)).toBeLessThan(300);
        } else {
          expect(response.status).toBe(who === 'anonymous' ? 401 : 403);
          expect(response.body.error.code).toBe(who === 'anonymous' ? 'sign_in_required' : 'forbidden');
          // Refused, and nothing written.
          const after = w.db.prepare(STATE).get(path.split('/')[3] ?? '');
          expect(after).toEqual(before);
        }
      });
    }
  }
});

describe('who may read what', () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
  });

  it.each(EVERYONE)('%s reading the ledger', async (who) => {
    const response = await w.as(who)('GET', '/api/functions');
    expect(response.status).toBe(who === 'anonymous' ? 401 : 200);
  });

  it.each(EVERYONE)('%s reading the audit log and the users', async (who) => {
    const audit = await w.as(who)('GET', '/api/audit');
    const users = await w.as(who)('GET', '/api/users');
    const expected = who === 'administrator' ? 200 : who === 'anonymous' ? 401 : 403;
    expect([audit.status, users.status]).toEqual([expected, expected]);
  });

  it('lets anyone read health, the session and the API document', async () => {
    const anonymous = w.as('anonymous');
    expect((await anonymous('GET', '/api/health')).status).toBe(200);
    expect((await anonymous('GET', '/api/openapi.json')).status).toBe(200);
    expect((await anonymous('GET', '/api/auth/session')).body).toMatchObject({ user: null, publicRead: false });
  });
});

describe('refusals', () => {
  it('are recorded in the audit log with who asked for what', async () => {
    const w = await world();
    const response = await w.as('bedfordshire editor')('POST', '/api/ledger-entries', entry(w, 'hertfordshire'));
    expect(response.status).toBe(403);
    expect(response.body.error.message).toContain('hertfordshire is not one of them');
    const last = w.db.prepare("SELECT actor, action, entity_id AS entityId, after_json AS after FROM audit_log WHERE action = 'refused' ORDER BY id DESC LIMIT 1").get() as Record<string, string>;
    expect(last).toMatchObject({ actor: 'beds@example.org', action: 'refused', entityId: 'POST /api/ledger-entries' });
    expect(JSON.parse(last.after!)).toEqual({ kind: 'record', function: 'aoj', force: 'hertfordshire' });
  });

  it('refuse a write without the CSRF token, even with a good session', async () => {
    const w = await world();
    const signed = w.signedIn.get('bedfordshire editor')!;
    const response = await w.app.request('/api/ledger-entries', {
      method: 'POST',
      headers: { cookie: signed.cookie, 'content-type': 'application/json' },
      body: JSON.stringify(entry(w, 'bedfordshire')),
    });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('csrf_token_invalid');
  });
});

describe('PUBLIC_READ=true', () => {
  const open = seededApp({ publicRead: true });
  it('lets anyone read, but still needs a session to write', async () => {
    const anonymous = asUser(open.app, null);
    expect((await anonymous('GET', '/api/functions')).status).toBe(200);
    expect((await anonymous('GET', '/api/forces/kent')).status).toBe(200);
    expect((await anonymous('POST', '/api/ledger-entries', { lineId: 6, measure: 'forecast', fiscalYear: '2017-18', force: 'bedfordshire', amountPence: 1 })).status).toBe(401);
    expect((await anonymous('GET', '/api/audit')).status).toBe(401);
  });
});

describe('grants', () => {
  it('given twice are one grant, not an error', async () => {
    const w = await world();
    const created = await w.as('administrator')('POST', '/api/users', {
      email: 'twice@example.org',
      displayName: 'Twice',
      password: 'a long enough passphrase',
      grants: [VIEWER, VIEWER, FORCE_EDITOR('kent'), FORCE_EDITOR('kent')],
    });
    expect(created.status).toBe(201);
    expect(created.body.grants).toEqual([FORCE_EDITOR('kent'), VIEWER]);
  });
});

describe('recording rules', () => {
  it('refuses a yearly figure on a line whose target is not profiled by year, so it cannot count twice', async () => {
    const w = await world();
    await createUser(w.db, 'firearms@example.org', [FUNCTION_OWNER('firearms-licensing')]);
    const owner = asUser(w.app, await signIn(w.app, 'firearms@example.org'));
    const response = await owner('POST', '/api/ledger-entries', {
      lineId: w.lineId('firearms-licensing-collaboration'),
      measure: 'actual',
      fiscalYear: '2016-17',
      month: '2016-05',
      force: null,
      amountPence: 2_000_000,
    });
    expect(response.status).toBe(400);
    expect(response.body.error.issues[0]).toMatchObject({ path: 'fiscalYear', message: expect.stringContaining('not profiled by year') });
  });

  it('refuses an actual for a period that has not begun, and a month outside its year', async () => {
    const w = await world(); // the clock reads 10 May 2018
    const editor = w.as('bedfordshire editor');
    const ctc = { lineId: w.lineId('ctc-vehicle-recharge'), fiscalYear: '2019-20', force: 'bedfordshire', amountPence: 1 };
    const future = await editor('POST', '/api/ledger-entries', { ...ctc, measure: 'actual', month: '2019-06' });
    expect(future.status).toBe(400);
    expect(future.body.error.message).toContain('record a forecast instead');
    expect((await editor('POST', '/api/ledger-entries', { ...ctc, measure: 'forecast', month: '2019-06' })).status).toBe(201);
    const outside = await w.as('aoj owner')('POST', '/api/ledger-entries', { lineId: w.lineId('aoj-blueprint'), measure: 'actual', fiscalYear: '2017-18', month: '2018-06', force: null, amountPence: 1 });
    expect(outside.body.error.issues[0]).toMatchObject({ path: 'month', message: expect.stringContaining('is not in FY 2017/18') });
  });
});

describe('a dry-run import', () => {
  it('is refused to an account with no role: it would confirm the ledger’s amounts', async () => {
    const { app, db } = seededApp({ publicRead: false });
    await createUser(db, 'nobody@example.org', []);
    const signed = await signIn(app, 'nobody@example.org');
    const csv = 'function,line,measure,fiscal_year,month,force,amount_gbp\r\nict,ict-application-convergence,actual,2014-15,,,626000\r\n';
    const response = await app.request('/api/imports?mode=dry-run', {
      method: 'POST',
      headers: { cookie: signed.cookie, 'x-csrf-token': signed.csrfToken, 'content-type': 'text/csv' },
      body: csv,
    });
    expect(response.status).toBe(403);
    const body = await response.text();
    expect(body).not.toContain('fromPence');
    expect(body).toContain('no role');
  });
});
