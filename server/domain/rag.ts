/**
 * Red/amber/green rating of savings achieved against target.
 * 'none' means no actual has been recorded yet; it is not a rating and never outranks one.
 */
import { assertPence, sumPence } from './money';

export type Rag = 'green' | 'amber' | 'red' | 'none';

/** The ratings a period with an actual can have. */
export type RagRating = Exclude<Rag, 'none'>;

/** Ratings worst first: red is worse than amber, which is worse than green. */
export const RAG_ORDER: readonly RagRating[] = ['red', 'amber', 'green'];

/**
 * Green when the actual meets the target; amber when it is short by no more than the
 * tolerance (tenths of a percent of the target: 50 = 5.0%); red when short by more.
 */
export function ragOf(input: {
  targetPence: number;
  actualPence: number | null;
  toleranceTenthsPercent: number;
}): Rag {
  const { targetPence, actualPence, toleranceTenthsPercent } = input;
  assertPence(targetPence, 'target');
  assertTolerance(toleranceTenthsPercent);
  if (actualPence === null) return 'none';
  assertPence(actualPence, 'actual');
  if (actualPence >= targetPence) return 'green';

  // actual ≥ target − |target| × tolerance / 1000, multiplied through by 1000 so it stays in
  // integers; BigInt because the products pass 2^53 for targets above about £90bn.
  // For a positive target this is actual × 1000 ≥ target × (1000 − tolerance). Using |target|
  // keeps the amber band below the target when a target is negative (a planned net cost).
  const target = BigInt(targetPence);
  const magnitude = target < 0n ? -target : target;
  const floor = target * 1000n - magnitude * BigInt(toleranceTenthsPercent);
  return BigInt(actualPence) * 1000n >= floor ? 'amber' : 'red';
}

/** Actual minus target: positive is ahead of target, negative is short of it. */
export function varianceOf(
  targetPence: number,
  actualPence: number,
): { variancePence: number; direction: 'ahead' | 'on target' | 'short' } {
  assertPence(targetPence, 'target');
  assertPence(actualPence, 'actual');
  const variancePence = actualPence - targetPence;
  // Two safe integers can differ by more than a safe integer; refuse rather than round.
  assertPence(variancePence, 'variance');
  const direction = variancePence > 0 ? 'ahead' : variancePence < 0 ? 'short' : 'on target';
  return { variancePence, direction };
}

/**
 * The worst rating among periods that have an actual, with counts of periods with and
 * without one. 'none' only when no period has an actual yet.
 */
export function overallRag(periods: readonly { rag: Rag }[]): {
  rag: Rag;
  periodsWithoutActual: number;
  periodsWithActual: number;
} {
  let worst: number = RAG_ORDER.length; // past the end: nothing rated yet
  let periodsWithoutActual = 0;
  for (const { rag } of periods) {
    if (rag === 'none') {
      periodsWithoutActual += 1;
      continue;
    }
    const severity = RAG_ORDER.indexOf(rag);
    if (severity < 0) throw new RangeError(`"${String(rag)}" is not a RAG rating`);
    worst = Math.min(worst, severity);
  }
  return {
    rag: RAG_ORDER[worst] ?? 'none',
    periodsWithoutActual,
    periodsWithActual: periods.length - periodsWithoutActual,
  };
}

function assertTolerance(tenthsPercent: number): void {
  if (!Number.isInteger(tenthsPercent) || tenthsPercent < 0 || tenthsPercent > 1000) {
    throw new RangeError(
      `tolerance must be a whole number of tenths of a percent from 0 to 1000 (0% to 100%), but was ${String(tenthsPercent)}`,
    );
  }
}

/** Worst first: red, amber, no actual yet, on track. */
export const SEVERITY = { red: 0, amber: 1, none: 2, green: 3 } as const;

/** Most off track first: red, amber, no actual yet, on track, then nothing due; within each, the largest shortfall (the screen's order, and the slides'). */
export function mostOffTrackFirst<F extends { years: readonly unknown[]; rag: Rag; targetPence: number; gapPence: number }>(functions: readonly F[]): F[] {
  const weight = (f: F) => (f.years.length === 0 ? 4 : SEVERITY[f.rag]);
  const shortfall = (f: F) => (f.targetPence === 0 ? 0 : f.gapPence / f.targetPence);
  return [...functions].sort((a, b) => weight(a) - weight(b) || shortfall(b) - shortfall(a));
}

/** How many functions a board chart draws one by one before it adds the rest together. */
export const CHART_FUNCTIONS_SHOWN = 12;

export type ChartOfMostOffTrack<F> = {
  /** The most off track, one bar each, in order. */
  shown: F[];
  /** Every other function with something due, added together into one bar; null when none is left over. */
  rest: { count: number; targetPence: number; deliveredPence: number; forecastPence: number | null } | null;
};

/**
 * What a board can read in one chart: the most off track functions one by one, the rest with
 * something due added together (never hundreds of bars), every one of them in the table beside it.
 */
export function chartOfMostOffTrack<F extends { years: readonly unknown[]; rag: Rag; targetPence: number; gapPence: number; deliveredPence: number; periodsWithActual: number; forecastPence: number | null }>(
  functions: readonly F[],
  shownAtMost: number = CHART_FUNCTIONS_SHOWN,
): ChartOfMostOffTrack<F> {
  const ordered = mostOffTrackFirst(functions);
  // One more bar than the limit is drawn rather than a "rest" of one.
  if (ordered.length <= shownAtMost + 1) return { shown: ordered, rest: null };
  const shown = ordered.slice(0, shownAtMost);
  const others = ordered.slice(shownAtMost).filter((f) => f.years.length > 0);
  if (others.length === 0) return { shown, rest: null };
  const forecasts = others.map((f) => f.forecastPence).filter((p): p is number => p !== null);
  return {
    shown,
    rest: {
      count: others.length,
      targetPence: sumPence(others.map((f) => f.targetPence)),
      deliveredPence: sumPence(others.map((f) => (f.periodsWithActual === 0 ? 0 : f.deliveredPence))),
      forecastPence: forecasts.length === 0 ? null : sumPence(forecasts),
    },
  };
}
