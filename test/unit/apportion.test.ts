import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportion, assertSharesComplete, formatShare } from '../../server/domain/apportion';
import type { Share } from '../../server/domain/apportion';

const MAX = Number.MAX_SAFE_INTEGER;

/** Shares from tenths of a percent, keyed a, b, c… in order. */
function shares(...tenths: number[]): Share[] {
  return tenths.map((tenthsPercent, index) => ({ key: String.fromCharCode(97 + index), tenthsPercent }));
}

function pence(total: number, tenths: number[]): number[] {
  return apportion(total, shares(...tenths)).map((part) => part.pence);
}

/** Any complete share vector: cut 0..1000 at sorted points, so the pieces add to exactly 1000. */
const completeShares = fc
  .array(fc.integer({ min: 0, max: 1000 }), { maxLength: 12 })
  .map((cuts) => {
    const points = [0, ...[...cuts].sort((a, b) => a - b), 1000];
    return points.slice(1).map((point, index) => ({ key: `force-${index}`, tenthsPercent: point - (points[index] ?? 0) }));
  });

describe('formatShare', () => {
  it.each([
    [333, '33.3%'],
    [334, '33.4%'],
    [1000, '100.0%'],
    [999, '99.9%'],
    [0, '0.0%'],
    [5, '0.5%'],
    [50, '5.0%'],
    [1001, '100.1%'],
    [-5, '-0.5%'],
    [-1000, '-100.0%'],
  ])('writes %d as %s', (tenths, text) => {
    expect(formatShare(tenths)).toBe(text);
  });

  it.each([1.5, NaN, Infinity])('refuses %s', (value) => {
    expect(() => formatShare(value)).toThrow(RangeError);
  });
});

describe('assertSharesComplete', () => {
  it.each([[[1000]], [[333, 333, 334]], [[0, 1000]], [[500, 0, 500]], [[1, 999]]])('accepts %j', (tenths) => {
    expect(() => assertSharesComplete(shares(...tenths))).not.toThrow();
  });

  it.each([
    [[333, 333, 333], 'shares add up to 99.9%, not 100.0%'],
    [[500, 501], 'shares add up to 100.1%, not 100.0%'],
    [[0], 'shares add up to 0.0%, not 100.0%'],
    [[1000, 1000], 'shares add up to 200.0%, not 100.0%'],
  ])('refuses %j, naming the total', (tenths, message) => {
    expect(() => assertSharesComplete(shares(...tenths))).toThrow(new RangeError(message));
  });

  it('refuses no shares at all, saying so', () => {
    expect(() => assertSharesComplete([])).toThrow(new RangeError('there are no shares to split between'));
  });

  it('refuses a key given twice, naming it', () => {
    expect(() =>
      assertSharesComplete([
        { key: 'kent', tenthsPercent: 500 },
        { key: 'kent', tenthsPercent: 500 },
      ]),
    ).toThrow(/"kent" has more than one share/);
  });

  it('refuses an empty key', () => {
    expect(() => assertSharesComplete([{ key: '', tenthsPercent: 1000 }])).toThrow(RangeError);
  });

  // [-1, 1000, 1] adds up to 100.0%, so only the negative share is wrong.
  it.each([[[-1, 1000, 1]], [[-1, 1001]], [[1001, -1]], [[500.5, 499.5]], [[NaN, 1000]], [[1000, 0.0001]]])(
    'refuses a share that is not a whole number from 0 to 1000 in %j',
    (tenths) => {
      expect(() => assertSharesComplete(shares(...tenths))).toThrow(/must be a whole number of tenths/);
    },
  );
});

