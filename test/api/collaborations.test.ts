import { describe, expect, it } from 'vitest';
import { asUser, createUser, FORCE_EDITOR, FUNCTION_OWNER, signIn } from './accounts';
import { seededApp } from './seeded-app';

// Collaborations and their members over time: added, joined from a date, left at one; audited;
// and the figures follow the dates.

const OFFICER = { role: 'programme-officer' as const, force: null, function: null };

async function world() {
  const { app, db } = seededApp({ publicRead: false, now: () => new Date('2019-06-20T09:00:00Z') });
  await createUser(db, 'officer@example.org', [OFFICER]);
  await createUser(db, 'tvp@example.org', [FORCE_EDITOR('thames-valley')]);
  await createUser(db, 'ctc.owner@example.org', [FUNCTION_OWNER('ctc')]);
  return {
    app,
    db,
    officer: asUser(app, await signIn(app, 'officer@example.org')),
    tvp: asUser(app, await signIn(app, 'tvp@example.org')),
    owner: asUser(app, await signIn(app, 'ctc.owner@example.org')),
    audit: (action: string) => db.prepare("SELECT before_json AS before, after_json AS after, actor FROM audit_log WHERE entity = 'collaboration' AND action = ? ORDER BY id DESC").get(action) as any,
  };
}

