import { describe, expect, it } from 'vitest';
import { getJson, seededApp } from './seeded-app';

const { app } = seededApp();

describe('GET /api/functions', () => {
  it('lists the four functions of the papers with their figures to the penny', async () => {
    const { status, body } = await getJson(app, '/api/functions');
    expect(status).toBe(200);
    const bySlug = Object.fromEntries(body.functions.map((f: any) => [f.slug, f]));
    expect(Object.keys(bySlug)).toEqual(['ict', 'aoj', 'firearms-licensing', 'ctc']);

    expect(bySlug.ict).toMatchObject({
      headlineTargetPence: 460_000_000,
      targetPence: 443_800_000,
      deliveredPence: 62_600_000,
      gapPence: 381_200_000,
      forecastPence: null,
      rag: 'green',
      periodsWithActual: 1,
      periodsWithoutActual: 3,
      firstFiscalYear: '2014-15',
      lastFiscalYear: '2017-18',
      collaboration: 'bch',
      forces: ['bedfordshire', 'cambridgeshire', 'hertfordshire'],
    });
    // AOJ's £654K is released "from April 2017" and recurs: Realise carries it, as the same saving
    // kept, to FY 2019/20 (its reading, which the owner can change); the promise is still £654K.
    expect(bySlug.aoj).toMatchObject({
      headlineTargetPence: 65_400_000,
      targetPence: 196_200_000,
      deliveredPence: 0,
      rag: 'none',
      firstFiscalYear: '2017-18',
      lastFiscalYear: '2019-20',
    });
    expect(bySlug.aoj.years.map((y: any) => [y.fy, y.targetPence, y.carriedPence])).toEqual([
      ['2017-18', 65_400_000, undefined],
      ['2018-19', 65_400_000, 65_400_000],
      ['2019-20', 65_400_000, 65_400_000],
    ]);
    expect(bySlug['firearms-licensing']).toMatchObject({
      headlineTargetPence: 11_000_000,
      targetPence: 11_000_000,
      deliveredPence: 20_000_000,
      gapPence: -9_000_000,
      rag: 'green',
      firstFiscalYear: null,
    });
    expect(bySlug.ctc).toMatchObject({
      targetPence: 40_000_000,
      deliveredPence: 0,
      rag: 'none',
      firstFiscalYear: '2019-20',
      lastFiscalYear: '2019-20',
      forces: ['bedfordshire', 'cambridgeshire', 'hertfordshire', 'thames-valley', 'btp'],
    });
  });

  it('sees the ledger as it stood on an earlier date', async () => {
    const { body } = await getJson(app, '/api/functions?asAt=2016-06-30');
    const bySlug = Object.fromEntries(body.functions.map((f: any) => [f.slug, f]));
    expect(body.asAt).toBe('2016-06-30');
    // Firearms' £200k was reported on 21 September 2016; AOJ's business case came on 28 September 2016.
    expect(bySlug['firearms-licensing'].deliveredPence).toBe(0);
    expect(bySlug['firearms-licensing'].rag).toBe('none');
    expect(bySlug.aoj.targetPence).toBe(0);
    expect(bySlug.ict.deliveredPence).toBe(62_600_000);
  });

  it('defaults "as at" to today by the clock it was given', async () => {
    const { body } = await getJson(app, '/api/functions');
    expect(body.asAt).toBe('2026-11-25');
  });
});

