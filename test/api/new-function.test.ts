import { describe, expect, it } from 'vitest';
import { asUser, createUser, FORCE_EDITOR, signIn, VIEWER } from './accounts';
import { JPS } from './business-cases';
import { seededApp } from './seeded-app';

// Adding a collaborated function with its business case: written whole or not at all, audited,
// and then on every view that reads the portfolio.

const OFFICER = { role: 'programme-officer' as const, force: null, function: null };

async function world() {
  const { app, db, errors } = seededApp({ publicRead: false, now: () => new Date('2019-06-10T09:00:00Z') });
  await createUser(db, 'officer@example.org', [OFFICER]);
  await createUser(db, 'herts@example.org', [FORCE_EDITOR('hertfordshire')]);
  await createUser(db, 'viewer@example.org', [VIEWER]);
  const officer = asUser(app, await signIn(app, 'officer@example.org'));
  const herts = asUser(app, await signIn(app, 'herts@example.org'));
  const viewer = asUser(app, await signIn(app, 'viewer@example.org'));
  const count = () =>
    db.prepare(`SELECT (SELECT count(*) FROM functions) AS functions, (SELECT count(*) FROM savings_lines) AS lines, (SELECT count(*) FROM targets) AS targets,
                       (SELECT count(*) FROM apportionment_shares) AS shares, (SELECT count(*) FROM papers) AS papers, (SELECT count(*) FROM audit_log) AS audit`).get();
  return { app, db, errors, officer, herts, viewer, count };
}

