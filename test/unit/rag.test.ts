import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chartOfMostOffTrack, RAG_ORDER, overallRag, ragOf, varianceOf } from '../../server/domain/rag';
import type { Rag } from '../../server/domain/rag';

const MAX = Number.MAX_SAFE_INTEGER;

describe('RAG_ORDER', () => {
  it('lists ratings worst first and leaves out none', () => {
    expect(RAG_ORDER).toEqual(['red', 'amber', 'green']);
  });
});

describe('ragOf', () => {
  it.each<[number, number | null, number, Rag]>([
    // No actual yet.
    [100_000, null, 50, 'none'],
    [0, null, 0, 'none'],
    // Met or beaten.
    [100_000, 100_000, 50, 'green'],
    [100_000, 100_001, 50, 'green'],
    [100_000, 100_000, 0, 'green'],
    // 5.0% tolerance of £1,000: amber down to exactly £950, red a penny below.
    [100_000, 99_999, 50, 'amber'],
    [100_000, 95_000, 50, 'amber'],
    [100_000, 94_999, 50, 'red'],
    // Tolerance 0: any shortfall is red.
    [100_000, 99_999, 0, 'red'],
    // Tolerance 100%: anything from zero up is at worst amber.
    [100_000, 0, 1000, 'amber'],
    [100_000, -1, 1000, 'red'],
    // Boundary that needs the tenths: 0.1% of 1,000p is exactly 1p.
    [1_000, 999, 1, 'amber'],
    [1_000, 998, 1, 'red'],
    // A boundary that is not a whole penny: 5.0% of 99p is 4.95p, so 94.05p is the floor.
    [99, 95, 50, 'amber'],
    [99, 94, 50, 'red'],
    // Target zero: any actual from zero up is green; below zero is red.
    [0, 0, 50, 'green'],
    [0, 1, 50, 'green'],
    [0, 0, 0, 'green'],
    [0, -1, 1000, 'red'],
    // £4.6m target, 5.0% tolerance: floor is £4.37m.
    [460_000_000, 437_000_000, 50, 'amber'],
    [460_000_000, 436_999_999, 50, 'red'],
    // Negative target (a planned net cost): met or beaten is green, tolerance still below it.
    [-100_000, -100_000, 50, 'green'],
    [-100_000, -50_000, 50, 'green'],
    [-100_000, -105_000, 50, 'amber'],
    [-100_000, -105_001, 50, 'red'],
    // Products beyond 2^53 are still compared exactly.
    [MAX, MAX - 1, 0, 'red'],
    [MAX, MAX - 1, 1, 'amber'],
    [MAX, 0, 1000, 'amber'],
    [MAX, MAX, 0, 'green'],
    // 1.0% of 9007199254740991 is 90071992547409.91, so the floor is 8917127262193581.09p.
    [MAX, 8_917_127_262_193_582, 10, 'amber'],
    [MAX, 8_917_127_262_193_581, 10, 'red'],
  ])('target %d, actual %s, tolerance %d → %s', (targetPence, actualPence, toleranceTenthsPercent, expected) => {
    expect(ragOf({ targetPence, actualPence, toleranceTenthsPercent })).toBe(expected);
  });

  it.each([
    [{ targetPence: 1.5, actualPence: 1, toleranceTenthsPercent: 50 }, /target/],
    [{ targetPence: 100, actualPence: 1.5, toleranceTenthsPercent: 50 }, /actual/],
    [{ targetPence: 100, actualPence: NaN, toleranceTenthsPercent: 50 }, /actual/],
    [{ targetPence: 100, actualPence: MAX + 1, toleranceTenthsPercent: 50 }, /actual/],
    [{ targetPence: 100, actualPence: 1, toleranceTenthsPercent: -1 }, /tolerance/],
    [{ targetPence: 100, actualPence: 1, toleranceTenthsPercent: 1001 }, /tolerance/],
    [{ targetPence: 100, actualPence: 1, toleranceTenthsPercent: 2.5 }, /tolerance/],
    // Bad tolerance is refused even before an actual exists.
    [{ targetPence: 100, actualPence: null, toleranceTenthsPercent: 1001 }, /tolerance/],
  ])('refuses %j', (input, message) => {
    expect(() => ragOf(input)).toThrow(RangeError);
    expect(() => ragOf(input)).toThrow(message);
  });

  it('agrees with the rule written in exact rational arithmetic', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: MAX }),
        fc.integer({ min: -MAX, max: MAX }),
        fc.integer({ min: 0, max: 1000 }),
        (targetPence, actualPence, toleranceTenthsPercent) => {
          const target = BigInt(targetPence);
          const actual = BigInt(actualPence);
          const expected: Rag =
            actual >= target
              ? 'green'
              : actual * 1000n >= target * (1000n - BigInt(toleranceTenthsPercent))
                ? 'amber'
                : 'red';
          expect(ragOf({ targetPence, actualPence, toleranceTenthsPercent })).toBe(expected);
        },
      ),
    );
  });

  it('never improves when the actual falls or the tolerance tightens', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.nat(1e6),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        (targetPence, actualPence, drop, toleranceA, toleranceB) => {
          const rank = (rag: Rag) => RAG_ORDER.indexOf(rag as (typeof RAG_ORDER)[number]);
          const [loose, tight] = toleranceA >= toleranceB ? [toleranceA, toleranceB] : [toleranceB, toleranceA];
          const base = ragOf({ targetPence, actualPence, toleranceTenthsPercent: loose });
          const lower = ragOf({ targetPence, actualPence: actualPence - drop, toleranceTenthsPercent: loose });
          const tighter = ragOf({ targetPence, actualPence, toleranceTenthsPercent: tight });
          expect(rank(lower)).toBeLessThanOrEqual(rank(base));
          expect(rank(tighter)).toBeLessThanOrEqual(rank(base));
        },
      ),
    );
  });
});

