import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALL_YEARS, describeScope, formatScopeId, monthlyTargets, parseScope, scopeLedger, scopeMonths, scopeTargets } from '../../server/domain/scope';
import { cumulativeTimeline, lastEndedMonth, monthsOfYears, rateYearsInProgress } from '../../server/domain/timeline';

describe('parseScope', () => {
  it.each([
    [undefined, 'all', 'All years'],
    ['all', 'all', 'All years'],
    ['2016-17', '2016-17', 'FY 2016/17'],
    ['2016-17..2018-19', '2016-17..2018-19', 'FY 2016/17 to 2018/19'],
    ['2017-18-H1', '2017-18-H1', 'H1 2017/18 (April–September 2017)'],
    ['2017-18-Q4', '2017-18-Q4', 'Q4 2017/18 (January–March 2018)'],
    ['..2017-18-H1', '..2017-18-H1', 'Since the start, to the end of H1 2017/18 (April–September 2017)'],
  ])('reads %s', (text, id, words) => {
    const scope = parseScope(text);
    expect(formatScopeId(scope)).toBe(id);
    expect(describeScope(scope)).toBe(words);
  });

  it.each(['2018-19..2016-17', '2016-18', '2016-17..', 'H1', '2016-17-H3', '..', '..2017-18-H3', '2016/17', '0000-01..9998-99', '2000-01..2020-21'])('refuses %s', (text) => {
    expect(() => parseScope(text)).toThrow(RangeError);
  });

  it('knows the months of each scope', () => {
    expect(scopeMonths(parseScope('2017-18-H2'))).toEqual({ first: '2017-10', last: '2018-03' });
    expect(scopeMonths(parseScope('2014-15..2015-16'))).toEqual({ first: '2014-04', last: '2016-03' });
    expect(scopeMonths(parseScope('all'))).toBeNull();
    expect(scopeMonths(parseScope('..2017-18-H1'))).toEqual({ first: '0000-01', last: '2017-09' });
  });
});

describe('monthlyTargets', () => {
  it('spreads a year over its months, April first, adding up exactly', () => {
    const months = monthlyTargets('2017-18', 65_400_000);
    expect(months).toHaveLength(12);
    expect(months[0]).toEqual({ month: '2017-04', pence: 5_450_000 });
    expect(months[11]).toEqual({ month: '2018-03', pence: 5_450_000 });
    expect(monthlyTargets('2017-18', 100).map((m) => m.pence)).toEqual([8, 8, 9, 8, 8, 9, 8, 8, 9, 8, 8, 9]);
  });

  it('gives every half and quarter its exact share, rounded down', () => {
    const months = monthlyTargets('2017-18', 100_000_001).map((m) => m.pence);
    const sum = (from: number, to: number) => months.slice(from, to).reduce((a, b) => a + b, 0);
    expect([sum(0, 3), sum(0, 6), sum(0, 9), sum(0, 12)]).toEqual([25_000_000, 50_000_000, 75_000_000, 100_000_001]);
  });

  it('always adds up to the year, negative or positive', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (pence) => {
        const months = monthlyTargets('2016-17', pence);
        expect(months.reduce((sum, m) => sum + m.pence, 0)).toBe(pence);
        expect(Math.max(...months.map((m) => m.pence)) - Math.min(...months.map((m) => m.pence))).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('monthlyTargets, exactly', () => {
  it('matches whole-number division for any amount, however large', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 0, max: 1e13 }), fc.maxSafeInteger().map((n) => Math.floor(n / 12)), fc.maxSafeInteger()), (pence) => {
        const running = monthlyTargets('2016-17', pence).reduce<number[]>((totals, m) => [...totals, (totals.at(-1) ?? 0) + m.pence], []);
        const exact = Array.from({ length: 12 }, (_, k) => Number((BigInt(pence) * BigInt(k + 1)) / 12n));
        expect(running).toEqual(exact);
      }),
    );
  });
});

