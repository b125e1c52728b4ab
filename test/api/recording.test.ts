import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { asUser, createUser, FORCE_EDITOR, FUNCTION_OWNER, signIn } from './accounts';
import { seededApp } from './seeded-app';

const NOW = () => new Date('2018-05-10T09:00:00Z');

async function setUp(options: { demo?: boolean; now?: () => Date } = {}) {
  const { app, db } = seededApp({ publicRead: false, now: NOW, ...options });
  await createUser(db, 'owner@example.org', [FUNCTION_OWNER('aoj'), FUNCTION_OWNER('ict'), FUNCTION_OWNER('ctc'), FORCE_EDITOR('bedfordshire')]);
  const signed = await signIn(app, 'owner@example.org');
  const as = asUser(app, signed);
  const upload = async (mode: 'dry-run' | 'apply', body: string | Buffer, type = 'text/csv') => {
    const response = await app.request(`/api/imports?mode=${mode}`, {
      method: 'POST',
      headers: { cookie: signed.cookie, 'x-csrf-token': signed.csrfToken, 'content-type': type },
      body: typeof body === 'string' ? body : new Uint8Array(body),
    });
    return { status: response.status, body: (await response.json()) as any };
  };
  const entries = () => db.prepare('SELECT savings_line_id AS line, measure, fiscal_year AS fy, month, force_slug AS force, amount_pence AS pence, version FROM ledger_entries ORDER BY id').all();
  const lineId = (code: string) => (db.prepare('SELECT id FROM savings_lines WHERE code = ?').get(code) as { id: number }).id;
  return { app, db, as, upload, entries, lineId, signed };
}

const HEADER = 'function,line,measure,fiscal_year,month,force,amount_gbp';

describe('recording one figure', () => {
  it('refuses negative amounts and fractions of a penny at the field', async () => {
    const { as, lineId } = await setUp();
    const base = { lineId: lineId('aoj-blueprint'), measure: 'actual', fiscalYear: '2017-18', month: '2017-04', force: null };
    const negative = await as('POST', '/api/ledger-entries', { ...base, amountPence: -1 });
    expect(negative.body.error.issues[0]).toEqual({ path: 'amountPence', message: 'An amount cannot be negative' });
    const fraction = await as('POST', '/api/ledger-entries', { ...base, amountPence: 10.5 });
    expect(fraction.body.error.issues[0]).toEqual({ path: 'amountPence', message: 'Write the amount in whole pence, with no fraction of a penny' });
  });

  it('answers a stale change with 409 and the figure as it now stands', async () => {
    const { as, lineId } = await setUp();
    const created = (await as('POST', '/api/ledger-entries', { lineId: lineId('aoj-blueprint'), measure: 'actual', fiscalYear: '2017-18', month: '2017-04', force: null, amountPence: 100 })).body;
    const mine = await as('PUT', `/api/ledger-entries/${created.id}`, { amountPence: 200, version: created.version });
    expect(mine.status).toBe(200);
    expect(mine.body.version).toBe(created.version + 1);
    const theirs = await as('PUT', `/api/ledger-entries/${created.id}`, { amountPence: 300, version: created.version });
    expect(theirs.status).toBe(409);
    expect(theirs.body).toMatchObject({ error: { code: 'conflict' }, current: { amountPence: 200, version: created.version + 1 } });
    expect((await as('DELETE', `/api/ledger-entries/${created.id}?version=${created.version}`)).status).toBe(409);
    expect((await as('DELETE', `/api/ledger-entries/${created.id}?version=${created.version + 1}`)).status).toBe(200);
  });

  it('refuses a second figure for the same period, and a figure from a paper cannot be changed', async () => {
    const { as, lineId, db } = await setUp();
    const body = { lineId: lineId('aoj-blueprint'), measure: 'forecast', fiscalYear: '2017-18', month: null, force: null, amountPence: 100 };
    expect((await as('POST', '/api/ledger-entries', body)).status).toBe(201);
    const again = await as('POST', '/api/ledger-entries', body);
    expect(again.status).toBe(409);
    expect(again.body.current.amountPence).toBe(100);
    const paper = db.prepare('SELECT id, version FROM ledger_entries WHERE source_id IS NOT NULL AND measure = ? LIMIT 1').get('actual') as { id: number; version: number };
    const change = await as('PUT', `/api/ledger-entries/${paper.id}`, { amountPence: 1, version: paper.version });
    // Its owner may record for ICT as a whole, but not rewrite what the paper says.
    expect(change.status).toBe(400);
    expect(change.body.error.code).toBe('from_paper');
  });
});

