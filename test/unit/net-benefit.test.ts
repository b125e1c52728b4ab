import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { costInYears, netBenefitByYear } from '../../server/domain/net-benefit';

describe('netBenefitByYear', () => {
  it('sets savings against costs each year and to date, and finds the year the savings to date cover the costs', () => {
    // A programme costing £1.35m a year (the Seven Force £1.2m + £150k) against savings that grow.
    const result = netBenefitByYear([
      { fy: '2016-17', targetPence: 50_000_000, deliveredPence: 40_000_000, costsPence: 135_000_000 },
      { fy: '2017-18', targetPence: 150_000_000, deliveredPence: 140_000_000, costsPence: 135_000_000 },
      { fy: '2018-19', targetPence: 250_000_000, deliveredPence: 240_000_000, costsPence: 135_000_000 },
    ]);
    expect(result.years.map((y) => y.netPlannedPence)).toEqual([-85_000_000, 15_000_000, 115_000_000]);
    expect(result.years.map((y) => y.cumulativeNetPlannedPence)).toEqual([-85_000_000, -70_000_000, 45_000_000]);
    expect(result.years.map((y) => y.cumulativeNetDeliveredPence)).toEqual([-95_000_000, -90_000_000, 15_000_000]);
    expect(result.payback).toEqual({ planned: '2018-19', delivered: '2018-19' });
    expect(result.totals).toEqual({ targetPence: 450_000_000, deliveredPence: 420_000_000, costsPence: 405_000_000, netPlannedPence: 45_000_000, netDeliveredPence: 15_000_000 });
  });

  it('has no payback year with no costs, nor one that never comes', () => {
    expect(netBenefitByYear([{ fy: '2017-18', targetPence: 100, deliveredPence: 100, costsPence: 0 }]).payback).toEqual({ planned: null, delivered: null });
    expect(netBenefitByYear([{ fy: '2017-18', targetPence: 10, deliveredPence: 5, costsPence: 100 }]).payback).toEqual({ planned: null, delivered: null });
  });

  it('stops the delivered running total at the first year with no actual, rather than counting it as nothing', () => {
    const result = netBenefitByYear([
      { fy: '2017-18', targetPence: 100, deliveredPence: 90, costsPence: 50 },
      { fy: '2018-19', targetPence: 100, deliveredPence: null, costsPence: 50 },
      { fy: '2019-20', targetPence: 100, deliveredPence: 100, costsPence: 50 },
    ]);
    expect(result.years.map((y) => y.cumulativeNetDeliveredPence)).toEqual([40, null, null]);
    expect(result.years[1]!.netDeliveredPence).toBeNull();
  });

  it('always nets to the penny: the planned total is the targets less the costs, and the running total ends there', () => {
    const year = fc.record({ targetPence: fc.integer({ min: 0, max: 1e11 }), deliveredPence: fc.integer({ min: 0, max: 1e11 }), costsPence: fc.integer({ min: 0, max: 1e11 }) });
    fc.assert(
      fc.property(fc.array(year, { minLength: 1, maxLength: 15 }), (years) => {
        const result = netBenefitByYear(years.map((y, i) => ({ ...y, fy: `${2010 + i}-${String(11 + i).slice(-2)}` })));
        expect(result.years.at(-1)!.cumulativeNetPlannedPence).toBe(result.totals.netPlannedPence);
        expect(result.totals.netPlannedPence).toBe(years.reduce((s, y) => s + y.targetPence - y.costsPence, 0));
      }),
    );
  });
});

describe('costInYears', () => {
  const years = ['2016-17', '2017-18', '2018-19'];
  it('counts a one-off cost in its year only', () => {
    expect([...costInYears({ fiscalYear: '2017-18', kind: 'one-off', amountPence: 500 }, years)]).toEqual([['2017-18', 500]]);
  });
  it('counts a recurring cost in its year and every one after', () => {
    expect([...costInYears({ fiscalYear: '2017-18', kind: 'recurring', amountPence: 500 }, years)]).toEqual([
      ['2017-18', 500],
      ['2018-19', 500],
    ]);
  });
});
