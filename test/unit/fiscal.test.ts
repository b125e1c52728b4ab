import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FISCAL_YEAR_PATTERN,
  describeFiscalPeriod,
  fiscalPeriodRange,
  fiscalYearEnd,
  fiscalYearFromStartYear,
  fiscalYearOf,
  fiscalYearStart,
  fiscalYearStartYear,
  fiscalYearsBetween,
  formatFiscalPeriodId,
  formatFiscalYear,
  halfOf,
  isFiscalYear,
  monthOfFiscalYear,
  monthsOfFiscalYear,
  nextFiscalYear,
  parseFiscalPeriod,
  parseFiscalYear,
  previousFiscalYear,
  quarterOf,
  type FiscalPeriod,
} from '../../server/domain/fiscal';

const DAY_MS = 86_400_000;

/** ISO date of a day counted from 1970-01-01, worked out independently of the code under test. */
function isoDay(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

describe('FISCAL_YEAR_PATTERN and isFiscalYear', () => {
  it.each(['2016-17', '1999-00', '2099-00', '2000-01', '0000-01', '9998-99'])('%s is a financial year', (fy) => {
    expect(FISCAL_YEAR_PATTERN.test(fy)).toBe(true);
    expect(isFiscalYear(fy)).toBe(true);
  });

  // 9999-00 would end in the five-digit year 10000, which ISO dates here cannot write.
  it.each(['2016-18', '2016-16', '1999-01', '1999-99', '2016-15', '9999-00'])('%s has the shape but is not a financial year', (fy) => {
    expect(FISCAL_YEAR_PATTERN.test(fy)).toBe(true);
    expect(isFiscalYear(fy)).toBe(false);
  });

  it.each(['2016/17', '16-17', '2016-2017', '2016-7', ' 2016-17', '2016-17 ', 'abcd-ef', '', '2016-17-H1'])(
    '%j is not a financial year',
    (text) => {
      expect(FISCAL_YEAR_PATTERN.test(text)).toBe(false);
      expect(isFiscalYear(text)).toBe(false);
    },
  );
});

describe('parseFiscalYear', () => {
  it('returns a valid year unchanged', () => {
    expect(parseFiscalYear('2016-17')).toBe('2016-17');
    expect(parseFiscalYear('1999-00')).toBe('1999-00');
  });

  it('says how to write a year whose second part does not follow on', () => {
    expect(() => parseFiscalYear('2016-18')).toThrow(
      new RangeError('"2016-18" is not a financial year; write it as 2016-17'),
    );
    expect(() => parseFiscalYear('1999-01')).toThrow(/write it as 1999-00/);
  });

  it('suggests the URL form for the screen form', () => {
    expect(() => parseFiscalYear('2016/17')).toThrow(/write it as 2016-17/);
  });

  it.each(['', 'abc', 'FY16'])('refuses %j with an example', (text) => {
    expect(() => parseFiscalYear(text)).toThrow(/write it like 2016-17/);
  });
});

describe('fiscalYearOf', () => {
  it.each([
    ['2017-03-31', '2016-17'],
    ['2017-04-01', '2017-18'],
    ['2016-04-01', '2016-17'],
    ['2016-03-31', '2015-16'],
    ['2016-12-31', '2016-17'],
    ['2017-01-01', '2016-17'],
    ['2016-09-30', '2016-17'],
    ['2016-10-01', '2016-17'],
    ['2000-02-29', '1999-00'], // leap day in a century year divisible by 400
    ['2016-02-29', '2015-16'],
    ['2024-02-29', '2023-24'],
    ['1999-04-01', '1999-00'],
    ['2000-03-31', '1999-00'],
    ['2000-04-01', '2000-01'],
    ['0000-04-01', '0000-01'],
    ['9999-03-31', '9998-99'],
  ])('%s is in %s', (date, fy) => {
    expect(fiscalYearOf(date)).toBe(fy);
  });

  it.each([
    '2017-02-30',
    '2017-02-29', // not a leap year
    '1900-02-29', // century year not divisible by 400
    '2100-02-29',
    '2016-04-31',
    '2016-09-31',
    '2016-13-01',
    '2016-00-10',
    '2016-04-00',
    '2016-4-1',
    '2016-04-01T00:00:00Z',
    '01/04/2016',
    '',
    'today',
  ])('refuses %j', (text) => {
    expect(() => fiscalYearOf(text)).toThrow(RangeError);
  });

  it('refuses dates with no four-digit financial year', () => {
    expect(() => fiscalYearOf('0000-03-31')).toThrow(RangeError);
    expect(() => fiscalYearOf('9999-04-01')).toThrow(RangeError);
  });

  it('puts every day of a generated range inside its year, half, quarter and month', () => {
    const min = Date.UTC(1901, 0, 1) / DAY_MS;
    const max = Date.UTC(2199, 0, 1) / DAY_MS;
    fc.assert(
      fc.property(fc.integer({ min, max }), fc.integer({ min: 1, max: 800 }), (first, length) => {
        let previous: string | undefined;
        for (let day = first; day < first + length; day += 1) {
          const date = isoDay(day);
          const fy = fiscalYearOf(date);
          expect(fiscalYearStart(fy) <= date && date <= fiscalYearEnd(fy)).toBe(true);

          const { half } = halfOf(date);
          const halfRange = fiscalPeriodRange({ kind: 'half', fy, half });
          expect(halfRange.start <= date && date <= halfRange.end).toBe(true);

          const { quarter } = quarterOf(date);
          const quarterRange = fiscalPeriodRange({ kind: 'quarter', fy, quarter });
          expect(quarterRange.start <= date && date <= quarterRange.end).toBe(true);

          const n = monthOfFiscalYear(date);
          expect(monthsOfFiscalYear(fy)[n - 1]).toBe(date.slice(0, 7));

          // The year only ever moves on from 31 March to 1 April.
          if (previous !== undefined && fiscalYearOf(previous) !== fy) {
            expect([previous.slice(5), date.slice(5)]).toEqual(['03-31', '04-01']);
            expect(fy).toBe(nextFiscalYear(fiscalYearOf(previous)));
          }
          previous = date;
        }
      }),
      { numRuns: 200 },
    );
    // About 80,000 generated days: well under a second alone, but it passed the 5 s default once
    // when sharing 2 cores with the API tests; the limit guards against a hang, not a speed target.
  }, 30_000);

  it('accepts exactly the real calendar dates', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9998 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (year, month, day) => {
          const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          const date = new Date(0);
          date.setUTCFullYear(year, month - 1, day);
          const real = month >= 1 && month <= 12 && day >= 1 && date.getUTCDate() === day;
          if (real) expect(fiscalYearOf(text)).toMatch(FISCAL_YEAR_PATTERN);
          else expect(() => fiscalYearOf(text)).toThrow(RangeError);
        },
      ),
    );
  });
});

