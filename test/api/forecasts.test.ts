import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { asUser, createUser, FORCE_EDITOR, signIn } from './accounts';
import { seededApp } from './seeded-app';

// A force's forecast is that force's: a Hertfordshire editor's £2,500 for Staff annual savings in
// FY 2016/17 is shown as Hertfordshire's, not as the line's, until every force with a share has forecast.

describe('forecasts recorded by force', () => {
  it('say whose they are until every force with a share has forecast', async () => {
    const { app, db } = seededApp({ now: () => new Date('2026-11-25T09:00:00Z') });
    const lineId = (db.prepare("SELECT id FROM savings_lines WHERE code = 'ict-staff'").get() as { id: number }).id;
    const forecast = async (force: string, amountPence: number) => {
      await createUser(db, `${force}@example.org`, [FORCE_EDITOR(force)]);
      const as = asUser(app, await signIn(app, `${force}@example.org`));
      const { status } = await as('POST', '/api/ledger-entries', { lineId, measure: 'forecast', fiscalYear: '2016-17', month: null, force, amountPence });
      expect(status).toBe(201);
    };
    const staff = async () => {
      const detail = (await (await app.request('/api/functions/ict?period=2016-17')).json()) as any;
      return detail.lines.find((l: any) => l.code === 'ict-staff');
    };

    // The portfolio's row of a function, and the function page's own figures, read the same way.
    const portfolioIct = async (query: string) => ((await (await app.request(`/api/functions?${query}`)).json()) as any).functions.find((f: any) => f.slug === 'ict');
    const detailIct = async (query: string) => ((await (await app.request(`/api/functions/ict?${query}`)).json()) as any).function;
    // Read (and so kept) before each write: what is kept must give way to it.
    expect((await portfolioIct('period=2016-17')).forecastFrom).toBeNull();

    await forecast('hertfordshire', 250_000);
    let line = await staff();
    expect(line.inPeriod).toMatchObject({ forecastPence: 250_000, forecastFrom: ['hertfordshire'] });
    expect(line.years[0]).toMatchObject({ fy: '2016-17', forecastPence: 250_000, forecastFrom: ['hertfordshire'] });
    const hertfordshireOnly = [{ force: 'hertfordshire', forceName: 'Hertfordshire Constabulary' }];
    for (const query of ['period=2016-17', 'period=all', 'period=2016-17..2017-18']) {
      expect(await portfolioIct(query), query).toMatchObject({ forecastPence: 250_000, forecastFrom: hertfordshireOnly });
      expect((await detailIct(query)).forecastFrom, query).toEqual(hertfordshireOnly);
    }
    // The portfolio's download, the six-monthly report, its PDF and its .xlsx say whose it is too.
    const csv = Papa.parse<string[]>((await (await app.request('/api/export/portfolio?format=csv&period=2016-17')).text()).replace(/^\uFEFF/, '')).data;
    const ictRow = csv.find((r) => r[0] === 'ICT')!;
    const header = csv.find((r) => r.includes('Forecast is'))!;
    expect(ictRow[header.indexOf('Forecast is')]).toBe('Hertfordshire Constabulary’s only; the other forces have not forecast');
    const report = (await (await app.request('/api/reports/draft?collaboration=bch&half=2016-17-H2')).json()) as any;
    const ictReport = report.functions.find((f: any) => f.slug === 'ict');
    expect(ictReport.figures.yearToDate).toMatchObject({ forecastPence: 250_000, forecastFrom: ['Hertfordshire Constabulary'] });
    expect(ictReport.figures.half.forecastFrom).toBeUndefined(); // a yearly forecast is in no half
    const pdf = join(mkdtempSync(join(tmpdir(), 'realise-forecast-')), 'report.pdf');
    writeFileSync(pdf, new Uint8Array(await (await app.request('/api/reports/draft/export?collaboration=bch&half=2016-17-H2&format=pdf')).arrayBuffer()));
    expect(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')).toContain('† Forecast, year to date: Hertfordshire Constabulary’s only; the other forces have not forecast.');

    // A yearly forecast is not in a half-year; nor is it in a view as at a day before it was recorded.
    expect(await portfolioIct('period=2016-17-H1')).toMatchObject({ forecastPence: null, forecastFrom: null });
    expect(await portfolioIct('period=2016-17&asAt=2026-11-24')).toMatchObject({ forecastFrom: null });
    expect((await detailIct('period=2016-17&asAt=2026-11-24')).forecastFrom).toBeNull();

    await forecast('bedfordshire', 500_000);
    await forecast('cambridgeshire', 500_000);
    line = await staff();
    expect(line.inPeriod).toMatchObject({ forecastPence: 1_250_000, forecastFrom: null });
    expect(await portfolioIct('period=2016-17')).toMatchObject({ forecastPence: 1_250_000, forecastFrom: null });
    expect((await detailIct('period=2016-17')).forecastFrom).toBeNull();
  });

  it('count a month by month forecast in the months of the period only, and as at the day each was reported', async () => {
    let today = '2026-11-25T09:00:00Z';
    const { app, db } = seededApp({ now: () => new Date(today) });
    const lineId = (db.prepare("SELECT id FROM savings_lines WHERE code = 'ict-staff'").get() as { id: number }).id;
    await createUser(db, 'herts-monthly@example.org', [FORCE_EDITOR('hertfordshire')]);
    let as = asUser(app, await signIn(app, 'herts-monthly@example.org'));
    const record = async (month: string) => {
      const { status } = await as('POST', '/api/ledger-entries', { lineId, measure: 'forecast', fiscalYear: '2016-17', month, force: 'hertfordshire', amountPence: 10_000 });
      expect(status).toBe(201);
    };
    const from = async (query: string) => ((await (await app.request(`/api/functions?${query}`)).json()) as any).functions.find((f: any) => f.slug === 'ict').forecastFrom;
    await record('2016-10');
    today = '2026-11-27T09:00:00Z';
    as = asUser(app, await signIn(app, 'herts-monthly@example.org')); // two days on, the session has lapsed
    await record('2016-05');
    expect(await from('period=2016-17-H2')).toEqual([{ force: 'hertfordshire', forceName: 'Hertfordshire Constabulary' }]);
    expect(await from('period=2016-17-H1')).toEqual([{ force: 'hertfordshire', forceName: 'Hertfordshire Constabulary' }]);
    // As at the 26th only October's was reported: H1 holds none of Hertfordshire's yet.
    expect(await from('period=2016-17-H1&asAt=2026-11-26')).toBeNull();
    expect(await from('period=2016-17-H2&asAt=2026-11-26')).toEqual([{ force: 'hertfordshire', forceName: 'Hertfordshire Constabulary' }]);
    // Taken out again, the months go with it.
    const entry = db.prepare("SELECT id, version FROM ledger_entries WHERE month = '2016-10' AND measure = 'forecast'").get() as { id: number; version: number };
    expect((await as('DELETE', `/api/ledger-entries/${entry.id}?version=${entry.version}`)).status).toBe(200);
    expect(await from('period=2016-17-H2')).toBeNull();
    expect(await from('period=2016-17-H1')).toEqual([{ force: 'hertfordshire', forceName: 'Hertfordshire Constabulary' }]);
  });
});
