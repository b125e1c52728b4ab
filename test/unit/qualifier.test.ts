import { describe, expect, it } from 'vitest';
import { precisionOf, qualifierOfGap, qualifierOfSum, qualifierOfVariance } from '../../server/domain/qualifier';
import { rollUpPeriods, totalsOf } from '../../server/domain/rollup';

describe('qualifiers travel with their figures', () => {
  it('reads the papers’ words as how precise a figure is', () => {
    expect(['over', 'Over', 'more than'].map(precisionOf)).toEqual(['at-least', 'at-least', 'at-least']);
    expect(['circa', 'approximately', 'about'].map(precisionOf)).toEqual(['approximate', 'approximate', 'approximate']);
    expect([null, 'originally predicted', 'mostly telecoms'].map(precisionOf)).toEqual(['exact', 'exact', 'exact']);
  });

  it('gives a sum the papers’ own word, or "approximately" or "at least" where the parts differ', () => {
    expect(qualifierOfSum(['over'])).toBe('over');
    expect(qualifierOfSum(['over', 'over'])).toBe('over');
    expect(qualifierOfSum(['originally predicted'])).toBe('originally predicted');
    expect(qualifierOfSum([null, 'over', null])).toBe('at least');
    expect(qualifierOfSum(['circa', null])).toBe('approximately');
    expect(qualifierOfSum(['circa', 'over'])).toBe('approximately');
    expect(qualifierOfSum([null, 'originally predicted'])).toBeNull();
    expect(qualifierOfSum([])).toBeNull();
  });

  it('says what a variance rests on: over £200k against £110k is at least £90k ahead', () => {
    expect(qualifierOfVariance('over', null, 9_000_000)).toBe('at least');
    // Delivered over £50k against £80k: at most £30k short.
    expect(qualifierOfVariance('over', null, -3_000_000)).toBe('at most');
    expect(qualifierOfVariance(null, 'over', 100)).toBe('at most');
    expect(qualifierOfVariance(null, 'over', -100)).toBe('at least');
    expect(qualifierOfVariance(null, 'circa', -100)).toBe('approximately');
    expect(qualifierOfVariance(null, null, 5)).toBeNull();
    expect(qualifierOfGap('over', null, -9_000_000)).toBe('at least');
  });

  it('flows through the roll-up into a period and a function’s totals', () => {
    const periods = rollUpPeriods(
      [{ lineId: 1, fy: null, amountPence: 11_000_000, qualifier: 'originally predicted' }],
      [{ lineId: 1, measure: 'actual', fy: null, force: null, amountPence: 20_000_000, qualifiers: ['over'] }],
      50,
    );
    expect(periods[0]).toMatchObject({ variancePence: 9_000_000, deliveredQualifier: 'over', targetQualifier: 'originally predicted', varianceQualifier: 'at least' });
    expect(totalsOf(periods)).toMatchObject({ deliveredQualifier: 'over', gapPence: -9_000_000, gapQualifier: 'at least' });
  });
});
