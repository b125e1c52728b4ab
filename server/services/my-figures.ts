import type { CurrentSession } from '../auth/service';
import { wasMemberDuring } from '../domain/membership';
import type { LedgerEntry, MyFigures } from '../contracts/ledger-entries';
import { fiscalYearWords } from '../contracts/words';
import type { LedgerEntryRepository } from '../db/repositories/ledger-entries';
import { fiscalYearEnd, fiscalYearStart, fiscalYearOf, monthsOfFiscalYear, nextFiscalYear } from '../domain/fiscal';

// "My figures": what a person is due to record, line by line and month by month, with what is
// recorded, what is missing and when each was due. A month's figure is due by the 15th of the
// month after it (the date the demo data set reports on, and the papers' monthly cycle); a whole
// year's by 15 April after it.

export const dueOn = (month: string | null, fy: string) => {
  if (month === null) return `${nextFiscalYear(fy).slice(0, 4)}-04-15`;
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${year + 1}-01-15` : `${year}-${String(m + 1).padStart(2, '0')}-15`;
};

const howRecorded = (recorded: readonly LedgerEntry[]) => {
  if (recorded.length === 0) return 'nothing recorded yet';
  const byMonth = recorded[0]!.month !== null;
  const byForce = recorded.some((e) => e.force !== null);
  return `${byMonth ? 'by month' : 'for the whole year'}, ${byForce ? 'by force' : 'for the function as a whole'}`;
};

export function createMyFigures({ entries, now }: { entries: LedgerEntryRepository; now: () => Date }) {
  return {
    of(session: CurrentSession, asked: { fiscalYear?: string | undefined; measure?: 'actual' | 'forecast' | undefined }): MyFigures {
      const today = now().toISOString().slice(0, 10);
      const measure = asked.measure ?? 'actual';
      const owned = session.user.grants.filter((g) => g.role === 'function-owner' && g.function).map((g) => g.function!);
      const edited = session.user.grants.filter((g) => g.role === 'force-editor' && g.force).map((g) => g.force!);
      const lines = entries.linesToRecord(owned, edited);
      const fiscalYears = [...new Set(lines.flatMap((l) => l.years))].sort();
      const thisYear = fiscalYearOf(today);
      let fiscalYear = asked.fiscalYear ?? thisYear;
      let yearNote: string | null = null;
      if (asked.fiscalYear === undefined && !fiscalYears.includes(thisYear) && fiscalYears.length > 0) {
        fiscalYear = [...fiscalYears].reverse().find((y) => y <= thisYear) ?? fiscalYears[0]!;
        yearNote = `None of your lines has a target in ${fiscalYearWords(thisYear)}, so this shows ${fiscalYearWords(fiscalYear)}, the latest year with one.`;
      }
      const names = entries.forceNames();
      const rows: MyFigures['rows'] = [];
      for (const line of lines.filter((l) => l.years.includes(fiscalYear))) {
        const members = entries.members(line.collaboration);
        const forces: (string | null)[] = owned.includes(line.function) ? [null] : [];
        // A force counts for the months it was a member in; a retired line for the months before it retired.
        const memberIn = (force: string, start: string, end: string) => wasMemberDuring(members, force, start, end);
        for (const force of edited) {
          if (memberIn(force, fiscalYearStart(fiscalYear), fiscalYearEnd(fiscalYear))) forces.push(force);
        }
        if (forces.length === 0) continue;
        const recorded = entries.sameYear(line.id, measure, fiscalYear);
        const byMonth = recorded.length === 0 || recorded[0]!.month !== null;
        // Actuals for the months that have begun; forecasts for the whole year.
        const months: (string | null)[] = byMonth ? monthsOfFiscalYear(fiscalYear).filter((m) => measure === 'forecast' || `${m}-01` <= today) : [null];
        for (const force of forces) {
          const byForce = recorded.some((e) => e.force !== null);
          const open = (month: string | null) =>
            month === null || ((line.retiredOn === null || `${month}-01` < line.retiredOn) && (force === null || memberIn(force, `${month}-01`, `${month}-31`)));
          const cells = months.filter(open).map((month) => {
            const entry = recorded.find((e) => e.month === month && e.force === force) ?? null;
            const whole = force === null ? null : (recorded.find((e) => e.month === month && e.force === null) ?? null);
            // The function as a whole, on a year recorded by force: its figure is the forces' sum, theirs to record.
            const forces = force === null && byForce ? recorded.filter((e) => e.month === month && e.force !== null) : [];
            const due = dueOn(month, fiscalYear);
            const state = entry ? 'recorded' : force === null && byForce ? 'by-force' : whole ? 'whole-function' : due <= today ? 'missing' : 'not-due';
            return {
              month,
              dueOn: due,
              state: state as 'recorded' | 'missing' | 'not-due' | 'whole-function' | 'by-force',
              entry,
              wholeFunctionPence: whole?.amountPence ?? null,
              forcesPence: state === 'by-force' ? forces.reduce((sum, e) => sum + e.amountPence, 0) : null,
              forcesRecorded: state === 'by-force' ? [...new Set(forces.map((e) => e.force!))].sort() : [],
            };
          });
          rows.push({
            lineId: line.id,
            lineCode: line.code,
            lineName: line.name,
            function: line.function,
            functionName: line.functionName,
            force,
            forceName: force === null ? null : (names.get(force) ?? force),
            recordedAs: howRecorded(recorded),
            cells,
            missing: cells.filter((c) => c.state === 'missing').length,
          });
        }
      }
      return { today, fiscalYear, fiscalYears, measure, yearNote, rows };
    },
  };
}

export type MyFiguresService = ReturnType<typeof createMyFigures>;