describe('adding a function with its business case', () => {
  it('writes the function, its lines, the first baseline’s targets and equal shares, audited, and every view shows it', async () => {
    const w = await world();
    const created = await w.officer('POST', '/api/functions', JPS);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.lines.map((l: any) => l.code)).toEqual(['joint-protective-services-staff-savings', 'joint-protective-services-vehicle-fleet']);
    expect(created.body.targets).toBe(6);
    // Equal thirds each year, adding up to exactly 100.0%: the tenth left over to the first force.
    expect(created.body.shares.filter((s: any) => s.fiscalYear === '2018-19')).toEqual([
      { fiscalYear: '2018-19', force: 'bedfordshire', shareTenthsPercent: 334 },
      { fiscalYear: '2018-19', force: 'cambridgeshire', shareTenthsPercent: 333 },
      { fiscalYear: '2018-19', force: 'hertfordshire', shareTenthsPercent: 333 },
    ]);

    const audit = w.db.prepare("SELECT actor, action, before_json AS before, after_json AS after FROM audit_log WHERE entity = 'function' AND entity_id = ?").get(JPS.slug) as any;
    expect(audit).toMatchObject({ actor: 'officer@example.org', action: 'create', before: null });
    expect(JSON.parse(audit.after).name).toBe('Joint Protective Services');

    const detail = await w.viewer('GET', `/api/functions/${JPS.slug}`);
    expect(detail.status).toBe(200);
    expect(detail.body.function).toMatchObject({
      name: 'Joint Protective Services',
      collaboration: 'bch',
      headlineTargetPence: 120_000_000,
      headlineQualifier: 'about',
      targetPence: 240_000_000,
      leadForce: { slug: 'hertfordshire', name: 'Hertfordshire Constabulary' },
      entered: { by: 'officer@example.org', at: '2019-06-10T09:00:00.000Z' },
    });
    expect(detail.body.agreement.slug).toBe('jps-psd-procurement');
    expect(detail.body.baselines).toMatchObject([{ version: 1, name: 'Joint Protective Services full business case', adoptedOn: '2018-03-01' }]);
    // The citation says it is a document entered in Realise, not a board paper.
    const cited = detail.body.sources.find((s: any) => s.paragraph === '5.2');
    expect(cited).toMatchObject({ title: 'Joint Protective Services full business case', quote: 'savings of £1.2m a year by 2020/21', enteredBy: 'officer@example.org' });
    expect(detail.body.forces.map((f: any) => f.force)).toEqual(['bedfordshire', 'cambridgeshire', 'hertfordshire']);
    expect(detail.body.forces[0].isIllustrative).toBe(true);

    const portfolio = await w.viewer('GET', '/api/functions?period=2019-20');
    expect(portfolio.body.functions.find((f: any) => f.slug === JPS.slug)).toMatchObject({ targetPence: 80_000_000, rag: 'none' });

    // A Hertfordshire editor records an actual against it; the portfolio, the force view and the report draft carry it.
    const line = created.body.lines[0].id;
    const recorded = await w.herts('POST', '/api/ledger-entries', { lineId: line, measure: 'actual', fiscalYear: '2019-20', month: '2019-04', force: 'hertfordshire', amountPence: 2_000_000 });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    const after = await w.viewer('GET', '/api/functions?period=2019-20');
    expect(after.body.functions.find((f: any) => f.slug === JPS.slug).deliveredPence).toBe(2_000_000);
    const herts = await w.viewer('GET', '/api/forces/hertfordshire?period=2019-20');
    expect(herts.body.functions.find((f: any) => f.slug === JPS.slug)).toBeTruthy();
    await createUser(w.db, 'officer2@example.org', [OFFICER]);
    const draft = await w.officer('GET', '/api/reports/draft?collaboration=bch&half=2019-20-H1');
    expect(draft.status).toBe(200);
    expect(draft.body.functions.map((f: any) => f.slug)).toContain(JPS.slug);
  });

  it('reports every problem at its field, and writes nothing', async () => {
    const w = await world();
    const before = w.count();
    const bad = {
      ...JPS,
      leadForce: 'kent',
      agreement: 'ctc',
      businessCase: { ...JPS.businessCase, date: '2030-01' },
      lines: [
        JPS.lines[0],
        { ...JPS.lines[1], name: 'staff savings', targets: [{ fiscalYear: '2018-19', amountPence: 1 }, { fiscalYear: '2018-19', amountPence: 2 }, { fiscalYear: '2010-11', amountPence: 3 }] },
      ],
    };
    const refused = await w.officer('POST', '/api/functions', bad);
    expect(refused.status).toBe(400);
    const paths = refused.body.error.issues.map((i: any) => i.path);
    expect(paths).toEqual(['leadForce', 'agreement', 'businessCase.date', 'lines.1.name', 'lines.1.targets.1.fiscalYear', 'lines.1.targets.2.fiscalYear']);
    expect(refused.body.error.issues[0].message).toContain('not a member of Bedfordshire, Cambridgeshire and Hertfordshire');
    expect(refused.body.error.issues[5].message).toBe('No force was a member of Bedfordshire, Cambridgeshire and Hertfordshire Strategic Alliance in FY 2010/11, so no one could make its saving.');
    expect(refused.body.error.message).toMatch(/^6 things need changing/);
    expect(w.count()).toEqual(before);

    const shapeless = await w.officer('POST', '/api/functions', { ...JPS, slug: 'Not A Slug', lines: [] });
    expect(shapeless.status).toBe(400);
    expect(shapeless.body.error.issues.map((i: any) => i.path)).toEqual(['slug', 'lines']);
    const noTargets = await w.officer('POST', '/api/functions', { ...JPS, lines: [{ ...JPS.lines[0], targets: [] }] });
    expect(noTargets.status).toBe(400);
    expect(noTargets.body.error.message).toContain('at least one yearly target');
    const unknown = await w.officer('POST', '/api/functions', { ...JPS, collaboration: 'nope' });
    expect(unknown.body.error.issues).toEqual([{ path: 'collaboration', message: 'There is no collaboration "nope".' }]);
    expect(w.count()).toEqual(before);
  });

  it('refuses an id already in use with 409, and someone without the role with 403', async () => {
    const w = await world();
    expect((await w.officer('POST', '/api/functions', { ...JPS, slug: 'ict' })).status).toBe(409);
    const forbidden = await w.herts('POST', '/api/functions', JPS);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.message).toBe('Only a programme officer or an administrator can add to the portfolio. Ask an administrator for the role.');
    expect((await w.officer('POST', '/api/functions', JPS)).status).toBe(201);
    expect((await w.officer('POST', '/api/functions', JPS)).status).toBe(409);
  });

  it('shares each year between the forces that were members that year: BTP from FY 2019/20 in the Chiltern Transport Consortium', async () => {
    const w = await world();
    const created = await w.officer('POST', '/api/functions', {
      ...JPS,
      slug: 'ctc-workshops',
      name: 'CTC vehicle workshops',
      collaboration: 'ctc',
      leadForce: 'thames-valley',
      agreement: 'ctc',
      headline: null,
      lines: [{ ...JPS.lines[1], targets: [{ fiscalYear: '2018-19', amountPence: 40_000_00 }, { fiscalYear: '2019-20', amountPence: 50_000_00 }] }],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const year = (fy: string) => created.body.shares.filter((s: any) => s.fiscalYear === fy).map((s: any) => `${s.force} ${s.shareTenthsPercent}`);
    expect(year('2018-19')).toEqual(['bedfordshire 250', 'cambridgeshire 250', 'hertfordshire 250', 'thames-valley 250']);
    expect(year('2019-20')).toEqual(['bedfordshire 200', 'cambridgeshire 200', 'hertfordshire 200', 'thames-valley 200', 'btp 200']);
  });

  it('offers the collaborations with their members, and the agreements', async () => {
    const w = await world();
    const { body } = await w.viewer('GET', '/api/portfolio/choices');
    expect(body.collaborations.find((c: any) => c.slug === 'ctc').members.at(-1)).toEqual({ force: 'btp', forceName: 'British Transport Police', joinedOn: '2019-05-01', leftOn: null });
    expect(body.agreements.map((a: any) => a.slug)).toContain('jps-psd-procurement');
  });
});