describe('start and end of a financial year', () => {
  it.each([
    ['2016-17', 2016, '2016-04-01', '2017-03-31', '2016/17'],
    ['1999-00', 1999, '1999-04-01', '2000-03-31', '1999/00'],
    ['2023-24', 2023, '2023-04-01', '2024-03-31', '2023/24'],
    ['0000-01', 0, '0000-04-01', '0001-03-31', '0000/01'],
  ])('%s starts in %d, runs %s to %s and reads %s', (fy, startYear, start, end, screen) => {
    expect(fiscalYearStartYear(fy)).toBe(startYear);
    expect(fiscalYearFromStartYear(startYear)).toBe(fy);
    expect(fiscalYearStart(fy)).toBe(start);
    expect(fiscalYearEnd(fy)).toBe(end);
    expect(formatFiscalYear(fy)).toBe(screen);
  });

  it.each([-1, 9999, 2016.5, NaN])('refuses %s as a start year', (year) => {
    expect(() => fiscalYearFromStartYear(year)).toThrow(RangeError);
  });

  it.each(['2016-18', '2016/17', ''])('refuses %j', (fy) => {
    expect(() => fiscalYearStart(fy)).toThrow(RangeError);
    expect(() => fiscalYearEnd(fy)).toThrow(RangeError);
    expect(() => fiscalYearStartYear(fy)).toThrow(RangeError);
    expect(() => formatFiscalYear(fy)).toThrow(RangeError);
  });

  it('round-trips every start year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9998 }), (year) => {
        const fy = fiscalYearFromStartYear(year);
        expect(isFiscalYear(fy)).toBe(true);
        expect(fiscalYearStartYear(fy)).toBe(year);
        expect(fiscalYearOf(fiscalYearStart(fy))).toBe(fy);
        expect(fiscalYearOf(fiscalYearEnd(fy))).toBe(fy);
      }),
    );
  });
});

