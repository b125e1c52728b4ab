import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertPence, formatMoneyShort, MAX_AMOUNT_PENCE, parseMoneyToPence, penceToPoundsString, readAmount, shortPartsOfWhole, sumPence } from '../../server/domain/money';

const MAX = Number.MAX_SAFE_INTEGER;
const MIN = Number.MIN_SAFE_INTEGER;

describe('assertPence', () => {
  it.each([0, 1, -1, MAX, MIN, 460_000_000])('accepts %s', (value) => {
    expect(() => assertPence(value)).not.toThrow();
  });

  it.each([0.5, -0.01, NaN, Infinity, -Infinity, MAX + 1, MIN - 1, 2 ** 60])('refuses %s', (value) => {
    expect(() => assertPence(value)).toThrow(RangeError);
  });

  it('names what was wrong', () => {
    expect(() => assertPence(1.5, 'target')).toThrow(/target must be a whole number of pence/);
  });
});

describe('sumPence', () => {
  it.each([
    [[], 0],
    [[1], 1],
    [[1, 2, 3], 6],
    [[-5, 5], 0],
    [[460_000_000, -62_600_000], 397_400_000],
    [[MAX, -1, 1], MAX],
    // Past 2^53 on the way, back within range at the end: still exact.
    [[MAX, MAX, -MAX], MAX],
    [[MIN, 1], MIN + 1],
  ])('sums %j to %d', (values, expected) => {
    expect(sumPence(values)).toBe(expected);
  });

  it('refuses a fraction of a penny, saying which amount', () => {
    expect(() => sumPence([1, 2, 0.5])).toThrow(/amount 3/);
  });

  it('refuses a total too large to hold exactly', () => {
    expect(() => sumPence([MAX, 1])).toThrow(RangeError);
    expect(() => sumPence([MIN, -1])).toThrow(RangeError);
  });

  it('matches BigInt addition for arbitrary safe amounts', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e12, max: 1e12 }), { maxLength: 50 }), (values) => {
        const exact = values.reduce((sum, value) => sum + BigInt(value), 0n);
        expect(BigInt(sumPence(values))).toBe(exact);
      }),
    );
  });
});

describe('parseMoneyToPence', () => {
  it.each([
    ['£4.6m', 460_000_000],
    ['£0.626m', 62_600_000],
    ['£654K', 65_400_000],
    ['£654k', 65_400_000],
    ['£1,507,000', 150_700_000],
    ['£200k', 20_000_000],
    ['£0.01', 1],
    ['0.01', 1],
    ['£1.2 million', 120_000_000],
    ['£1.2 Million', 120_000_000],
    ['£3 thousand', 300_000],
    ['£2.5bn', 250_000_000_000],
    ['£2.5BN', 250_000_000_000],
    ['£1 billion', 100_000_000_000],
    ['£4.6M', 460_000_000],
    ['£4.6 m', 460_000_000],
    ['  £4.6m  ', 460_000_000],
    ['£ 4.6m', 460_000_000],
    ['4600000', 460_000_000],
    ['4600000.00', 460_000_000],
    ['£1,507,000.50', 150_700_050],
    ['£12.5', 1_250],
    ['12.340', 1_234], // a trailing zero is not a fraction of a penny
    ['0.00000001m', 1], // a hundred-millionth of a million pounds is one penny
    ['£0', 0],
    ['0.00', 0],
    ['£1k', 100_000],
    ['£0.00001m', 1_000],
    // Negatives: minus before or after the £, and the typographic minus sign.
    ['-£4.6m', -460_000_000],
    ['£-4.6m', -460_000_000],
    ['-4600000.00', -460_000_000],
    ['\u2212£200k', -20_000_000],
    ['-£0.01', -1],
    ['-1,000', -100_000],
    // The largest amount a number holds exactly, and its negative.
    ['90071992547409.91', MAX],
    ['-90071992547409.91', MIN],
  ])('reads %j as %d pence', (text, expected) => {
    expect(parseMoneyToPence(text)).toBe(expected);
  });

  it('gives 0, not -0, for a negative zero', () => {
    expect(Object.is(parseMoneyToPence('-0'), 0)).toBe(true);
    expect(Object.is(parseMoneyToPence('-£0.00m'), 0)).toBe(true);
  });

  it.each([
    'abc',
    '',
    '   ',
    '£',
    '-',
    '£m',
    '1.2.3',
    '1.',
    '.5',
    '£4.6x',
    '£4.6mm',
    '£4.6b',
    '4.6 millions',
    '1,50,000',
    '1,5000',
    ',100',
    '100,',
    '--5',
    '-£-5',
    '££5',
    '5£',
    '1e6',
    '0x10',
    'Infinity',
    'NaN',
    '£ 4 . 6m',
    '(£200k)',
  ])('refuses %j', (text) => {
    expect(() => parseMoneyToPence(text)).toThrow(RangeError);
  });

  it.each(['12.345', '£0.001', '£0.0000001k', '0.000000001m', '£1.0000000000001bn', '-0.005'])(
    'refuses a fraction of a penny in %j',
    (text) => {
      expect(() => parseMoneyToPence(text)).toThrow(/fraction of a penny/);
    },
  );

  it('refuses amounts too large to hold exactly in pence', () => {
    expect(() => parseMoneyToPence('90071992547409.92')).toThrow(/too large/);
    expect(() => parseMoneyToPence('£1000000bn')).toThrow(/too large/);
  });

  it('round-trips every safe amount through penceToPoundsString', () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN, max: MAX }), (pence) => {
        expect(parseMoneyToPence(penceToPoundsString(pence))).toBe(pence);
      }),
    );
  });

  it('reads whole amounts with a suffix as that many thousands, millions or billions', () => {
    const scales = { k: 100_000n, thousand: 100_000n, m: 100_000_000n, M: 100_000_000n, bn: 100_000_000_000n } as const;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 90_000 }),
        fc.constantFrom(...(Object.keys(scales) as (keyof typeof scales)[])),
        fc.boolean(),
        (amount, suffix, spaced) => {
          const text = `£${amount}${spaced ? ' ' : ''}${suffix}`;
          expect(BigInt(parseMoneyToPence(text))).toBe(BigInt(amount) * scales[suffix]);
        },
      ),
    );
  });

  it('reads pounds with thousands commas the way en-GB writes them', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 0, max: 99 }), (pounds, pence) => {
        const text = `£${pounds.toLocaleString('en-GB')}.${String(pence).padStart(2, '0')}`;
        expect(parseMoneyToPence(text)).toBe(pounds * 100 + pence);
      }),
    );
  });
});

