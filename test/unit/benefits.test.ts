import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMeasure, parseMeasure } from '../../client/lib/measure';
import { benefitRag, progressTenthsPercent } from '../../server/domain/benefits';

describe('benefitRag', () => {
  it.each([
    // direction, target, tolerance, latest, expected
    ['higher-is-better', 80_000, 5_000, 85_000, 'green'],
    ['higher-is-better', 80_000, 5_000, 80_000, 'green'],
    ['higher-is-better', 80_000, 5_000, 75_000, 'amber'],
    ['higher-is-better', 80_000, 5_000, 74_999, 'red'],
    ['lower-is-better', 12_500, 2_500, 12_000, 'green'],
    ['lower-is-better', 12_500, 2_500, 12_500, 'green'],
    ['lower-is-better', 12_500, 2_500, 15_000, 'amber'],
    ['lower-is-better', 12_500, 2_500, 20_000, 'red'],
    ['lower-is-better', 12_500, 0, 12_501, 'red'],
  ] as const)('%s, target %i, tolerance %i: %i is %s', (direction, targetMilli, toleranceMilli, latestMilli, expected) => {
    expect(benefitRag({ direction, targetMilli, toleranceMilli, latestMilli })).toBe(expected);
  });

  it('says "not yet measured" before any measure, whatever else is set', () => {
    expect(benefitRag({ direction: 'higher-is-better', targetMilli: 1, toleranceMilli: 0, latestMilli: null })).toBe('not-measured');
    expect(benefitRag({ direction: 'lower-is-better', targetMilli: null, toleranceMilli: 0, latestMilli: null })).toBe('not-measured');
  });

  it('cannot rate a measure with no target', () => {
    expect(benefitRag({ direction: 'higher-is-better', targetMilli: null, toleranceMilli: 0, latestMilli: 70_000 })).toBe('no-target');
  });

  it('rates a higher-is-better measure the mirror of the same lower-is-better one', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: -1e9, max: 1e9 }), (target, tolerance, latest) => {
        expect(benefitRag({ direction: 'higher-is-better', targetMilli: target, toleranceMilli: tolerance, latestMilli: latest })).toBe(
          benefitRag({ direction: 'lower-is-better', targetMilli: -target, toleranceMilli: tolerance, latestMilli: -latest }),
        );
      }),
    );
  });
});

describe('progressTenthsPercent', () => {
  it('measures the way from baseline to target', () => {
    expect(progressTenthsPercent(25_000, 12_500, 18_750)).toBe(500);
    expect(progressTenthsPercent(25_000, 12_500, 12_500)).toBe(1000);
    expect(progressTenthsPercent(25_000, 12_500, 30_000)).toBe(-400);
    expect(progressTenthsPercent(null, 12_500, 1)).toBeNull();
  });
});

describe('parseMeasure and formatMeasure', () => {
  it.each([
    ['12.5', 12_500],
    ['25%', 25_000],
    ['27,000', 27_000_000],
    ['0.001', 1],
    ['-3', -3_000],
  ])('reads %s', (text, milli) => {
    expect(parseMeasure(text)).toBe(milli);
  });

  it.each(['', 'a quarter', '1.2345', '1.2.3', '12.5.'])('refuses %s', (text) => {
    expect(parseMeasure(text)).toBeNull();
  });

  it('round-trips', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (milli) => {
        expect(parseMeasure(formatMeasure(milli))).toBe(milli);
      }),
    );
  });
});
