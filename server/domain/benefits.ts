// Whether a benefit is being realised: its latest measure against its target, in the direction that
// counts as better, within its tolerance. Values are integers in thousandths of the measure's unit.

export type BenefitRag = 'green' | 'amber' | 'red' | 'not-measured' | 'no-target';
export type Direction = 'higher-is-better' | 'lower-is-better';

export function benefitRag(input: {
  direction: Direction;
  targetMilli: number | null;
  toleranceMilli: number;
  latestMilli: number | null;
}): BenefitRag {
  const { direction, targetMilli, toleranceMilli, latestMilli } = input;
  if (latestMilli === null) return 'not-measured';
  if (targetMilli === null) return 'no-target';
  // Turn "lower is better" round, so that one comparison serves both directions.
  const sign = direction === 'higher-is-better' ? 1 : -1;
  const shortfall = sign * (targetMilli - latestMilli);
  if (shortfall <= 0) return 'green';
  if (shortfall <= toleranceMilli) return 'amber';
  return 'red';
}

/**
 * How far a measure has come from its baseline towards its target, in tenths of a percent (1000 is
 * all the way), or null without both ends. It can be negative (moving away) or above 1000.
 */
export function progressTenthsPercent(baselineMilli: number | null, targetMilli: number | null, latestMilli: number | null): number | null {
  if (baselineMilli === null || targetMilli === null || latestMilli === null || targetMilli === baselineMilli) return null;
  return Math.round(((latestMilli - baselineMilli) * 1000) / (targetMilli - baselineMilli));
}
