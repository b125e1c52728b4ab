import { describe, expect, it } from 'vitest';
import { apportion } from '../../server/domain/apportion';
import { penceToPoundsString } from '../../server/domain/money';
import { sharesByBasis } from '../../server/domain/shares';
import { asUser, createUser, FORCE_EDITOR, signIn } from './accounts';
import { seededApp } from './seeded-app';

// The Seven Force programme's £1.2m a year and £150,000 of consultancy (paper 003, the agreement,
// 5.1), split by each force's Net Revenue Expenditure for the year, and what-if Kent left. The NRE
// figures are test values typed in, as a programme officer would type a year's; not from the papers.
export const NRE_2018_19 = {
  bedfordshire: 103_200_000_00,
  cambridgeshire: 132_600_000_00,
  essex: 277_000_000_00,
  hertfordshire: 179_900_000_00,
  kent: 291_500_000_00,
  norfolk: 154_300_000_00,
  suffolk: 113_600_000_00,
};

async function world() {
  const { app, db } = seededApp({ publicRead: false, now: () => new Date('2019-06-10T09:00:00Z') });
  await createUser(db, 'officer@example.org', [{ role: 'programme-officer', force: null, function: null }]);
  await createUser(db, 'kent@example.org', [FORCE_EDITOR('kent')]);
  const kentSigned = await signIn(app, 'kent@example.org');
  return { app, db, officer: asUser(app, await signIn(app, 'officer@example.org')), kent: asUser(app, kentSigned), kentCookie: kentSigned.cookie };
}

