/**
 * Splitting an amount between forces by their agreed shares, so that the parts
 * always add back up to the whole to the penny.
 */
import { assertPence } from './money';

/** A force's (or other party's) share in tenths of a percent: 333 = 33.3%. */
export type Share = { key: string; tenthsPercent: number };

const WHOLE = 1000; // 100.0% in tenths of a percent

/** Throws unless there is at least one share, keys are unique and the shares make exactly 100.0%. */
export function assertSharesComplete(shares: readonly Share[]): void {
  if (shares.length === 0) throw new RangeError('there are no shares to split between');
  const seen = new Set<string>();
  let total = 0;
  for (const { key, tenthsPercent } of shares) {
    if (typeof key !== 'string' || key === '') throw new RangeError('every share needs a key');
    if (seen.has(key)) throw new RangeError(`"${key}" has more than one share`);
    seen.add(key);
    if (!Number.isInteger(tenthsPercent) || tenthsPercent < 0 || tenthsPercent > WHOLE) {
      throw new RangeError(
        `the share for "${key}" must be a whole number of tenths of a percent from 0 to 1000, but was ${String(tenthsPercent)}`,
      );
    }
    total += tenthsPercent;
  }
  if (total !== WHOLE) {
    throw new RangeError(`shares add up to ${formatShare(total)}, not ${formatShare(WHOLE)}`);
  }
}

/**
 * Largest-remainder (Hamilton) split: everyone gets the whole pence of their exact quota, then
 * the pence left over go one each to the largest fractions, ties to the larger share, then to
 * whoever comes first. Parts come back in the order given and sum exactly to the total.
 */
export function apportion(totalPence: number, shares: readonly Share[]): { key: string; pence: number }[] {
  assertPence(totalPence, 'total');
  assertSharesComplete(shares);

  // Split the size of a negative total and negate each part, so parts still sum to the total
  // and the rounding favours the same parties whichever way the money flows.
  const negative = totalPence < 0;
  const magnitude = BigInt(Math.abs(totalPence));

  // BigInt: total × share can pass 2^53 for totals above about £90bn.
  const quotas = shares.map(({ key, tenthsPercent }, index) => {
    const product = magnitude * BigInt(tenthsPercent);
    return { key, index, tenthsPercent, whole: product / BigInt(WHOLE), remainder: product % BigInt(WHOLE) };
  });

  const allocated = quotas.reduce((sum, quota) => sum + quota.whole, 0n);
  // Each remainder is under one penny, so fewer pence are left than there are shares.
  const leftover = Number(magnitude - allocated);

  const byClaim = [...quotas].sort(
    (a, b) =>
      (a.remainder === b.remainder ? 0 : a.remainder > b.remainder ? -1 : 1) ||
      b.tenthsPercent - a.tenthsPercent ||
      a.index - b.index,
  );
  const extra = new Set(byClaim.slice(0, leftover).map((quota) => quota.index));

  return quotas.map(({ key, index, whole }) => {
    const pence = Number(whole) + (extra.has(index) ? 1 : 0);
    // Avoid -0 for a zero part of a negative total.
    return { key, pence: negative && pence !== 0 ? -pence : pence };
  });
}

/** 333 → "33.3%", 1000 → "100.0%". */
export function formatShare(tenthsPercent: number): string {
  if (!Number.isSafeInteger(tenthsPercent)) {
    throw new RangeError(`a share must be a whole number of tenths of a percent, but was ${String(tenthsPercent)}`);
  }
  const magnitude = Math.abs(tenthsPercent);
  const tenths = magnitude % 10;
  // Subtract before dividing so the division is exact, whatever the size.
  return `${tenthsPercent < 0 ? '-' : ''}${(magnitude - tenths) / 10}.${tenths}%`;
}

/**
 * Equal shares of 100.0% between parties, in tenths of a percent, adding up to exactly 1000: each
 * gets the whole tenths of its quota and the tenths left over go one each to the first in the order
 * given (three forces: 33.4%, 33.3%, 33.3%).
 */
export function equalShares(keys: readonly string[]): Share[] {
  if (keys.length === 0) throw new RangeError('there is no one to share between');
  const base = Math.floor(WHOLE / keys.length);
  const left = WHOLE - base * keys.length;
  const shares = keys.map((key, index) => ({ key, tenthsPercent: base + (index < left ? 1 : 0) }));
  assertSharesComplete(shares);
  return shares;
}