describe('retiring a function or a line', () => {
  it('keeps its history, says from when, and takes no figure for a period from that day', async () => {
    const w = await world();
    const created = await w.officer('POST', '/api/functions', JPS);
    const [staff, fleet] = created.body.lines as { id: number }[];
    expect((await w.herts('POST', '/api/ledger-entries', { lineId: staff!.id, measure: 'actual', fiscalYear: '2019-20', month: '2019-04', force: 'hertfordshire', amountPence: 500_000 })).status).toBe(201);
    // April's figure would be stranded by retiring from 1 April 2019.
    const early = await w.officer('POST', `/api/savings-lines/${staff!.id}/retire`, { retiredOn: '2019-04-01', reason: 'Moved into roads policing' });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toBe('Staff savings has 1 figure recorded for periods from 1 April 2019. Correct or remove them first, or choose a later date.');
    const line = await w.officer('POST', `/api/savings-lines/${staff!.id}/retire`, { retiredOn: '2019-05-01', reason: 'Moved into roads policing' });
    expect(line.status, JSON.stringify(line.body)).toBe(200);
    const may = await w.herts('POST', '/api/ledger-entries', { lineId: staff!.id, measure: 'actual', fiscalYear: '2019-20', month: '2019-05', force: 'hertfordshire', amountPence: 1 });
    expect(may.status).toBe(400);
    expect(may.body.error.issues[0].message).toBe('This savings line was retired on 2019-05-01: figures can be recorded only for periods before then.');
    expect((await w.officer('POST', `/api/savings-lines/${staff!.id}/retire`, { retiredOn: '2019-06-01', reason: 'again' })).status).toBe(409);

    const fn = await w.officer('POST', `/api/functions/${JPS.slug}/retire`, { retiredOn: '2020-04-01', reason: 'Merged into the Eastern Region unit' });
    expect(fn.status).toBe(200);
    expect(w.db.prepare("SELECT action, after_json FROM audit_log WHERE entity = 'function' AND entity_id = ? ORDER BY id DESC").get(JPS.slug)).toMatchObject({ action: 'retire' });
    const detail = await w.viewer('GET', `/api/functions/${JPS.slug}`);
    expect(detail.body.function.retiredOn).toBe('2020-04-01');
    expect(detail.body.lines.map((l: any) => l.retiredOn)).toEqual(['2019-05-01', null]);
    // Its history stands: the April actual is still delivered.
    expect(detail.body.function.deliveredPence).toBe(500_000);
    const after = await w.herts('POST', '/api/ledger-entries', { lineId: fleet!.id, measure: 'forecast', fiscalYear: '2020-21', month: '2020-04', force: 'hertfordshire', amountPence: 1 });
    expect(after.body.error.issues[0].message).toContain('was retired on 2020-04-01');
    expect((await w.officer('POST', '/api/functions/nope/retire', { retiredOn: '2020-04-01', reason: 'x' })).status).toBe(404);
    expect((await w.herts('POST', `/api/functions/${JPS.slug}/retire`, { retiredOn: '2020-04-01', reason: 'x' })).status).toBe(403);
  });
});