describe('GET /api/functions/:slug', () => {
  it('profiles ICT by year, line and category as paper 002 does', async () => {
    const { status, body } = await getJson(app, '/api/functions/ict');
    expect(status).toBe(200);
    expect(body.years.map((y: any) => [y.fy, y.targetPence, y.deliveredPence, y.rag])).toEqual([
      ['2014-15', 62_600_000, 62_600_000, 'green'],
      ['2015-16', 92_000_000, null, 'none'],
      ['2016-17', 189_200_000, null, 'none'],
      ['2017-18', 100_000_000, null, 'none'],
    ]);
    // The running totals come with the years, worked out once on the server (a year with no actual adds nothing).
    expect(body.years.map((y: any) => [y.cumulativeTargetPence, y.cumulativeDeliveredPence])).toEqual([
      [62_600_000, 62_600_000],
      [154_600_000, 62_600_000],
      [343_800_000, 62_600_000],
      [443_800_000, 62_600_000],
    ]);
    const lines = Object.fromEntries(body.lines.map((l: any) => [l.code, l]));
    expect(lines['ict-application-convergence'].years.map((y: any) => [y.fy, y.targetPence, y.targetAsWritten])).toEqual([
      ['2016-17', 22_700_000, '£0.227m'],
      ['2017-18', 10_000_000, '£0.1m'],
    ]);
    expect(lines['ict-infrastructure-convergence'].targetPence).toBe(105_800_000);
    expect(lines['ict-staff']).toMatchObject({ category: 'payroll', driver: 'restructuring', targetPence: 150_700_000 });
    expect(lines['ict-staff'].years[0]).toMatchObject({ targetQualifier: 'circa', targetSourceId: '002-4.2(5)a-payroll' });
  });

  it('reconciles the ICT headline with its profile rather than hiding the difference', async () => {
    const { body } = await getJson(app, '/api/functions/ict');
    expect(body.reconciliation).toMatchObject({ headlinePence: 460_000_000, profiledPence: 443_800_000, unprofiledPence: 16_200_000 });
    const stated = body.reconciliation.statedTotals.map((s: any) => [s.asWritten, s.statedPence, s.profiledPence, s.differencePence]);
    expect(stated).toEqual([
      ['£0.626m', 62_600_000, 62_600_000, 0],
      ['£4.0m', 400_000_000, 381_200_000, 18_800_000],
      ['£0.385m', 38_500_000, 38_500_000, 0],
      ['£1m', 100_000_000, 100_000_000, 0],
    ]);
  });

  it('splits AOJ between the three forces exactly, marked illustrative', async () => {
    const { body } = await getJson(app, '/api/functions/aoj');
    const forces = Object.fromEntries(body.forces.map((f: any) => [f.force, f]));
    // Each carried year is split as FY 2017/18, the year the saving was made, is.
    expect(forces.hertfordshire).toMatchObject({ targetPence: 65_400_000, basis: 'equal', isIllustrative: true, shareTenthsPercent: 334 });
    expect(forces.hertfordshire.years.map((y: any) => [y.fy, y.targetPence])).toEqual([
      ['2017-18', 21_800_000],
      ['2018-19', 21_800_000],
      ['2019-20', 21_800_000],
    ]);
    expect(body.forces.reduce((sum: number, f: any) => sum + f.targetPence, 0)).toBe(196_200_000);
    expect(body.unapportionedPence).toBe(0);
    // The business case promised £654K once: what is profiled is that, not the years carried.
    expect(body.reconciliation).toMatchObject({ headlinePence: 65_400_000, profiledPence: 65_400_000, unprofiledPence: 0 });
    const line = body.lines[0];
    expect(line.carry).toMatchObject({ through: '2019-20', setBy: null });
    expect(line.carry.note).toContain('paper 004, 3.4');
    expect(line.years.map((y: any) => [y.fy, y.carriedFrom])).toEqual([
      ['2017-18', null],
      ['2018-19', '2017-18'],
      ['2019-20', '2017-18'],
    ]);
  });

  it('splits ICT by force so the parts add up to the whole, to the penny', async () => {
    const { body } = await getJson(app, '/api/functions/ict');
    expect(body.forces.reduce((sum: number, f: any) => sum + f.targetPence, 0)).toBe(443_800_000);
    expect(body.forces.reduce((sum: number, f: any) => sum + f.deliveredPence, 0)).toBe(62_600_000);
    for (const force of body.forces) {
      expect(force.years.find((y: any) => y.fy === '2015-16').deliveredPence).toBeNull();
    }
  });

  it('gives CTC’s saving to the original members, none to BTP', async () => {
    const { body } = await getJson(app, '/api/functions/ctc');
    const forces = Object.fromEntries(body.forces.map((f: any) => [f.force, f.targetPence]));
    expect(forces).toEqual({ bedfordshire: 10_000_000, cambridgeshire: 10_000_000, hertfordshire: 10_000_000, 'thames-valley': 10_000_000, btp: 0 });
  });

  it('keeps Firearms Licensing’s prediction and delivery whole, not profiled by year', async () => {
    const { body } = await getJson(app, '/api/functions/firearms-licensing');
    expect(body.years).toEqual([
      {
        fy: null,
        cumulativeTargetPence: 11_000_000,
        cumulativeDeliveredPence: 20_000_000,
        cumulativeTargetQualifier: 'originally predicted',
        cumulativeDeliveredQualifier: 'over',
        label: 'Not profiled by year',
        targetPence: 11_000_000,
        deliveredPence: 20_000_000,
        forecastPence: null,
        rag: 'green',
        variancePence: 9_000_000,
        isIllustrative: false,
        // Paper 004, 4.8: "over £200k", so £90k ahead is at least £90k ahead.
        targetQualifier: 'originally predicted',
        deliveredQualifier: 'over',
        varianceQualifier: 'at least',
        partYear: false,
        yearlyActualNotSplit: false,
        targetToDatePence: null,
      },
    ]);
    expect(body.function).toMatchObject({ deliveredPence: 20_000_000, deliveredQualifier: 'over', gapQualifier: 'at least' });
    expect(body.baselines).toEqual([expect.objectContaining({ version: 1, name: 'Original prediction', targetPence: 11_000_000, isCurrent: true })]);
    expect(body.lines[0].years[0]).toMatchObject({ targetQualifier: 'originally predicted', actualSourceIds: ['004-4.8'] });
  });

  it('cites the paper, paragraph, date and words behind every figure it shows', async () => {
    const { body } = await getJson(app, '/api/functions/ict');
    const sources = new Map(body.sources.map((s: any) => [s.id, s]));
    const cited = [
      body.function.headlineSourceId,
      ...body.lines.flatMap((l: any) => l.years.flatMap((y: any) => [y.targetSourceId, ...y.actualSourceIds])),
      ...body.agreement.milestones.map((m: any) => m.sourceId),
      ...body.reconciliation.statedTotals.map((s: any) => s.sourceId),
    ].filter(Boolean);
    for (const id of cited) expect(sources.has(id), `source ${id}`).toBe(true);
    expect(sources.get('002-4.2(5)')).toEqual({
      id: '002-4.2(5)',
      document: '002_f098eeb1962a537c.txt',
      paperId: '002',
      paragraph: '4.2(5)',
      title: 'Section 22A Collaboration Agreement for Information and Communications Technology',
      date: '2016-02-25',
      quote: expect.stringContaining('a total of approximately £4.6m'),
      note: null,
      enteredBy: null,
      enteredAt: null,
    });
  });

  it('shows the agreement and its dates', async () => {
    const { body } = await getJson(app, '/api/functions/ctc');
    expect(body.agreement.milestones.map((m: any) => [m.kind, m.date])).toEqual([
      ['signed', '2016-12'],
      ['member-joins', '2019-05-01'],
      ['signed', '2019-05-16'],
      ['review', '2022-04-30'],
    ]);
    expect(body.sources.find((s: any) => s.id === '003-ctc-3.2')).toMatchObject({ date: '2019-05-16', paragraph: 'CTC paper, 3.2' });
  });

  it('answers an unknown function with 404 in the error shape', async () => {
    const { status, body } = await getJson(app, '/api/functions/payroll');
    expect(status).toBe(404);
    expect(body).toEqual({ error: { code: 'not_found', message: expect.stringContaining('"payroll"') } });
  });

  it.each([
    ['/api/functions/ICT', 'slug'],
    ['/api/functions/ict%20;drop', 'slug'],
    ['/api/functions/ict?asAt=2017-02-30', 'asAt'],
    ['/api/functions/ict?asAt=yesterday', 'asAt'],
    ['/api/functions?asAt=2017-3-1', 'asAt'],
  ])('answers malformed input %s with 400 naming the field', async (path, field) => {
    const { status, body } = await getJson(app, path);
    expect(status).toBe(400);
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.issues[0].path).toBe(field);
    expect(JSON.stringify(body)).not.toMatch(/SQLITE|at .*\.ts:\d+/);
  });
});