describe('scopeTargets and scopeLedger', () => {
  const targets = [
    { lineId: 1, fy: '2017-18', amountPence: 100_000_000 },
    { lineId: 1, fy: '2016-17', amountPence: 50 },
    { lineId: 2, fy: null, amountPence: 11_000_000 },
  ];

  it('takes a half of a year’s target pro rata, and drops other years and unprofiled money', () => {
    const { targets: scoped, partYears } = scopeTargets(targets, parseScope('2017-18-H1'));
    expect(scoped).toEqual([{ lineId: 1, fy: '2017-18', amountPence: 50_000_000 }]);
    expect([...partYears]).toEqual(['2017-18']);
  });

  it('keeps whole years whole and unprofiled money only for all years', () => {
    expect(scopeTargets(targets, parseScope('2016-17..2017-18')).targets.map((t) => t.amountPence)).toEqual([100_000_000, 50]);
    expect(scopeTargets(targets, parseScope('all')).targets).toHaveLength(3);
  });

  it('counts monthly actuals by month, yearly ones only for the whole year, and says which it left out', () => {
    const ledger = [
      { lineId: 1, measure: 'actual' as const, fy: '2017-18', month: '2017-05', force: null, amountPence: 10 },
      { lineId: 1, measure: 'actual' as const, fy: '2017-18', month: '2017-11', force: null, amountPence: 20 },
      { lineId: 2, measure: 'actual' as const, fy: '2016-17', month: null, force: null, amountPence: 30 },
      { lineId: 3, measure: 'actual' as const, fy: null, month: null, force: null, amountPence: 40 },
    ];
    const half = scopeLedger(ledger, parseScope('2017-18-H1'));
    expect(half.ledger.map((e) => e.amountPence)).toEqual([10]);
    const h2016 = scopeLedger(ledger, parseScope('2016-17-H2'));
    expect(h2016.ledger).toEqual([]);
    expect([...h2016.yearlyOnlyYears]).toEqual(['2016-17']);
    expect(scopeLedger(ledger, parseScope('2016-17')).ledger.map((e) => e.amountPence)).toEqual([30]);
    expect(scopeLedger(ledger, parseScope('all')).ledger).toHaveLength(4);
    // Since the start, to the end of H1 2017/18: every earlier figure, the undated one, May not November.
    expect(scopeLedger(ledger, parseScope('..2017-18-H1')).ledger.map((e) => e.amountPence)).toEqual([10, 30, 40]);
  });

  it('counts a figure with no year since the start only from the half in which it was reported', () => {
    const undated = [{ lineId: 3, measure: 'actual' as const, fy: null, month: null, force: null, amountPence: 20_000_000, reportedOn: '2016-09-21' }];
    expect(scopeLedger(undated, parseScope('..2015-16-H2')).ledger).toEqual([]);
    expect(scopeLedger(undated, parseScope('..2016-17-H1')).ledger).toEqual(undated);
    expect(scopeLedger(undated, parseScope('all')).ledger).toEqual(undated);
  });

  it('since the start takes every earlier year whole, the last pro rata to the period’s end, and unprofiled money', () => {
    const { targets: scoped, partYears } = scopeTargets(targets, parseScope('..2017-18-H1'));
    expect(scoped.map((t) => t.amountPence)).toEqual([50_000_000, 50, 11_000_000]);
    expect([...partYears]).toEqual(['2017-18']);
    expect(scopeTargets(targets, parseScope('..2016-17-H2')).targets.map((t) => t.amountPence)).toEqual([50, 11_000_000]);
  });
});

