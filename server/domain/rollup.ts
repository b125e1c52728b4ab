import { assertSharesComplete } from './apportion';
import { assertPence } from './money';
import { qualifierOfGap, qualifierOfSum, qualifierOfVariance } from './qualifier';
import { overallRag, ragOf, type Rag } from './rag';

// Roll-ups of a function's ledger: targets, actuals and forecasts per financial year, per savings
// line and per force. A fiscal year of null is money the papers give for no particular year; it is
// a period of its own, listed after the years.

export type TargetFigure = {
  lineId: number;
  fy: string | null;
  amountPence: number;
  qualifier?: string | null;
  /** A recurring saving carried into this year from the year the business case set it (domain/carry.ts): the same saving kept, not a new promise. */
  carriedFrom?: string | null;
};
export type LedgerFigure = {
  /** null: the money of all the function's lines, added up. */
  lineId: number | null;
  measure: 'actual' | 'forecast';
  fy: string | null;
  force: string | null;
  amountPence: number;
  /** From the illustrative demo data set rather than a paper or a finance officer. */
  isIllustrative?: boolean;
  /** How the papers word the figures behind this one ("over"), where they do. */
  qualifiers?: readonly string[];
};
export type ShareFigure = {
  fy: string | null;
  force: string;
  tenthsPercent: number;
  basis: 'nre' | 'fixed' | 'demand' | 'equal';
  isIllustrative: boolean;
  note: string | null;
};

export type PeriodTotals = {
  fy: string | null;
  targetPence: number;
  deliveredPence: number | null;
  forecastPence: number | null;
  rag: Rag;
  variancePence: number | null;
  /** Some of the delivered or forecast money is illustrative. */
  isIllustrative: boolean;
  /** The papers' word for the target, the delivery and so the variance ("circa", "over", "at least"); null when exact. */
  targetQualifier: string | null;
  deliveredQualifier: string | null;
  varianceQualifier: string | null;
  /** Of the target, what is a recurring saving carried from an earlier year; present only when there is some. */
  carriedPence?: number;
};

/** A period's variance qualifier, worked out again wherever its variance is (a year still running is judged to date). */
export function qualifyVariance<P extends { variancePence?: number | null; targetQualifier: string | null; deliveredQualifier: string | null }>(period: P): P & { varianceQualifier: string | null } {
  const variance = period.variancePence ?? null;
  return { ...period, varianceQualifier: variance === null ? null : qualifierOfVariance(period.deliveredQualifier, period.targetQualifier, variance) };
}

const byPeriod = (a: { fy: string | null }, b: { fy: string | null }) =>
  a.fy === b.fy ? 0 : a.fy === null ? 1 : b.fy === null ? -1 : a.fy < b.fy ? -1 : 1;

function addTo(map: Map<string | null, number>, key: string | null, pence: number) {
  map.set(key, (map.get(key) ?? 0) + pence);
}

/** Target, delivered and forecast per period, each with its RAG; a period with no actual is 'none'. */
export function rollUpPeriods(
  targets: readonly TargetFigure[],
  ledger: readonly LedgerFigure[],
  toleranceTenthsPercent: number,
): PeriodTotals[] {
  const target = new Map<string | null, number>();
  const delivered = new Map<string | null, number>();
  const forecast = new Map<string | null, number>();
  const illustrative = new Set<string | null>();
  const targetWords = new Map<string | null, (string | null | undefined)[]>();
  const deliveredWords = new Map<string | null, string[]>();
  const wordsOf = <T>(map: Map<string | null, T[]>, key: string | null) => map.get(key) ?? map.set(key, []).get(key)!;
  const carried = new Map<string | null, number>();
  for (const t of targets) {
    addTo(target, t.fy, t.amountPence);
    if (t.carriedFrom) addTo(carried, t.fy, t.amountPence);
    wordsOf(targetWords, t.fy).push(t.qualifier);
  }
  for (const e of ledger) {
    addTo(e.measure === 'actual' ? delivered : forecast, e.fy, e.amountPence);
    if (e.isIllustrative) illustrative.add(e.fy);
    if (e.measure === 'actual' && e.qualifiers) wordsOf(deliveredWords, e.fy).push(...e.qualifiers);
  }
  const periods = new Set<string | null>([...target.keys(), ...delivered.keys(), ...forecast.keys()]);
  return [...periods]
    .map((fy) => {
      const targetPence = target.get(fy) ?? 0;
      const deliveredPence = delivered.get(fy) ?? null;
      return qualifyVariance({
        fy,
        targetPence,
        deliveredPence,
        forecastPence: forecast.get(fy) ?? null,
        rag: ragOf({ targetPence, actualPence: deliveredPence, toleranceTenthsPercent }),
        variancePence: deliveredPence === null ? null : deliveredPence - targetPence,
        isIllustrative: illustrative.has(fy),
        targetQualifier: qualifierOfSum(targetWords.get(fy) ?? []),
        deliveredQualifier: qualifierOfSum(deliveredWords.get(fy) ?? []),
        ...(carried.has(fy) ? { carriedPence: carried.get(fy)! } : {}),
      });
    })
    .sort(byPeriod);
}

