import { dateWords } from '../../server/contracts/words';
// Financial years are 2016-17 in URLs and JSON and 2016/17 on screen.

export function formatFiscalYear(fy: string | null): string {
  return fy === null ? 'Not profiled by year' : `FY ${fy.slice(0, 4)}/${fy.slice(5)}`;
}

const monthYear = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A date as precise as the paper gives it: 2016-12-05 → 5 December 2016, 2016-12 → December 2016, 2016 → 2016. */
export function formatPaperDate(date: string | null): string {
  if (!date) return 'undated';
  if (/^\d{4}$/.test(date)) return date;
  if (/^\d{4}-\d{2}$/.test(date)) return monthYear.format(new Date(`${date}-01T00:00:00Z`));
  return dateWords(date);
}

const monthYear2 = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** A calendar month "2017-04" as "Apr 2017". */
export function formatMonth(month: string): string {
  return monthYear2.format(new Date(`${month}-01T00:00:00Z`));
}
