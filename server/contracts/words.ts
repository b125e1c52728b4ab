// The words a figure and a status are written with, one way on every screen, in every download and
// in the PDF. Here because both the dashboard and the server use them (the client imports only contracts).

/** How a status reads in every download, the same words the screens use beside their shapes. */
export const RAG_WORDS: Record<string, string> = { green: 'On track', amber: 'At risk', red: 'Off track', none: 'No actual yet' };
export const BENEFIT_RAG_WORDS: Record<string, string> = { ...RAG_WORDS, 'not-measured': 'Not yet measured', 'no-target': 'Measured, no target' };
const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
/** 1 December 2026: a date as a board paper writes it, on screens, slides and the PDF. */
export const dateWords = (iso: string) => longDate.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
const monthYear = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
/** A date as precise as the paper gives it: 2016-12-05 → 5 December 2016, 2016-12 → December 2016, 2016 → 2016. */
export function paperDateWords(date: string | null): string {
  if (!date) return 'undated';
  if (/^\d{4}$/.test(date)) return date;
  const at = new Date(`${date.length === 7 ? `${date}-01` : date.slice(0, 10)}T00:00:00Z`);
  // A date that is not a real one is shown as it was written, never a page that fails.
  if (Number.isNaN(at.getTime())) return date;
  return date.length === 7 ? monthYear.format(at) : dateWords(date);
}

/** Where an agreement stands (domain/agreements agreementStatus), in the register, the function page and downloads. */
export function agreementStatusWords(
  status: { kind: 'in-force'; endsOn: string | null; latestRecorded: string } | { kind: 'not-commenced'; startsOn: string } | { kind: 'ended-or-unknown'; endedOn: string } | { kind: 'unknown' },
): string {
  switch (status.kind) {
    case 'in-force':
      return status.endsOn
        ? `In force until ${paperDateWords(status.endsOn)}`
        : `In force as far as the papers say: they give no end date, and their latest word on it is of ${paperDateWords(status.latestRecorded)}`;
    case 'not-commenced':
      return `Not yet commenced: from ${paperDateWords(status.startsOn)}`;
    case 'ended-or-unknown':
      return `Ended ${paperDateWords(status.endedOn)}, unless renewed: the papers say nothing after`;
    case 'unknown':
      return 'Not known: the papers give no date it was signed or commenced';
  }
}

export const fiscalYearWords = (year: string | null) => (year === null ? 'Not profiled by year' : `FY ${year.replace('-', '/')}`);

/** A figure as the paper words it: "over £200,000", "circa £1.507m"; the figure alone when exact. */
export function qualified(text: string, qualifier: string | null | undefined): string {
  return qualifier ? `${qualifier} ${text}` : text;
}

/**
 * A variance in words as well as a sign, with what it rests on: "£90k ahead", "at least £90k ahead"
 * (delivered "over £200k"), "approximately £0.16m short", "on target".
 */
export function describeVariance(variancePence: number, format: (pence: number) => string, qualifier?: string | null): string {
  if (variancePence === 0) return qualifier ? `${qualifier} on target` : 'on target';
  return qualified(`${format(Math.abs(variancePence))} ${variancePence > 0 ? 'ahead' : 'short'}`, qualifier);
}

/** The terms every view uses, one meaning each, in "How to read these figures" and the README. */
export const DEFINITIONS: readonly { term: string; meaning: string }[] = [
  { term: 'Target', meaning: 'What the current baseline of the business case sets for the period: its years’ targets, a half or quarter taking its year’s target pro rata by month.' },
  { term: 'Delivered', meaning: 'The actuals recorded for the period, added up; “none recorded” where there are none, which is not a shortfall.' },
  {
    term: 'Forecast',
    meaning:
      'The expected outturn of the period as recorded: the function owner’s forecast for the whole function, or the forces’ forecasts of their own parts added up. Where only some forces have forecast, the figure is theirs, and the line, the function and the report say whose; it is never one force’s figure standing for the whole.',
  },
  { term: 'Variance', meaning: 'Delivered less target, over the years that have an actual (to date, for a year still running), in words: “£90k ahead”, “£380k short”.' },
  { term: 'Short of and ahead of target', meaning: 'The shortfall of the functions behind their target and the over-delivery of those ahead, each added up apart; the net gap is the first less the second.' },
  {
    term: 'Carried',
    meaning:
      'A recurring saving a business case gives once, in the year it is first made, is carried into the years after it as the same saving kept, not a new promise: each carried year’s target is that saving, and the headline and what is profiled count it once. Realise carries AOJ’s £654K “from April 2017” to FY 2019/20 as its own reading; the function’s owner can change the year or stop carrying it.',
  },
  { term: 'Nothing due', meaning: 'The period holds no target, actual or forecast for the function: it is not rated.' },
  { term: 'No actual yet', meaning: 'A target is due but nothing has been recorded: a question for the board, not a shortfall. A function’s status is the worst of its periods that have an actual.' },
  { term: 'Over, circa, approximately', meaning: 'The papers’ words for a figure travel with it: delivery “over £200k” against £110k is “at least £90k ahead”; a sum with an approximate part is approximate.' },
  { term: 'Illustrative', meaning: 'From the invented demo data set, or resting on shares between forces the papers do not give; marked wherever it counts.' },
];

/** Whose a forecast is when only some forces have forecast, one way on every screen and download; null when it is the whole line's. */
export function forecastFromWords(forceNames: readonly string[] | null, options: { short?: boolean } = {}): string | null {
  if (forceNames === null || forceNames.length === 0) return null;
  const whose = `${new Intl.ListFormat('en-GB').format(forceNames)}’s only`;
  return options.short ? whose : `${whose}; the other forces have not forecast`;
}

/**
 * A force's share in words, one way on every screen: "equal" where the basis splits equally (the
 * money is split exactly, not by the stored 33.4/33.3/33.3), "none" for no share, "varies" where it
 * changes within the period, otherwise the percentage to one decimal place.
 */
export function shareWords(tenthsPercent: number | null, basis: string | null): string {
  if (tenthsPercent === null) return 'varies';
  if (tenthsPercent === 0) return 'none';
  if (basis === 'equal') return 'equal';
  return `${(tenthsPercent / 10).toFixed(1)}%`;
}
