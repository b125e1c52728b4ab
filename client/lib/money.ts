import { describeVariance as describeVarianceInWords, qualified } from '../../server/contracts/words';

// Money arrives as integer pence and is formatted by server/domain/money.ts, one way everywhere
// (screens, PDF, downloads, slides): compact for headlines and charts (£4.6m, £654k), in full for
// tables (£1,507,000 or £20,866.67).

import { formatMoneyShort, formatPounds, shortPartsOfWhole } from '../../server/domain/money';

/** £1,507,000 when the pence are whole pounds, else £20,866.67; −£3,312,000 below zero: the one full form, shared with the PDF and downloads. */
export const formatMoney = formatPounds;
/** £4.6m, £4.438m, £654k, £950: the one short form, shared with the server's slides. */
export { formatMoneyShort };

/** A variance in words as well as a sign: "£90k ahead", "at least £90k ahead", "on target" (the shared rule, compact by default). */
export function describeVariance(variancePence: number, format: (pence: number) => string = formatMoneyShort, qualifier?: string | null): string {
  return describeVarianceInWords(variancePence, format, qualifier);
}

export { qualified };

/**
 * A chart caption for the parts of a whole (a force's functions, a function's forces), in the
 * short form rounded so the parts add up to the "in all" printed after them.
 */
export function partsCaption(parts: readonly { name: string; targetPence: number; deliveredPence: number | null }[], { delivered = true }: { delivered?: boolean } = {}): string {
  const targets = shortPartsOfWhole(parts.map((p) => p.targetPence));
  const deliveredParts = shortPartsOfWhole(parts.map((p) => p.deliveredPence ?? 0));
  const showDelivered = delivered && parts.some((p) => p.deliveredPence !== null);
  const each = parts.map(
    (p, i) => `${p.name}: target ${targets.parts[i]}${!delivered ? '' : p.deliveredPence === null ? ', no actual yet' : `, delivered ${deliveredParts.parts[i]}`}`,
  );
  const inAll = parts.length > 1 ? `; in all, target ${targets.whole}${showDelivered ? `, delivered ${deliveredParts.whole}` : ''}` : '';
  return `${each.join('; ')}${inAll}.`;
}
