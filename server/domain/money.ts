/**
 * Money in Realise is always a whole number of pence held in a JS number.
 * Floats never take part in a calculation: anything that could leave the
 * safe-integer range, or that scales by a power of ten, goes through BigInt.
 */

export type Pence = number;

/** Throws unless `value` is a whole number of pence that a JS number holds exactly. */
export function assertPence(value: number, what = 'amount'): void {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${what} must be a whole number of pence, but was ${String(value)}`);
  }
}

/** Exact sum of amounts in pence. */
export function sumPence(values: readonly number[]): number {
  // BigInt so an intermediate total past 2^53 cannot round; only the final total must fit.
  let total = 0n;
  values.forEach((value, index) => {
    assertPence(value, `amount ${index + 1}`);
    total += BigInt(value);
  });
  return toSafePence(total, 'the total');
}

// Power of ten that turns one unit of each suffix into pence.
const SCALE_BY_SUFFIX: Readonly<Record<string, number>> = {
  '': 2,
  k: 5,
  thousand: 5,
  m: 8,
  million: 8,
  bn: 11,
  billion: 11,
};

// Optional minus (hyphen or the typographic U+2212 that word processors insert) before or
// after the £, then digits with optional thousands commas, optional decimals and a suffix.
const MONEY_PATTERN =
  /^([-\u2212]?)\s*(£?)\s*([-\u2212]?)\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*(k|m|bn|thousand|million|billion)?$/i;

/**
 * Reads an amount as it is written in board papers ("£4.6m", "£654K", "£1,507,000",
 * "-£0.01", "£1.2 million") and returns it in pence, exactly.
 */
export function parseMoneyToPence(text: string): number {
  const match = MONEY_PATTERN.exec(text.trim());
  if (match === null) {
    throw new RangeError(`"${text}" is not an amount of money; write it like £4.6m, £654k or £1,507,000.00`);
  }
  const [, minusBefore = '', , minusAfter = '', whole = '', fraction = '', suffix = ''] = match;
  if (minusBefore !== '' && minusAfter !== '') {
    throw new RangeError(`"${text}" has two minus signs`);
  }
  const scale = SCALE_BY_SUFFIX[suffix.toLowerCase()];
  if (scale === undefined) {
    throw new RangeError(`"${text}" has a suffix Realise does not know; use k, m or bn`);
  }

  // Shift the decimal point `scale` places right, using the digits as a string.
  let digits = whole.replaceAll(',', '') + fraction;
  let places = scale - fraction.length;
  if (places < 0) {
    // More decimals than the scale allows: only trailing zeros may go, else it is part of a penny.
    const dropped = digits.slice(places);
    if (/[^0]/.test(dropped)) {
      throw new RangeError(`"${text}" includes a fraction of a penny`);
    }
    digits = digits.slice(0, places);
    places = 0;
  }
  const magnitude = BigInt(digits) * 10n ** BigInt(places);
  const negative = minusBefore !== '' || minusAfter !== '';
  // "-0" must come back as 0, not -0.
  return toSafePence(negative ? -magnitude : magnitude, `"${text}"`);
}

/** The most a single figure may be: £10bn, far beyond any function's savings, well inside exact integers. */
export const MAX_AMOUNT_PENCE = 1_000_000_000_000;

export type ReadAmount = { pence: number } | { problem: string };

/**
 * Reads an amount a person types or a spreadsheet holds, in pounds ("£54,500", "54500.50", "200k",
 * "1.5m"), into whole pence, exactly (the same reading as the papers' figures, above), or says in
 * words what is wrong with it: the one reader of typed money for the screens, import and restore.
 * Savings are never negative here.
 */
export function readAmount(text: string): ReadAmount {
  const written = text.trim();
  if (written === '') return { problem: 'Give the amount in pounds, like 54,500 or 54500.50.' };
  if (/^[-\u2212]|^£\s*[-\u2212]/.test(written)) {
    return { problem: 'An amount is never negative here: write it without the minus sign (to take a figure back, correct or remove it).' };
  }
  const stray = /[^0-9.,£\s]/.exec(written.replace(/\s*(k|m|bn|thousand|million|billion)$/i, ''));
  if (stray) return { problem: `"${written}" is not an amount: "${stray[0]}" is not a digit. Write it like 12,500 or 12500.50.` };
  if (/,/.test(written) && !/^£?\s*\d{1,3}(,\d{3})+(\.\d+)?\s*[a-z]*$/i.test(written)) {
    return { problem: `"${written}" has its commas in the wrong places: group the thousands in threes, like 12,500, or leave the commas out.` };
  }
  let pence: number;
  try {
    pence = parseMoneyToPence(written);
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (/fraction of a penny/.test(message)) return { problem: 'That is a fraction of a penny: give at most two decimals of a pound.' };
    if (/too large/.test(message)) return { problem: 'That amount is larger than any saving Realise can hold.' };
    return { problem: `"${written}" is not an amount in pounds. Write it like 54,500 or 54500.50 (or 200k, 1.5m).` };
  }
  if (pence > MAX_AMOUNT_PENCE) return { problem: 'That amount is larger than any saving Realise can hold.' };
  return { pence };
}

/** "4600000.00" style: pounds with exactly two decimals, for CSV; no £, no commas. */
export function penceToPoundsString(pence: number): string {
  assertPence(pence);
  // BigInt because pence / 100 in floating point can round near 2^53.
  const value = BigInt(pence);
  const magnitude = value < 0n ? -value : value;
  const pounds = magnitude / 100n;
  const remainder = magnitude % 100n;
  return `${value < 0n ? '-' : ''}${pounds.toString()}.${remainder.toString().padStart(2, '0')}`;
}

function toSafePence(value: bigint, what: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`${what} is too large to hold exactly in pence`);
  }
  return Number(value);
}

/** "£1,507,000" for whole pounds, "£20,866.67" otherwise, "−£3,312,000" below zero: for reports and exports. */
export function formatPounds(pence: number): string {
  const [whole = '0', fraction = '00'] = penceToPoundsString(Math.abs(pence)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${pence < 0 ? '\u2212' : ''}£${grouped}${fraction === '00' ? '' : `.${fraction}`}`;
}

