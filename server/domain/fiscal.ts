/**
 * UK public-sector financial years: 1 April to 31 March.
 * Written "2016/17" on screen and "2016-17" in URLs and JSON.
 * Dates are ISO "YYYY-MM-DD" strings passed in; nothing here reads the clock.
 */

/** A financial year in URL/JSON form, "2016-17". */
export type FiscalYear = string;

/** Shape only; `isFiscalYear` also checks that the two years follow on. */
export const FISCAL_YEAR_PATTERN = /^\d{4}-\d{2}$/;

export type FiscalPeriod =
  | { kind: 'year'; fy: FiscalYear }
  | { kind: 'half'; fy: FiscalYear; half: 1 | 2 }
  | { kind: 'quarter'; fy: FiscalYear; quarter: 1 | 2 | 3 | 4 }
  | { kind: 'month'; fy: FiscalYear; month: string /* "YYYY-MM" calendar month */ };

// The last year whose end date still has a four-digit year (9998-99 ends 9999-03-31).
const LAST_START_YEAR = 9998;

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const PERIOD_PATTERN = /^(\d{4}-\d{2})(?:-(?:H([12])|Q([1-4])|M(0[1-9]|1[0-2])))?$/;

export function isFiscalYear(value: string): boolean {
  if (!FISCAL_YEAR_PATTERN.test(value)) return false;
  const start = Number(value.slice(0, 4));
  const end = Number(value.slice(5, 7));
  return start <= LAST_START_YEAR && end === (start + 1) % 100;
}

/** Returns the financial year unchanged, or explains how to write it. */
export function parseFiscalYear(value: string): FiscalYear {
  if (isFiscalYear(value)) return value;
  const leadingYear = /^\d{4}/.exec(value);
  const start = leadingYear === null ? NaN : Number(leadingYear[0]);
  const hint =
    Number.isInteger(start) && start <= LAST_START_YEAR
      ? `write it as ${fiscalYearFromStartYear(start)}`
      : 'write it like 2016-17 (April 2016 to March 2017)';
  throw new RangeError(`"${value}" is not a financial year; ${hint}`);
}

export function fiscalYearStartYear(fy: FiscalYear): number {
  return Number(parseFiscalYear(fy).slice(0, 4));
}

export function fiscalYearFromStartYear(startYear: number): FiscalYear {
  if (!Number.isInteger(startYear) || startYear < 0 || startYear > LAST_START_YEAR) {
    throw new RangeError(
      `${String(startYear)} cannot start a financial year; use a whole year from 0 to ${LAST_START_YEAR}`,
    );
  }
  return `${pad(startYear, 4)}-${pad((startYear + 1) % 100, 2)}`;
}

/** Which financial year a date falls in: "2017-03-31" is in 2016-17, "2017-04-01" in 2017-18. */
export function fiscalYearOf(isoDate: string): FiscalYear {
  const { year, month } = parseIsoDate(isoDate);
  return fiscalYearFromStartYear(month >= 4 ? year : year - 1);
}

export function fiscalYearStart(fy: FiscalYear): string {
  return `${pad(fiscalYearStartYear(fy), 4)}-04-01`;
}

export function fiscalYearEnd(fy: FiscalYear): string {
  return `${pad(fiscalYearStartYear(fy) + 1, 4)}-03-31`;
}

/** "2016-17" → "2016/17", the way it is written on screen. */
export function formatFiscalYear(fy: FiscalYear): string {
  return parseFiscalYear(fy).replace('-', '/');
}

export function nextFiscalYear(fy: FiscalYear): FiscalYear {
  return fiscalYearFromStartYear(fiscalYearStartYear(fy) + 1);
}

export function previousFiscalYear(fy: FiscalYear): FiscalYear {
  return fiscalYearFromStartYear(fiscalYearStartYear(fy) - 1);
}

/** Every financial year from `from` to `to`, both included, earliest first. */
export function fiscalYearsBetween(from: FiscalYear, to: FiscalYear): FiscalYear[] {
  const first = fiscalYearStartYear(from);
  const last = fiscalYearStartYear(to);
  if (first > last) {
    throw new RangeError(`${formatFiscalYear(from)} is after ${formatFiscalYear(to)}`);
  }
  const years: FiscalYear[] = [];
  for (let year = first; year <= last; year += 1) years.push(fiscalYearFromStartYear(year));
  return years;
}