describe('next, previous and between', () => {
  it.each([
    ['2016-17', '2017-18'],
    ['1999-00', '2000-01'],
    ['1998-99', '1999-00'],
    ['2099-00', '2100-01'],
  ])('after %s comes %s', (fy, next) => {
    expect(nextFiscalYear(fy)).toBe(next);
    expect(previousFiscalYear(next)).toBe(fy);
  });

  it('refuses to step outside four-digit years', () => {
    expect(() => nextFiscalYear('9998-99')).toThrow(RangeError);
    expect(() => previousFiscalYear('0000-01')).toThrow(RangeError);
  });

  it('lists years inclusively, earliest first', () => {
    expect(fiscalYearsBetween('2016-17', '2019-20')).toEqual(['2016-17', '2017-18', '2018-19', '2019-20']);
    expect(fiscalYearsBetween('1998-99', '2000-01')).toEqual(['1998-99', '1999-00', '2000-01']);
    expect(fiscalYearsBetween('2016-17', '2016-17')).toEqual(['2016-17']);
  });

  it('refuses a range that runs backwards, naming both years', () => {
    expect(() => fiscalYearsBetween('2017-18', '2016-17')).toThrow(new RangeError('2017/18 is after 2016/17'));
  });

  it('refuses a range with an invalid end', () => {
    expect(() => fiscalYearsBetween('2016-17', '2017-19')).toThrow(RangeError);
    expect(() => fiscalYearsBetween('2016/17', '2017-18')).toThrow(RangeError);
  });
});

describe('months of a financial year', () => {
  it('runs April to March across the new year', () => {
    expect(monthsOfFiscalYear('2016-17')).toEqual([
      '2016-04',
      '2016-05',
      '2016-06',
      '2016-07',
      '2016-08',
      '2016-09',
      '2016-10',
      '2016-11',
      '2016-12',
      '2017-01',
      '2017-02',
      '2017-03',
    ]);
    expect(monthsOfFiscalYear('1999-00').slice(-3)).toEqual(['2000-01', '2000-02', '2000-03']);
  });

  it.each([
    ['2016-04-01', 1],
    ['2016-04-30', 1],
    ['2016-09-30', 6],
    ['2016-10-01', 7],
    ['2016-12-31', 9],
    ['2017-01-01', 10],
    ['2017-02-28', 11],
    ['2016-02-29', 11],
    ['2017-03-31', 12],
  ])('%s is month %d', (date, n) => {
    expect(monthOfFiscalYear(date)).toBe(n);
  });

  it('refuses a date that does not exist', () => {
    expect(() => monthOfFiscalYear('2017-02-29')).toThrow(RangeError);
  });
});

describe('halfOf and quarterOf', () => {
  it.each([
    ['2016-04-01', '2016-17', 1, 1],
    ['2016-06-30', '2016-17', 1, 1],
    ['2016-07-01', '2016-17', 1, 2],
    ['2016-09-30', '2016-17', 1, 2],
    ['2016-10-01', '2016-17', 2, 3],
    ['2016-12-31', '2016-17', 2, 3],
    ['2017-01-01', '2016-17', 2, 4],
    ['2017-03-31', '2016-17', 2, 4],
    ['2017-04-01', '2017-18', 1, 1],
    ['2000-02-29', '1999-00', 2, 4],
    ['2016-03-31', '2015-16', 2, 4],
  ])('%s is in %s H%d Q%d', (date, fy, half, quarter) => {
    expect(halfOf(date)).toEqual({ fy, half });
    expect(quarterOf(date)).toEqual({ fy, quarter });
  });

  it('refuses a date that does not exist', () => {
    expect(() => halfOf('2017-02-30')).toThrow(RangeError);
    expect(() => quarterOf('2016-06-31')).toThrow(RangeError);
  });
});