describe('rateYearsInProgress', () => {
  const rate = (target: number, delivered: number | null) => (delivered === null ? 'none' : delivered >= target ? 'green' : delivered * 1000 >= target * 950 ? 'amber' : 'red') as 'green' | 'amber' | 'red' | 'none';
  const periods = [
    { fy: '2016-17', deliveredPence: 100, rag: 'red' as const },
    { fy: '2017-18', deliveredPence: 31_500_000, rag: 'red' as const },
    { fy: null, deliveredPence: 5, rag: 'green' as const },
  ];
  const targets = [
    { lineId: 1, fy: '2016-17', amountPence: 1_000 },
    { lineId: 1, fy: '2017-18', amountPence: 65_400_000 },
  ];

  it('judges a year still running on its target to date, and leaves ended years alone', () => {
    const rated = rateYearsInProgress(periods, targets, ALL_YEARS, '2017-10-20', rate);
    expect(rated[0]).toMatchObject({ fy: '2016-17', targetToDatePence: null, rag: 'red' });
    // April to September have ended: six twelfths of £654k.
    expect(rated[1]).toMatchObject({ fy: '2017-18', targetToDatePence: 32_700_000, rag: 'amber', variancePence: -1_200_000 });
    expect(rated[2]).toMatchObject({ fy: null, targetToDatePence: null, rag: 'green' });
  });

  it('counts only whole months: on 1 April nothing is due yet', () => {
    expect(lastEndedMonth('2017-04-01')).toBe('2017-03');
    expect(lastEndedMonth('2018-01-15')).toBe('2017-12');
    expect(rateYearsInProgress(periods, targets, ALL_YEARS, '2017-04-01', rate)[1]).toMatchObject({ targetToDatePence: 0, rag: 'green' });
  });

  it('cuts a half to its months once: a half that has ended is judged on its whole target, a half running on its months so far', () => {
    const half = [{ fy: '2017-18', deliveredPence: 31_500_000 }];
    // H1 has ended by October: judged on its own target (half of £654k), not a quarter of the year.
    expect(rateYearsInProgress(half, targets, parseScope('2017-18-H1'), '2017-10-20', rate)[0]).toMatchObject({ targetToDatePence: null });
    // Mid-August, April to July of H1 have ended: four twelfths of the year's £654k.
    expect(rateYearsInProgress(half, targets, parseScope('2017-18-H1'), '2017-08-15', rate)[0]).toMatchObject({
      targetToDatePence: 21_800_000,
      rag: 'green',
    });
    // Since the start to the end of H2 in January: April to December of 2017/18, nine twelfths.
    expect(rateYearsInProgress(half, targets, parseScope('..2017-18-H2'), '2018-01-10', rate)[0]).toMatchObject({
      targetToDatePence: 49_050_000,
      rag: 'red',
    });
  });
});

describe('cumulativeTimeline', () => {
  it('accumulates target and delivery month by month; a yearly actual lands in March', () => {
    const months = monthsOfYears(['2014-15']);
    const points = cumulativeTimeline(
      [{ lineId: 1, fy: '2014-15', amountPence: 62_600_000 }],
      [{ lineId: 1, measure: 'actual', fy: '2014-15', month: null, force: null, amountPence: 62_600_000 }],
      months,
    );
    expect(points).toHaveLength(12);
    expect(points[5]).toMatchObject({ month: '2014-09', cumulativeTargetPence: 31_300_000, cumulativeDeliveredPence: 0 });
    expect(points[11]).toMatchObject({ month: '2015-03', cumulativeTargetPence: 62_600_000, cumulativeDeliveredPence: 62_600_000 });
  });

  it('spreads many targets of a year exactly as spreading each one and adding the months up', () => {
    const years = ['2016-17', '2017-18', '2018-19'] as const;
    fc.assert(
      fc.property(
        fc.array(fc.record({ fy: fc.constantFrom(...years), amountPence: fc.oneof(fc.integer({ min: -1e9, max: 1e12 }), fc.constantFrom(1, 11, 13, -7)) }), { maxLength: 40 }),
        (targets) => {
          const months = monthsOfYears([...years]);
          const points = cumulativeTimeline(targets.map((t, i) => ({ lineId: i, ...t })), [], months);
          const naive = new Map<string, number>();
          for (const t of targets) for (const m of monthlyTargets(t.fy, t.amountPence)) naive.set(m.month, (naive.get(m.month) ?? 0) + m.pence);
          expect(points.map((p) => p.targetPence)).toEqual(months.map((m) => naive.get(m) ?? 0));
        },
      ),
    );
  });

  it('spans every month between the first and last year', () => {
    expect(monthsOfYears(['2017-18', '2014-15'])).toHaveLength(48);
    expect(monthsOfYears([])).toEqual([]);
  });
});

describe('statusDates: when a function’s status is shown over time', () => {
  it('takes the quarter ends of a year that have passed, then the "as at" date', async () => {
    const { statusDates, parseScope } = await import('../../server/domain/scope');
    expect(statusDates(parseScope('2017-18'), '2026-12-01')).toEqual(['2017-06-30', '2017-09-30', '2017-12-31', '2018-03-31', '2026-12-01']);
    expect(statusDates(parseScope('2017-18'), '2017-11-15')).toEqual(['2017-06-30', '2017-09-30', '2017-11-15']);
    expect(statusDates(parseScope('2017-18-H1'), '2026-12-01')).toEqual(['2017-06-30', '2017-09-30', '2026-12-01']);
    expect(statusDates(parseScope(undefined), '2026-12-01', 3)).toEqual(['2026-03-31', '2026-06-30', '2026-09-30', '2026-12-01']);
  });
});