export type FunctionTotals = {
  targetPence: number;
  deliveredPence: number;
  forecastPence: number | null;
  gapPence: number;
  targetQualifier: string | null;
  deliveredQualifier: string | null;
  gapQualifier: string | null;
  rag: Rag;
  periodsWithActual: number;
  periodsWithoutActual: number;
};

/** A function's totals: its RAG is the worst of the periods that have an actual. */
export function totalsOf(
  periods: readonly (Pick<PeriodTotals, 'targetPence' | 'deliveredPence' | 'forecastPence' | 'rag'> & Partial<PeriodTotals>)[],
): FunctionTotals {
  let targetPence = 0;
  let deliveredPence = 0;
  let forecastPence: number | null = null;
  for (const period of periods) {
    targetPence += period.targetPence;
    deliveredPence += period.deliveredPence ?? 0;
    if (period.forecastPence !== null) forecastPence = (forecastPence ?? 0) + period.forecastPence;
  }
  const { rag, periodsWithActual, periodsWithoutActual } = overallRag(periods);
  const targetQualifier = qualifierOfSum(periods.map((p) => p.targetQualifier));
  const deliveredQualifier = qualifierOfSum(periods.map((p) => p.deliveredQualifier));
  const gapPence = targetPence - deliveredPence;
  return {
    targetPence,
    deliveredPence,
    forecastPence,
    gapPence,
    targetQualifier,
    deliveredQualifier,
    gapQualifier: qualifierOfGap(deliveredQualifier, targetQualifier, gapPence),
    rag,
    periodsWithActual,
    periodsWithoutActual,
  };
}

export type InPeriod = {
  targetPence: number;
  /** null: no actual recorded in any of the period's years. */
  deliveredPence: number | null;
  forecastPence: number | null;
  /** Against the targets of the years that have an actual (to date, for a year still running): a year not yet reported is no shortfall. */
  variancePence: number | null;
  rag: Rag;
  deliveredQualifier: string | null;
  varianceQualifier: string | null;
};

/** One savings line's or function's figures over a view's period, from its rated periods: the one rule for "delivered or none" and the variance. */
export function figuresInPeriod(
  periods: readonly Pick<PeriodTotals, 'targetPence' | 'deliveredPence' | 'forecastPence' | 'variancePence' | 'rag' | 'deliveredQualifier' | 'varianceQualifier'>[],
): InPeriod {
  const delivered = periods.filter((p) => p.deliveredPence !== null);
  const forecasts = periods.filter((p) => p.forecastPence !== null);
  return {
    targetPence: periods.reduce((sum, p) => sum + p.targetPence, 0),
    deliveredPence: delivered.length === 0 ? null : delivered.reduce((sum, p) => sum + p.deliveredPence!, 0),
    forecastPence: forecasts.length === 0 ? null : forecasts.reduce((sum, p) => sum + p.forecastPence!, 0),
    variancePence: delivered.length === 0 ? null : delivered.reduce((sum, p) => sum + (p.variancePence ?? 0), 0),
    rag: overallRag(periods).rag,
    deliveredQualifier: delivered.length === 0 ? null : qualifierOfSum(delivered.map((p) => p.deliveredQualifier)),
    varianceQualifier: delivered.length === 0 ? null : qualifierOfSum(delivered.map((p) => p.varianceQualifier)),
  };
}

/**
 * Each year with the running totals of target and delivered up to and including it, in the order
 * given, each with the word its parts carry (a running total that includes "over £200k" is "over"
 * too). A year with no actual adds nothing delivered.
 */
export function withRunningTotals<P extends { targetPence: number; deliveredPence: number | null; targetQualifier: string | null; deliveredQualifier: string | null }>(
  years: readonly P[],
): (P & { cumulativeTargetPence: number; cumulativeDeliveredPence: number; cumulativeTargetQualifier: string | null; cumulativeDeliveredQualifier: string | null })[] {
  let target = 0;
  let delivered = 0;
  const targetWords: (string | null)[] = [];
  const deliveredWords: (string | null)[] = [];
  return years.map((y) => {
    target += y.targetPence;
    targetWords.push(y.targetQualifier);
    if (y.deliveredPence !== null) {
      delivered += y.deliveredPence;
      deliveredWords.push(y.deliveredQualifier);
    }
    return {
      ...y,
      cumulativeTargetPence: target,
      cumulativeDeliveredPence: delivered,
      cumulativeTargetQualifier: qualifierOfSum(targetWords),
      cumulativeDeliveredQualifier: deliveredWords.length === 0 ? null : qualifierOfSum(deliveredWords),
    };
  });
}

