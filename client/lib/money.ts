import { describeVariance as describeVarianceInWords, qualified } from '../../server/contracts/words';

// Money arrives as integer pence and is formatted by server/domain/money.ts, one way everywhere
// (screens, PDF, downloads, slides): compact for headlines and charts (£4.6m, £654k), in full for
// tables (£1,507,000 or £20,866.67).

import { formatMoneyShort, formatPounds } from '../../server/domain/money';

/** £1,507,000 when the pence are whole pounds, else £20,866.67; −£3,312,000 below zero: the one full form, shared with the PDF and downloads. */
export const formatMoney = formatPounds;
/** £4.6m, £4.438m, £654k, £950: the one short form, shared with the server's slides. */
export { formatMoneyShort };

/** A variance in words as well as a sign: "£90k ahead", "at least £90k ahead", "on target" (the shared rule, compact by default). */
export function describeVariance(variancePence: number, format: (pence: number) => string = formatMoneyShort, qualifier?: string | null): string {
  return describeVarianceInWords(variancePence, format, qualifier);
}

export { qualified };
