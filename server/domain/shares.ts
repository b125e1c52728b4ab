import { assertSharesComplete, type Share } from './apportion';

// Each force's share of a programme from a basis entered once a year, such as its Net Revenue
// Expenditure: "apportioned between the seven forces by Net Revenue Expenditure ... calculated to
// one decimal place" (paper 003, the Seven Force agreement, 5.1–5.2).
//
// The rule: each force's exact share is its basis over the total, in tenths of a percent. Each gets
// the whole tenths of its exact share; the tenths left over (at most one per force) go one each to
// the largest fractions left. A tie between equal fractions goes to the larger basis, then to the
// force first in the order given (the callers give forces alphabetically by id). The shares always
// add up to exactly 100.0%. A force whose basis is zero has a share of 0.0%.

const WHOLE = 1000n; // 100.0% in tenths of a percent

export type Basis = { key: string; amount: number };

export function sharesByBasis(bases: readonly Basis[]): Share[] {
  if (bases.length === 0) throw new RangeError('there is no basis to share by');
  for (const b of bases) {
    if (!Number.isSafeInteger(b.amount) || b.amount < 0) throw new RangeError(`the basis of "${b.key}" must be a whole, non-negative amount, but was ${String(b.amount)}`);
  }
  const total = bases.reduce((sum, b) => sum + BigInt(b.amount), 0n);
  if (total === 0n) throw new RangeError('every basis is zero, so there is nothing to share by');
  // Exact arithmetic in BigInt: tenths = amount × 1000 / total, with the remainder kept for the tie-break.
  const parts = bases.map((b, index) => {
    const scaled = BigInt(b.amount) * WHOLE;
    return { key: b.key, amount: BigInt(b.amount), index, tenths: scaled / total, remainder: scaled % total };
  });
  let left = WHOLE - parts.reduce((sum, p) => sum + p.tenths, 0n);
  const order = [...parts].sort((a, b) =>
    a.remainder !== b.remainder ? (a.remainder > b.remainder ? -1 : 1) : a.amount !== b.amount ? (a.amount > b.amount ? -1 : 1) : a.index - b.index,
  );
  for (const p of order) {
    if (left === 0n) break;
    if (p.remainder === 0n) continue;
    p.tenths += 1n;
    left -= 1n;
  }
  const shares = parts.map((p) => ({ key: p.key, tenthsPercent: Number(p.tenths) }));
  assertSharesComplete(shares);
  return shares;
}
