import { describe, expect, it } from 'vitest';
import { getJson, seededApp } from './seeded-app';

// The register of section 22A agreements on the papers' data, on a fixed day.

describe('GET /api/agreements', () => {
  it('lists every agreement with its parties, dates and sources, and where each stands today', async () => {
    const { app } = seededApp({ now: () => new Date('2026-12-01T09:00:00Z') });
    const { status, body } = await getJson(app, '/api/agreements');
    expect(status).toBe(200);
    expect(body.agreements).toHaveLength(12);
    const seven = body.agreements.find((a: any) => a.slug === 'seven-force');
    expect(seven).toMatchObject({
      collaboration: { slug: 'seven-force' },
      commencesOn: '2015-10-22',
      signedOn: '2016-03',
      expiresOn: '2021-03-31',
      status: { kind: 'ended-or-unknown', endedOn: '2021-03-31' },
      statusWords: 'Ended 31 March 2021, unless renewed: the papers say nothing after',
    });
    expect(seven.parties.map((p: any) => p.name)).toContain('Kent Police');
    // Paper 003 6.1 and CPCC 2019-007 disagree on when the original agreement ended: both, with their sources.
    expect(seven.disagreements).toEqual([
      {
        about: 'original end',
        claims: [
          { kind: 'expires', date: '2017-03-31', description: 'Original end date, unless renewed in writing by all the parties', sourceId: '003-7f-6.1' },
          { kind: 'expires', date: '2019-03-31', description: 'Original agreement due to expire, as the decision record to extend it states', sourceId: '003-cpcc-2019-007' },
        ],
      },
    ]);
    const ctc = body.agreements.find((a: any) => a.slug === 'ctc');
    expect(ctc.statusWords).toBe('In force as far as the papers say: they give no end date, and their latest word on it is of 30 April 2022');
    expect(ctc.reviewsNotRecorded.map((r: any) => r.date)).toEqual(['2022-04-30']);
    expect(body.agreements.find((a: any) => a.slug === 'ict').functions).toEqual([{ slug: 'ict', name: 'ICT' }]);
  });

  it('filters by collaboration, by force and by what falls due in the next N months', async () => {
    const { app } = seededApp({ now: () => new Date('2022-01-15T09:00:00Z') });
    expect((await getJson(app, '/api/agreements?collaboration=ctc')).body.agreements.map((a: any) => a.slug)).toEqual(['ctc']);
    expect((await getJson(app, '/api/agreements?force=kent')).body.agreements.map((a: any) => a.slug)).toEqual(['seven-force']);
    const due = await getJson(app, '/api/agreements?dueWithinMonths=6&dueOnly=true');
    expect(due.body).toMatchObject({ asAt: '2022-01-15', dueWithinMonths: 6, dueUntil: '2022-07-15' });
    expect(due.body.agreements.map((a: any) => [a.slug, a.fallingDue.map((d: any) => `${d.kind} ${d.date}`)])).toEqual([['ctc', ['review 2022-04-30']]]);
    expect((await getJson(app, '/api/agreements?dueWithinMonths=3&dueOnly=true')).body.agreements).toEqual([]);
  });

  it('says what is wrong with a bad filter', async () => {
    const { app } = seededApp();
    const unknown = await getJson(app, '/api/agreements?collaboration=nope');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe('There is no collaboration "nope". Leave it out to see every agreement.');
    const bad = await getJson(app, '/api/agreements?dueWithinMonths=0');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe('dueWithinMonths: Give at least 1 month');
  });
});

describe('GET /api/decisions', () => {
  it('holds the decision records of paper 003, each with its source and what it concerns', async () => {
    const { app } = seededApp();
    const { status, body } = await getJson(app, '/api/decisions');
    expect(status).toBe(200);
    expect(body.decisions.map((d: any) => `${d.number} ${d.date}`)).toEqual(['CPCC 2019-007 2019-03-13', 'CPCC 2019-008 2019-05-16', 'CPCC 2019-009 2019-05-16', 'CPCC 2019-010 2019-05-16']);
    expect(body.decisions[0]).toMatchObject({ sourceId: '003-cpcc-2019-007', agreements: [{ slug: 'seven-force' }], functions: [] });
    expect(body.decisions[0].decision).toContain('until 31 st March 2021');
    expect(body.decisions[1]).toMatchObject({ agreements: [{ slug: 'ctc' }], functions: [{ slug: 'ctc' }] });
    // The IPA 2016 agreement is not one Realise holds: unlinked, and it says why.
    expect(body.decisions[2]).toMatchObject({ agreements: [], functions: [] });
    expect(body.decisions[2].note).toContain('the papers do not say so, so Realise does not link them');
    const register = await getJson(app, '/api/agreements?collaboration=seven-force');
    expect(register.body.agreements[0].decisions).toEqual([{ number: 'CPCC 2019-007', date: '2019-03-13', title: expect.stringContaining('Seven Force') }]);
  });

  it('adds the decision records, risks and dis-benefits, once, to a database seeded before them', async () => {
    const { openDatabase } = await import('../../server/db/connection');
    const { migrate } = await import('../../server/db/migrate');
    const { loadPaperData, seedFromPapers, topUpFromPapers } = await import('../../server/db/seed');
    const db = openDatabase(':memory:');
    migrate(db);
    seedFromPapers(db, loadPaperData(), new Date('2026-11-25T09:00:00Z'));
    db.exec("DELETE FROM decision_links; DELETE FROM decisions; DELETE FROM risks; DELETE FROM benefits WHERE number = 'ICT-B5'");
    expect(topUpFromPapers(db, loadPaperData(), new Date())).toEqual({ sources: 0, decisions: 4, risks: 5, benefits: 1 });
    expect(topUpFromPapers(db, loadPaperData(), new Date())).toEqual({ sources: 0, decisions: 0, risks: 0, benefits: 0 });
    expect(db.prepare('SELECT count(*) FROM decision_links').pluck().get()).toBe(5);
  });
});
