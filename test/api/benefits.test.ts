import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { loadPaperData } from '../../server/db/seed';
import { asUser, createUser, FUNCTION_OWNER, signIn, VIEWER } from './accounts';
import { getJson, seededApp } from './seeded-app';

describe('the benefits register from the papers', () => {
  const { app } = seededApp();

  it('holds every benefit the papers name, and invents no value', async () => {
    const { body } = await getJson(app, '/api/benefits');
    expect(body.benefits.map((b: any) => b.number)).toEqual([
      'ICT-B1', 'ICT-B2', 'ICT-B3', 'ICT-B4', 'SOH-B1', 'SOH-B2', 'SOH-B3', 'SOH-B4', 'SOH-B5', 'SOH-B6', 'PC-B1', 'PC-B2', 'PC-B3', 'SOH-B7', 'SOH-B8', 'ICT-B5',
    ]);
    const withValues = body.benefits.filter((b: any) => b.baselineMilli !== null).map((b: any) => [b.number, b.baselineMilli, b.baselineAsWritten, b.targetMilli]);
    expect(withValues).toEqual([
      ['ICT-B4', 25_000, 'at least a quarter', 12_500],
      ['SOH-B1', 70_000, '70%', null],
      ['SOH-B2', 89_000, '89%', null],
      ['SOH-B4', 27_000_000, '27,000 reports', null],
      ['SOH-B5', 11_000_000, 'over 11,000 crimes', null],
      ['SOH-B6', 4_500_000, 'over 4,500 collisions', null],
    ]);
    // Nothing is measured until someone records a measure.
    expect(body.benefits.every((b: any) => b.rag === 'not-measured' && b.latest === null)).toBe(true);
  });

  it('quotes each figure as its paper writes it', () => {
    const data = loadPaperData();
    const quotes = new Map(data.papers.sources.map((s) => [s.id, s.quote]));
    for (const b of data.benefits.benefits) {
      for (const value of [b.baseline, b.target]) {
        if (value) expect(quotes.get(value.source), `${b.number} ${value.asWritten}`).toContain(value.asWritten);
      }
    }
  });

  it('filters by function and by collaboration', async () => {
    expect((await getJson(app, '/api/benefits?function=ict')).body.benefits).toHaveLength(5);
    expect((await getJson(app, '/api/benefits?collaboration=ctc')).body.benefits).toHaveLength(0);
    expect((await getJson(app, '/api/benefits?collaboration=bch')).body.benefits).toHaveLength(16);
  });

  it('gives a benefit’s detail with its sources, and 404 for an unknown number', async () => {
    const { body } = await getJson(app, '/api/benefits/ICT-B4');
    expect(body.benefit).toMatchObject({ direction: 'lower-is-better', unit: '% of time', owner: null, functionName: 'ICT' });
    expect(body.sources.map((s: any) => s.id)).toEqual(['002-public-value-admin']);
    expect((await getJson(app, '/api/benefits/ICT-B99')).status).toBe(404);
    expect((await getJson(app, '/api/benefits/ict-4')).status).toBe(400);
  });

  it('exports the register as CSV and as .xlsx with numbers as numbers', async () => {
    const csv = await app.request('/api/benefits/export?format=csv&function=ict');
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="realise-benefits-register-2026-11-25\.csv"/);
    const rows = Papa.parse<string[]>((await csv.text()).replace(/^\uFEFF/, '')).data.filter((r) => r.length > 1);
    expect(rows[0]!.slice(0, 3)).toEqual(['Number', 'Function', 'Benefit']);
    expect(rows.find((r) => r[0] === 'ICT-B4')).toEqual(expect.arrayContaining(['25', '12.5', 'Lower', 'Not yet measured', 'Paper 002, 4.5, Public Value']));

    const xlsx = await app.request('/api/benefits/export?format=xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const sheet = workbook.getWorksheet('Benefits register')!;
    expect(sheet.rowCount).toBe(17);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const ict4 = sheet.getRow(5).values as unknown[];
    expect(ict4[1]).toBe('ICT-B4');
    expect(ict4[header.indexOf('Baseline') + 1]).toBe(25);
    expect(ict4[header.indexOf('Target') + 1]).toBe(12.5);
  });

  it('keeps the papers’ words for a measure beside its number in both downloads ("over 11,000 crimes")', async () => {
    const csv = await app.request('/api/benefits/export?format=csv');
    const rows = Papa.parse<string[]>((await csv.text()).replace(/^\uFEFF/, '')).data.filter((r) => r.length > 1);
    const at = (name: string) => rows[0]!.indexOf(name);
    const crimes = rows.find((r) => r[0] === 'SOH-B5')!;
    expect(crimes[at('Baseline')]).toBe('11000');
    expect(crimes[at('Baseline, as the papers word it')]).toBe('over 11,000 crimes');

    const xlsx = await app.request('/api/benefits/export?format=xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const sheet = workbook.getWorksheet('Benefits register')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    let found = false;
    sheet.eachRow((row) => {
      const values = row.values as unknown[];
      if (values[1] !== 'SOH-B5') return;
      found = true;
      expect(values[header.indexOf('Baseline') + 1]).toBe(11000);
      expect(values[header.indexOf('Baseline, as the papers word it') + 1]).toBe('over 11,000 crimes');
    });
    expect(found).toBe(true);
  });
});

describe('recording a measure', () => {
  it('lets the function’s owner record one, which moves its status; others are refused; all is audited', async () => {
    const { app, db } = seededApp({ publicRead: false, now: () => new Date('2018-05-10T09:00:00Z') });
    await createUser(db, 'ict@example.org', [FUNCTION_OWNER('ict')]);
    await createUser(db, 'aoj@example.org', [FUNCTION_OWNER('aoj')]);
    await createUser(db, 'viewer@example.org', [VIEWER]);
    const owner = asUser(app, await signIn(app, 'ict@example.org'));

    const first = await owner('POST', '/api/benefits/ICT-B4/measurements', { measuredOn: '2017-03-31', valueMilli: 20_000, dataSource: 'Activity sampling, BCH' });
    expect(first.status).toBe(201);
    let detail = (await owner('GET', '/api/benefits/ICT-B4')).body;
    expect(detail.benefit).toMatchObject({ rag: 'red', progressTenthsPercent: 400, measurementCount: 1 });

    await owner('POST', '/api/benefits/ICT-B4/measurements', { measuredOn: '2018-03-31', valueMilli: 12_000, dataSource: 'Activity sampling, BCH' });
    detail = (await owner('GET', '/api/benefits/ICT-B4')).body;
    expect(detail.benefit).toMatchObject({ rag: 'green', latest: { valueMilli: 12_000, measuredOn: '2018-03-31' } });
    expect(detail.measurements.map((m: any) => m.valueMilli)).toEqual([20_000, 12_000]);

    expect((await owner('POST', '/api/benefits/ICT-B4/measurements', { measuredOn: '2018-03-31', valueMilli: 1, dataSource: 'x' })).status).toBe(409);
    expect((await owner('POST', '/api/benefits/ICT-B4/measurements', { measuredOn: '2019-01-01', valueMilli: 1, dataSource: 'x' })).status).toBe(400);
    expect((await owner('POST', '/api/benefits/ICT-B4/measurements', { measuredOn: '2018-01-01', valueMilli: 1.5, dataSource: 'x' })).status).toBe(400);
    expect((await owner('POST', '/api/benefits/ICT-B4/measurements', { measuredOn: '2018-01-01', valueMilli: 1, dataSource: '' })).status).toBe(400);

    for (const email of ['aoj@example.org', 'viewer@example.org']) {
      const other = asUser(app, await signIn(app, email));
      const refused = await other('POST', '/api/benefits/ICT-B4/measurements', { measuredOn: '2018-02-28', valueMilli: 1, dataSource: 'x' });
      expect(refused.status).toBe(403);
    }
    expect(db.prepare('SELECT count(*) AS n FROM benefit_measurements').get()).toEqual({ n: 2 });
    expect(db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'record-measure' AND actor = 'ict@example.org'").get()).toEqual({ n: 2 });
  });
});

describe('risks and dis-benefits from the papers', () => {
  it('holds the risks the papers name, each with its source and date', async () => {
    const { app } = seededApp();
    const { body } = await (await import('./seeded-app')).getJson(app, '/api/risks');
    expect(body.risks.map((r: any) => r.code)).toEqual(['HR-R1', 'ICT-R1', 'SOH-R1', 'SOH-R2', 'SOH-R3']);
    expect(body.risks.find((r: any) => r.code === 'SOH-R1')).toMatchObject({
      function: { slug: 'single-online-home' },
      sourceId: '003-soh-7.2-contract',
      date: '2019-04-04',
      mitigation: 'A rolling monthly contract is being explored.',
    });
    expect(body.risks.find((r: any) => r.code === 'HR-R1')).toMatchObject({ function: null, area: 'Human Resources', sourceId: '004-4.1' });
    const soh = await (await import('./seeded-app')).getJson(app, '/api/risks?function=single-online-home');
    expect(soh.body.risks).toHaveLength(3);
  });

  it('holds the dis-benefits the papers name, unmeasured, with Realise’s reading marked', async () => {
    const { app } = seededApp();
    const { body } = await (await import('./seeded-app')).getJson(app, '/api/benefits');
    const dis = body.benefits.filter((b: any) => b.isDisbenefit);
    expect(dis.map((b: any) => b.number).sort()).toEqual(['ICT-B5', 'SOH-B7', 'SOH-B8']);
    expect(dis.find((b: any) => b.number === 'SOH-B8').description).toBe('Double keying between the Single Online Home and Athena');
  });
});
