import { describe, expect, it } from 'vitest';
import { getJson, seededApp } from './seeded-app';

const { app, db } = seededApp({ demo: true });

describe('the illustrative demo data set', () => {
  it('is stored as illustrative with no source, and recorded in the audit log', () => {
    const rows = db.prepare("SELECT count(*) AS n, sum(is_illustrative) AS illustrative, count(source_id) AS sourced FROM ledger_entries WHERE recorded_by = 'system: demo data set'").get();
    expect(rows).toEqual({ n: 98, illustrative: 98, sourced: 0 });
    expect(db.prepare("SELECT after_json FROM audit_log WHERE action = 'seed-demo'").get()).toEqual({ after_json: '{"entries":98}' });
  });

  it('makes ICT red in FY 2017/18, and shows which lines fell short', async () => {
    const { body } = await getJson(app, '/api/functions?period=2017-18');
    const bySlug = Object.fromEntries(body.functions.map((f: any) => [f.slug, f]));
    expect(bySlug.ict).toMatchObject({ rag: 'red', targetPence: 100_000_000, deliveredPence: 58_000_000, forecastPence: 78_000_000, usesIllustrativeActuals: true });
    expect(bySlug.aoj).toMatchObject({ rag: 'green', deliveredPence: 65_400_000 });
    // Firearms (not profiled by year) and CTC (from FY 2019/20) have nothing in FY 2017/18.
    expect(body.ragCounts).toEqual({ green: 1, amber: 0, red: 1, none: 0, notInPeriod: 2 });

    const ict = await getJson(app, '/api/functions/ict?period=2017-18');
    const lines = ict.body.lines.filter((l: any) => l.years.length > 0).map((l: any) => [l.code, l.years[0].rag, l.years[0].variancePence]);
    expect(lines).toEqual([
      ['ict-application-convergence', 'red', -4_000_000],
      ['ict-infrastructure-convergence', 'red', -38_000_000],
    ]);
  });

  it('counts monthly actuals in a half, so H1 can be judged on its own', async () => {
    const { body } = await getJson(app, '/api/functions/aoj?period=2017-18-H1');
    expect(body.function).toMatchObject({ targetPence: 32_700_000, deliveredPence: 31_500_000, rag: 'amber' });
  });

  it('shows CTC delivering from May 2019, when BTP joined', async () => {
    const { body } = await getJson(app, '/api/functions/ctc?period=2019-20');
    expect(body.timeline[0]).toMatchObject({ month: '2019-04', deliveredPence: 0 });
    expect(body.timeline[1]).toMatchObject({ month: '2019-05', deliveredPence: 3_000_000 });
    expect(body.function).toMatchObject({ deliveredPence: 33_000_000, rag: 'red' });
  });

  it('judges a year still running on the as-at date against its target to date', async () => {
    // As at 20 October 2017, April to September have ended and been reported: £315k against £327k.
    const { body } = await getJson(app, '/api/functions/aoj?asAt=2017-10-20');
    expect(body.years[0]).toMatchObject({ fy: '2017-18', targetPence: 65_400_000, targetToDatePence: 32_700_000, deliveredPence: 31_500_000, rag: 'amber', variancePence: -1_200_000 });
    expect(body.function.rag).toBe('amber');
    const ended = await getJson(app, '/api/functions/aoj');
    expect(ended.body.years[0]).toMatchObject({ targetToDatePence: null, rag: 'green' });
  });

  it('is left out of a view as at a date before it was reported', async () => {
    const { body } = await getJson(app, '/api/functions/aoj?asAt=2017-06-30');
    expect(body.function.deliveredPence).toBe(5_000_000 + 5_000_000);
  });
});