describe('fiscal periods', () => {
  const cases: [string, FiscalPeriod, string, string, string][] = [
    ['2016-17', { kind: 'year', fy: '2016-17' }, 'FY 2016/17', '2016-04-01', '2017-03-31'],
    ['1999-00', { kind: 'year', fy: '1999-00' }, 'FY 1999/00', '1999-04-01', '2000-03-31'],
    ['2016-17-H1', { kind: 'half', fy: '2016-17', half: 1 }, 'H1 2016/17 (April–September 2016)', '2016-04-01', '2016-09-30'],
    [
      '2016-17-H2',
      { kind: 'half', fy: '2016-17', half: 2 },
      'H2 2016/17 (October 2016–March 2017)',
      '2016-10-01',
      '2017-03-31',
    ],
    ['2016-17-Q1', { kind: 'quarter', fy: '2016-17', quarter: 1 }, 'Q1 2016/17 (April–June 2016)', '2016-04-01', '2016-06-30'],
    ['2016-17-Q2', { kind: 'quarter', fy: '2016-17', quarter: 2 }, 'Q2 2016/17 (July–September 2016)', '2016-07-01', '2016-09-30'],
    ['2016-17-Q3', { kind: 'quarter', fy: '2016-17', quarter: 3 }, 'Q3 2016/17 (October–December 2016)', '2016-10-01', '2016-12-31'],
    ['2016-17-Q4', { kind: 'quarter', fy: '2016-17', quarter: 4 }, 'Q4 2016/17 (January–March 2017)', '2017-01-01', '2017-03-31'],
    ['2016-17-M01', { kind: 'month', fy: '2016-17', month: '2016-04' }, 'April 2016', '2016-04-01', '2016-04-30'],
    ['2016-17-M06', { kind: 'month', fy: '2016-17', month: '2016-09' }, 'September 2016', '2016-09-01', '2016-09-30'],
    ['2016-17-M07', { kind: 'month', fy: '2016-17', month: '2016-10' }, 'October 2016', '2016-10-01', '2016-10-31'],
    ['2016-17-M09', { kind: 'month', fy: '2016-17', month: '2016-12' }, 'December 2016', '2016-12-01', '2016-12-31'],
    ['2016-17-M10', { kind: 'month', fy: '2016-17', month: '2017-01' }, 'January 2017', '2017-01-01', '2017-01-31'],
    ['2016-17-M11', { kind: 'month', fy: '2016-17', month: '2017-02' }, 'February 2017', '2017-02-01', '2017-02-28'],
    ['2015-16-M11', { kind: 'month', fy: '2015-16', month: '2016-02' }, 'February 2016', '2016-02-01', '2016-02-29'],
    ['1999-00-M11', { kind: 'month', fy: '1999-00', month: '2000-02' }, 'February 2000', '2000-02-01', '2000-02-29'],
    ['2016-17-M12', { kind: 'month', fy: '2016-17', month: '2017-03' }, 'March 2017', '2017-03-01', '2017-03-31'],
    ['1999-00-Q4', { kind: 'quarter', fy: '1999-00', quarter: 4 }, 'Q4 1999/00 (January–March 2000)', '2000-01-01', '2000-03-31'],
  ];

  it.each(cases)('%s parses, formats, describes and spans correctly', (id, period, description, start, end) => {
    expect(parseFiscalPeriod(id)).toEqual(period);
    expect(formatFiscalPeriodId(period)).toBe(id);
    expect(describeFiscalPeriod(period)).toBe(description);
    expect(fiscalPeriodRange(period)).toEqual({ start, end });
  });

  it.each([
    '',
    '2016',
    '2016/17',
    '2016-18',
    '2016-18-H1',
    '2016-17-H0',
    '2016-17-H3',
    '2016-17-h1',
    '2016-17-Q0',
    '2016-17-Q5',
    '2016-17-M00',
    '2016-17-M13',
    '2016-17-M1',
    '2016-17-M001',
    '2016-17-',
    '2016-17-Y',
    '2016-17-H1-Q1',
    ' 2016-17',
  ])('refuses the period %j', (text) => {
    expect(() => parseFiscalPeriod(text)).toThrow(RangeError);
  });

  it.each<FiscalPeriod>([
    { kind: 'year', fy: '2016-18' },
    { kind: 'half', fy: '2016-17', half: 3 } as unknown as FiscalPeriod,
    { kind: 'quarter', fy: '2016-17', quarter: 0 } as unknown as FiscalPeriod,
    { kind: 'month', fy: '2016-17', month: '2017-04' }, // April 2017 belongs to 2017-18
    { kind: 'month', fy: '2016-17', month: '2016-03' },
    { kind: 'month', fy: '2016-17', month: '2016-4' },
    { kind: 'week', fy: '2016-17' } as unknown as FiscalPeriod,
  ])('refuses the inconsistent period %j everywhere', (period) => {
    expect(() => formatFiscalPeriodId(period)).toThrow(RangeError);
    expect(() => describeFiscalPeriod(period)).toThrow(RangeError);
    expect(() => fiscalPeriodRange(period)).toThrow(RangeError);
  });

  it('round-trips every period id and keeps sub-periods inside their year', () => {
    const periodId = fc
      .tuple(
        fc.integer({ min: 0, max: 9998 }),
        fc.oneof(
          fc.constant(''),
          fc.constantFrom('-H1', '-H2', '-Q1', '-Q2', '-Q3', '-Q4'),
          fc.integer({ min: 1, max: 12 }).map((n) => `-M${String(n).padStart(2, '0')}`),
        ),
      )
      .map(([year, suffix]) => `${fiscalYearFromStartYear(year)}${suffix}`);
    fc.assert(
      fc.property(periodId, (id) => {
        const period = parseFiscalPeriod(id);
        expect(formatFiscalPeriodId(period)).toBe(id);
        const { start, end } = fiscalPeriodRange(period);
        expect(start <= end).toBe(true);
        expect(fiscalYearOf(start)).toBe(period.fy);
        expect(fiscalYearOf(end)).toBe(period.fy);
        // Every period starts on the first of a month.
        expect(start.endsWith('-01')).toBe(true);
      }),
    );
  });

  it('tiles the year with its halves, quarters and months without gaps or overlaps', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9997 }), (year) => {
        const fy = fiscalYearFromStartYear(year);
        const halves = ([1, 2] as const).map((half) => fiscalPeriodRange({ kind: 'half', fy, half }));
        const quarters = ([1, 2, 3, 4] as const).map((quarter) => fiscalPeriodRange({ kind: 'quarter', fy, quarter }));
        const months = monthsOfFiscalYear(fy).map((month) => fiscalPeriodRange({ kind: 'month', fy, month }));
        for (const ranges of [halves, quarters, months]) {
          expect(ranges[0]?.start).toBe(fiscalYearStart(fy));
          expect(ranges.at(-1)?.end).toBe(fiscalYearEnd(fy));
          for (let i = 1; i < ranges.length; i += 1) {
            const endMs = Date.parse(`${ranges[i - 1]?.end ?? ''}T00:00:00Z`);
            expect(isoDay(endMs / DAY_MS + 1)).toBe(ranges[i]?.start);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('the last quarter end before a date (the last Summit, by default)', () => {
  it.each([
    ['2026-12-01', '2026-09-30'],
    ['2026-09-30', '2026-06-30'],
    ['2026-10-01', '2026-09-30'],
    ['2026-02-15', '2025-12-31'],
    ['2026-03-31', '2025-12-31'],
    ['2026-04-01', '2026-03-31'],
  ])('%s → %s', async (date, end) => {
    const { lastQuarterEndBefore } = await import('../../server/domain/fiscal');
    expect(lastQuarterEndBefore(date)).toBe(end);
  });
});