describe('penceToPoundsString', () => {
  it.each([
    [0, '0.00'],
    [1, '0.01'],
    [-1, '-0.01'],
    [99, '0.99'],
    [100, '1.00'],
    [-100, '-1.00'],
    [12_345, '123.45'],
    [460_000_000, '4600000.00'],
    [-460_000_000, '-4600000.00'],
    [MAX, '90071992547409.91'],
    [MIN, '-90071992547409.91'],
    // Either side of a whole pound near 2^53.
    [MAX - 91, '90071992547409.00'],
    [MAX - 92, '90071992547408.99'],
  ])('writes %d pence as %s', (pence, expected) => {
    expect(penceToPoundsString(pence)).toBe(expected);
  });

  it('writes -0 as 0.00', () => {
    expect(penceToPoundsString(-0)).toBe('0.00');
  });

  it.each([0.5, NaN, Infinity, MAX + 1])('refuses %s', (value) => {
    expect(() => penceToPoundsString(value)).toThrow(RangeError);
  });
});

describe('readAmount: typed and imported money, one reader', () => {
  it.each([
    ['54500', 5_450_000],
    ['£54,500', 5_450_000],
    ['54500.5', 5_450_050],
    [' 54,500.50 ', 5_450_050],
    ['200k', 20_000_000],
    ['1.5m', 150_000_000],
    ['0', 0],
  ])('reads %j as %i pence', (text, pence) => {
    expect(readAmount(text)).toEqual({ pence });
  });

  it.each([
    ['', /Give the amount in pounds/],
    ['-150', /never negative/],
    ['£-1.50', /never negative/],
    ['12,5OO', /"O" is not a digit/],
    ['12,50', /commas in the wrong places/],
    ['1.234', /fraction of a penny/],
    ['20000000000', /larger than any saving/],
    ['1..5', /not an amount in pounds/],
  ])('says what is wrong with %j', (text, problem) => {
    const read = readAmount(text);
    expect('problem' in read && read.problem).toMatch(problem);
  });

  it('reads whatever penceToPoundsString writes back to the same pence', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_AMOUNT_PENCE }), (pence) => {
        expect(readAmount(penceToPoundsString(pence))).toEqual({ pence });
      }),
    );
  });
});

describe('shortPartsOfWhole: parts a board can add up', () => {
  it('reads a third each of ICT’s £4.438m as £1.479m, £1.479m and £1.48m: they add up to the £4.438m printed', () => {
    expect(shortPartsOfWhole([147_933_333, 147_933_333, 147_933_334])).toEqual({ parts: ['£1.479m', '£1.479m', '£1.48m'], whole: '£4.438m' });
  });

  it('rounds every part at the whole’s step, so a small part reads in the same pounds as the large', () => {
    // Hertfordshire's functions: ICT, AOJ, Firearms and CTC, £1,834,000 in all.
    expect(shortPartsOfWhole([147_933_333, 21_800_000, 3_666_667, 10_000_000])).toEqual({ parts: ['£1.479m', '£218k', '£37k', '£100k'], whole: '£1.834m' });
  });

  it('always prints parts that add up to the printed whole', () => {
    const readShort = (text: string) => parseMoneyToPence(text.replace('\u2212', '-'));
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5e10 }), { minLength: 1, maxLength: 8 }), (parts) => {
        const printed = shortPartsOfWhole(parts);
        expect(printed.parts.map(readShort).reduce((a, b) => a + b, 0)).toBe(readShort(printed.whole));
        expect(readShort(printed.whole)).toBe(readShort(formatMoneyShort(parts.reduce((a, b) => a + b, 0))));
      }),
    );
  });
});
