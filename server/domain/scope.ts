import {
  describeFiscalPeriod,
  fiscalPeriodRange,
  fiscalYearOf,
  fiscalYearsBetween,
  formatFiscalPeriodId,
  formatFiscalYear,
  isFiscalYear,
  monthsOfFiscalYear,
  nextFiscalYear,
  parseFiscalPeriod,
  previousFiscalYear,
  type FiscalPeriod,
  type FiscalYear,
} from './fiscal';
import type { LedgerFigure, TargetFigure } from './rollup';

// The period a view is scoped to: all years, a range of financial years, or one year, half or
// quarter. Targets are set per year, so a half or quarter takes the year's target pro rata by
// month; an actual recorded only for a whole year cannot be split, so it counts only where the
// whole year is in scope.

export type Scope =
  | { kind: 'all' }
  | { kind: 'years'; from: FiscalYear; to: FiscalYear }
  | { kind: 'period'; period: FiscalPeriod }
  /** Since the start: every figure up to the end of a period, with those the papers give no year (a report's "since start"). */
  | { kind: 'through'; period: FiscalPeriod };

export const ALL_YEARS: Scope = { kind: 'all' };
/** A range longer than this is a typing slip, and would ask for a timeline of centuries. */
export const MAX_RANGE_YEARS = 20;

/** Reads "all", "2016-17..2018-19", "2016-17", "2016-17-H1", "2016-17-Q3", "2016-17-M01" or "..2017-18-H1" (since the start). */
export function parseScope(text: string | undefined): Scope {
  if (text === undefined || text === '' || text === 'all') return ALL_YEARS;
  if (text.startsWith('..')) return { kind: 'through', period: parseFiscalPeriod(text.slice(2)) };
  const range = /^(\d{4}-\d{2})\.\.(\d{4}-\d{2})$/.exec(text);
  if (range) {
    const [, from = '', to = ''] = range;
    if (!isFiscalYear(from) || !isFiscalYear(to)) throw new RangeError(`"${text}" is not a range of financial years; write it as 2016-17..2018-19`);
    if (from > to) throw new RangeError(`"${text}" runs backwards; write the earlier year first, as in 2016-17..2018-19`);
    if (Number(to.slice(0, 4)) - Number(from.slice(0, 4)) >= MAX_RANGE_YEARS) {
      throw new RangeError(`"${text}" spans more than ${MAX_RANGE_YEARS} financial years; choose a shorter range, or all years`);
    }
    return { kind: 'years', from, to };
  }
  const period = parseFiscalPeriod(text);
  return period.kind === 'year' ? { kind: 'years', from: period.fy, to: period.fy } : { kind: 'period', period };
}

export function formatScopeId(scope: Scope): string {
  if (scope.kind === 'all') return 'all';
  if (scope.kind === 'years') return scope.from === scope.to ? scope.from : `${scope.from}..${scope.to}`;
  if (scope.kind === 'through') return `..${formatFiscalPeriodId(scope.period)}`;
  return formatFiscalPeriodId(scope.period);
}

export function describeScope(scope: Scope): string {
  if (scope.kind === 'all') return 'All years';
  if (scope.kind === 'years') {
    return scope.from === scope.to ? `FY ${formatFiscalYear(scope.from)}` : `FY ${formatFiscalYear(scope.from)} to ${formatFiscalYear(scope.to)}`;
  }
  if (scope.kind === 'through') return `Since the start, to the end of ${describeFiscalPeriod(scope.period)}`;
  return describeFiscalPeriod(scope.period);
}

const monthsOfScope = new WeakMap<Scope, { first: string; last: string } | null>();

/** First and last calendar month ("YYYY-MM") in scope; null for all years. Kept per scope: a roll-up asks once a figure. */
export function scopeMonths(scope: Scope): { first: string; last: string } | null {
  if (monthsOfScope.has(scope)) return monthsOfScope.get(scope)!;
  const months = workOutScopeMonths(scope);
  monthsOfScope.set(scope, months);
  return months;
}

function workOutScopeMonths(scope: Scope): { first: string; last: string } | null {
  if (scope.kind === 'all') return null;
  if (scope.kind === 'years') return { first: monthsOfFiscalYear(scope.from)[0]!, last: monthsOfFiscalYear(scope.to)[11]! };
  const { start, end } = fiscalPeriodRange(scope.period);
  return { first: scope.kind === 'through' ? '0000-01' : start.slice(0, 7), last: end.slice(0, 7) };
}

export function isMonthInScope(scope: Scope, month: string): boolean {
  const months = scopeMonths(scope);
  return months === null || (month >= months.first && month <= months.last);
}

const monthsOfYearInScope = new WeakMap<Scope, Map<FiscalYear, readonly string[]>>();

