import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forceSplitter, functionForecastFrom, rollUpForces, rollUpPeriods, splitBetweenForces, totalsOf, type LedgerFigure, type ShareFigure } from '../../server/domain/rollup';

const share = (force: string, tenthsPercent: number, basis: ShareFigure['basis'] = 'equal', fy: string | null = '2017-18'): ShareFigure => ({
  fy,
  force,
  tenthsPercent,
  basis,
  isIllustrative: true,
  note: null,
});

describe('rollUpPeriods', () => {
  it('sums targets, actuals and forecasts per year, with the unprofiled period last', () => {
    const periods = rollUpPeriods(
      [
        { lineId: 1, fy: '2016-17', amountPence: 22_700_000 },
        { lineId: 2, fy: '2016-17', amountPence: 15_800_000 },
        { lineId: 1, fy: null, amountPence: 100 },
        { lineId: 1, fy: '2015-16', amountPence: 92_000_000 },
      ],
      [
        { lineId: 1, measure: 'actual', fy: '2016-17', force: null, amountPence: 30_000_000 },
        { lineId: 2, measure: 'actual', fy: '2016-17', force: 'kent', amountPence: 5_000_000 },
        { lineId: 2, measure: 'forecast', fy: '2017-18', force: null, amountPence: 7 },
      ],
      50,
    );
    expect(periods).toEqual([
      { fy: '2015-16', targetPence: 92_000_000, deliveredPence: null, forecastPence: null, rag: 'none', variancePence: null, isIllustrative: false, targetQualifier: null, deliveredQualifier: null, varianceQualifier: null },
      { fy: '2016-17', targetPence: 38_500_000, deliveredPence: 35_000_000, forecastPence: null, rag: 'red', variancePence: -3_500_000, isIllustrative: false, targetQualifier: null, deliveredQualifier: null, varianceQualifier: null },
      { fy: '2017-18', targetPence: 0, deliveredPence: null, forecastPence: 7, rag: 'none', variancePence: null, isIllustrative: false, targetQualifier: null, deliveredQualifier: null, varianceQualifier: null },
      { fy: null, targetPence: 100, deliveredPence: null, forecastPence: null, rag: 'none', variancePence: null, isIllustrative: false, targetQualifier: null, deliveredQualifier: null, varianceQualifier: null },
    ]);
  });

  it('rates a year amber within tolerance and green at target', () => {
    const rag = (actual: number) =>
      rollUpPeriods([{ lineId: 1, fy: '2017-18', amountPence: 1_000 }], [{ lineId: 1, measure: 'actual', fy: '2017-18', force: null, amountPence: actual }], 50)[0]!.rag;
    expect([rag(1_000), rag(999), rag(950), rag(949)]).toEqual(['green', 'amber', 'amber', 'red']);
  });
});

describe('totalsOf', () => {
  it('takes the worst RAG of the periods with an actual and counts those without', () => {
    const totals = totalsOf([
      { fy: '2014-15', targetPence: 10, deliveredPence: 10, forecastPence: null, rag: 'green', variancePence: 0, isIllustrative: false },
      { fy: '2015-16', targetPence: 10, deliveredPence: null, forecastPence: 4, rag: 'none', variancePence: null, isIllustrative: false },
      { fy: '2016-17', targetPence: 10, deliveredPence: 9, forecastPence: null, rag: 'amber', variancePence: -1, isIllustrative: false },
    ]);
    expect(totals).toEqual({
      targetPence: 30,
      deliveredPence: 19,
      forecastPence: 4,
      gapPence: 11,
      targetQualifier: null,
      deliveredQualifier: null,
      gapQualifier: null,
      rag: 'amber',
      periodsWithActual: 2,
      periodsWithoutActual: 1,
    });
  });

  it('leaves forecast null when none is recorded, and RAG none when nothing has an actual', () => {
    const totals = totalsOf([{ fy: '2017-18', targetPence: 65_400_000, deliveredPence: null, forecastPence: null, rag: 'none', variancePence: null, isIllustrative: false }]);
    expect(totals).toMatchObject({ forecastPence: null, rag: 'none', deliveredPence: 0, gapPence: 65_400_000 });
  });
});

