import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportion } from '../../server/domain/apportion';
import { sharesByBasis } from '../../server/domain/shares';

const tenths = (bases: { key: string; amount: number }[]) => sharesByBasis(bases).map((s) => s.tenthsPercent);

describe('shares by Net Revenue Expenditure, to one decimal place', () => {
  it('gives each force its exact share rounded by largest remainder, adding up to 100.0%', () => {
    // 1/3 each: 333.33… tenths; the tenth left over goes to the first force of three equal ones.
    expect(tenths([{ key: 'a', amount: 100 }, { key: 'b', amount: 100 }, { key: 'c', amount: 100 }])).toEqual([334, 333, 333]);
    expect(tenths([{ key: 'a', amount: 1 }, { key: 'b', amount: 3 }])).toEqual([250, 750]);
  });

  it('breaks a tie between equal fractions towards the larger basis, then the order given', () => {
    // 2/7 and 1/7 × 5: exact tenths 285.71… and 142.857…; the fractions differ, so no tie.
    expect(tenths([{ key: 'big', amount: 2 }, ...['p', 'q', 'r', 's', 't'].map((key) => ({ key, amount: 1 }))]).reduce((a, b) => a + b, 0)).toBe(1000);
    // Two forces whose exact shares both end in .5 tenths, one tenth left: the larger basis takes it.
    // 45.55% and 54.45% → 455.5 and 544.5 tenths.
    expect(tenths([{ key: 'small', amount: 4555 }, { key: 'large', amount: 5445 }])).toEqual([455, 545]);
    // Seven equal bases: 142.857… tenths each; the six tenths left go to the first six given.
    expect(tenths(['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((key) => ({ key, amount: 1 })))).toEqual([143, 143, 143, 143, 143, 143, 142]);
  });

  it('seven forces, six of whose exact shares end in .x5: 100.0%, where rounding each half up would make 100.3%', () => {
    // Of 20,000: 2,850 is exactly 14.25% (142.5 tenths) and 2,900 is 14.5%.
    const bases = [2850, 2850, 2850, 2850, 2850, 2850, 2900].map((amount, i) => ({ key: `force-${i + 1}`, amount }));
    expect(tenths(bases)).toEqual([143, 143, 143, 142, 142, 142, 145]);
    // Unequal bases with the same .5 fraction: the tenths go to the larger bases first.
    // 2,830 → 141.5, 2,870 → 143.5, 2,850 → 142.5 (×4), 2,900 → 145.0; three tenths left.
    expect(tenths([2830, 2870, 2850, 2850, 2850, 2850, 2900].map((amount, i) => ({ key: `force-${i + 1}`, amount })))).toEqual([141, 144, 143, 143, 142, 142, 145]);
  });

  it('gives a force with no NRE 0.0%, one force 100.0%, and refuses nothing to share by', () => {
    expect(tenths([{ key: 'a', amount: 0 }, { key: 'b', amount: 7 }])).toEqual([0, 1000]);
    expect(tenths([{ key: 'alone', amount: 123_456_789_00 }])).toEqual([1000]);
    expect(() => sharesByBasis([])).toThrow('there is no basis to share by');
    expect(() => sharesByBasis([{ key: 'a', amount: 0 }])).toThrow('every basis is zero');
    expect(() => sharesByBasis([{ key: 'a', amount: -1 }])).toThrow('whole, non-negative');
  });

  it('always adds up to 100.0%, each share within a tenth of exact, and money split by them to the penny', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 500_000_000_000 }), { minLength: 1, maxLength: 44 }).filter((a) => a.some((x) => x > 0)),
        fc.integer({ min: 0, max: 10_000_000_000 }),
        (amounts, pence) => {
          const bases = amounts.map((amount, i) => ({ key: `force-${i}`, amount }));
          const shares = sharesByBasis(bases);
          expect(shares.reduce((s, x) => s + x.tenthsPercent, 0)).toBe(1000);
          const total = amounts.reduce((s, a) => s + a, 0);
          for (const [i, s] of shares.entries()) expect(Math.abs(s.tenthsPercent - (amounts[i]! * 1000) / total)).toBeLessThan(1);
          expect(apportion(pence, shares).reduce((s, p) => s + p.pence, 0)).toBe(pence);
        },
      ),
    );
  });
});
