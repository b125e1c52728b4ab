import { paperDateWords } from '../../server/contracts/words';
// Financial years are 2016-17 in URLs and JSON and 2016/17 on screen.

export function formatFiscalYear(fy: string | null): string {
  return fy === null ? 'Not profiled by year' : `FY ${fy.slice(0, 4)}/${fy.slice(5)}`;
}

/** A date as precise as the paper gives it: one rule, shared with the server. */
export const formatPaperDate = paperDateWords;

const monthYear2 = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** A calendar month "2017-04" as "Apr 2017". */
export function formatMonth(month: string): string {
  return monthYear2.format(new Date(`${month}-01T00:00:00Z`));
}