describe('importing a spreadsheet', () => {
  const good = [
    `aoj,aoj-blueprint,actual,2017-18,2017-04,,54500`,
    `aoj,aoj-blueprint,actual,2017-18,2017-05,,"54,500.50"`,
  ];

  it('shows, row by row, what a dry run would add, and every error with its row and column', async () => {
    const { upload, entries } = await setUp();
    const before = entries();
    const { status, body } = await upload('dry-run', [HEADER, good[0], 'aoj,aoj-blueprint,actual,2017-18,2018-06,,1', good[1], 'ict,no-such-line,actual,2017-18,,,x'].join('\n'));
    expect(status).toBe(200);
    expect(body).toMatchObject({ applied: false, rows: 4, added: 2, changed: 0, unchanged: 0, errors: 2 });
    expect(body.outcomes[0]).toMatchObject({ row: 2, action: 'add', period: '2017-04', toPence: 5_450_000 });
    expect(body.outcomes[1]).toMatchObject({ row: 3, action: 'error' });
    expect(body.outcomes[1].errors[0]).toEqual({ column: 'month', message: expect.stringContaining('is not in FY 2017/18') });
    expect(body.outcomes[2]).toMatchObject({ row: 4, action: 'add', toPence: 5_450_050 });
    expect(body.outcomes[3].errors.map((e: any) => e.column)).toEqual(['line', 'amount_gbp']);
    expect(entries()).toEqual(before);
  });

  it('applies all or nothing: one bad row in the middle leaves the ledger unchanged', async () => {
    const { upload, entries, db } = await setUp();
    const before = entries();
    const audit = db.prepare('SELECT count(*) AS n FROM audit_log').get();
    const { status, body } = await upload('apply', [HEADER, good[0], 'aoj,aoj-blueprint,actual,2017-18,2017-13,,1', good[1]].join('\n'));
    expect(status).toBe(400);
    expect(body.error.message).toContain('Nothing was imported: 1 of 3 rows have errors');
    expect(body.error.issues[0].path).toBe('row 3, month');
    expect(entries()).toEqual(before);
    expect(db.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual(audit);
  });

  it('applies a good file in one go, and the same file again changes nothing', async () => {
    const { upload, entries, db } = await setUp();
    const file = [HEADER, ...good].join('\n');
    const first = await upload('apply', file);
    expect(first.body).toMatchObject({ applied: true, added: 2, changed: 0, unchanged: 0 });
    const after = entries();
    const second = await upload('apply', file);
    expect(second.body).toMatchObject({ applied: true, added: 0, changed: 0, unchanged: 2 });
    expect(entries()).toEqual(after);
    const changed = await upload('apply', [HEADER, good[0], `aoj,aoj-blueprint,actual,2017-18,2017-05,,60000`].join('\n'));
    expect(changed.body).toMatchObject({ added: 0, changed: 1, unchanged: 1 });
    expect(changed.body.outcomes[1]).toMatchObject({ action: 'change', fromPence: 5_450_050, toPence: 6_000_000 });
    expect(db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'import'").get()).toEqual({ n: 3 });
  });

  it('reads .xlsx as well as CSV', async () => {
    const { upload } = await setUp();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Figures');
    sheet.addRow(HEADER.split(','));
    sheet.addRow(['aoj', 'aoj-blueprint', 'actual', '2017-18', '2017-04', '', 54500.5]);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const { body } = await upload('apply', buffer, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(body).toMatchObject({ applied: true, added: 1 });
    expect(body.outcomes[0].toPence).toBe(5_450_050);
  });

  it('says plainly when a file is not the template, or not a spreadsheet', async () => {
    const { upload } = await setUp();
    const wrong = await upload('dry-run', 'name,amount\nx,1');
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toContain('lacks function, line, measure');
    expect((await upload('dry-run', 'hello', 'application/pdf')).status).toBe(415);
    expect((await upload('dry-run', Buffer.from('not a zip'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).body.error.message).toContain('not a readable .xlsx');
  });

  it('offers a template filled with the rows due from you, that imports as it is', async () => {
    const { app, signed, upload } = await setUp();
    // On 10 May 2018 the template lists FY 2018/19, which AOJ's carried saving makes due; FY 2017/18 is asked for here.
    const csv = (await (await app.request('/api/imports/template?format=csv&fiscalYear=2017-18', { headers: { cookie: signed.cookie } })).text()).replace(/^\uFEFF/, '');
    const rows = Papa.parse<string[]>(csv.trim()).data;
    expect(rows[0]!.join(',')).toBe(HEADER);
    // Owner of aoj, ict and ctc and Bedfordshire's editor: FY 2017/18's twelve months.
    expect(rows.slice(1).every((r) => r[3] === '2017/18' && r[6] === '')).toBe(true);
    expect(rows.some((r) => r[1] === 'aoj-blueprint' && r[4] === '2018-03' && r[5] === '')).toBe(true);
    expect(rows.some((r) => r[1] === 'aoj-blueprint' && r[4] === '2018-03' && r[5] === 'bedfordshire')).toBe(true);
    // Nothing typed in yet: every row is skipped, and nothing is wrong.
    expect((await upload('dry-run', csv)).body).toMatchObject({ rows: rows.length - 1, skipped: rows.length - 1, errors: 0 });
  });

  it('gives the .xlsx template drop-down lists of the valid functions, lines, measures and forces, read from its own sheets', async () => {
    const { app, signed } = await setUp();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await (await app.request('/api/imports/template?format=xlsx&fiscalYear=2017-18', { headers: { cookie: signed.cookie } })).arrayBuffer());
    const ledger = workbook.getWorksheet('Ledger')!;
    const lines = workbook.getWorksheet('Lines')!;
    const forces = workbook.getWorksheet('Forces')!;
    expect(ledger.getCell('B2').dataValidation).toMatchObject({ type: 'list', formulae: [`Lines!$B$2:$B$${lines.actualRowCount}`] });
    expect(ledger.getCell('C500').dataValidation).toMatchObject({ type: 'list', formulae: ['"actual,forecast"'] });
    expect(ledger.getCell('F2').dataValidation).toMatchObject({ type: 'list', formulae: [`Forces!$A$2:$A$${forces.actualRowCount}`] });
    const codes: unknown[] = [];
    lines.getColumn(2).eachCell((cell, row) => row > 1 && codes.push(cell.value));
    expect(codes).toContain('aoj-blueprint');
    expect(codes).toContain('ict-application-convergence');
    const forceSlugs: unknown[] = [];
    forces.getColumn(1).eachCell((cell, row) => row > 1 && forceSlugs.push(cell.value));
    expect(forceSlugs).toEqual(expect.arrayContaining(['bedfordshire', 'cambridgeshire', 'hertfordshire', 'btp']));
    // The rows due, with their due dates and names to read by.
    expect(ledger.getRow(1).values).toEqual([undefined, 'function', 'line', 'measure', 'fiscal_year', 'month', 'force', 'amount_gbp', 'due_on', 'line_name']);
    expect(ledger.actualRowCount).toBeGreaterThan(12);
  });

  it('shows every error of a row at once, each with its column', async () => {
    const { upload } = await setUp();
    const report = await upload('dry-run', [HEADER, 'aoj,aoj-blueprint,actual,2017-18,2017-06,kent,"12,5OO"', 'aoj,aoj-blueprint,actuals,2017,17-06,,-5'].join('\n'));
    expect(report.body.errors).toBe(2);
    expect(report.body.outcomes[0].errors).toEqual(
      expect.arrayContaining([
        { column: 'amount_gbp', message: '"12,5OO" is not an amount: "O" is not a digit. Write it like 12,500 or 12500.50.' },
        { column: 'force', message: 'kent is not a member of the collaboration behind Administration of Justice.' },
      ]),
    );
    expect(report.body.outcomes[1].errors.map((e: { column: string }) => e.column).sort()).toEqual(['amount_gbp', 'fiscal_year', 'measure', 'month']);
  });

  it('reads a year as 2017/18 or 2017-18, and a line by its code or its name', async () => {
    const { upload, entries } = await setUp();
    const report = await upload('apply', [HEADER, 'aoj,aoj-blueprint,actual,2017/18,2017-04,,100', 'ict,Application convergence,actual,FY 2017-18,2017-04,,200', ',Administration of Justice blueprint,actual,2017/18,2017-05,,300'].join('\n'));
    expect(report.body.outcomes?.filter((o: any) => o.action === 'error') ?? report.body).toEqual([]);
    expect(report.body).toMatchObject({ applied: true, added: 3 });
    expect(entries().map((e: any) => e.pence).slice(-3).sort((a: number, b: number) => a - b)).toEqual([10_000, 20_000, 30_000]);
  });
});

describe('the ledger exported and imported again', () => {
  it('comes back to the same figures, in CSV and in .xlsx', async () => {
    // Today's clock: the demo's actuals run to March 2020.
    const today = () => new Date('2026-11-25T09:00:00Z');
    const demo = await setUp({ demo: true, now: today });
    const csv = await (await demo.app.request('/api/export/ledger?format=csv', { headers: { cookie: demo.signed.cookie } })).text();
    // 99 dated figures and the papers' one for no year (Firearms' "over £200k").
    expect(csv.split('\n')).toHaveLength(1 + 100);
    const xlsx = Buffer.from(await (await demo.app.request('/api/export/ledger?format=xlsx', { headers: { cookie: demo.signed.cookie } })).arrayBuffer());

    // Into the demo ledger itself: every row is already there.
    expect((await demo.upload('apply', csv)).body).toMatchObject({ applied: true, rows: 100, unchanged: 100, added: 0, changed: 0 });
    expect((await demo.upload('apply', xlsx, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).body).toMatchObject({ unchanged: 100 });

    // Into a ledger seeded from the papers only: the portfolio comes out the same.
    const papers = await setUp({ now: today });
    const imported = await papers.upload('apply', xlsx, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(imported.body).toMatchObject({ applied: true, added: 98, unchanged: 2 });
    const totals = async (as: typeof demo.as) => (await as('GET', '/api/functions?period=2014-15..2019-20')).body.functions.map((f: any) => [f.slug, f.targetPence, f.deliveredPence, f.forecastPence]);
    expect(await totals(papers.as)).toEqual(await totals(demo.as));
  });
});

describe('commentary and re-baselining', () => {
  it('carries a half’s commentary up to its year and to all years, labelled with its period', async () => {
    const { as } = await setUp();
    await as('POST', '/api/functions/ict/commentary', { period: '2017-18-H1', body: 'Infrastructure convergence slipped to H2.' });
    await as('POST', '/api/functions/ict/commentary', { period: '2016-17', body: 'A year before.' });
    const year = (await as('GET', '/api/functions/ict/commentary?period=2017-18&within=true')).body.comments;
    expect(year.map((c: any) => [c.period, c.periodLabel, c.body])).toEqual([['2017-18-H1', expect.stringMatching(/^H1 2017\/18/), 'Infrastructure convergence slipped to H2.']]);
    expect((await as('GET', '/api/functions/ict/commentary?period=2017-18')).body.comments).toEqual([]);
    expect((await as('GET', '/api/functions/ict/commentary?period=all&within=true')).body.comments.map((c: any) => c.body)).toEqual(['A year before.', 'Infrastructure convergence slipped to H2.']);
  });

  it('keeps every comment with its author and time, newest first', async () => {
    const { as } = await setUp();
    await as('POST', '/api/functions/ict/commentary', { period: '2017-18', body: 'Infrastructure convergence slipped: the data centre move is now due in 2018/19.' });
    await as('POST', '/api/functions/ict/commentary', { period: '2017-18', body: 'Revised after the Summit.' });
    const { body } = await as('GET', '/api/functions/ict/commentary?period=2017-18');
    expect(body.comments.map((c: any) => [c.body, c.author])).toEqual([
      ['Revised after the Summit.', 'owner@example.org'],
      ['Infrastructure convergence slipped: the data centre move is now due in 2018/19.', 'owner@example.org'],
    ]);
    expect((await as('POST', '/api/functions/ict/commentary', { period: '2017-18', body: '' })).status).toBe(400);
  });

  it('adds a baseline beside the original, never over it', async () => {
    const { as, lineId } = await setUp();
    const created = await as('POST', '/api/functions/aoj/baselines', {
      name: 'Revised business case',
      reason: 'Athena delayed the new model by six months.',
      adoptedOn: '2018-04-01',
      targets: [{ lineId: lineId('aoj-blueprint'), fiscalYear: '2017-18', amountPence: 32_700_000 }],
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ version: 2, targetPence: 32_700_000 });
    const detail = (await as('GET', '/api/functions/aoj')).body;
    expect(detail.baselines.map((b: any) => [b.version, b.name, b.targetPence, b.isCurrent])).toEqual([
      [1, 'Criminal Justice Phase 2 business case', 65_400_000, false],
      [2, 'Revised business case', 32_700_000, true],
    ]);
    // The line's saving recurs and is carried to FY 2019/20, whichever baseline sets it.
    expect(detail.function.targetPence).toBe(3 * 32_700_000);
    expect(detail.baselines.find((b: any) => b.isCurrent).targetPence).toBe(32_700_000);
    // As at a date before it, the original still stands.
    expect((await as('GET', '/api/functions/aoj?asAt=2018-03-31')).body.function.targetPence).toBe(3 * 65_400_000);
    const wrongLine = await as('POST', '/api/functions/aoj/baselines', { name: 'x', reason: 'y', adoptedOn: '2018-04-01', targets: [{ lineId: lineId('ict-staff'), fiscalYear: '2017-18', amountPence: 1 }] });
    expect(wrongLine.body.error.message).toContain('aoj’s savings lines');
  });
});

describe('exporting a view', () => {
  it('gives the portfolio as .xlsx, a sheet a table, money as numbers in pounds; and as CSV', async () => {
    const { app } = seededApp();
    const xlsx = await app.request('/api/export/portfolio?format=xlsx&period=2016-17..2017-18');
    expect(xlsx.headers.get('content-disposition')).toContain('realise-portfolio-2016-17..2017-18-as-at-2026-11-25.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Functions', 'By year', 'Cumulative']);
    const ict = workbook.getWorksheet('Functions')!.getRow(2).values as unknown[];
    expect(ict.slice(1, 5)).toEqual(['ICT', 'Bedfordshire, Cambridgeshire and Hertfordshire Strategic Alliance', 4_600_000, 2_892_000]);
    expect(workbook.getWorksheet('Functions')!.getColumn(4).numFmt).toBe('£#,##0.00');
    // Each money cell is formatted as pounds, and the text beside it is not (the cells share one style a column).
    const functions = workbook.getWorksheet('Functions')!;
    expect(functions.getCell('D2').numFmt).toBe('£#,##0.00');
    expect(functions.getCell('D3').numFmt).toBe('£#,##0.00');
    expect(functions.getCell('A2').numFmt).toBeUndefined();
    expect(workbook.getWorksheet('By year')!.getCell('C2').numFmt).toBe('£#,##0.00');
    expect(functions.getRow(1).font?.bold).toBe(true);

    const csv = await (await app.request('/api/export/portfolio?format=csv')).text();
    expect(csv).toContain('Functions\r\nFunction,Collaboration,Headline (£),Target (£)');
    expect(csv).toContain('ICT,"Bedfordshire, Cambridgeshire and Hertfordshire Strategic Alliance",4600000.00,4438000.00,626000.00');
  });

  it('gives a function view’s years, lines and forces', async () => {
    const { app } = seededApp();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await (await app.request('/api/export/functions/aoj?format=xlsx')).arrayBuffer());
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['By year', 'Savings lines', 'By force']);
    const valuesOf = (name: string) => {
      const out: unknown[][] = [];
      workbook.getWorksheet(name)!.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
      return out;
    };
    const rows = valuesOf('By force');
    expect(rows.find((r) => r[0] === 'Hertfordshire Constabulary' && r[1] === 'FY 2017/18')).toEqual(['Hertfordshire Constabulary', 'FY 2017/18', 33.4, 'equal', 'Yes', 218_000]);
    // The years the saving is carried to are split as FY 2017/18 is.
    expect(rows.find((r) => r[0] === 'Hertfordshire Constabulary' && r[1] === 'FY 2019/20')).toEqual(['Hertfordshire Constabulary', 'FY 2019/20', 33.4, 'equal', 'Yes', 218_000]);
    const byYear = valuesOf('By year');
    const header = byYear.find((r) => r.includes('Carried from an earlier year'))!;
    expect(byYear.filter((r) => typeof r[0] === 'string' && r[0].startsWith('FY ')).map((r) => [r[0], r[header.indexOf('Target')], r[header.indexOf('Carried from an earlier year')] ?? null])).toEqual([
      ['FY 2017/18', 654_000, null],
      ['FY 2018/19', 654_000, 654_000],
      ['FY 2019/20', 654_000, 654_000],
    ]);
    expect((await app.request('/api/export/functions/nope?format=csv')).status).toBe(404);
  });

  it('gives a force view’s functions, shares and memberships', async () => {
    const { app } = seededApp();
    const csv = await (await app.request('/api/export/forces/btp?format=csv')).text();
    expect(csv).toContain('By function\r\nFunction,Its target (£),Delivered (£),Function’s target (£),Illustrative\r\nChiltern Transport Consortium,0.00,,400000.00,Yes');
    expect(csv).toContain('Memberships\r\nCollaboration,Joined,Left\r\nChiltern Transport Consortium,2019-05-01,');
    expect((await app.request('/api/export/forces/nonesuch?format=xlsx')).status).toBe(404);
  });
});