describe('apportion', () => {
  it.each<[number, number[], number[]]>([
    // 333/333/334 of a single penny: the largest remainder (the 33.4% share) takes it.
    [1, [333, 333, 334], [0, 0, 1]],
    [100, [333, 333, 334], [33, 33, 34]],
    // Two pence: the 33.4% share first, then the tie between equal shares goes to the first given.
    [2, [333, 333, 334], [1, 0, 1]],
    [1_000, [333, 333, 334], [333, 333, 334]],
    [460_000_000, [333, 333, 334], [153_180_000, 153_180_000, 153_640_000]],
    // Equal remainders, different shares: the larger share wins, wherever it is.
    [2, [250, 750], [0, 2]],
    [2, [750, 250], [2, 0]],
    // Equal remainders and equal shares: order given.
    [1, [500, 500], [1, 0]],
    [3, [250, 250, 250, 250], [1, 1, 1, 0]],
    // A share of 0 never gets a penny.
    [100, [0, 1000], [0, 100]],
    [1, [0, 500, 500], [0, 1, 0]],
    [7, [0, 1000, 0], [0, 7, 0]],
    // One share of everything.
    [1, [1000], [1]],
    [MAX, [1000], [MAX]],
    // Totals of zero.
    [0, [1000], [0]],
    [0, [333, 333, 334], [0, 0, 0]],
    // Negative totals split by size and negated.
    [-100, [333, 333, 334], [-33, -33, -34]],
    [-1, [333, 333, 334], [0, 0, -1]],
    [-2, [250, 750], [0, -2]],
    // Exact for the largest safe total, where total × share passes 2^53.
    [MAX, [1, 999], [9_007_199_254_741, 8_998_192_055_486_250]],
    [-MAX, [1, 999], [-9_007_199_254_741, -8_998_192_055_486_250]],
    [MAX, [333, 333, 334], [2_999_397_351_828_750, 2_999_397_351_828_750, 3_008_404_551_083_491]],
    // Here a floating-point product rounds the remainders the wrong way round.
    [9_007_199_254_165_050, [931, 69], [8_385_702_505_627_662, 621_496_748_537_388]],
  ])('splits %d by %j as %j', (total, tenths, expected) => {
    expect(pence(total, tenths)).toEqual(expected);
  });

  it('keeps the keys in the order given', () => {
    const result = apportion(100, [
      { key: 'surrey', tenthsPercent: 600 },
      { key: 'sussex', tenthsPercent: 400 },
    ]);
    expect(result).toEqual([
      { key: 'surrey', pence: 60 },
      { key: 'sussex', pence: 40 },
    ]);
  });

  it('never gives -0 for a zero part of a negative total', () => {
    for (const part of pence(-1, [333, 333, 334]).slice(0, 2)) expect(Object.is(part, 0)).toBe(true);
    expect(Object.is(pence(-5, [0, 1000])[0], 0)).toBe(true);
  });

  it('refuses a total that is not pence', () => {
    expect(() => apportion(1.5, shares(1000))).toThrow(/total/);
    expect(() => apportion(MAX + 1, shares(1000))).toThrow(RangeError);
  });

  it('refuses incomplete shares', () => {
    expect(() => apportion(100, shares(333, 333, 333))).toThrow('shares add up to 99.9%, not 100.0%');
    expect(() => apportion(100, [])).toThrow(RangeError);
  });

  it('parts always sum to the total and each is within a penny of its exact quota', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), completeShares, (total, shareList) => {
        const parts = apportion(total, shareList);
        expect(parts.map((part) => part.key)).toEqual(shareList.map((share) => share.key));
        expect(parts.reduce((sum, part) => sum + BigInt(part.pence), 0n)).toBe(BigInt(total));
        parts.forEach((part, index) => {
          expect(Number.isSafeInteger(part.pence)).toBe(true);
          const quota = BigInt(total) * BigInt(shareList[index]?.tenthsPercent ?? NaN);
          const gap = BigInt(part.pence) * 1000n - quota;
          expect(gap < 1000n && gap > -1000n).toBe(true);
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('is exact for totals anywhere in the safe range, where total × share passes 2^53', () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX, max: MAX }), completeShares, (total, shareList) => {
        const parts = apportion(total, shareList);
        expect(parts.reduce((sum, part) => sum + BigInt(part.pence), 0n)).toBe(BigInt(total));
        parts.forEach((part, index) => {
          const quota = BigInt(total) * BigInt(shareList[index]?.tenthsPercent ?? NaN);
          const gap = BigInt(part.pence) * 1000n - quota;
          expect(gap < 1000n && gap > -1000n).toBe(true);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('gives the spare pence to the largest remainders, then larger shares, then the order given', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), completeShares, (total, shareList) => {
        const parts = apportion(total, shareList);
        const claims = shareList.map((share, index) => {
          const quota = BigInt(total) * BigInt(share.tenthsPercent);
          const got = BigInt(parts[index]?.pence ?? NaN);
          return { index, share: share.tenthsPercent, remainder: quota % 1000n, extra: got * 1000n > quota };
        });
        // Ranking used by the rule: remainder, then share, then earlier first.
        const beats = (a: (typeof claims)[number], b: (typeof claims)[number]) =>
          a.remainder !== b.remainder
            ? a.remainder > b.remainder
            : a.share !== b.share
              ? a.share > b.share
              : a.index < b.index;
        for (const winner of claims.filter((claim) => claim.extra)) {
          for (const loser of claims.filter((claim) => !claim.extra)) {
            expect(beats(winner, loser)).toBe(true);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('splits a negative total as the mirror image of the positive one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), completeShares, (total, shareList) => {
        const positive = apportion(total, shareList).map((part) => part.pence);
        const negative = apportion(-total, shareList).map((part) => part.pence);
        expect(negative).toEqual(positive.map((part) => (part === 0 ? 0 : -part)));
      }),
    );
  });
});
