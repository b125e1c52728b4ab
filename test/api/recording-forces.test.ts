import { describe, expect, it } from 'vitest';
import { asUser, createUser, FORCE_EDITOR, FUNCTION_OWNER, signIn } from './accounts';
import { seededApp } from './seeded-app';

// The Hertfordshire finance officer on the demo data set, where every line and year with a target
// is recorded by month for the function as a whole (issue: recording a month in a minute).

let clock = new Date('2020-06-10T09:00:00Z');
const now = () => clock;

async function setUp() {
  clock = new Date('2020-06-10T09:00:00Z');
  const { app, db } = seededApp({ publicRead: false, now, demo: true });
  await createUser(db, 'herts@example.org', [FORCE_EDITOR('hertfordshire')]);
  await createUser(db, 'ict@example.org', [FUNCTION_OWNER('ict')]);
  const herts = asUser(app, await signIn(app, 'herts@example.org'));
  const owner = asUser(app, await signIn(app, 'ict@example.org'));
  const lineId = (code: string) => (db.prepare('SELECT id FROM savings_lines WHERE code = ?').get(code) as { id: number }).id;
  const ledger = (code: string, fy: string, measure = 'actual') =>
    db
      .prepare('SELECT month, force_slug AS force, amount_pence AS pence, is_illustrative AS illustrative, period_note AS note FROM ledger_entries WHERE savings_line_id = ? AND fiscal_year = ? AND measure = ? ORDER BY month, force_slug')
      .all(lineId(code), fy, measure) as { month: string | null; force: string | null; pence: number; illustrative: number; note: string | null }[];
  const delivered = async (slug: string) => ((await owner('GET', `/api/functions/${slug}?period=2017-18`)).body as { function: { deliveredPence: number } }).function.deliveredPence;
  const portfolio = async () => ((await owner('GET', '/api/functions?period=2017-18')).body as { totals: { deliveredPence: number } }).totals.deliveredPence;
  return { app, db, herts, owner, lineId, ledger, delivered, portfolio };
}