describe('programme costs by Net Revenue Expenditure', () => {
  it('splits the Seven Force budgets equally, as an assumption, until the year’s NRE is entered; then by it, to the penny', async () => {
    const w = await world();
    const before = await w.kent('GET', '/api/collaborations/seven-force/costs?year=2018-19');
    expect(before.status).toBe(200);
    expect(before.body.budgets.map((b: any) => [b.code, b.amountPence])).toEqual([['seven-force-programme-budget', 120_000_000], ['seven-force-consultancy-budget', 15_000_000]]);
    expect(before.body.split).toMatchObject({ basis: 'equal', isAssumption: true });
    expect(before.body.split.forces.map((f: any) => f.shareTenthsPercent)).toEqual([143, 143, 143, 143, 143, 143, 142]);

    const entered = await w.officer('PUT', '/api/bases/2018-19', { source: 'Test figures typed in for the Seven Force split', forces: Object.entries(NRE_2018_19).map(([force, nrePence]) => ({ force, nrePence })) });
    expect(entered.status, JSON.stringify(entered.body)).toBe(200);
    expect(w.db.prepare("SELECT action FROM audit_log WHERE entity = 'force-bases' AND entity_id = '2018-19'").pluck().get()).toBe('enter-bases');

    const after = await w.kent('GET', '/api/collaborations/seven-force/costs?year=2018-19');
    expect(after.body.split).toMatchObject({ basis: 'nre', isAssumption: false });
    expect(after.body.bases).toMatchObject({ source: 'Test figures typed in for the Seven Force split', enteredBy: 'officer@example.org' });
    const shares = Object.fromEntries(after.body.split.forces.map((f: any) => [f.force, f.shareTenthsPercent]));
    expect(shares).toEqual({ bedfordshire: 82, cambridgeshire: 106, essex: 221, hertfordshire: 144, kent: 233, norfolk: 123, suffolk: 91 });
    expect(Object.values(shares).reduce((a: number, b) => a + (b as number), 0)).toBe(1000);
    const kent = after.body.split.forces.find((f: any) => f.force === 'kent');
    expect(kent.costs).toEqual([{ code: 'seven-force-programme-budget', pence: 27_960_000 }, { code: 'seven-force-consultancy-budget', pence: 3_495_000 }]);
    expect(kent.totalPence).toBe(31_455_000);
    // Every budget is split to the penny.
    for (const code of ['seven-force-programme-budget', 'seven-force-consultancy-budget']) {
      const total = after.body.split.forces.reduce((s: number, f: any) => s + f.costs.find((c: any) => c.code === code).pence, 0);
      expect(total).toBe(code === 'seven-force-programme-budget' ? 120_000_000 : 15_000_000);
    }
    // The same rule as the domain's, and the same split.
    expect(apportion(120_000_000, sharesByBasis(Object.entries(NRE_2018_19).map(([key, amount]) => ({ key, amount })))).find((p) => p.key === 'kent')!.pence).toBe(27_960_000);
    // Another year is untouched: still equal.
    expect((await w.kent('GET', '/api/collaborations/seven-force/costs?year=2019-20')).body.split.basis).toBe('equal');
  });

  it('shows what-if Kent left, side by side, without saving anything', async () => {
    const w = await world();
    await w.officer('PUT', '/api/bases/2018-19', { source: 'Test figures', forces: Object.entries(NRE_2018_19).map(([force, nrePence]) => ({ force, nrePence })) });
    const count = w.db.prepare('SELECT (SELECT count(*) FROM force_bases) || (SELECT count(*) FROM collaboration_members)').pluck();
    const before = count.get();
    const whatIf = await w.kent('GET', '/api/collaborations/seven-force/costs?year=2018-19&without=kent');
    expect(whatIf.status).toBe(200);
    expect(whatIf.body.whatIf.leaving).toEqual({ force: 'kent', forceName: 'Kent Police' });
    expect(whatIf.body.whatIf.split.forces.map((f: any) => f.force)).not.toContain('kent');
    const essexBefore = whatIf.body.split.forces.find((f: any) => f.force === 'essex');
    const essexAfter = whatIf.body.whatIf.split.forces.find((f: any) => f.force === 'essex');
    expect(essexBefore.shareTenthsPercent).toBe(221);
    expect(essexAfter.shareTenthsPercent).toBe(288);
    expect(whatIf.body.whatIf.split.forces.reduce((s: number, f: any) => s + f.shareTenthsPercent, 0)).toBe(1000);
    expect(count.get()).toBe(before);
    const notMember = await w.kent('GET', '/api/collaborations/seven-force/costs?year=2018-19&without=btp');
    expect(notMember).toMatchObject({ status: 400, body: { error: { message: 'btp was not a member of Seven Force Strategic Collaboration Programme in FY 2018/19, so it cannot leave it.' } } });
  });

  it('refuses what is wrong, and someone without the role', async () => {
    const w = await world();
    expect((await w.kent('PUT', '/api/bases/2018-19', { source: 'x', forces: [{ force: 'kent', nrePence: 1 }] })).status).toBe(403);
    const bad = await w.officer('PUT', '/api/bases/2018-19', { source: 'x', forces: [{ force: 'narnia', nrePence: 1 }] });
    expect(bad).toMatchObject({ status: 400, body: { error: { issues: [{ path: 'forces.0.force' }] } } });
    expect((await w.officer('PUT', '/api/bases/2018-19', { source: '', forces: [{ force: 'kent', nrePence: -5 }] })).status).toBe(400);
    expect((await w.kent('GET', '/api/collaborations/nope/costs?year=2018-19')).status).toBe(404);
    expect((await w.kent('GET', '/api/collaborations/seven-force/costs?year=2018')).status).toBe(400);
  });
});

