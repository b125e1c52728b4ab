// Benefit measures travel as integers in thousandths of their unit (25% is 25000); people read
// and type decimals.

/** Reads a decimal a person types ("12.5", "27,000", "25%") into thousandths, exactly; null if it is not one. */
export function parseMeasure(text: string): number | null {
  const match = /^(-)?(\d+)(?:\.(\d{1,3}))?$/.exec(text.trim().replace(/,/g, '').replace(/%$/, ''));
  if (!match) return null;
  const [, minus, whole = '', fraction = ''] = match;
  const milli = Number(whole) * 1000 + Number(fraction.padEnd(3, '0'));
  if (!Number.isSafeInteger(milli)) return null;
  return minus ? -milli : milli;
}

/** Thousandths as the decimal a person reads: 12500 → "12.5", 27000000 → "27,000". */
export function formatMeasure(milli: number): string {
  const sign = milli < 0 ? '-' : '';
  const abs = Math.abs(milli);
  const whole = Math.floor(abs / 1000).toLocaleString('en-GB');
  const fraction = String(abs % 1000).padStart(3, '0').replace(/0+$/, '');
  return `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** A measure with its unit: "25 % of time", "27,000 reports"; a percentage unit sits by its number. */
export function formatMeasureWithUnit(milli: number | null, unit: string | null): string {
  if (milli === null) return '–';
  const value = formatMeasure(milli);
  if (!unit) return value;
  return unit.startsWith('%') ? `${value}${unit}` : `${value} ${unit}`;
}