describe('collaborations and their members over time', () => {
  it('adds a collaboration with its first members, audited', async () => {
    const w = await world();
    const added = await w.officer('POST', '/api/collaborations', {
      slug: 'eastern-region',
      name: 'Eastern Region Collaboration',
      description: 'The six eastern forces together.',
      members: [{ force: 'essex', joinedOn: '2019-04-01' }, { force: 'kent', joinedOn: '2019-04-01' }],
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body.members).toEqual([{ force: 'essex', joinedOn: '2019-04-01', leftOn: null }, { force: 'kent', joinedOn: '2019-04-01', leftOn: null }]);
    expect(w.audit('create')).toMatchObject({ actor: 'officer@example.org', before: null });
    const list = await w.officer('GET', '/api/collaborations');
    expect(list.body.collaborations.map((c: any) => c.slug)).toContain('eastern-region');
    expect((await w.officer('POST', '/api/collaborations', { slug: 'ctc', name: 'x', description: 'y', members: [{ force: 'kent', joinedOn: '2019-04-01' }] })).status).toBe(409);
    const unknown = await w.officer('POST', '/api/collaborations', { slug: 'new-one', name: 'x', description: 'y', members: [{ force: 'narnia', joinedOn: '2019-04-01' }] });
    expect(unknown).toMatchObject({ status: 400, body: { error: { issues: [{ path: 'members.0.force' }] } } });
  });

  it('takes a force out at a date: its figures after it are refused, before it stand', async () => {
    const w = await world();
    const line = (w.db.prepare("SELECT id FROM savings_lines WHERE function_slug = 'ctc' LIMIT 1").get() as { id: number }).id;
    const years = (w.db.prepare('SELECT DISTINCT fiscal_year FROM targets WHERE savings_line_id = ? ORDER BY 1').pluck().all(line) as string[]);
    const fy = years.find((y) => y >= '2018-19') ?? years.at(-1)!;
    const month = `${fy.slice(0, 4)}-05`;
    // A figure for May would be stranded by leaving on 1 May: refused, with the count.
    const may = await w.owner('POST', '/api/ledger-entries', { lineId: line, measure: 'forecast', fiscalYear: fy, month, force: 'thames-valley', amountPence: 1000 });
    expect(may.status, JSON.stringify(may.body)).toBe(201);
    const stranded = await w.officer('PATCH', '/api/collaborations/ctc/members/thames-valley', { leftOn: `${fy.slice(0, 4)}-05-01` });
    expect(stranded.status).toBe(409);
    expect(stranded.body.error.message).toMatch(/^thames-valley has 1 figure recorded for Chiltern Transport Consortium's functions for periods from 1 May \d{4}\. Correct or remove them first, or choose a later date\.$/);
    const leftOn = `${fy.slice(0, 4)}-06-01`;
    const left = await w.officer('PATCH', '/api/collaborations/ctc/members/thames-valley', { leftOn, note: 'Left the consortium' });
    expect(left.status, JSON.stringify(left.body)).toBe(200);
    expect(left.body.members.find((m: any) => m.force === 'thames-valley').leftOn).toBe(leftOn);
    expect(w.audit('leave').after).toContain(leftOn);
    // After it, a Thames Valley figure is refused; May's stands.
    const june = await w.tvp('POST', '/api/ledger-entries', { lineId: line, measure: 'forecast', fiscalYear: fy, month: `${fy.slice(0, 4)}-07`, force: 'thames-valley', amountPence: 1000 });
    expect(june.status).toBe(400);
    expect(june.body.error.issues[0].message).toBe(`thames-valley had left the collaboration by then: it left on ${leftOn}.`);
    expect((await w.officer('PATCH', '/api/collaborations/ctc/members/thames-valley', { leftOn: '2030-01-01' })).status).toBe(409);
    // It can rejoin later, not earlier than it left.
    expect((await w.officer('POST', '/api/collaborations/ctc/members', { force: 'thames-valley', joinedOn: `${fy.slice(0, 4)}-05-15` })).status).toBe(400);
    const back = await w.officer('POST', '/api/collaborations/ctc/members', { force: 'thames-valley', joinedOn: `${Number(fy.slice(0, 4)) + 1}-01-01` });
    expect(back.status).toBe(201);
    expect(back.body.members.filter((m: any) => m.force === 'thames-valley')).toHaveLength(2);
  });

  it('adds a force from a date, once, and refuses what does not exist', async () => {
    const w = await world();
    const joined = await w.officer('POST', '/api/collaborations/bch/members', { force: 'essex', joinedOn: '2019-04-01' });
    expect(joined.status).toBe(201);
    expect(w.audit('join')).toMatchObject({ actor: 'officer@example.org' });
    const again = await w.officer('POST', '/api/collaborations/bch/members', { force: 'essex', joinedOn: '2019-05-01' });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('Essex Police is already a member of Bedfordshire, Cambridgeshire and Hertfordshire Strategic Alliance, since 1 April 2019.');
    expect((await w.officer('POST', '/api/collaborations/nope/members', { force: 'essex', joinedOn: '2019-04-01' })).status).toBe(404);
    expect((await w.officer('PATCH', '/api/collaborations/bch/members/kent', { leftOn: '2019-04-01' })).status).toBe(404);
    const bad = await w.officer('POST', '/api/collaborations/bch/members', { force: 'kent', joinedOn: '1 April 2019' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe('joinedOn: Write a date as YYYY-MM-DD, for example 2019-05-01');
    expect((await w.tvp('POST', '/api/collaborations/bch/members', { force: 'kent', joinedOn: '2019-04-01' })).status).toBe(403);
  });
});

describe('where a force’s membership stands', () => {
  it('is not current for ever: Kent’s Seven Force membership is not known after the agreement’s end', async () => {
    const { app } = seededApp({ now: () => new Date('2026-12-01T09:00:00Z') });
    const kent = await (await app.request('/api/forces/kent')).json();
    expect(kent.memberships[0]).toMatchObject({
      collaboration: 'seven-force',
      standing: 'Not known: the agreement ended 31 March 2021, unless renewed: the papers say nothing after',
    });
    const then = await (await app.request('/api/forces/kent?asAt=2020-01-01')).json();
    expect(then.memberships[0].standing).toBe('A member: the agreement is in force until 31 March 2021');
  });
});

describe('after a force leaves', () => {
  it('works the assumed equal shares of later years out again without it, and splits no whole-function figure to it', async () => {
    const w = await world();
    const { JPS } = await import('./business-cases');
    const added = await w.officer('POST', '/api/functions', {
      ...JPS,
      slug: 'ctc-workshops',
      collaboration: 'ctc',
      leadForce: null,
      agreement: null,
      headline: null,
      lines: [{ ...JPS.lines[1], targets: [{ fiscalYear: '2019-20', amountPence: 50_000_00 }, { fiscalYear: '2020-21', amountPence: 60_000_00 }] }],
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const line = added.body.lines[0].id;
    const sharing = (fy: string) => w.db.prepare("SELECT force_slug FROM apportionment_shares WHERE function_slug = 'ctc-workshops' AND fiscal_year = ? ORDER BY 1").pluck().all(fy);
    expect(sharing('2020-21')).toContain('thames-valley');
    // A whole-function forecast for March 2020, as the function's owner would have recorded it (written here directly: the new function has no owner yet).
    w.db.prepare("INSERT INTO ledger_entries (savings_line_id, measure, fiscal_year, month, force_slug, amount_pence, reported_on, recorded_at, recorded_by) VALUES (?, 'forecast', '2019-20', '2020-03', NULL, 9000, '2019-06-20', '2019-06-20T09:00:00Z', 'test')").run(line);
    expect((await w.officer('PATCH', '/api/collaborations/ctc/members/thames-valley', { leftOn: '2020-01-01' })).status).toBe(200);
    // FY 2020/21 begins after it left: its assumed shares are the four others'.
    expect(sharing('2020-21')).toEqual(['bedfordshire', 'btp', 'cambridgeshire', 'hertfordshire']);
    // FY 2019/20's shares still include Thames Valley, a member until 1 January 2020: March's whole figure is not split to it.
    await createUser(w.db, 'beds@example.org', [FORCE_EDITOR('bedfordshire')]);
    const beds = asUser(w.app, await signIn(w.app, 'beds@example.org'));
    const split = await beds('POST', '/api/ledger-entries', { lineId: line, measure: 'forecast', fiscalYear: '2019-20', month: '2020-03', force: 'bedfordshire', amountPence: 2000 });
    expect(split.status).toBe(409);
    expect(split.body.error.message).toContain('thames-valley a part of the figure for the function as a whole for 2020-03, but thames-valley was not a member of the collaboration then');
  });

  it('counts a figure as stranded only from the month that begins on or after the day', async () => {
    const w = await world();
    const line = (w.db.prepare("SELECT id FROM savings_lines WHERE function_slug = 'ctc' LIMIT 1").get() as { id: number }).id;
    const fy = (w.db.prepare('SELECT max(fiscal_year) FROM targets WHERE savings_line_id = ?').pluck().get(line) as string);
    const may = `${fy.slice(0, 4)}-05`;
    expect((await w.owner('POST', '/api/ledger-entries', { lineId: line, measure: 'forecast', fiscalYear: fy, month: may, force: 'thames-valley', amountPence: 1000 })).status).toBe(201);
    // Leaving on 15 May: May was a month Thames Valley was a member for, in part; its figure stands.
    const left = await w.officer('PATCH', '/api/collaborations/ctc/members/thames-valley', { leftOn: `${may}-15` });
    expect(left.status, JSON.stringify(left.body)).toBe(200);
  });

  it('refuses "all" as a collaboration id, which addresses use for every collaboration', async () => {
    const w = await world();
    const all = await w.officer('POST', '/api/collaborations', { slug: 'all', name: 'All', description: 'x', members: [{ force: 'kent', joinedOn: '2019-04-01' }] });
    expect(all.status).toBe(400);
  });
});

describe('my figures after a force leaves or a line retires', () => {
  it('asks Thames Valley for no month after it left, and no one for a month after the line retired', async () => {
    const w = await world();
    const { JPS } = await import('./business-cases');
    const added = await w.officer('POST', '/api/functions', {
      ...JPS,
      slug: 'ctc-depots',
      collaboration: 'ctc',
      leadForce: null,
      agreement: null,
      headline: null,
      lines: [{ ...JPS.lines[1], targets: [{ fiscalYear: '2019-20', amountPence: 50_000_00 }] }, { ...JPS.lines[0], targets: [{ fiscalYear: '2019-20', amountPence: 10_000_00 }] }],
    });
    expect(added.status).toBe(201);
    const months = async (lineName: string) =>
      ((await w.tvp('GET', '/api/my-figures?fiscalYear=2019-20&measure=forecast')).body.rows.find((r: any) => r.lineName === lineName && r.force === 'thames-valley')?.cells ?? []).map((c: any) => c.month);
    expect(await months('Vehicle fleet')).toHaveLength(12);
    expect((await w.officer('PATCH', '/api/collaborations/ctc/members/thames-valley', { leftOn: '2019-10-01' })).status).toBe(200);
    expect(await months('Vehicle fleet')).toEqual(['2019-04', '2019-05', '2019-06', '2019-07', '2019-08', '2019-09']);
    expect((await w.officer('POST', `/api/savings-lines/${added.body.lines[0].id}/retire`, { retiredOn: '2019-07-01', reason: 'Ended' })).status).toBe(200);
    expect(await months('Vehicle fleet')).toEqual(['2019-04', '2019-05', '2019-06']);
  });
});