describe('GET /api/forces and /api/health', () => {
  it('lists every force of England and Wales and the BTP, saying which are in a collaboration Realise holds', async () => {
    const { body } = await getJson(app, '/api/forces');
    expect(body.forces).toHaveLength(44);
    expect(body.forces.filter((f: any) => f.collaborations.length > 0).map((f: any) => f.slug).sort()).toEqual(
      ['bedfordshire', 'btp', 'cambridgeshire', 'essex', 'hertfordshire', 'kent', 'norfolk', 'suffolk', 'thames-valley'],
    );
    expect(body.forces.find((f: any) => f.slug === 'hertfordshire').collaborations).toEqual(['bch', 'ctc', 'seven-force']);
    expect(body.forces.find((f: any) => f.slug === 'metropolitan')).toEqual({ slug: 'metropolitan', name: 'Metropolitan Police Service', collaborations: [] });
  });

  it('reports health', async () => {
    expect(await getJson(app, '/api/health')).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it('answers an unknown API route with 404 in the error shape', async () => {
    const { status, body } = await getJson(app, '/api/savings');
    expect(status).toBe(404);
    expect(body.error.code).toBe('not_found');
  });
});

describe('GET /api/sources', () => {
  it('lists every cited passage, and finds one by id', async () => {
    const list = await getJson(app, '/api/sources');
    expect(list.body.sources).toHaveLength(53);
    const one = await getJson(app, '/api/sources/000-5.3');
    expect(one.body).toMatchObject({ paragraph: '5.3', date: '2016-11-10', quote: expect.stringContaining('£654K') });
    const missing = await getJson(app, '/api/sources/000-9.9');
    expect(missing.status).toBe(404);
    expect((await getJson(app, '/api/sources/%3Cscript%3E')).status).toBe(400);
  });

  it('gives a paper’s text with the passages of it that figures cite, each found in it word for word', async () => {
    const paper = await getJson(app, '/api/papers/002');
    expect(paper.status).toBe(200);
    expect(paper.body).toMatchObject({ paperId: '002', date: '2016-02-25' });
    expect(paper.body.passages.length).toBeGreaterThan(3);
    const flat = (text: string) => text.replace(/\s+/g, ' ');
    // A quote that leaves words out ("…") is found a fragment at a time.
    for (const passage of paper.body.passages) for (const fragment of passage.quote.split('…').map(flat).filter((f: string) => f.trim())) expect(flat(paper.body.text)).toContain(fragment.trim());
    expect((await getJson(app, '/api/papers/999')).status).toBe(404);
    expect((await getJson(app, '/api/papers/..%2F..%2Fetc')).status).toBe(400);
  });
});

describe('GET /api/collaborations', () => {
  it('gives each collaboration its dated membership and programme figures', async () => {
    const { body } = await getJson(app, '/api/collaborations');
    const bySlug = Object.fromEntries(body.collaborations.map((c: any) => [c.slug, c]));
    expect(Object.keys(bySlug)).toEqual(['bch', 'seven-force', 'ctc']);
    expect(bySlug.ctc.members.map((m: any) => [m.force, m.joinedOn])).toEqual([
      ['bedfordshire', '2016-12'],
      ['cambridgeshire', '2016-12'],
      ['hertfordshire', '2016-12'],
      ['thames-valley', '2016-12'],
      ['btp', '2019-05-01'],
    ]);
    expect(bySlug.bch.programmeFigures.map((f: any) => [f.code, f.amountPence, f.perYear])).toEqual([
      ['bch-back-office-goal', 2_000_000_000, true],
      ['bch-back-office-baseline', 12_000_000_000, false],
      ['bch-collaboration-savings-2017-20', 500_000_000, false],
    ]);
    expect(bySlug['seven-force'].programmeFigures.find((f: any) => f.code === 'eastern-region-funding').amountPence).toBe(130_000_000_000);
  });
});

describe('GET /api/status-history', () => {
  it('gives each function’s status at each quarter end of the period, then now: ICT off track from the first quarter of FY 2017/18 on the demo data', async () => {
    const { app: demo } = seededApp({ demo: true, now: () => new Date('2026-11-25T09:00:00Z') });
    const { status, body } = await getJson(demo, '/api/status-history?period=2017-18');
    expect(status).toBe(200);
    expect(body.points.map((p: any) => p.asAt)).toEqual(['2017-06-30', '2017-09-30', '2017-12-31', '2018-03-31', '2026-11-25']);
    expect(body.points[0].label).toBe('30 June 2017');
    const ict = body.functions.find((f: any) => f.slug === 'ict');
    expect(ict.statuses).toHaveLength(5);
    expect(ict.statuses.at(-1)).toBe('red');
    // Each point is the portfolio as it stood then.
    for (const [i, point] of body.points.entries()) {
      const then = await getJson(demo, `/api/functions?period=2017-18&asAt=${point.asAt}`);
      expect(then.body.functions.find((f: any) => f.slug === 'ict').rag).toBe(ict.statuses[i]);
    }
    expect((await getJson(demo, '/api/status-history?collaboration=nope')).status).toBe(400);
  });
});

describe('GET /api/changes', () => {
  it('says what changed since a date: statuses, figures and the commentary written since', async () => {
    const { app: demo, db } = seededApp({ demo: true, publicRead: true, now: () => new Date('2026-11-25T09:00:00Z') });
    db.prepare("INSERT INTO commentary (function_slug, period, body, author, created_at) VALUES ('aoj', '2017-18-H2', 'Back on track after the blueprint went live.', 'aoj@example.org', '2018-02-01T10:00:00Z')").run();
    const { status, body } = await getJson(demo, '/api/changes?period=2017-18&since=2017-09-30');
    expect(status).toBe(200);
    expect(body.sinceLabel).toBe('30 September 2017');
    const aoj = body.functions.find((f: any) => f.slug === 'aoj');
    expect(aoj).toMatchObject({ ragThen: 'amber', ragNow: 'green' });
    expect(aoj.deliveredNowPence).toBeGreaterThan(aoj.deliveredThenPence);
    expect(aoj.comments.map((c: any) => [c.periodLabel.slice(0, 10), c.body])).toEqual([['H2 2017/18', 'Back on track after the blueprint went live.']]);
    // Each side is the portfolio as it stood.
    const then = await getJson(demo, '/api/functions?period=2017-18&asAt=2017-09-30');
    expect(aoj.deliveredThenPence).toBe(then.body.functions.find((f: any) => f.slug === 'aoj').deliveredPence);
    expect(body.unchanged).toBe(body.functions.length === 4 ? 0 : 4 - body.functions.length);
    expect((await getJson(demo, '/api/changes?since=2030-01-01')).status).toBe(400);
    expect((await getJson(demo, '/api/changes?since=yesterday')).status).toBe(400);
  });
});
