import { fiscalYearsBetween, monthsOfFiscalYear, type FiscalYear } from './fiscal';
import type { Rag } from './rag';
import type { LedgerFigure, TargetFigure } from './rollup';
import { monthlyTargetPence, monthsInScope, type Scope } from './scope';

export type TimelinePoint = {
  month: string;
  targetPence: number;
  deliveredPence: number;
  cumulativeTargetPence: number;
  cumulativeDeliveredPence: number;
};

/** Every month from the first to the last of these financial years. */
export function monthsOfYears(years: readonly FiscalYear[]): string[] {
  if (years.length === 0) return [];
  const sorted = [...years].sort();
  return fiscalYearsBetween(sorted[0]!, sorted.at(-1)!).flatMap(monthsOfFiscalYear);
}

/**
 * Target and delivery month by month, and cumulatively, over the given months. Yearly targets are
 * spread evenly over their months; an actual recorded for a whole year counts in its last month,
 * March, when the year's delivery is known. Money not profiled by year has no place on a timeline.
 */
export function cumulativeTimeline(
  targets: readonly TargetFigure[],
  ledger: readonly (LedgerFigure & { month: string | null })[],
  months: readonly string[],
): TimelinePoint[] {
  const target = new Map<string, number>();
  const delivered = new Map<string, number>();
  const add = (map: Map<string, number>, month: string, pence: number) => map.set(month, (map.get(month) ?? 0) + pence);
  // Each year's months added up as twelve amounts first (a national portfolio spreads 6,000 targets).
  const byYear = new Map<string, number[]>();
  for (const t of targets) {
    if (t.fy === null) continue;
    const split = monthlyTargetPence(t.amountPence);
    const year = byYear.get(t.fy);
    if (year === undefined) byYear.set(t.fy, split);
    else for (let i = 0; i < 12; i += 1) year[i]! += split[i]!;
  }
  for (const [fy, split] of byYear) monthsOfFiscalYear(fy).forEach((month, i) => add(target, month, split[i]!));
  for (const e of ledger) {
    if (e.measure !== 'actual' || e.fy === null) continue;
    add(delivered, e.month ?? monthsOfFiscalYear(e.fy)[11]!, e.amountPence);
  }
  let cumulativeTargetPence = 0;
  let cumulativeDeliveredPence = 0;
  return months.map((month) => {
    const targetPence = target.get(month) ?? 0;
    const deliveredPence = delivered.get(month) ?? 0;
    cumulativeTargetPence += targetPence;
    cumulativeDeliveredPence += deliveredPence;
    return { month, targetPence, deliveredPence, cumulativeTargetPence, cumulativeDeliveredPence };
  });
}

/** The last calendar month wholly before a date: 2019-06-20 → 2019-05. */
export function lastEndedMonth(isoDate: string): string {
  const [year, month] = isoDate.split('-').map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

/**
 * A year still running on the "as at" date is judged against its target to date (its months that
 * are in scope and have ended, pro rata), not its whole year: a function on profile in October is
 * on track, not red. The target to date comes from the whole-year targets, so a half or quarter is
 * cut to its months once, not twice. Years whose months in scope have all ended keep their rating.
 */
export function rateYearsInProgress<P extends { fy: string | null; deliveredPence: number | null }>(
  periods: readonly P[],
  yearTargets: readonly TargetFigure[],
  scope: Scope,
  asAt: string,
  rate: (targetPence: number, deliveredPence: number | null) => Rag,
): (P & { targetToDatePence: number | null; rag?: Rag; variancePence?: number | null })[] {
  const through = lastEndedMonth(asAt);
  return periods.map((period) => {
    const fy = period.fy;
    const months = fy === null ? [] : monthsInScope(scope, fy);
    if (fy === null || months.length === 0 || months.at(-1)! <= through) return { ...period, targetToDatePence: null };
    // The months of the year in scope and ended by the date, each target spread over them as monthlyTargets does.
    const counted = monthsOfFiscalYear(fy).map((month) => month <= through && months.includes(month));
    let targetToDatePence = 0;
    for (const t of yearTargets) {
      if (t.fy !== fy) continue;
      const split = monthlyTargetPence(t.amountPence);
      for (let i = 0; i < 12; i += 1) if (counted[i]) targetToDatePence += split[i]!;
    }
    return {
      ...period,
      targetToDatePence,
      rag: rate(targetToDatePence, period.deliveredPence),
      variancePence: period.deliveredPence === null ? null : period.deliveredPence - targetToDatePence,
    };
  });
}
