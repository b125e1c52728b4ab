// How a paper words a figure ("over £200k", "circa £1.507m", "approximately £4.6m") belongs to the
// figure: a sum, a variance or a status resting on it carries it too. Only the words that say how
// precise a figure is count here; others ("originally predicted") describe it and stay beside it.

export type Precision = 'exact' | 'at-least' | 'at-most' | 'approximate';

const AT_LEAST = new Set(['over', 'more than', 'at least', 'in excess of', 'upwards of']);
const AT_MOST = new Set(['at most', 'under', 'less than', 'up to']);
const APPROXIMATE = new Set(['circa', 'c.', 'approximately', 'about', 'around', 'roughly', 'some', 'nearly', 'almost']);

export function precisionOf(qualifier: string | null | undefined): Precision {
  const word = qualifier?.trim().toLowerCase() ?? '';
  if (AT_LEAST.has(word)) return 'at-least';
  if (AT_MOST.has(word)) return 'at-most';
  if (APPROXIMATE.has(word)) return 'approximate';
  return 'exact';
}

/**
 * The word a sum carries from its parts: the papers' own word where every part has it ("over £200k"
 * alone: "over"; "originally predicted £110k" alone: "originally predicted"); otherwise
 * "approximately" where any part is approximate, "at least" where a part is at least its figure,
 * and null where every part is exact.
 */
export function qualifierOfSum(qualifiers: Iterable<string | null | undefined>): string | null {
  const words = new Set<string | null>();
  const precisions = new Set<Precision>();
  for (const qualifier of qualifiers) {
    words.add(qualifier?.trim() || null);
    precisions.add(precisionOf(qualifier));
  }
  if (words.size === 1) return [...words][0] ?? null;
  const atLeast = precisions.has('at-least');
  const atMost = precisions.has('at-most');
  if (precisions.has('approximate') || (atLeast && atMost)) return 'approximately';
  return atLeast ? 'at least' : atMost ? 'at most' : null;
}

/**
 * The word a difference (delivered − target) carries. Delivered "over" a figure against an exact
 * target: the variance is at least what it shows ahead, or at most what it shows short; anything
 * approximate makes it approximate; a target that is itself only "at least" leaves it approximate.
 */
export function qualifierOfVariance(deliveredQualifier: string | null, targetQualifier: string | null, variancePence: number): string | null {
  const delivered = precisionOf(deliveredQualifier);
  const target = precisionOf(targetQualifier);
  if (delivered === 'exact' && target === 'exact') return null;
  // A bound on both sides, or a bound that points the other way ("up to"), says too little for a bound on the difference.
  if (delivered === 'approximate' || target === 'approximate' || delivered === 'at-most' || target === 'at-most' || (delivered === 'at-least' && target === 'at-least')) return 'approximately';
  // One side is "at least" and the other exact.
  const variancesAtLeast = delivered === 'at-least';
  if (variancePence >= 0) return variancesAtLeast ? 'at least' : 'at most';
  // Short: a larger delivery would shrink the shortfall, so "at least" delivered is "at most" short.
  return variancesAtLeast ? 'at most' : 'at least';
}

/** The gap (target − delivered) is the variance turned round: its qualifier follows the same reading. */
export function qualifierOfGap(deliveredQualifier: string | null, targetQualifier: string | null, gapPence: number): string | null {
  return qualifierOfVariance(deliveredQualifier, targetQualifier, -gapPence);
}