/**
 * Whose forecast a line's period holds. A forecast for the function as a whole, or one from every
 * force with a share, is the line's; one from only some forces is theirs, and the view says so
 * rather than let one force's figure stand for the line. Returns the forces that forecast when
 * they are not all of them, null otherwise (or when nothing is forecast).
 */
export function partialForecastForces(forecasts: readonly { force: string | null }[], sharingForces: readonly string[]): string[] | null {
  if (forecasts.length === 0 || forecasts.some((f) => f.force === null)) return null;
  const forecasting = new Set(forecasts.map((f) => f.force!));
  if (sharingForces.length > 0 && sharingForces.every((force) => forecasting.has(force))) return null;
  return [...forecasting].sort();
}

/**
 * Whose forecast a function's period holds: the forces of every line and year whose forecast is
 * only some forces' (partialForecastForces), together; null when every forecast in it is the whole
 * line's, or nothing is forecast. The portfolio says so beside the function's forecast, as the
 * function page does beside each line's.
 */
export function functionForecastFrom(
  forecasts: readonly { lineId: number | null; fy: string | null; force: string | null }[],
  sharingForces: (fy: string | null) => readonly string[],
): string[] | null {
  const byLineYear = new Map<string, { fy: string | null; forces: { force: string | null }[] }>();
  for (const f of forecasts) {
    const key = `${f.lineId}|${f.fy}`;
    const entry = byLineYear.get(key) ?? { fy: f.fy, forces: [] };
    entry.forces.push({ force: f.force });
    byLineYear.set(key, entry);
  }
  const partial = new Set<string>();
  for (const { fy, forces } of byLineYear.values()) for (const force of partialForecastForces(forces, sharingForces(fy)) ?? []) partial.add(force);
  return partial.size === 0 ? null : [...partial].sort();
}

/**
 * A portfolio's gap both ways: the shortfall of the functions behind their target and the
 * over-delivery of those ahead of it, apart, so one function's surplus never hides another's
 * shortfall; their difference is the net gap.
 */
export function gapsOf(functions: readonly { gapPence: number }[]): { shortfallPence: number; aheadPence: number; netGapPence: number } {
  let shortfallPence = 0;
  let aheadPence = 0;
  for (const f of functions) {
    if (f.gapPence > 0) shortfallPence += f.gapPence;
    else aheadPence -= f.gapPence;
  }
  return { shortfallPence, aheadPence, netGapPence: shortfallPence - aheadPence };
}

/**
 * Splits one period's money between forces. An equal basis is split exactly equally between the
 * forces with a share (a third each, not 33.3/33.3/33.4); other bases by their tenths of a percent.
 * Each force gets the whole pence of its exact part; the pence left over go one each to the largest
 * fractions (largest remainder), ties to the larger stated share, then in order, so the parts
 * always add up to the whole.
 */
export function splitBetweenForces(totalPence: number, shares: readonly ShareFigure[]): Map<string, number> {
  return splitCarrying(totalPence, shares, new Map());
}

/**
 * Splits a function's periods one after another, carrying each force's fraction of a penny from
 * one period to the next: a leftover penny goes first to whoever is furthest below their exact
 * share so far. Split year by year alone, the same force won every tie (a third of ICT's four
 * years put £1,834,000.02 against Hertfordshire); carried, each force's total stays within a penny
 * of its exact share, and each period still adds up to the penny.
 */
export function forceSplitter(): (totalPence: number, shares: readonly ShareFigure[]) => Map<string, number> {
  const owed = new Map<string, number>();
  return (totalPence, shares) => splitCarrying(totalPence, shares, owed);
}

