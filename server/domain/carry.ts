import { fiscalYearStart, nextFiscalYear, type FiscalYear } from './fiscal';

// A recurring saving carried forward. A business case often gives a recurring saving once, in the
// year it is first made (AOJ's £654K "from April 2017"); in each year after it the same saving is
// kept, not made again. Realise carries the line's latest yearly target into each following year up
// to the line's carry year, marked as carried from the year it was set, so the views measure the
// saving kept each year and the business case's promises (its headline, what is profiled) count it
// once.

/** A line's carry: the last year its latest target is carried to, and the day it (or its function) was retired. */
export type Carry = { lineId: number; through: FiscalYear; retiredOn: string | null };

/** The years after `from` up to and including `through`, in order. */
export function yearsCarried(from: FiscalYear, through: FiscalYear): FiscalYear[] {
  const years: FiscalYear[] = [];
  for (let fy = nextFiscalYear(from); fy <= through; fy = nextFiscalYear(fy)) years.push(fy);
  return years;
}

/**
 * The targets with each carried line's latest yearly target repeated in every year after it up to
 * its carry year, each marked with the year it is carried from. A year the business case gives a
 * target of its own keeps that target; a year that begins on or after the line's retirement carries
 * nothing (as a retired line's own targets count for nothing then).
 */
export function withCarriedTargets<T extends { lineId: number; fy: string | null; amountPence: number }>(
  targets: readonly T[],
  carries: readonly Carry[],
  carried: (target: T, fy: FiscalYear) => T,
): T[] {
  if (carries.length === 0) return [...targets];
  const result = [...targets];
  for (const carry of carries) {
    const own = targets.filter((t) => t.lineId === carry.lineId && t.fy !== null);
    if (own.length === 0) continue;
    const latest = own.reduce((a, b) => (b.fy! > a.fy! ? b : a));
    const given = new Set(own.map((t) => t.fy));
    for (const fy of yearsCarried(latest.fy!, carry.through)) {
      if (given.has(fy)) continue;
      if (carry.retiredOn !== null && fiscalYearStart(fy) >= carry.retiredOn) break;
      result.push(carried(latest, fy));
    }
  }
  return result;
}

/** The years a line can be recorded against: those its business case gives a target in, and those its latest target is carried to. */
export function yearsToRecord(targetYears: readonly FiscalYear[], carriedThrough: FiscalYear | null): FiscalYear[] {
  if (carriedThrough === null || targetYears.length === 0) return [...targetYears];
  const latest = [...targetYears].sort().at(-1)!;
  return [...new Set([...targetYears, ...yearsCarried(latest, carriedThrough)])].sort();
}

/**
 * The shares of each carried year that has none of its own: those of the year it is carried from,
 * so the saving kept is split between the forces as the saving made was. A year with shares of its
 * own keeps them.
 */
export function withCarriedShares<S extends { fy: string | null; note: string | null }>(
  shares: readonly S[],
  carriedYears: ReadonlyMap<FiscalYear, FiscalYear>,
): S[] {
  if (carriedYears.size === 0) return [...shares];
  const years = new Set(shares.map((s) => s.fy));
  const result = [...shares];
  for (const [fy, from] of [...carriedYears].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (years.has(fy)) continue;
    for (const share of shares) if (share.fy === from) result.push({ ...share, fy, note: `The shares of FY ${from.replace('-', '/')}, the year this saving is carried from` });
  }
  return result;
}
