import { fiscalYearStart, fiscalYearEnd, monthsOfFiscalYear, type FiscalYear } from './fiscal';
import { spellCovers } from './membership';

// The rules a recorded actual or forecast must keep, as messages a finance officer can act on.

export type EntryToCheck = { measure: 'actual' | 'forecast'; fiscalYear: FiscalYear; month: string | null; force: string | null };
export type EntryContext = {
  /** Today's date, ISO. */
  today: string;
  functionName: string;
  /** The years the line has a target in; empty when its targets are not profiled by year. */
  lineYears: readonly FiscalYear[];
  /** The collaboration's members and when they joined. */
  members: readonly { force: string; joinedOn: string; leftOn: string | null }[];
  /** The day the line (or its function) was retired, if it was: its history stays, nothing is added from that day. */
  retiredOn?: string | null;
};
export type Problem = { path: string; message: string };

const fy = (year: FiscalYear) => `${year.slice(0, 4)}/${year.slice(5)}`;

export function entryProblems(entry: EntryToCheck, context: EntryContext): Problem[] {
  const problems: Problem[] = [];
  if (entry.month !== null && !monthsOfFiscalYear(entry.fiscalYear).includes(entry.month)) {
    problems.push({ path: 'month', message: `${entry.month} is not in FY ${fy(entry.fiscalYear)}, which runs from April ${entry.fiscalYear.slice(0, 4)} to March ${Number(entry.fiscalYear.slice(0, 4)) + 1}.` });
  }
  if (context.lineYears.length === 0) {
    // Its delivery is a figure for the whole collaboration too; a yearly one beside it would count twice.
    problems.push({ path: 'fiscalYear', message: 'This savings line’s target is not profiled by year, as its paper gives it, so its delivery cannot be recorded by year.' });
  } else if (!context.lineYears.includes(entry.fiscalYear)) {
    problems.push({
      path: 'fiscalYear',
      message: `This savings line has targets only in ${context.lineYears.map((y) => `FY ${fy(y)}`).join(', ')}; record against one of those years.`,
    });
  }
  const periodStart = entry.month !== null ? `${entry.month}-01` : fiscalYearStart(entry.fiscalYear);
  if (context.retiredOn && periodStart >= context.retiredOn) {
    problems.push({ path: entry.month !== null ? 'month' : 'fiscalYear', message: `This savings line was retired on ${context.retiredOn}: figures can be recorded only for periods before then.` });
  }
  if (entry.measure === 'actual' && periodStart > context.today) {
    problems.push({ path: entry.month !== null ? 'month' : 'fiscalYear', message: 'An actual cannot be recorded for a period that has not begun; record a forecast instead.' });
  }
  if (entry.force !== null) {
    const spells = context.members.filter((m) => m.force === entry.force);
    const periodEnd = entry.month !== null ? `${entry.month}-31` : fiscalYearEnd(entry.fiscalYear);
    // A force counts for a period it was a member for at least part of: joined by its end, not left by its start.
    const during = spells.some((m) => spellCovers(m, periodStart, periodEnd));
    if (spells.length === 0) problems.push({ path: 'force', message: `${entry.force} is not a member of the collaboration behind ${context.functionName}.` });
    else if (!during) {
      const joined = spells[0]!.joinedOn;
      const left = spells.filter((m) => m.leftOn !== null && m.leftOn <= periodStart).at(-1)?.leftOn;
      problems.push({
        path: 'force',
        message: joined > periodEnd ? `${entry.force} had not joined by then: it joined in ${joined}.` : `${entry.force} had left the collaboration by then: it left on ${left}.`,
      });
    }
  }
  return problems;
}