describe('splitBetweenForces', () => {
  it('splits an equal basis exactly equally, not 33.3/33.3/33.4', () => {
    const parts = splitBetweenForces(65_400_000, [share('bedfordshire', 333), share('cambridgeshire', 333), share('hertfordshire', 334)]);
    expect([...parts.values()]).toEqual([21_800_000, 21_800_000, 21_800_000]);
  });

  it('gives a force with no share nothing, and the leftover pennies to the larger stated shares first', () => {
    const parts = splitBetweenForces(100, [share('a', 333), share('b', 333), share('c', 334), share('btp', 0)]);
    expect(Object.fromEntries(parts)).toEqual({ a: 33, b: 33, c: 34, btp: 0 });
    const two = splitBetweenForces(101, [share('a', 333), share('b', 333), share('c', 334)]);
    expect(Object.fromEntries(two)).toEqual({ a: 34, b: 33, c: 34 });
  });

  it('splits other bases by tenths of a percent', () => {
    const parts = splitBetweenForces(1_000_00, [share('a', 250, 'nre'), share('b', 750, 'nre')]);
    expect(Object.fromEntries(parts)).toEqual({ a: 25_000, b: 75_000 });
  });

  it('always adds up to the whole, whatever the basis', () => {
    const shares = fc.integer({ min: 1, max: 9 }).chain((n) =>
      fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: n, maxLength: n }).map((weights) => {
        const total = weights.reduce((a, b) => a + b, 0) || 1;
        const tenths = weights.map((w) => Math.floor((w * 1000) / total));
        tenths[0]! += 1000 - tenths.reduce((a, b) => a + b, 0);
        return tenths;
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), shares, fc.constantFrom('equal', 'nre') as fc.Arbitrary<ShareFigure['basis']>, (total, tenths, basis) => {
        const list = tenths.map((t, i) => share(`f${i}`, t, basis));
        if (basis === 'equal' && list.every((s) => s.tenthsPercent === 0)) return;
        const parts = splitBetweenForces(total, list);
        expect([...parts.values()].reduce((a, b) => a + b, 0)).toBe(total);
      }),
    );
  });
});

describe('forceSplitter: a function\'s years split one after another', () => {
  const thirds = [share('bedfordshire', 333), share('cambridgeshire', 333), share('hertfordshire', 334)];

  it('puts ICT\'s four years in thirds with no force winning every penny: each total within a penny of a third', () => {
    // ICT's targets by year (paper 002): £626,000, £920,000, £1,892,000, £1,000,000 = £4,438,000.
    const split = forceSplitter();
    const totals = new Map<string, number>();
    for (const year of [62_600_000, 92_000_000, 189_200_000, 100_000_000]) {
      const parts = split(year, thirds);
      expect([...parts.values()].reduce((a, b) => a + b, 0)).toBe(year);
      for (const [force, pence] of parts) totals.set(force, (totals.get(force) ?? 0) + pence);
    }
    // Year by year alone, Hertfordshire took the odd penny each year: £1,479,333.35.
    expect([...totals.values()].sort()).toEqual([147_933_333, 147_933_333, 147_933_334]);
  });

  it('keeps every force within a penny of its exact share over any run of years, shares changing or not, each year to the penny', () => {
    const year = fc.record({ total: fc.integer({ min: 0, max: 1e11 }), weights: fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 4, maxLength: 4 }), basis: fc.constantFrom('equal', 'nre') as fc.Arbitrary<ShareFigure['basis']> });
    fc.assert(
      fc.property(fc.array(year, { minLength: 1, maxLength: 12 }), (years) => {
        const split = forceSplitter();
        const got = [0, 0, 0, 0];
        const exact = [0, 0, 0, 0];
        for (const { total, weights, basis } of years) {
          const sum = weights.reduce((a, b) => a + b, 0);
          if (sum === 0) continue;
          const tenths = weights.map((w) => Math.floor((w * 1000) / sum));
          tenths[tenths.findIndex((t) => t > 0)]! += 1000 - tenths.reduce((a, b) => a + b, 0);
          const list = tenths.map((t, i) => share(`f${i}`, t, basis));
          const parts = split(total, list);
          expect([...parts.values()].reduce((a, b) => a + b, 0)).toBe(total);
          const sharing = tenths.filter((t) => t > 0).length;
          tenths.forEach((t, i) => {
            got[i]! += parts.get(`f${i}`)!;
            exact[i]! += basis === 'equal' ? (t > 0 ? total / sharing : 0) : (total * t) / 1000;
          });
        }
        got.forEach((g, i) => expect(Math.abs(g - exact[i]!)).toBeLessThan(1.000001));
      }),
    );
  });
});