/** The months of a financial year that lie in scope. Kept per scope and year: every target and figure of a roll-up asks. */
export function monthsInScope(scope: Scope, fy: FiscalYear): readonly string[] {
  let byYear = monthsOfYearInScope.get(scope);
  if (!byYear) {
    byYear = new Map();
    monthsOfYearInScope.set(scope, byYear);
  }
  let inScope = byYear.get(fy);
  if (!inScope) {
    const months = scopeMonths(scope);
    const all = monthsOfFiscalYear(fy);
    inScope = months === null ? all : Object.freeze(all.filter((month) => month >= months.first && month <= months.last));
    byYear.set(fy, inScope);
  }
  return inScope;
}

/** The financial years a scope covers, in whole or in part; null for all years or since the start. */
export function scopeYears(scope: Scope): FiscalYear[] | null {
  if (scope.kind === 'all' || scope.kind === 'through') return null;
  if (scope.kind === 'years') return fiscalYearsBetween(scope.from, scope.to);
  return [scope.period.fy];
}

/**
 * A year's target split into its twelve months, April first. The running total after k months is
 * the year's k/12 rounded down, so every half and quarter is its exact share to the penny (Q1 of
 * £1m is £250,000, not £250,000.01) and the months add up to the year.
 */
export function monthlyTargets(fy: FiscalYear, pence: number): { month: string; pence: number }[] {
  const split = monthlyTargetPence(pence);
  return monthsOfFiscalYear(fy).map((month, index) => ({ month, pence: split[index]! }));
}

// Integer division in doubles while twelve times the amount is a safe integer (any saving under
// £750bn), corrected by its remainder where the quotient rounded.
function floorTwelfth(n: number): number {
  let q = Math.floor(n / 12);
  const r = n - q * 12;
  if (r < 0) q -= 1;
  else if (r >= 12) q += 1;
  return q;
}

/** The same split as monthlyTargets, as twelve amounts (April first): every roll-up spreads every target, so this is on the hot path. */
export function monthlyTargetPence(pence: number): number[] {
  const sign = pence < 0 ? -1 : 1;
  const magnitude = Math.abs(pence);
  const safe = Number.isSafeInteger(magnitude * 12);
  const runningTotal = (k: number) => sign * (safe ? floorTwelfth(magnitude * k) : Number((BigInt(magnitude) * BigInt(k)) / 12n));
  const split: number[] = [];
  let before = 0;
  for (let k = 1; k <= 12; k += 1) {
    const after = runningTotal(k);
    split.push(after - before);
    before = after;
  }
  return split;
}

export type ScopedTargets = { targets: TargetFigure[]; partYears: Set<FiscalYear> };

/** Targets within scope: whole years as they are, part years pro rata by month, unprofiled only for all years. */
export function scopeTargets(targets: readonly TargetFigure[], scope: Scope): ScopedTargets {
  const partYears = new Set<FiscalYear>();
  const scoped: TargetFigure[] = [];
  for (const target of targets) {
    if (target.fy === null) {
      if (scope.kind === 'all' || scope.kind === 'through') scoped.push(target);
      continue;
    }
    const months = monthsInScope(scope, target.fy);
    if (months.length === 0) continue;
    if (months.length === 12) {
      scoped.push(target);
      continue;
    }
    partYears.add(target.fy);
    const amountPence = monthlyTargets(target.fy, target.amountPence)
      .filter((m) => months.includes(m.month))
      .reduce((sum, m) => sum + m.pence, 0);
    scoped.push({ ...target, amountPence });
  }
  return { targets: scoped, partYears };
}

export type ScopedLedger<T extends LedgerFigure> = { ledger: T[]; yearlyOnlyYears: Set<FiscalYear> };

/**
 * Actuals and forecasts within scope. A monthly figure counts if its month is in scope; a yearly
 * figure only if its whole year is. Years whose yearly figures had to be left out are reported, so
 * the screen can say why a half shows no actual. A figure with no year counts since the start only
 * once it had been reported by the period's end: Firearms' £200k, reported in September 2016, is
 * not in a report on the half before.
 */
export function scopeLedger<T extends LedgerFigure & { month: string | null; reportedOn?: string }>(ledger: readonly T[], scope: Scope): ScopedLedger<T> {
  const yearlyOnlyYears = new Set<FiscalYear>();
  const scoped: T[] = [];
  const throughEnd = scope.kind === 'through' ? fiscalPeriodRange(scope.period).end : null;
  for (const entry of ledger) {
    if (entry.fy === null) {
      if (scope.kind === 'all') scoped.push(entry);
      else if (throughEnd !== null && (entry.reportedOn === undefined || entry.reportedOn <= throughEnd)) scoped.push(entry);
      continue;
    }
    if (entry.month !== null) {
      if (isMonthInScope(scope, entry.month)) scoped.push(entry);
      continue;
    }
    const months = monthsInScope(scope, entry.fy).length;
    if (months === 12) scoped.push(entry);
    else if (months > 0 && entry.measure === 'actual') yearlyOnlyYears.add(entry.fy);
  }
  return { ledger: scoped, yearlyOnlyYears };
}