describe('what a business case cannot be', () => {
  it('refuses a date that does not exist, and an id the addresses use', async () => {
    const w = await world();
    const month13 = await w.officer('POST', '/api/functions', { ...JPS, businessCase: { ...JPS.businessCase, date: '2018-13' } });
    expect(month13.status).toBe(400);
    expect(month13.body.error.issues[0]).toMatchObject({ path: 'businessCase.date', message: 'That date does not exist: check the month and day' });
    expect((await w.officer('POST', '/api/functions', { ...JPS, businessCase: { ...JPS.businessCase, date: '2018-02-30' } })).status).toBe(400);
    expect((await w.officer('POST', '/api/functions', { ...JPS, slug: 'new' })).body.error.issues[0].path).toBe('slug');
    // Two functions whose ids and paragraphs would once have made the same source id.
    expect((await w.officer('POST', '/api/functions', { ...JPS, slug: 'x', businessCase: { ...JPS.businessCase, paragraph: 'y-1' } })).status).toBe(201);
    expect((await w.officer('POST', '/api/functions', { ...JPS, slug: 'x-y', businessCase: { ...JPS.businessCase, paragraph: '1' } })).status).toBe(201);
  });

  it('counts no target of a retired function for the years after it was retired', async () => {
    const w = await world();
    await w.officer('POST', '/api/functions', JPS);
    expect((await w.officer('POST', `/api/functions/${JPS.slug}/retire`, { retiredOn: '2019-04-01', reason: 'Merged' })).status).toBe(200);
    const later = await w.viewer('GET', '/api/functions?period=2020-21');
    expect(later.body.functions.find((f: any) => f.slug === JPS.slug)?.targetPence ?? 0).toBe(0);
    const before = await w.viewer('GET', '/api/functions?period=2018-19');
    expect(before.body.functions.find((f: any) => f.slug === JPS.slug).targetPence).toBe(40_000_000);
  });
});

describe('the forces of England and Wales', () => {
  it('holds all 43 territorial forces and the British Transport Police, by their official names', async () => {
    const w = await world();
    const forces = w.db.prepare('SELECT slug, name FROM forces ORDER BY name').all() as { slug: string; name: string }[];
    expect(forces).toHaveLength(44);
    expect(forces.map((f) => f.name)).toEqual(expect.arrayContaining(['Metropolitan Police Service', 'City of London Police', 'Dyfed-Powys Police', 'Hertfordshire Constabulary', 'British Transport Police']));
  });
});