function splitCarrying(totalPence: number, shares: readonly ShareFigure[], owed: Map<string, number>): Map<string, number> {
  assertPence(totalPence, 'total');
  const equal = shares.every((share) => share.basis === 'equal');
  if (!equal) assertSharesComplete(shares.map((share) => ({ key: share.force, tenthsPercent: share.tenthsPercent })));
  const weightOf = (share: ShareFigure) => (equal ? (share.tenthsPercent > 0 ? 1 : 0) : share.tenthsPercent);
  const denominator = equal ? shares.filter((share) => share.tenthsPercent > 0).length : 1000;
  const parts = new Map<string, number>();
  if (denominator === 0) {
    for (const share of shares) parts.set(share.force, 0);
    return parts;
  }
  const negative = totalPence < 0;
  const magnitude = BigInt(Math.abs(totalPence));
  // BigInt: total × share can pass 2^53 for totals above about £90bn.
  const quotas = shares.map((share, index) => {
    const product = magnitude * BigInt(weightOf(share));
    const remainder = product % BigInt(denominator);
    // The claim on a leftover penny orders the forces only; it is never money.
    const carried = owed.get(share.force) ?? 0;
    return { share, index, whole: product / BigInt(denominator), claim: Number(remainder) / denominator + (negative ? -carried : carried) };
  });
  const leftover = Number(magnitude - quotas.reduce((sum, quota) => sum + quota.whole, 0n));
  const byClaim = [...quotas].filter((quota) => weightOf(quota.share) > 0).sort((a, b) => b.claim - a.claim || b.share.tenthsPercent - a.share.tenthsPercent || a.index - b.index);
  const extra = new Set(byClaim.slice(0, leftover).map((quota) => quota.index));
  for (const { share, index, whole } of quotas) {
    const size = Number(whole) + (extra.has(index) ? 1 : 0);
    const pence = negative && size !== 0 ? -size : size;
    parts.set(share.force, pence);
    const exact = (totalPence * weightOf(share)) / denominator;
    owed.set(share.force, (owed.get(share.force) ?? 0) + exact - pence);
  }
  return parts;
}

export type ForcePeriod = {
  fy: string | null;
  shareTenthsPercent: number;
  basis: ShareFigure['basis'];
  isIllustrative: boolean;
  note: string | null;
  targetPence: number;
  /** null: no actual recorded for the period, for the function or for this force. */
  deliveredPence: number | null;
};

export type ForceTotals = { force: string; targetPence: number; deliveredPence: number; periods: ForcePeriod[] };

/**
 * Each force's part of every period: its share of the function-level money, plus anything recorded
 * against the force itself, which is always the force's own, shares or not. Function-level money in
 * a period with no shares cannot be split, and is returned as unapportioned.
 */
export function rollUpForces(
  periods: readonly PeriodTotals[],
  ledger: readonly LedgerFigure[],
  shares: readonly ShareFigure[],
): { forces: ForceTotals[]; unapportionedPence: number; unapportionedDeliveredPence: number } {
  const forces = new Map<string, ForceTotals>();
  const forceOf = (force: string) => {
    let totals = forces.get(force);
    if (!totals) {
      totals = { force, targetPence: 0, deliveredPence: 0, periods: [] };
      forces.set(force, totals);
    }
    return totals;
  };
  let unapportionedPence = 0;
  let unapportionedDeliveredPence = 0;
  const splitTarget = forceSplitter();
  const splitDelivered = forceSplitter();
  for (const period of periods) {
    const periodShares = shares.filter((share) => share.fy === period.fy);
    const actuals = ledger.filter((e) => e.measure === 'actual' && e.fy === period.fy);
    // Whether anything at all was delivered in the period, by any force: the ledger given may hold
    // only the forces asked about.
    const anyActual = period.deliveredPence !== null;
    const functionLevelActual = actuals.filter((e) => e.force === null).reduce((sum, e) => sum + e.amountPence, 0);
    const directTo = (force: string) => actuals.filter((e) => e.force === force).reduce((sum, e) => sum + e.amountPence, 0);
    if (periodShares.length === 0) {
      unapportionedPence += period.targetPence;
      unapportionedDeliveredPence += functionLevelActual;
    }
    const targetParts = periodShares.length > 0 ? splitTarget(period.targetPence, periodShares) : new Map<string, number>();
    const deliveredParts = periodShares.length > 0 ? splitDelivered(functionLevelActual, periodShares) : new Map<string, number>();
    const credited = new Set<string>();
    for (const share of periodShares) {
      credited.add(share.force);
      const targetPence = targetParts.get(share.force) ?? 0;
      const deliveredPence = !anyActual ? null : (deliveredParts.get(share.force) ?? 0) + directTo(share.force);
      const totals = forceOf(share.force);
      totals.targetPence += targetPence;
      totals.deliveredPence += deliveredPence ?? 0;
      totals.periods.push({ fy: period.fy, shareTenthsPercent: share.tenthsPercent, basis: share.basis, isIllustrative: share.isIllustrative, note: share.note, targetPence, deliveredPence });
    }
    // Recorded against a force with no share this period: still that force's delivery.
    for (const force of new Set(actuals.map((e) => e.force).filter((f): f is string => f !== null && !credited.has(f)))) {
      const deliveredPence = directTo(force);
      const totals = forceOf(force);
      totals.deliveredPence += deliveredPence;
      totals.periods.push({
        fy: period.fy,
        shareTenthsPercent: 0,
        basis: 'fixed',
        isIllustrative: false,
        note: 'Recorded against this force; it has no share of the target in this period.',
        targetPence: 0,
        deliveredPence,
      });
    }
  }
  return { forces: [...forces.values()], unapportionedPence, unapportionedDeliveredPence };
}