describe('a collaboration’s goals, measured', () => {
  it('sets BCH’s £20m a year and the £5.0m predicted for FY 2017/18 to 2019/20 against the ledger, naming what it lacks', async () => {
    const { app, db } = seededApp({ now: () => new Date('2026-12-01T09:00:00Z') });
    const { body, status } = await (await import('./seeded-app')).getJson(app, '/api/collaborations/bch/goals');
    expect(status).toBe(200);
    const [yearly, predicted] = body.goals;
    expect(yearly).toMatchObject({ code: 'bch-back-office-goal', perYear: true, asWritten: '£20m', baseline: { asWritten: '£120m', amountPence: 12_000_000_000 } });
    expect(yearly.measured.length).toBeGreaterThan(0);
    // Each year's figures are the portfolio's own for BCH and that year.
    const year = yearly.measured.find((m: any) => m.label === 'FY 2016/17');
    const portfolio = await (await import('./seeded-app')).getJson(app, '/api/functions?collaboration=bch&period=2016-17');
    expect(year).toMatchObject({ targetPence: portfolio.body.totals.targetPence, deliveredPence: portfolio.body.totals.deliveredPence });
    expect(predicted).toMatchObject({ code: 'bch-collaboration-savings-2017-20', asWritten: '£5.0m', amountPence: 500_000_000 });
    expect(predicted.measured).toHaveLength(1);
    expect(predicted.measured[0].label).toBe('FY 2017/18 to 2019/20');
    const range = await (await import('./seeded-app')).getJson(app, '/api/functions?collaboration=bch&period=2017-18..2019-20');
    expect(predicted.measured[0].targetPence).toBe(range.body.totals.targetPence);
    expect(predicted.notInLedger.map((m: any) => m.name)).toEqual(['ERSOU', 'Joint Protective Services']);
    expect(predicted.notInLedger[1].reason).toBe('£5.0m includes Joint Protective Services, which the ledger does not hold: the ledger’s side of the comparison leaves it out.');
    // Once Joint Protective Services is in the ledger, only ERSOU is missing.
    db.prepare("INSERT INTO functions (slug, name, collaboration_slug, description) VALUES ('joint-protective-services', 'Joint Protective Services', 'bch', 'JPS')").run();
    const later = await (await import('./seeded-app')).getJson(app, '/api/collaborations/bch/goals');
    expect(later.body.goals[1].notInLedger.map((m: any) => m.name)).toEqual(['ERSOU']);
    expect((await (await import('./seeded-app')).getJson(app, '/api/collaborations/nope/goals')).status).toBe(404);
  });
});

