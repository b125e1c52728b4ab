import { describe, expect, it } from 'vitest';
import { asUser, createUser, FUNCTION_OWNER, signIn } from './accounts';
import { seededApp } from './seeded-app';

// AOJ's £654K is released "from April 2017" and recurs. Realise's reading carries it, as the same
// saving kept, to FY 2019/20; the function's owner can carry it further, or stop carrying it.

async function world() {
  const { app, db } = seededApp({ now: () => new Date('2026-11-25T09:00:00Z') });
  await createUser(db, 'aoj@example.org', [FUNCTION_OWNER('aoj')]);
  await createUser(db, 'ctc@example.org', [FUNCTION_OWNER('ctc')]);
  const aoj = asUser(app, await signIn(app, 'aoj@example.org'));
  const ctc = asUser(app, await signIn(app, 'ctc@example.org'));
  const lineId = (code: string) => (db.prepare('SELECT id FROM savings_lines WHERE code = ?').get(code) as { id: number }).id;
  const aojTarget = async (period: string) => ((await (await app.request(`/api/functions/aoj?period=${period}`)).json()) as any).function.targetPence as number;
  return { app, db, aoj, ctc, lineId, aojTarget };
}

describe('a recurring saving carried forward', () => {
  it('is shown as carried, and its owner carries it further, audited', async () => {
    const w = await world();
    const id = w.lineId('aoj-blueprint');
    expect(await w.aojTarget('2019-20')).toBe(65_400_000);
    expect(await w.aojTarget('2020-21')).toBe(0);

    const changed = await w.aoj('PUT', `/api/savings-lines/${id}/carry`, { carriedThrough: '2020-21', was: '2019-20' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ lineId: id, carriedThrough: '2020-21', setBy: 'aoj@example.org' });
    expect(await w.aojTarget('2020-21')).toBe(65_400_000);
    const detail = (await (await w.app.request('/api/functions/aoj')).json()) as any;
    expect(detail.lines[0].carry).toMatchObject({ through: '2020-21', setBy: 'aoj@example.org', note: 'Set by aoj@example.org' });
    expect(detail.years.at(-1)).toMatchObject({ fy: '2020-21', targetPence: 65_400_000, carriedPence: 65_400_000 });
    // Still one promise of £654K.
    expect(detail.reconciliation.profiledPence).toBe(65_400_000);
    const audit = w.db.prepare("SELECT actor, before_json AS before, after_json AS after FROM audit_log WHERE action = 'change-carry'").get() as any;
    expect(audit.actor).toBe('aoj@example.org');
    expect(JSON.parse(audit.before)).toMatchObject({ carriedThrough: '2019-20', setBy: null });
    expect(JSON.parse(audit.after)).toMatchObject({ carriedThrough: '2020-21', setBy: 'aoj@example.org' });

    // A carried year takes its actual like any other year.
    const actual = await w.aoj('POST', '/api/ledger-entries', { lineId: id, measure: 'actual', fiscalYear: '2020-21', month: null, force: null, amountPence: 60_000_000 });
    expect(actual.status).toBe(201);
    expect(((await (await w.app.request('/api/functions/aoj?period=2020-21')).json()) as any).function).toMatchObject({ targetPence: 65_400_000, deliveredPence: 60_000_000 });
  });

  it('stops being carried when its owner says so, and then takes no figure for the years it was carried to', async () => {
    const w = await world();
    const id = w.lineId('aoj-blueprint');
    const stopped = await w.aoj('PUT', `/api/savings-lines/${id}/carry`, { carriedThrough: null, was: '2019-20' });
    expect(stopped.status).toBe(200);
    expect(await w.aojTarget('all')).toBe(65_400_000);
    expect(((await (await w.app.request('/api/functions/aoj')).json()) as any).lines[0].carry).toBeNull();
    const refused = await w.aoj('POST', '/api/ledger-entries', { lineId: id, measure: 'actual', fiscalYear: '2019-20', month: null, force: null, amountPence: 1 });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('FY 2017/18');
  });

  it('refuses what cannot be carried, saying why, with nothing written', async () => {
    const w = await world();
    const id = w.lineId('aoj-blueprint');
    const before = w.db.prepare('SELECT group_concat(ifnull(carried_through, \'-\')) AS carried, (SELECT count(*) FROM audit_log) AS audited FROM savings_lines').get();
    // Someone changed it since the screen was read.
    const stale = await w.aoj('PUT', `/api/savings-lines/${id}/carry`, { carriedThrough: '2021-22', was: null });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toContain('is carried to FY 2019/20');
    // Not after the business case's last target; too far; not recurring; no such line.
    const early = await w.aoj('PUT', `/api/savings-lines/${id}/carry`, { carriedThrough: '2017-18', was: '2019-20' });
    expect([early.status, early.body.error.message]).toEqual([400, expect.stringContaining('up to FY 2017/18')]);
    const far = await w.aoj('PUT', `/api/savings-lines/${id}/carry`, { carriedThrough: '2030-31', was: '2019-20' });
    expect([far.status, far.body.error.message]).toEqual([400, expect.stringContaining('more than 10 years')]);
    const oneOff = await w.ctc('PUT', `/api/savings-lines/${w.lineId('ctc-vehicle-recharge')}/carry`, { carriedThrough: '2021-22', was: null });
    expect([oneOff.status, oneOff.body.error.message]).toEqual([400, expect.stringContaining('not a recurring saving')]);
    const badYear = await w.aoj('PUT', `/api/savings-lines/${id}/carry`, { carriedThrough: '2020-22', was: '2019-20' });
    expect(badYear.status).toBe(400);
    expect((await w.aoj('PUT', '/api/savings-lines/99999/carry', { carriedThrough: null, was: null })).status).toBe(404);
    // Another function's owner may not.
    expect((await w.ctc('PUT', `/api/savings-lines/${id}/carry`, { carriedThrough: '2020-21', was: '2019-20' })).status).toBe(403);
    const after = w.db.prepare('SELECT group_concat(ifnull(carried_through, \'-\')) AS carried, (SELECT count(*) FROM audit_log) AS audited FROM savings_lines').get() as any;
    // The refusal to the other owner is audited as a refusal; nothing else was written.
    expect(after.carried).toBe((before as any).carried);
    expect(w.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'change-carry'").get()).toEqual({ n: 0 });
  });
});