const monthsByYear = new Map<FiscalYear, readonly string[]>();

/** Calendar months of a financial year, "YYYY-MM", April first. Kept once a year: every roll-up asks for them. */
export function monthsOfFiscalYear(fy: FiscalYear): readonly string[] {
  let months = monthsByYear.get(fy);
  if (!months) {
    const start = fiscalYearStartYear(fy);
    months = Object.freeze(Array.from({ length: 12 }, (_, index) => calendarMonth(start, index + 1)));
    monthsByYear.set(fy, months);
  }
  return months;
}

/** Position of the date's month in its financial year: April = 1 … March = 12. */
export function monthOfFiscalYear(isoDate: string): number {
  const { month } = parseIsoDate(isoDate);
  return ((month + 8) % 12) + 1;
}

/** H1 is April–September, H2 is October–March. */
export function halfOf(isoDate: string): { fy: FiscalYear; half: 1 | 2 } {
  const fy = fiscalYearOf(isoDate);
  return { fy, half: monthOfFiscalYear(isoDate) <= 6 ? 1 : 2 };
}

/** Q1 April–June, Q2 July–September, Q3 October–December, Q4 January–March. */
export function quarterOf(isoDate: string): { fy: FiscalYear; quarter: 1 | 2 | 3 | 4 } {
  const fy = fiscalYearOf(isoDate);
  return { fy, quarter: Math.ceil(monthOfFiscalYear(isoDate) / 3) as 1 | 2 | 3 | 4 };
}

/** Reads a period id: "2016-17", "2016-17-H1", "2016-17-Q3", "2016-17-M01" (M01 = April). */
export function parseFiscalPeriod(text: string): FiscalPeriod {
  const match = PERIOD_PATTERN.exec(text);
  if (match === null || !isFiscalYear(match[1] ?? '')) {
    throw new RangeError(
      `"${text}" is not a period; write a financial year like 2016-17, ` +
        'optionally followed by -H1 or -H2, -Q1 to -Q4, or -M01 (April) to -M12 (March)',
    );
  }
  const [, fy = '', half, quarter, month] = match;
  if (half !== undefined) return { kind: 'half', fy, half: Number(half) as 1 | 2 };
  if (quarter !== undefined) return { kind: 'quarter', fy, quarter: Number(quarter) as 1 | 2 | 3 | 4 };
  if (month !== undefined) {
    return { kind: 'month', fy, month: calendarMonth(fiscalYearStartYear(fy), Number(month)) };
  }
  return { kind: 'year', fy };
}

/** The inverse of `parseFiscalPeriod`: "2016-17-H1" and so on. */
export function formatFiscalPeriodId(p: FiscalPeriod): string {
  switch (p.kind) {
    case 'year':
      return parseFiscalYear(p.fy);
    case 'half':
      return `${parseFiscalYear(p.fy)}-H${checkHalf(p.half)}`;
    case 'quarter':
      return `${parseFiscalYear(p.fy)}-Q${checkQuarter(p.quarter)}`;
    case 'month':
      return `${p.fy}-M${pad(monthNumberInYear(p.fy, p.month), 2)}`;
    default:
      return unknownPeriod(p);
  }
}

/** How a period reads on screen: "FY 2016/17", "H1 2016/17 (April–September 2016)", "April 2016". */
export function describeFiscalPeriod(p: FiscalPeriod): string {
  switch (p.kind) {
    case 'year':
      return `FY ${formatFiscalYear(p.fy)}`;
    case 'half':
      return `H${checkHalf(p.half)} ${formatFiscalYear(p.fy)} (${describeMonthSpan(p.fy, (p.half - 1) * 6 + 1, 6)})`;
    case 'quarter':
      return `Q${checkQuarter(p.quarter)} ${formatFiscalYear(p.fy)} (${describeMonthSpan(p.fy, (p.quarter - 1) * 3 + 1, 3)})`;
    case 'month': {
      monthNumberInYear(p.fy, p.month);
      const [year, month] = p.month.split('-').map(Number) as [number, number];
      return `${monthName(month)} ${pad(year, 4)}`;
    }
    default:
      return unknownPeriod(p);
  }
}