describe('rollUpForces', () => {
  const ledger: LedgerFigure[] = [
    { lineId: 1, measure: 'actual', fy: '2017-18', force: null, amountPence: 300 },
    { lineId: 1, measure: 'actual', fy: '2017-18', force: 'hertfordshire', amountPence: 50 },
  ];
  const periods = rollUpPeriods(
    [
      { lineId: 1, fy: '2017-18', amountPence: 900 },
      { lineId: 1, fy: '2018-19', amountPence: 77 },
    ],
    ledger,
    50,
  );

  it('adds each force’s direct actuals to its share of the function’s, and reports money with no shares', () => {
    const { forces, unapportionedPence } = rollUpForces(periods, ledger, [
      share('bedfordshire', 333),
      share('cambridgeshire', 333),
      share('hertfordshire', 334),
    ]);
    expect(forces.map((f) => [f.force, f.targetPence, f.deliveredPence])).toEqual([
      ['bedfordshire', 300, 100],
      ['cambridgeshire', 300, 100],
      ['hertfordshire', 300, 150],
    ]);
    expect(unapportionedPence).toBe(77);
  });

  it('credits an actual recorded against a force even where the force has no share, and reports what could not be split', () => {
    const withoutShares = rollUpPeriods(
      [{ lineId: 1, fy: '2016-17', amountPence: 500 }],
      [
        { lineId: 1, measure: 'actual', fy: '2016-17', force: 'bedfordshire', amountPence: 40 },
        { lineId: 1, measure: 'actual', fy: '2016-17', force: null, amountPence: 7 },
      ],
      50,
    );
    const result = rollUpForces(
      withoutShares,
      [
        { lineId: 1, measure: 'actual', fy: '2016-17', force: 'bedfordshire', amountPence: 40 },
        { lineId: 1, measure: 'actual', fy: '2016-17', force: null, amountPence: 7 },
      ],
      [],
    );
    expect(result.forces.map((f) => [f.force, f.targetPence, f.deliveredPence])).toEqual([['bedfordshire', 0, 40]]);
    expect(result).toMatchObject({ unapportionedPence: 500, unapportionedDeliveredPence: 7 });
  });

  it('marks a force’s period with no actual as null, not zero', () => {
    const noActuals = rollUpPeriods([{ lineId: 1, fy: '2017-18', amountPence: 900 }], [], 50);
    const { forces } = rollUpForces(noActuals, [], [share('a', 500), share('b', 500)]);
    expect(forces.map((f) => f.periods[0]!.deliveredPence)).toEqual([null, null]);
  });
});

describe('whose forecast a function holds (functionForecastFrom)', () => {
  const sharing = (forces: string[]) => () => forces;
  it('names the forces of each line and year that only some forces have forecast, together', () => {
    const forecasts = [
      { lineId: 1, fy: '2016-17', force: 'kent' },
      { lineId: 2, fy: '2016-17', force: 'kent' },
      { lineId: 2, fy: '2016-17', force: 'essex' },
      { lineId: 1, fy: '2017-18', force: 'essex' },
    ];
    // Line 2's 2016/17 is whole; line 1 is Kent's in one year and Essex's in the next.
    expect(functionForecastFrom(forecasts, sharing(['kent', 'essex']))).toEqual(['essex', 'kent']);
  });
  it('is null where every forecast is the whole line’s, or none is recorded', () => {
    expect(functionForecastFrom([], sharing(['kent']))).toBeNull();
    expect(functionForecastFrom([{ lineId: 1, fy: '2016-17', force: 'kent' }, { lineId: 1, fy: '2016-17', force: 'essex' }], sharing(['kent', 'essex']))).toBeNull();
    // A forecast for the function as a whole is the line's, whoever else has forecast.
    expect(functionForecastFrom([{ lineId: 1, fy: '2016-17', force: null }, { lineId: 1, fy: '2016-17', force: 'kent' }], sharing(['kent', 'essex']))).toBeNull();
  });
  it('reads the forces with a share of each year, not of another', () => {
    const byYear = (fy: string | null) => (fy === '2016-17' ? ['kent'] : ['kent', 'essex']);
    expect(functionForecastFrom([{ lineId: 1, fy: '2016-17', force: 'kent' }], byYear)).toBeNull();
    expect(functionForecastFrom([{ lineId: 1, fy: '2017-18', force: 'kent' }], byYear)).toEqual(['kent']);
  });
});