describe('varianceOf', () => {
  it.each([
    [100, 150, 50, 'ahead'],
    [100, 100, 0, 'on target'],
    [100, 99, -1, 'short'],
    [0, 0, 0, 'on target'],
    [0, -5, -5, 'short'],
    [-100, -50, 50, 'ahead'],
    [460_000_000, 437_000_000, -23_000_000, 'short'],
    [MAX, 0, -MAX, 'short'],
    [0, MAX, MAX, 'ahead'],
  ])('target %d, actual %d → %d %s', (target, actual, variancePence, direction) => {
    expect(varianceOf(target, actual)).toEqual({ variancePence, direction });
  });

  it('refuses amounts that are not pence', () => {
    expect(() => varianceOf(1.5, 1)).toThrow(/target/);
    expect(() => varianceOf(1, 1.5)).toThrow(/actual/);
  });

  it('refuses a variance too large to hold exactly', () => {
    expect(() => varianceOf(-MAX, MAX)).toThrow(/variance/);
    expect(varianceOf(MAX, 0).variancePence).toBe(-MAX);
    expect(() => varianceOf(MAX, -1)).toThrow(RangeError);
  });
});

describe('overallRag', () => {
  const periods = (...rags: Rag[]) => rags.map((rag) => ({ rag }));

  it.each<[Rag[], Rag, number, number]>([
    [[], 'none', 0, 0],
    [['none'], 'none', 1, 0],
    [['none', 'none', 'none'], 'none', 3, 0],
    [['green'], 'green', 0, 1],
    [['green', 'green'], 'green', 0, 2],
    [['green', 'amber'], 'amber', 0, 2],
    [['amber', 'green'], 'amber', 0, 2],
    [['green', 'red', 'amber'], 'red', 0, 3],
    [['red', 'green'], 'red', 0, 2],
    // Periods with no actual yet neither help nor hurt the rating.
    [['none', 'green', 'none'], 'green', 2, 1],
    [['none', 'amber'], 'amber', 1, 1],
    [['red', 'none', 'none', 'none'], 'red', 3, 1],
  ])('%j → %s with %d without and %d with an actual', (rags, rag, periodsWithoutActual, periodsWithActual) => {
    expect(overallRag(periods(...rags))).toEqual({ rag, periodsWithoutActual, periodsWithActual });
  });

  it('refuses something that is not a RAG', () => {
    expect(() => overallRag([{ rag: 'blue' as Rag }])).toThrow(RangeError);
  });

  it('is the worst of the rated periods, whatever the order', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom<Rag>('green', 'amber', 'red', 'none'), { maxLength: 30 }), (rags) => {
        const result = overallRag(periods(...rags));
        const rated = rags.filter((rag) => rag !== 'none');
        const expected = rated.includes('red') ? 'red' : rated.includes('amber') ? 'amber' : rated.length > 0 ? 'green' : 'none';
        expect(result).toEqual({
          rag: expected,
          periodsWithoutActual: rags.length - rated.length,
          periodsWithActual: rated.length,
        });
        expect(overallRag(periods(...[...rags].reverse()))).toEqual(result);
      }),
    );
  });
});

describe('chartOfMostOffTrack: what a board can read in one chart', () => {
  const fn = (slug: string, rag: 'red' | 'amber' | 'green' | 'none', targetPence: number, deliveredPence: number, forecastPence: number | null = null, due = true) => ({
    slug,
    rag,
    targetPence,
    deliveredPence,
    gapPence: targetPence - deliveredPence,
    forecastPence,
    periodsWithActual: rag === 'none' ? 0 : 1,
    years: due ? [{}] : [],
  });

  it('draws a short list whole', () => {
    const few = [fn('a', 'green', 100, 100), fn('b', 'red', 100, 10)];
    expect(chartOfMostOffTrack(few)).toEqual({ shown: [few[1], few[0]], rest: null });
  });

  it('draws the most off track one by one and adds the rest together, leaving out those with nothing due', () => {
    const many = Array.from({ length: 300 }, (_, i) => fn(`f${i}`, i % 10 === 0 ? 'red' : 'green', 1_000_00, i % 10 === 0 ? 100_00 : 1_000_00, i === 299 ? 5_00 : null));
    many.push(fn('nothing-due', 'none', 0, 0, null, false));
    const chart = chartOfMostOffTrack(many, 12);
    expect(chart.shown).toHaveLength(12);
    // 30 are red: the twelve drawn are all red.
    expect(chart.shown.map((f) => f.rag)).toEqual(Array(12).fill('red'));
    // 300 with something due, 12 drawn: 288 added together.
    expect(chart.rest).toEqual({ count: 288, targetPence: 288 * 1_000_00, deliveredPence: 18 * 100_00 + 270 * 1_000_00, forecastPence: 5_00 });
  });

  it('draws thirteen rather than a rest of one', () => {
    const thirteen = Array.from({ length: 13 }, (_, i) => fn(`f${i}`, 'green', 100, 100));
    expect(chartOfMostOffTrack(thirteen, 12)).toMatchObject({ rest: null });
    expect(chartOfMostOffTrack(thirteen, 12).shown).toHaveLength(13);
  });
});