/**
 * A scope as the bounds a SQL query filters on, so the database adds up only what is in scope.
 * The same rules as scopeLedger: a monthly figure counts if its month lies between firstMonth and
 * lastMonth; a yearly figure only if its whole year does (firstWholeYear to lastWholeYear, an empty
 * range when none does); a yearly actual in one of partYears is left out and said to be; a figure
 * with no year counts for all years, and since the start once reported by throughEnd.
 */
export type ScopeWindow = {
  /** The financial years of firstMonth and lastMonth: every figure in scope lies between them. */
  firstYear: string;
  lastYear: string;
  firstMonth: string;
  lastMonth: string;
  firstWholeYear: string;
  lastWholeYear: string;
  partYears: FiscalYear[];
  undated: 'all' | 'through' | 'none';
  throughEnd: string | null;
};

const fiscalYearOfMonth = (month: string): FiscalYear => fiscalYearOf(`${month}-01`);
/** Below and above every financial year written YYYY-YY. */
const NO_YEAR_BEFORE = '0000-00';
const NO_YEAR_AFTER = '9999-99';

export function scopeWindow(scope: Scope): ScopeWindow {
  const months = scopeMonths(scope);
  if (months === null) {
    return { firstYear: NO_YEAR_BEFORE, lastYear: NO_YEAR_AFTER, firstMonth: '0000-01', lastMonth: '9999-12', firstWholeYear: NO_YEAR_BEFORE, lastWholeYear: NO_YEAR_AFTER, partYears: [], undated: 'all', throughEnd: null };
  }
  // Since the start has no first month: every year before its last is whole.
  const unboundedStart = scope.kind === 'through';
  const firstYear = unboundedStart ? NO_YEAR_BEFORE : fiscalYearOfMonth(months.first);
  const lastYear = fiscalYearOfMonth(months.last);
  const firstWholeYear = unboundedStart ? NO_YEAR_BEFORE : months.first.endsWith('-04') ? firstYear : nextFiscalYear(firstYear);
  const lastWholeYear = months.last.endsWith('-03') ? lastYear : previousFiscalYear(lastYear);
  const partYears = [...new Set([unboundedStart ? null : firstYear, lastYear])].filter(
    (fy): fy is FiscalYear => fy !== null && !(fy >= firstWholeYear && fy <= lastWholeYear),
  );
  return {
    firstYear,
    lastYear,
    firstMonth: months.first,
    lastMonth: months.last,
    firstWholeYear,
    lastWholeYear,
    partYears,
    undated: scope.kind === 'through' ? 'through' : 'none',
    throughEnd: scope.kind === 'through' ? fiscalPeriodRange(scope.period).end : null,
  };
}

/**
 * What a period's row is called on screen: "FY 2017/18" for a whole year, the part in scope where
 * the scope takes only part of it ("H1 2017/18 (April–September 2017)", not the whole year's name),
 * and "Not profiled by year" for money the papers give for no year.
 */
export function periodLabel(scope: Scope, fy: FiscalYear | null): string {
  if (fy === null) return 'Not profiled by year';
  const whole = `FY ${formatFiscalYear(fy)}`;
  if (monthsInScope(scope, fy).length === 12) return whole;
  if (scope.kind === 'period') return describeFiscalPeriod(scope.period);
  if (scope.kind === 'through') return `${whole}, to the end of ${describeFiscalPeriod(scope.period)}`;
  return whole;
}

/** Whether every month of `inner` lies within `outer` (a half within its year; everything within all years). */
export function isScopeWithin(inner: Scope, outer: Scope): boolean {
  const o = scopeMonths(outer);
  if (o === null) return true;
  const i = scopeMonths(inner);
  return i !== null && i.first >= o.first && i.last <= o.last;
}

/**
 * The dates a function's status is shown at over time: the ends of the quarters of the period that
 * have passed by the "as at" date (for all years, those before it), the latest `most` of them (a
 * year of Summits: each is a portfolio worked out as at that date), and
 * the "as at" date itself, last.
 */
export function statusDates(scope: Scope, asAt: string, most = 4): string[] {
  const months = scopeMonths(scope);
  const lastMonth = asAt.slice(0, 7);
  const ends: string[] = [];
  // Quarter ends fall at the end of June, September, December and March.
  let [year, month] = (months?.last && months.last < lastMonth ? months.last : lastMonth).split('-').map(Number) as [number, number];
  const first = months?.first ?? '0000-01';
  while (ends.length < most) {
    if (month % 3 === 0) {
      const end = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
      if (`${year}-${String(month).padStart(2, '0')}` < first) break;
      if (end < asAt) ends.push(end);
    }
    month -= 1;
    if (month === 0) {
      month = 12;
      year -= 1;
    }
    if (year < 1990) break;
  }
  return [...ends.reverse(), asAt];
}