describe('savings, costs and net benefit', () => {
  it('sets the Seven Force budgets against its savings year by year, splits them by the year’s NRE once entered, and counts a recorded cost', async () => {
    const w = await world();
    const before = await w.kent('GET', '/api/collaborations/seven-force/net-benefit');
    expect(before.status).toBe(200);
    // £1.2m + £150k a year, in each year the papers show the agreement in force (22 October 2015 to 31 March 2021).
    expect(before.body.years.map((y: any) => [y.fy, y.costsFromPapersPence])).toEqual(
      ['2015-16', '2016-17', '2017-18', '2018-19', '2019-20', '2020-21'].map((fy) => [fy, 135_000_000]),
    );
    expect(before.body.totals).toMatchObject({ costsPence: 810_000_000, netPlannedPence: -810_000_000 });
    expect(before.body.payback).toEqual({ planned: null, delivered: null });
    expect(before.body.notes.join(' ')).toMatch(/its reading, not the papers’ words.*split equally/);
    expect(before.body.forces.every((f: any) => f.costsRestOnAssumption)).toBe(true);

    await w.officer('PUT', '/api/bases/2018-19', { source: 'Test figures typed in for the Seven Force split', forces: Object.entries(NRE_2018_19).map(([force, nrePence]) => ({ force, nrePence })) });
    const recorded = await w.officer('POST', '/api/collaborations/seven-force/programme-costs', {
      function: null,
      fiscalYear: '2019-20',
      kind: 'recurring',
      description: 'Programme team posts',
      amountPence: 10_000_000,
      source: 'Test figures',
    });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    const audit = w.db.prepare("SELECT actor, action, after_json FROM audit_log WHERE entity = 'programme-cost'").get() as { actor: string; action: string; after_json: string };
    expect(audit).toMatchObject({ actor: 'officer@example.org', action: 'record-programme-cost' });
    expect(JSON.parse(audit.after_json)).toMatchObject({ amountPence: 10_000_000, kind: 'recurring' });

    const after = await w.kent('GET', '/api/collaborations/seven-force/net-benefit');
    // Recurring from FY 2019/20: that year and the next.
    expect(after.body.years.map((y: any) => y.costsEnteredPence)).toEqual([0, 0, 0, 0, 10_000_000, 10_000_000]);
    expect(after.body.totals.costsPence).toBe(830_000_000);
    expect(after.body.years.find((y: any) => y.fy === '2018-19').costBasis).toBe('nre');
    // Kent's share: 23.3% of FY 2018/19's £1.35m by its NRE, an equal 14.3% of the other years'.
    const kent = after.body.forces.find((f: any) => f.force === 'kent');
    const equalYears = [135_000_000, 135_000_000, 135_000_000, 145_000_000, 145_000_000].map((pence) => apportion(pence, [{ key: 'kent', tenthsPercent: 143 }, { key: 'rest', tenthsPercent: 857 }])[0]!.pence);
    expect(kent.costsPence).toBe(apportion(135_000_000, [{ key: 'kent', tenthsPercent: 233 }, { key: 'rest', tenthsPercent: 767 }])[0]!.pence + equalYears.reduce((a, b) => a + b, 0));
    expect(after.body.forces.reduce((sum: number, f: any) => sum + f.costsPence, 0)).toBe(830_000_000);
    expect(after.body.enteredCosts).toMatchObject([{ description: 'Programme team posts', enteredBy: 'officer@example.org', fiscalYear: '2019-20' }]);
  });

  it('refuses a cost that names another collaboration’s function, or none of pounds, and writes nothing', async () => {
    const w = await world();
    const wrong = await w.officer('POST', '/api/collaborations/seven-force/programme-costs', { function: 'ict', fiscalYear: '2018-19', kind: 'one-off', description: 'x', amountPence: 100, source: 'y' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toMatch(/ict is not one of Seven Force/);
    const zero = await w.officer('POST', '/api/collaborations/seven-force/programme-costs', { function: null, fiscalYear: '2018-19', kind: 'one-off', description: 'x', amountPence: 0, source: 'y' });
    expect(zero.status).toBe(400);
    expect((await w.officer('POST', '/api/collaborations/nope/programme-costs', { function: null, fiscalYear: '2018-19', kind: 'one-off', description: 'x', amountPence: 100, source: 'y' })).status).toBe(404);
    expect((await w.kent('GET', '/api/collaborations/nope/net-benefit')).status).toBe(404);
    const farOff = await w.officer('POST', '/api/collaborations/seven-force/programme-costs', { function: null, fiscalYear: '0001-02', kind: 'recurring', description: 'x', amountPence: 100, source: 'y' });
    expect(farOff.status).toBe(400);
    expect(farOff.body.error.message).toMatch(/from FY 2000\/01 to ten years ahead/);
    expect(w.db.prepare('SELECT count(*) FROM programme_costs').pluck().get()).toBe(0);
  });

  it('nets BCH’s savings with no costs recorded: no payback year, savings not profiled by year named', async () => {
    const w = await world();
    const bch = await w.kent('GET', '/api/collaborations/bch/net-benefit');
    expect(bch.body.totals.costsPence).toBe(0);
    expect(bch.body.payback).toEqual({ planned: null, delivered: null });
    expect(bch.body.notes.join(' ')).toContain('Firearms and Explosives Licensing: savings not profiled by year are left out');
    expect(bch.body.totals.targetPence).toBe(bch.body.years.reduce((sum: number, y: any) => sum + y.targetPence, 0));
    // On the papers alone, FY 2017/18 has ICT's actual but not AOJ's: the year's delivery is unknown, not short by AOJ's £654K.
    expect(bch.body.years.find((y: any) => y.fy === '2017-18').deliveredPence).toBeNull();
  });
});

describe('what a force saves and pays, across its collaborations', () => {
  it('gives Kent its part of each collaboration’s savings and costs, and the net of them all', async () => {
    const w = await world();
    const { status, body } = await w.kent('GET', '/api/forces/kent/net-benefit');
    expect(status).toBe(200);
    expect(body.force).toEqual({ slug: 'kent', name: expect.stringContaining('Kent') });
    const sevenForce = body.collaborations.find((c: any) => c.collaboration.slug === 'seven-force');
    // Kent's row is the one the collaboration's own net benefit gives it.
    const whole = await w.kent('GET', '/api/collaborations/seven-force/net-benefit');
    const { force: _f, forceName: _n, ...kentRow } = whole.body.forces.find((f: any) => f.force === 'kent');
    expect(sevenForce).toMatchObject({ ...kentRow, payback: whole.body.payback });
    expect(sevenForce.costsRestOnAssumption).toBe(true);
    const sum = (k: string) => body.collaborations.reduce((s: number, c: any) => s + c[k], 0);
    expect(body.totals).toEqual({
      targetPence: sum('targetPence'),
      deliveredPence: sum('deliveredPence'),
      costsPence: sum('costsPence'),
      netPlannedPence: sum('targetPence') - sum('costsPence'),
      netDeliveredPence: sum('deliveredPence') - sum('costsPence'),
    });
    expect((await w.kent('GET', '/api/forces/nowhere/net-benefit')).status).toBe(404);

    // The force's download carries the same figures, in pounds.
    const csv = await (await w.app.request('/api/export/forces/kent?format=csv', { headers: { cookie: w.kentCookie } })).text();
    expect(csv).toContain('Savings and costs');
    expect(csv).toContain(`Seven Force Strategic Collaboration Programme,${penceToPoundsString(sevenForce.targetPence)},${penceToPoundsString(sevenForce.deliveredPence)},${penceToPoundsString(sevenForce.costsPence)},${penceToPoundsString(sevenForce.netPlannedPence)}`);
  });
});

describe('withdrawing a recorded cost', () => {
  it('takes it out of the figures, keeps what it was in the audit, and refuses a cost that is not there', async () => {
    const w = await world();
    const recorded = await w.officer('POST', '/api/collaborations/seven-force/programme-costs', { function: null, fiscalYear: '2019-20', kind: 'one-off', description: 'Typed twice', amountPence: 7_000_000, source: 'Test figures' });
    const id = recorded.body.id;
    expect((await w.kent('GET', '/api/collaborations/seven-force/net-benefit')).body.totals.costsPence).toBe(817_000_000);

    // Not a programme officer: refused, nothing changed.
    expect((await w.kent('DELETE', `/api/collaborations/seven-force/programme-costs/${id}`)).status).toBe(403);
    // Another collaboration's path, or an id that is not there: 404.
    expect((await w.officer('DELETE', `/api/collaborations/bch/programme-costs/${id}`)).status).toBe(404);
    expect((await w.officer('DELETE', '/api/collaborations/seven-force/programme-costs/99999')).body.error.message).toMatch(/no recorded cost 99999/);
    expect(w.db.prepare('SELECT count(*) FROM programme_costs').pluck().get()).toBe(1);

    expect((await w.officer('DELETE', `/api/collaborations/seven-force/programme-costs/${id}`)).status).toBe(204);
    expect((await w.kent('GET', '/api/collaborations/seven-force/net-benefit')).body.totals.costsPence).toBe(810_000_000);
    const audit = w.db.prepare("SELECT actor, before_json, after_json FROM audit_log WHERE action = 'withdraw-programme-cost'").get() as { actor: string; before_json: string; after_json: string | null };
    expect(audit.actor).toBe('officer@example.org');
    expect(JSON.parse(audit.before_json)).toMatchObject({ id, description: 'Typed twice', amountPence: 7_000_000 });
    expect(audit.after_json).toBeNull();
    expect((await w.officer('DELETE', `/api/collaborations/seven-force/programme-costs/${id}`)).status).toBe(404);

    // The next cost recorded never takes the withdrawn one's id, so the audit's "programme-cost N" is one cost.
    const next = await w.officer('POST', '/api/collaborations/seven-force/programme-costs', { function: null, fiscalYear: '2019-20', kind: 'one-off', description: 'Typed once', amountPence: 7_000_000, source: 'Test figures' });
    expect(next.body.id).toBeGreaterThan(id);
    expect((await w.officer('DELETE', '/api/collaborations/seven-force/programme-costs/0')).status).toBe(400);
  });
});
