import { describe, expect, it } from 'vitest';
import { getJson, seededApp } from './seeded-app';

const { app } = seededApp();

describe('GET /api/forces/:slug', () => {
  it('gives Hertfordshire its share of every function it belongs to, marked illustrative', async () => {
    const { status, body } = await getJson(app, '/api/forces/hertfordshire');
    expect(status).toBe(200);
    expect(body.force).toEqual({ slug: 'hertfordshire', name: 'Hertfordshire Constabulary' });
    const functions = Object.fromEntries(body.functions.map((f: any) => [f.slug, f]));
    expect(Object.keys(functions)).toEqual(['ict', 'aoj', 'firearms-licensing', 'ctc']);
    // A third of AOJ's £654K in each of FY 2017/18 and the two years it is carried to.
    expect(functions.aoj).toMatchObject({ targetPence: 65_400_000, deliveredPence: null, functionTargetPence: 196_200_000, isIllustrative: true });
    expect(functions.aoj.years[0]).toMatchObject({ fy: '2017-18', basis: 'equal', shareTenthsPercent: 334 });
    expect(functions.ctc.targetPence).toBe(10_000_000);
    expect(body.memberships.map((m: any) => [m.collaboration, m.joinedOn])).toEqual([
      ['bch', '2013-12'],
      ['seven-force', '2015-10-22'],
      ['ctc', '2016-12'],
    ]);
  });

  it('shows BTP joining CTC on 1 May 2019, sharing none of the saving it brought', async () => {
    const { body } = await getJson(app, '/api/forces/btp');
    expect(body.memberships).toEqual([
      expect.objectContaining({ collaboration: 'ctc', joinedOn: '2019-05-01', sourceId: '003-ctc-3.2' }),
    ]);
    expect(body.memberships[0].otherMembers.map((m: any) => m.force)).toEqual(['bedfordshire', 'cambridgeshire', 'hertfordshire', 'thames-valley']);
    expect(body.functions).toEqual([
      expect.objectContaining({ slug: 'ctc', targetPence: 0, functionTargetPence: 40_000_000 }),
    ]);
    expect(body.functions[0].years[0].note).toContain('BTP, the new member, shares none');
  });

  it('scopes a force to a period', async () => {
    const { body } = await getJson(app, '/api/forces/bedfordshire?period=2017-18');
    expect(body.period.description).toBe('FY 2017/18');
    const functions = Object.fromEntries(body.functions.map((f: any) => [f.slug, f.targetPence]));
    // A third of £1m: the spare penny goes to Hertfordshire's 33.4%.
    expect(functions).toEqual({ ict: 33_333_333, aoj: 21_800_000 });
  });

  it('answers an unknown force with 404 and a malformed one with 400', async () => {
    expect((await getJson(app, '/api/forces/nonesuch')).status).toBe(404);
    // A force in no collaboration Realise holds has a view, with nothing in it.
    expect((await getJson(app, '/api/forces/metropolitan')).body).toMatchObject({ force: { slug: 'metropolitan', name: 'Metropolitan Police Service' }, functions: [] });
    expect((await getJson(app, '/api/forces/Kent!')).status).toBe(400);
  });
});