/** First and last day of a period, both included, as ISO dates. */
export function fiscalPeriodRange(p: FiscalPeriod): { start: string; end: string } {
  switch (p.kind) {
    case 'year':
      return { start: fiscalYearStart(p.fy), end: fiscalYearEnd(p.fy) };
    case 'half':
      return monthSpanRange(p.fy, (checkHalf(p.half) - 1) * 6 + 1, 6);
    case 'quarter':
      return monthSpanRange(p.fy, (checkQuarter(p.quarter) - 1) * 3 + 1, 3);
    case 'month':
      return monthSpanRange(p.fy, monthNumberInYear(p.fy, p.month), 1);
    default:
      return unknownPeriod(p);
  }
}

// ---- helpers ----

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function monthName(month: number): string {
  return MONTH_NAMES[month - 1] ?? String(month);
}

/** Checks the text is a real calendar date, so "2017-02-30" is refused rather than rolled over. */
function parseIsoDate(isoDate: string): { year: number; month: number; day: number } {
  const match = ISO_DATE_PATTERN.exec(isoDate);
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  const day = Number(match?.[3]);
  if (match === null || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`"${isoDate}" is not a date; write it as YYYY-MM-DD, like 2017-03-31`);
  }
  return { year, month, day };
}

/** The calendar month "YYYY-MM" that is month `n` (April = 1) of the year starting in `startYear`. */
function calendarMonth(startYear: number, n: number): string {
  const month = ((n + 2) % 12) + 1;
  return `${pad(month >= 4 ? startYear : startYear + 1, 4)}-${pad(month, 2)}`;
}

/** Where a calendar month falls in the given year (April = 1), or a RangeError if it is outside it. */
function monthNumberInYear(fy: FiscalYear, month: string): number {
  const index = monthsOfFiscalYear(fy).indexOf(month);
  if (index < 0) {
    throw new RangeError(`"${month}" is not a month of ${formatFiscalYear(fy)}; write it as YYYY-MM`);
  }
  return index + 1;
}

function checkHalf(half: number): 1 | 2 {
  if (half !== 1 && half !== 2) throw new RangeError(`H${String(half)} is not a half year; use H1 or H2`);
  return half;
}

function checkQuarter(quarter: number): 1 | 2 | 3 | 4 {
  if (quarter !== 1 && quarter !== 2 && quarter !== 3 && quarter !== 4) {
    throw new RangeError(`Q${String(quarter)} is not a quarter; use Q1 to Q4`);
  }
  return quarter;
}

/** `count` months of `fy` from month `first` (April = 1), as the first and last day. */
function monthSpanRange(fy: FiscalYear, first: number, count: number): { start: string; end: string } {
  const startYear = fiscalYearStartYear(fy);
  const firstMonth = calendarMonth(startYear, first);
  const lastMonth = calendarMonth(startYear, first + count - 1);
  const [lastYear, lastMonthNumber] = lastMonth.split('-').map(Number) as [number, number];
  return {
    start: `${firstMonth}-01`,
    end: `${lastMonth}-${pad(daysInMonth(lastYear, lastMonthNumber), 2)}`,
  };
}

/** "April–September 2016", or "October 2016–March 2017" when the span crosses a new year. */
function describeMonthSpan(fy: FiscalYear, first: number, count: number): string {
  const startYear = fiscalYearStartYear(fy);
  const [fromYear, fromMonth] = calendarMonth(startYear, first).split('-').map(Number) as [number, number];
  const [toYear, toMonth] = calendarMonth(startYear, first + count - 1).split('-').map(Number) as [
    number,
    number,
  ];
  return fromYear === toYear
    ? `${monthName(fromMonth)}–${monthName(toMonth)} ${pad(toYear, 4)}`
    : `${monthName(fromMonth)} ${pad(fromYear, 4)}–${monthName(toMonth)} ${pad(toYear, 4)}`;
}

// Reached only when a caller outside the type system passes an unknown kind.
function unknownPeriod(p: never): never {
  throw new RangeError(`${JSON.stringify(p)} is not a period`);
}

/** The last quarter end (30 June, 30 September, 31 December, 31 March) before a date: the last Summit, by default ("what changed since"). */
export function lastQuarterEndBefore(iso: string): string {
  const [year, month] = iso.split('-').map(Number) as [number, number];
  // In a quarter's last month its end is not yet before the date (or is the date): the quarter before's.
  let y = year;
  let m = month % 3 === 0 ? month - 3 : month - (month % 3);
  if (m <= 0) {
    m += 12;
    y -= 1;
  }
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}
