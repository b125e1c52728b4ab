import { describeVariance as describeVarianceInWords, qualified } from '../../server/contracts/words';

// Money arrives as integer pence and is formatted only here, one way everywhere: compact for
// headlines and charts (£4.6m, £654k), in full for tables (£1,507,000 or £20,866.67).

const full = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });
const wholePounds = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });
const compactNumber = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 3 });
const compactThousands = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/** £1,507,000 when the pence are whole pounds, else £20,866.67. */
export function formatMoney(pence: number): string {
  return pence % 100 === 0 ? wholePounds.format(pence / 100) : full.format(pence / 100);
}

/** £4.6m, £4.438m, £654k, £950: to the nearest £1,000 at most, as board papers write it. */
export function formatMoneyShort(pence: number): string {
  const sign = pence < 0 ? '−' : '';
  const pounds = Math.abs(pence) / 100;
  if (pounds >= 1_000_000) return `${sign}£${compactNumber.format(Math.round(pounds / 1000) / 1000)}m`;
  if (pounds >= 1_000) return `${sign}£${compactThousands.format(Math.round(pounds / 100) / 10)}k`;
  return `${sign}${wholePounds.format(pounds)}`;
}

/** A variance in words as well as a sign: "£90k ahead", "at least £90k ahead", "on target" (the shared rule, compact by default). */
export function describeVariance(variancePence: number, format: (pence: number) => string = formatMoneyShort, qualifier?: string | null): string {
  return describeVarianceInWords(variancePence, format, qualifier);
}

export { qualified };

/** Tenths of a percent as a percentage: 333 → "33.3%". */
export function formatShare(tenthsPercent: number): string {
  return `${(tenthsPercent / 10).toFixed(1)}%`;
}