const compactNumber = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 3 });
const compactThousands = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const wholePounds = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });

/** £4.6m, £4.438m, £654k, £950: to the nearest £1,000 at most, as board papers write it (screens, slides and their downloads). */
export function formatMoneyShort(pence: number): string {
  const sign = pence < 0 ? '\u2212' : '';
  const pounds = Math.abs(pence) / 100;
  if (pounds >= 1_000_000) return `${sign}£${compactNumber.format(Math.round(pounds / 1000) / 1000)}m`;
  if (pounds >= 1_000) return `${sign}£${compactThousands.format(Math.round(pounds / 100) / 10)}k`;
  return `${sign}${wholePounds.format(pounds)}`;
}

/** The step a short form rounds to at a size: £1,000 from £1m (£4.438m), £100 from £1k (£36.7k), else £1. */
function shortStepPence(pence: number): number {
  const pounds = Math.abs(pence) / 100;
  return pounds >= 1_000_000 ? 100_000 : pounds >= 1_000 ? 10_000 : 100;
}

/**
 * Parts of a whole in the short form, rounded so the printed parts add up to the printed whole: a
 * third each of £4.438m reads £1.479m, £1.479m and £1.480m, never three £1.479m that a board adds
 * to £4.437m. Every part rounds at the whole's step (largest remainder, ties to the larger part,
 * then in order); the exact figures belong in the table beside them.
 */
export function shortPartsOfWhole(parts: readonly number[]): { parts: string[]; whole: string } {
  parts.forEach((part, index) => assertPence(part, `part ${index + 1}`));
  const wholePence = sumPence(parts);
  if (parts.some((part) => part < 0)) return { parts: parts.map(formatMoneyShort), whole: formatMoneyShort(wholePence) };
  const step = shortStepPence(wholePence);
  const roundedWhole = Math.round(wholePence / step);
  const floors = parts.map((part) => Math.floor(part / step));
  const left = roundedWhole - floors.reduce((sum, steps) => sum + steps, 0);
  const order = parts.map((part, index) => ({ index, rest: part - floors[index]! * step, part })).sort((a, b) => b.rest - a.rest || b.part - a.part || a.index - b.index);
  const steps = [...floors];
  // `left` can be below zero only when the whole rounds down past the floors' sum, which cannot happen for parts ≥ 0.
  for (const { index } of order.slice(0, Math.max(0, left))) steps[index]! += 1;
  return { parts: steps.map((count) => formatMoneyShort(count * step)), whole: formatMoneyShort(roundedWhole * step) };
}
