import { describe, expect, it } from 'vitest';
import { asUser, createUser, FUNCTION_OWNER, signIn } from './accounts';
import { JPS } from './business-cases';
import { seededApp } from './seeded-app';

// A function entered in Realise is corrected after it is added, from the version the screen showed,
// audited; a function from the board papers keeps the papers' particulars.

const OFFICER = { role: 'programme-officer' as const, force: null, function: null };
const { lines: _lines, businessCase: _businessCase, slug: _slug, collaboration: _collaboration, ...particulars } = JPS;

async function world() {
  const { app, db } = seededApp({ publicRead: false, now: () => new Date('2019-06-10T09:00:00Z') });
  await createUser(db, 'officer@example.org', [OFFICER]);
  const officer = asUser(app, await signIn(app, 'officer@example.org'));
  expect((await officer('POST', '/api/functions', JPS)).status).toBe(201);
  await createUser(db, 'jps.owner@example.org', [FUNCTION_OWNER('joint-protective-services')]);
  const owner = asUser(app, await signIn(app, 'jps.owner@example.org'));
  const detail = async () => (await officer('GET', '/api/functions/joint-protective-services')).body;
  return { app, db, officer, owner, detail };
}

describe('correcting a function after it is added', () => {
  it('writes its new name, lead force, headline and tolerance, says who changed it, and every view reads it', async () => {
    const w = await world();
    const before = await w.detail();
    expect(before.function).toMatchObject({ version: 1, changed: null, name: 'Joint Protective Services' });
    const change = {
      ...particulars,
      version: 1,
      name: 'Joint Protective Services (BCH)',
      leadForce: 'bedfordshire',
      toleranceTenthsPercent: 80,
      headline: { amountPence: 125_000_000, qualifier: 'approximately', asWritten: '£1.25m', paragraph: '1.4', quote: 'approximately £1.25m a year' },
    };
    const edited = await w.officer('PUT', '/api/functions/joint-protective-services/particulars', change);
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ slug: 'joint-protective-services', version: 2, changedBy: 'officer@example.org' });

    const after = await w.detail();
    expect(after.function).toMatchObject({
      name: 'Joint Protective Services (BCH)',
      leadForce: { slug: 'bedfordshire', name: 'Bedfordshire Police' },
      headlineTargetPence: 125_000_000,
      headlineQualifier: 'approximately',
      toleranceTenthsPercent: 80,
      version: 2,
      changed: { by: 'officer@example.org', at: '2019-06-10T09:00:00.000Z' },
      entered: { by: 'officer@example.org' },
    });
    // The headline cites its corrected passage of the business case.
    const cited = after.sources.find((s: any) => s.id === after.function.headlineSourceId);
    expect(cited).toMatchObject({ paragraph: '1.4', quote: 'approximately £1.25m a year' });
    // The portfolio reads the new name at once.
    const portfolio = (await w.officer('GET', '/api/functions?collaboration=bch')).body;
    expect(portfolio.functions.map((f: any) => f.name)).toContain('Joint Protective Services (BCH)');
    // Audited with what it was and what it is.
    const audit = w.db.prepare("SELECT actor, before_json AS before, after_json AS after FROM audit_log WHERE action = 'change-function'").get() as any;
    expect(audit.actor).toBe('officer@example.org');
    expect(JSON.parse(audit.before)).toMatchObject({ name: 'Joint Protective Services', leadForce: 'hertfordshire', headline: { amountPence: 120_000_000 } });
    expect(JSON.parse(audit.after)).toMatchObject({ name: 'Joint Protective Services (BCH)', leadForce: 'bedfordshire', headline: { amountPence: 125_000_000 } });
  });

  it('refuses a stale change, a papers function, a lead force from outside, an unknown function and anyone but the programme office, writing nothing', async () => {
    const w = await world();
    const state = () => w.db.prepare("SELECT name, version, lead_force_slug AS lead, (SELECT count(*) FROM audit_log WHERE action = 'change-function') AS changes FROM functions WHERE slug = 'joint-protective-services'").get();
    const first = await w.officer('PUT', '/api/functions/joint-protective-services/particulars', { ...particulars, version: 1, name: 'First' });
    expect(first.status).toBe(200);
    const was = state();
    const stale = await w.officer('PUT', '/api/functions/joint-protective-services/particulars', { ...particulars, version: 1, name: 'Second' });
    expect([stale.status, stale.body.error.message]).toEqual([409, expect.stringContaining('changed by officer@example.org since you opened it')]);
    const outside = await w.officer('PUT', '/api/functions/joint-protective-services/particulars', { ...particulars, version: 2, leadForce: 'kent' });
    expect(outside.status).toBe(400);
    expect(outside.body.error.issues).toEqual([{ path: 'leadForce', message: expect.stringContaining('kent is not a member') }]);
    const otherAgreement = await w.officer('PUT', '/api/functions/joint-protective-services/particulars', { ...particulars, version: 2, agreement: 'seven-force' });
    expect(otherAgreement.status).toBe(400);
    const papers = await w.officer('PUT', '/api/functions/ict/particulars', { ...particulars, version: 1 });
    expect([papers.status, papers.body.error.message]).toEqual([409, expect.stringContaining('comes from the board papers')]);
    expect((await w.officer('PUT', '/api/functions/nope/particulars', { ...particulars, version: 1 })).status).toBe(404);
    const empty = await w.officer('PUT', '/api/functions/joint-protective-services/particulars', { ...particulars, version: 2, name: '  ' });
    expect(empty.status).toBe(400);
    // Its owner keeps its plan; its particulars are the programme office's.
    expect((await w.owner('PUT', '/api/functions/joint-protective-services/particulars', { ...particulars, version: 2 })).status).toBe(403);
    expect(state()).toEqual(was);
  });
});