describe('a business case from the spreadsheet template', () => {
  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  async function filled(app: any, officer: any, slip: boolean) {
    const ExcelJS = (await import('exceljs')).default;
    const response = await app.request('/api/business-case/template', { headers: { cookie: officer.cookie } });
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const fn = workbook.getWorksheet('Function')!;
    const set = (label: string, value: string) => {
      for (let row = 2; row <= fn.rowCount; row += 1) if (fn.getCell(`A${row}`).value === label) fn.getCell(`B${row}`).value = value;
    };
    set('Name', 'Joint Protective Services');
    set('Id', 'joint-protective-services');
    set('Collaboration', 'bch');
    set('Lead force', 'hertfordshire');
    set('Agreement', 'jps-psd-procurement');
    set('What it does', 'Armed policing, roads policing and dogs for the three forces.');
    set('Business case title', 'Joint Protective Services full business case');
    set('Business case date', '2018-03');
    set('Business case paragraph', '5.2');
    set('Its words for the savings', 'savings of £1.2m a year by 2020/21');
    set('Headline saving (£)', '1.2m');
    set('Headline wording', 'about');
    set('Headline as written', '£1.2m');
    set('Headline paragraph', '1.3');
    set('Headline words', 'about £1.2m a year');
    const lines = workbook.getWorksheet('Lines')!;
    // Its own years, over the template's: FY 2018/19 to 2020/21.
    ['FY 2018/19', 'FY 2019/20', 'FY 2020/21', '', ''].forEach((heading, i) => (lines.getRow(1).getCell(6 + i).value = heading || null));
    lines.getRow(2).values = ['Staff savings', 'payroll', 'One armed response rota', 'cashable', 'recurring', '300,000', '600,000', '900,000'];
    lines.getRow(3).values = ['Vehicle fleet', 'non-payroll', 'A smaller shared fleet', 'cashable', 'recurring', '100k', slip ? '12,5OO' : '200,000', '0.3m'];
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  it('reads the filled template, reports a bad cell in the middle by sheet and cell with nothing written, then adds it all', async () => {
    const w = await world();
    const signed = await signIn(w.app, 'officer@example.org');
    const send = (mode: string, body: Buffer) => w.app.request(`/api/business-case/import?mode=${mode}`, { method: 'POST', headers: { cookie: signed.cookie, 'x-csrf-token': signed.csrfToken, 'content-type': XLSX }, body: new Uint8Array(body) });
    const before = w.count();
    const slipped = await send('apply', await filled(w.app, signed, true));
    expect(slipped.status).toBe(400);
    const report = await slipped.json();
    expect(report.problems).toEqual([{ sheet: 'Lines', cell: 'G3', message: expect.stringContaining('Vehicle fleet, FY 2019/20: "12,5OO" is not an amount: "O" is not a digit') }]);
    expect(w.count()).toEqual(before);

    const good = await filled(w.app, signed, false);
    const dry = await send('dry-run', good);
    expect(dry.status).toBe(200);
    expect(await dry.json()).toMatchObject({ mode: 'dry-run', ok: true, summary: { slug: 'joint-protective-services', lines: 2, targets: 6, years: ['2018-19', '2019-20', '2020-21'] }, created: null });
    expect(w.count()).toEqual(before);
    const applied = await send('apply', good);
    expect(applied.status).toBe(200);
    expect((await applied.json()).created.targets).toBe(6);
    const detail = await w.viewer('GET', '/api/functions/joint-protective-services');
    expect(detail.body.function).toMatchObject({ targetPence: 240_000_000, headlineQualifier: 'about', headlineTargetPence: 120_000_000 });
    // The same workbook again: the id is taken, at its cell.
    const again = await send('dry-run', good);
    expect(again.status).toBe(409);
    expect((await again.json()).problems[0]).toMatchObject({ sheet: 'Function', cell: 'B3' });
    const notXlsx = await w.app.request('/api/business-case/import', { method: 'POST', headers: { cookie: signed.cookie, 'x-csrf-token': signed.csrfToken, 'content-type': 'text/csv' }, body: 'a,b' });
    expect(notXlsx.status).toBe(415);
  });
});
