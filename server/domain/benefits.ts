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

/** Reads a decimal a person types ("12.5", "27,000") into thousandths, exactly; null if it is not one. */
export function parseMeasure(text: string): number | null {
  const match = /^(-)?(\d+)(?:\.(\d{1,3}))?$/.exec(text.trim().replace(/,/g, '').replace(/%$/, ''));
  if (!match) return null;
  const [, minus, whole = '', fraction = ''] = match;
  const milli = Number(whole) * 1000 + Number(fraction.padEnd(3, '0'));
  if (!Number.isSafeInteger(milli)) return null;
  return minus ? -milli : milli;
}

/** Thousandths as the decimal a person reads: 12500 → "12.5". */
export function formatMeasure(milli: number): string {
  const sign = milli < 0 ? '-' : '';
  const abs = Math.abs(milli);
  const whole = Math.floor(abs / 1000).toLocaleString('en-GB');
  const fraction = String(abs % 1000).padStart(3, '0').replace(/0+$/, '');
  return `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
}
