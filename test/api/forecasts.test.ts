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

    await forecast('hertfordshire', 250_000);
    let line = await staff();
    expect(line.inPeriod).toMatchObject({ forecastPence: 250_000, forecastFrom: ['hertfordshire'] });
    expect(line.years[0]).toMatchObject({ fy: '2016-17', forecastPence: 250_000, forecastFrom: ['hertfordshire'] });

    await forecast('bedfordshire', 500_000);
    await forecast('cambridgeshire', 500_000);
    line = await staff();
    expect(line.inPeriod).toMatchObject({ forecastPence: 1_250_000, forecastFrom: null });
  });
});