describe('whole-function and per-force figures together', () => {
  it('lets a force editor record their force’s actual on a line recorded for the whole function: the whole is split, nothing doubles or drops', async () => {
    const { herts, lineId, ledger, delivered, portfolio } = await setUp();
    const before = ledger('ict-application-convergence', '2017-18');
    expect(before.every((e) => e.force === null)).toBe(true);
    const march = before.find((e) => e.month === '2018-03')!;
    const ictBefore = await delivered('ict');
    const portfolioBefore = await portfolio();

    const recorded = await herts('POST', '/api/ledger-entries', { lineId: lineId('ict-application-convergence'), measure: 'actual', fiscalYear: '2017-18', month: '2018-03', force: 'hertfordshire', amountPence: 1_000_000 });
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({ force: 'hertfordshire', amountPence: 1_000_000, isIllustrative: false, periodNote: null });

    const after = ledger('ict-application-convergence', '2017-18');
    // Every month's whole-function figure is now three forces' parts that add up to it, to the penny.
    expect(after.some((e) => e.force === null)).toBe(false);
    for (const whole of before) {
      const parts = after.filter((e) => e.month === whole.month);
      expect(parts.map((p) => p.force)).toEqual(['bedfordshire', 'cambridgeshire', 'hertfordshire']);
      if (whole.month === '2018-03') continue;
      expect(parts.reduce((sum, p) => sum + p.pence, 0)).toBe(whole.pence);
      expect(parts.every((p) => p.illustrative === 1 && /^Split from the figure for the function as a whole by the FY 2017\/18 shares/.test(p.note!))).toBe(true);
    }
    // March: Bedfordshire's and Cambridgeshire's parts stay; Hertfordshire's is the editor's figure.
    const marchParts = after.filter((e) => e.month === '2018-03');
    const hertsPart = march.pence - marchParts.filter((p) => p.force !== 'hertfordshire').reduce((sum, p) => sum + p.pence, 0);
    expect(marchParts.find((p) => p.force === 'hertfordshire')).toMatchObject({ pence: 1_000_000, illustrative: 0, note: null });
    expect(await delivered('ict')).toBe(ictBefore - hertsPart + 1_000_000);
    expect(await portfolio()).toBe(portfolioBefore - hertsPart + 1_000_000);
  });

  it('then refuses a whole-function figure beside the forces’ for that line and year, saying how it is recorded', async () => {
    const { herts, owner, lineId } = await setUp();
    const line = lineId('ict-application-convergence');
    await herts('POST', '/api/ledger-entries', { lineId: line, measure: 'actual', fiscalYear: '2017-18', month: '2018-03', force: 'hertfordshire', amountPence: 1_000_000 });
    const whole = await owner('POST', '/api/ledger-entries', { lineId: line, measure: 'actual', fiscalYear: '2017-18', month: '2018-03', force: null, amountPence: 5 });
    expect(whole.status).toBe(409);
    expect(whole.body.error.message).toMatch(/recorded by force \(bedfordshire, cambridgeshire, hertfordshire\): give the force, or correct that force's figure/);
    // The owner may correct a split part, and it is then a person's figure.
    const parts = (await owner('GET', '/api/ledger-entries?function=ict')).body.entries.filter((e: any) => e.lineId === line && e.month === '2018-02' && e.force === 'bedfordshire');
    const corrected = await owner('PUT', `/api/ledger-entries/${parts[0].id}`, { amountPence: 7, version: parts[0].version, reason: 'Bedfordshire’s ledger says £0.07' });
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({ amountPence: 7, isIllustrative: false, periodNote: null });
  });

  it('asks for the month where a year is recorded by month, and for none where it is recorded for the whole year', async () => {
    const { herts, lineId } = await setUp();
    const yearly = await herts('POST', '/api/ledger-entries', { lineId: lineId('ict-application-convergence'), measure: 'actual', fiscalYear: '2017-18', month: null, force: 'hertfordshire', amountPence: 5 });
    expect(yearly.status).toBe(409);
    expect(yearly.body.error.message).toBe("This line's actuals for FY 2017/18 are recorded by month: give the month.");
    // The demo's forecast for FY 2017/18 is one figure for the whole year.
    const monthly = await herts('POST', '/api/ledger-entries', { lineId: lineId('ict-application-convergence'), measure: 'forecast', fiscalYear: '2017-18', month: '2018-01', force: 'hertfordshire', amountPence: 5 });
    expect(monthly.status).toBe(409);
    expect(monthly.body.error.message).toBe("This line's forecasts for FY 2017/18 are recorded for the whole year: leave the month blank.");
  });

  it('a correction of an illustrative figure by a person is no longer illustrative, and its history says who, when and why', async () => {
    const { owner } = await setUp();
    const entry = (await owner('GET', '/api/ledger-entries?function=ict')).body.entries.find((e: any) => e.isIllustrative && e.month === '2017-06');
    expect(entry.periodNote).toBe('Illustrative demo figure, not from the papers');
    clock = new Date('2020-06-10T09:05:00Z');
    const changed = await owner('PUT', `/api/ledger-entries/${entry.id}`, { amountPence: entry.amountPence + 100, version: entry.version, reason: 'Agreed with the ICT finance lead' });
    expect(changed.body).toMatchObject({ isIllustrative: false, periodNote: null, recordedBy: 'ict@example.org' });
    const history = await owner('GET', `/api/ledger-entries/${entry.id}/history`);
    expect(history.status).toBe(200);
    expect(history.body.versions).toEqual([
      { at: '2020-06-10T09:05:00.000Z', actor: 'ict@example.org', action: 'change', amountPence: entry.amountPence + 100, fromPence: entry.amountPence, reason: 'Agreed with the ICT finance lead', note: null },
    ]);
    expect((await owner('GET', '/api/ledger-entries/999999/history')).status).toBe(404);
  });

  it('undoes a removal for ten minutes, for the person who removed it, and then not', async () => {
    const { owner, herts, db } = await setUp();
    const entries = (await owner('GET', '/api/ledger-entries?function=ict')).body.entries.filter((e: any) => e.month !== null);
    const [first, second] = entries as { id: number; version: number; amountPence: number }[];
    const count = () => (db.prepare('SELECT count(*) AS n FROM ledger_entries').get() as { n: number }).n;
    const total = count();
    expect((await owner('DELETE', `/api/ledger-entries/${first!.id}?version=${first!.version}&reason=Duplicate`)).status).toBe(200);
    expect(count()).toBe(total - 1);
    expect((await herts('POST', `/api/ledger-entries/${first!.id}/undo-remove`)).status).toBe(403);
    const undone = await owner('POST', `/api/ledger-entries/${first!.id}/undo-remove`);
    expect(undone.status).toBe(200);
    expect(undone.body).toMatchObject({ id: first!.id, amountPence: first!.amountPence, version: first!.version });
    expect(count()).toBe(total);
    const history = (await owner('GET', `/api/ledger-entries/${first!.id}/history`)).body.versions.map((v: any) => [v.action, v.reason]);
    expect(history).toEqual([['remove', 'Duplicate'], ['undo-remove', null]]);

    await owner('DELETE', `/api/ledger-entries/${second!.id}?version=${second!.version}`);
    clock = new Date(clock.getTime() + 11 * 60_000);
    const late = await owner('POST', `/api/ledger-entries/${second!.id}/undo-remove`);
    expect(late.status).toBe(409);
    expect(late.body.error.message).toMatch(/can be undone for 10 minutes/);
  });
});

describe('saving many figures at once', () => {
  it('saves none when any is wrong, with each figure’s errors by its index, and all of them otherwise', async () => {
    const { herts, lineId, db } = await setUp();
    const line = lineId('ict-application-convergence');
    const count = () => (db.prepare('SELECT count(*) AS n FROM ledger_entries').get() as { n: number }).n;
    const before = count();
    const base = { lineId: line, measure: 'actual', fiscalYear: '2017-18', force: 'hertfordshire' };
    const refused = await herts('POST', '/api/ledger-entries/batch', {
      figures: [
        { ...base, month: '2018-01', amountPence: 100 },
        { ...base, month: '2018-02', force: 'kent', amountPence: 100 },
        { ...base, month: '2016-02', amountPence: 100 },
      ],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.saved).toBe(false);
    expect(refused.body.outcomes.map((o: any) => o.action)).toEqual(['change', 'error', 'error']);
    expect(refused.body.outcomes[1].errors.map((e: any) => e.path)).toContain('force');
    expect(refused.body.outcomes[2].errors[0]).toMatchObject({ path: 'month', message: expect.stringMatching(/2016-02 is not in FY 2017\/18/) });
    expect(count()).toBe(before);

    const saved = await herts('POST', '/api/ledger-entries/batch', { figures: ['2018-01', '2018-02', '2018-03'].map((month) => ({ ...base, month, amountPence: 250_000 })) });
    expect(saved.status).toBe(200);
    expect(saved.body.outcomes.every((o: any) => o.action === 'change' && o.splitsWhole)).toBe(true);
  });
});

describe('my figures', () => {
  it('shows a force editor each of their lines × the months so far, recorded or missing, and when each was due', async () => {
    const { herts } = await setUp();
    const mine = await herts('GET', '/api/my-figures');
    expect(mine.status).toBe(200);
    // No line has a target in FY 2020/21, so the latest year with one is shown, and it says so.
    expect(mine.body.fiscalYear).toBe('2019-20');
    expect(mine.body.yearNote).toMatch(/None of your lines has a target in FY 2020\/21/);
    expect(mine.body.rows.length).toBeGreaterThan(0);
    expect(mine.body.rows.every((r: any) => r.force === 'hertfordshire')).toBe(true);
    const year = await herts('GET', '/api/my-figures?fiscalYear=2017-18');
    const row = year.body.rows.find((r: any) => r.lineCode === 'ict-application-convergence');
    expect(row.recordedAs).toBe('by month, for the function as a whole');
    expect(row.cells.map((c: any) => c.month)).toHaveLength(12);
    expect(row.cells[0]).toMatchObject({ month: '2017-04', dueOn: '2017-05-15', state: 'whole-function', wholeFunctionPence: 300_000, entry: null });
    expect((await herts('GET', '/api/my-figures?fiscalYear=2017')).status).toBe(400);
  });
});

describe('what a review found, kept found', () => {
  it('never changes a board paper’s figure through a batch or a file, though the same figure again is unchanged', async () => {
    const { owner, lineId, db } = await setUp();
    const line = lineId('ict-non-payroll-2014-15');
    const paper = { lineId: line, measure: 'actual', fiscalYear: '2014-15', month: null, force: null };
    const refused = await owner('POST', '/api/ledger-entries/batch', { figures: [{ ...paper, amountPence: 1 }] });
    expect(refused.status).toBe(400);
    expect(refused.body.outcomes[0].errors[0].message).toBe('This figure is from a board paper and is kept as the paper gives it.');
    expect(db.prepare('SELECT amount_pence AS pence FROM ledger_entries WHERE savings_line_id = ?').get(line)).toEqual({ pence: 62_600_000 });
    expect((await owner('POST', '/api/ledger-entries/batch', { figures: [{ ...paper, amountPence: 62_600_000 }] })).body.outcomes[0].action).toBe('unchanged');
  });

  it('puts a removed figure back only where it still fits how the year is recorded, so nothing counts twice', async () => {
    const { owner, herts, lineId } = await setUp();
    const line = lineId('ict-application-convergence');
    const march = (await owner('GET', '/api/ledger-entries?function=ict')).body.entries.find((e: any) => e.lineId === line && e.month === '2018-03' && e.measure === 'actual');
    expect((await owner('DELETE', `/api/ledger-entries/${march.id}?version=${march.version}`)).status).toBe(200);
    // Hertfordshire records March: the year's other whole-function figures are split between the forces.
    expect((await herts('POST', '/api/ledger-entries', { lineId: line, measure: 'actual', fiscalYear: '2017-18', month: '2018-03', force: 'hertfordshire', amountPence: 5 })).status).toBe(201);
    const undo = await owner('POST', `/api/ledger-entries/${march.id}/undo-remove`);
    expect(undo.status).toBe(409);
    expect(undo.body.error.message).toMatch(/cannot go back as it was: .*recorded by force/);
  });

  it('refuses to overwrite a figure someone else changed after the grid was opened', async () => {
    const { owner, herts, lineId } = await setUp();
    const line = lineId('ict-application-convergence');
    const base = { lineId: line, measure: 'actual', fiscalYear: '2017-18', force: 'hertfordshire' };
    await herts('POST', '/api/ledger-entries/batch', { figures: [{ ...base, month: '2017-04', amountPence: 100, version: null }] });
    const seen = (await herts('GET', '/api/my-figures?fiscalYear=2017-18')).body.rows.find((r: any) => r.lineId === line).cells[0].entry;
    expect((await owner('PUT', `/api/ledger-entries/${seen.id}`, { amountPence: 200, version: seen.version })).status).toBe(200);
    const stale = await herts('POST', '/api/ledger-entries/batch', { figures: [{ ...base, month: '2017-04', amountPence: 300, version: seen.version }] });
    expect(stale.status).toBe(400);
    expect(stale.body.outcomes[0].errors[0].message).toBe('ict@example.org changed this figure to £2 after you opened the page. Reload to see it, then make your change again.');
    // A figure recorded by someone else where the grid saw none.
    const fresh = await herts('POST', '/api/ledger-entries/batch', { figures: [{ ...base, month: '2017-05', amountPence: 300, version: null }] });
    expect(fresh.body.outcomes[0].errors[0].message).toMatch(/after you opened the page/);
  });

  it('never gives a new figure the id of a removed one, so each figure’s history is its own', async () => {
    const { db } = await setUp();
    const highest = db.prepare('SELECT id FROM ledger_entries ORDER BY id DESC LIMIT 1').get() as { id: number };
    db.prepare('DELETE FROM ledger_entries WHERE id = ?').run(highest.id);
    db.prepare(
      `INSERT INTO ledger_entries (savings_line_id, measure, fiscal_year, month, amount_pence, reported_on, recorded_at, recorded_by) VALUES (1, 'forecast', '2014-15', NULL, 1, '2020-06-10', '2020-06-10T09:00:00Z', 'test')`,
    ).run();
    expect((db.prepare('SELECT max(id) AS id FROM ledger_entries').get() as { id: number }).id).toBeGreaterThan(highest.id);
  });

  it('asks for one way of recording when the figures of one year disagree among themselves', async () => {
    const { owner, lineId } = await setUp();
    const line = lineId('ict-application-convergence');
    const mixed = await owner('POST', '/api/ledger-entries/batch', {
      figures: [
        { lineId: line, measure: 'actual', fiscalYear: '2017-18', month: '2018-02', force: null, amountPence: 1 },
        { lineId: line, measure: 'actual', fiscalYear: '2017-18', month: '2018-03', force: 'hertfordshire', amountPence: 1 },
      ],
    });
    expect(mixed.body.outcomes.map((o: any) => o.errors[0].message)).toEqual([
      "Record this line's actuals for FY 2017/18 either for the function as a whole or by force, not both at once.",
      "Record this line's actuals for FY 2017/18 either for the function as a whole or by force, not both at once.",
    ]);
    // Nothing recorded yet (forecasts of FY 2016/17), some by month and some for the year.
    const years = await owner('POST', '/api/ledger-entries/batch', {
      figures: [
        { lineId: line, measure: 'forecast', fiscalYear: '2016-17', month: null, force: null, amountPence: 1 },
        { lineId: line, measure: 'forecast', fiscalYear: '2016-17', month: '2016-04', force: null, amountPence: 1 },
      ],
    });
    expect(years.body.outcomes[1].errors[0].message).toBe('Give every forecast of this line for FY 2016/17 by month, or every one for the whole year, not some of each.');
  });

  it('shows the owner the forces’ sum on a year recorded by force, not a missing figure; and each split part has its own history', async () => {
    const { owner, herts, lineId } = await setUp();
    const line = lineId('ict-application-convergence');
    await herts('POST', '/api/ledger-entries', { lineId: line, measure: 'actual', fiscalYear: '2017-18', month: '2018-03', force: 'hertfordshire', amountPence: 1_000_000 });
    const row = (await owner('GET', '/api/my-figures?fiscalYear=2017-18')).body.rows.find((r: any) => r.lineId === line && r.force === null);
    expect(row.missing).toBe(0);
    expect(row.cells.at(-1)).toMatchObject({ month: '2018-03', state: 'by-force', forcesRecorded: ['bedfordshire', 'cambridgeshire', 'hertfordshire'] });
    const part = (await owner('GET', '/api/ledger-entries?function=ict')).body.entries.find((e: any) => e.lineId === line && e.month === '2017-04' && e.force === 'cambridgeshire');
    const history = (await owner('GET', `/api/ledger-entries/${part.id}/history`)).body.versions;
    expect(history).toEqual([expect.objectContaining({ action: 'split-part', amountPence: part.amountPence, actor: 'herts@example.org', note: expect.stringMatching(/^Split from the figure for the function as a whole/) })]);
  });
});
