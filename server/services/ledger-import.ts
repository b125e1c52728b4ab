import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { CurrentSession } from '../auth/service';
import { recordAudit } from '../db/audit';
import type { Db } from '../db/connection';
import type { LedgerEntryRepository } from '../db/repositories/ledger-entries';
import { isFiscalYear } from '../domain/fiscal';
import { readAmount } from '../domain/money';
import { isAllowed } from '../domain/permissions';
import { entryProblems } from '../domain/recording';

// Importing actuals and forecasts from a spreadsheet: read every row, say what each would add or
// change and what is wrong with it (row and column), and apply all of it in one transaction or
// nothing. The same file twice changes nothing the second time.

export const TEMPLATE_COLUMNS = ['function', 'line', 'measure', 'fiscal_year', 'month', 'force', 'amount_gbp'] as const;
export const TEMPLATE_NOTES: Record<(typeof TEMPLATE_COLUMNS)[number], string> = {
  function: 'the function’s id, as in its address: ict, aoj, ctc',
  line: 'the savings line’s code, as on the Record page: aoj-blueprint',
  measure: 'actual or forecast',
  fiscal_year: 'the financial year, written 2017-18',
  month: 'the month, written 2017-04; blank for the whole year',
  force: 'the force’s id (bedfordshire); blank for the function as a whole',
  amount_gbp: 'pounds and pence, like 54500 or 54500.50; no £ sign needed',
};

export type ImportRow = Record<(typeof TEMPLATE_COLUMNS)[number], string>;
export type RowOutcome =
  | { row: number; action: 'add' | 'change' | 'unchanged'; line: string; period: string; force: string | null; measure: string; fromPence: number | null; toPence: number }
  | { row: number; action: 'error'; errors: { column: string; message: string }[] };

export type ImportReport = {
  fileHash: string;
  rows: number;
  added: number;
  changed: number;
  unchanged: number;
  errors: number;
  outcomes: RowOutcome[];
};

/** Rows of a CSV or .xlsx file, keyed by the template's column names (extra columns ignored). */
export async function readRows(content: Buffer, kind: 'csv' | 'xlsx'): Promise<{ rows: ImportRow[] } | { problem: string }> {
  return readTable(content, kind, TEMPLATE_COLUMNS);
}

/** Rows of a CSV or .xlsx file, keyed by the given column names, every one required (extra columns ignored). */
export async function readTable<C extends string>(content: Buffer, kind: 'csv' | 'xlsx', columns: readonly C[]): Promise<{ rows: Record<C, string>[] } | { problem: string }> {
  let table: string[][];
  if (kind === 'csv') {
    const parsed = Papa.parse<string[]>(content.toString('utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
    table = parsed.data;
  } else {
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(content as unknown as ArrayBuffer);
    } catch {
      return { problem: 'The file is not a readable .xlsx workbook. Save it from Excel or LibreOffice as .xlsx, or as CSV.' };
    }
    const sheet = workbook.worksheets[0];
    if (!sheet) return { problem: 'The workbook has no sheet.' };
    table = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const values = (row.values as unknown[]).slice(1);
      table.push(values.map((v) => cellText(v)));
    });
  }
  const header = (table[0] ?? []).map((h) => h.trim().toLowerCase());
  const missing = columns.filter((c) => !header.includes(c));
  if (missing.length > 0) return { problem: `The first row must name the columns ${columns.join(', ')}; it lacks ${missing.join(', ')}. Download the template to start from.` };
  const index = Object.fromEntries(columns.map((c) => [c, header.indexOf(c)])) as Record<C, number>;
  return {
    rows: table.slice(1).map((cells) => Object.fromEntries(columns.map((c) => [c, (cells[index[c]] ?? '').trim()])) as Record<C, string>),
  };
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 7);
  if (typeof value === 'object' && 'result' in value) return cellText((value as { result: unknown }).result);
  if (typeof value === 'object' && 'richText' in value) return (value as { richText: { text: string }[] }).richText.map((t) => t.text).join('');
  return String(value);
}

export function createLedgerImport({ db, entries, now }: { db: Db; entries: LedgerEntryRepository; now: () => Date }) {
  const lines = db.prepare(
    `SELECT l.id, l.code, l.function_slug AS function, f.name AS functionName, f.collaboration_slug AS collaboration
       FROM savings_lines l JOIN functions f ON f.slug = l.function_slug`,
  );

  /** Checks every row and works out what it would do, without writing anything. */
  function plan(session: CurrentSession, rows: readonly ImportRow[], fileHash: string) {
    const today = now().toISOString().slice(0, 10);
    const byCode = new Map((lines.all() as { id: number; code: string; function: string; functionName: string; collaboration: string }[]).map((l) => [l.code, l]));
    const context = new Map<number, { lineYears: string[]; members: { force: string; joinedOn: string }[] }>();
    const seen = new Map<string, number>();
    const ways = new Map<string, string>();
    // How each line and year is already recorded, read once a line, measure and year rather than once a row.
    const recordedWays = new Map<string, Set<string>>();
    const outcomes: RowOutcome[] = [];
    const writes: { row: number; existing: { id: number; version: number; amountPence: number } | null; entry: { lineId: number; measure: 'actual' | 'forecast'; fiscalYear: string; month: string | null; force: string | null; amountPence: number } }[] = [];
    rows.forEach((r, i) => {
      const rowNumber = i + 2; // the header is row 1
      const errors: { column: string; message: string }[] = [];
      const line = byCode.get(r.line);
      if (!line) errors.push({ column: 'line', message: `There is no savings line "${r.line}".` });
      else if (r.function && r.function !== line.function) errors.push({ column: 'function', message: `Line ${r.line} belongs to ${line.function}, not ${r.function}.` });
      const measure = r.measure.toLowerCase();
      if (measure !== 'actual' && measure !== 'forecast') errors.push({ column: 'measure', message: 'Write actual or forecast.' });
      // A backup holds the papers' figures for no year (blank): they import only as they are, unchanged.
      const undated = r.fiscal_year === '';
      if (!isFiscalYear(r.fiscal_year) && !undated) errors.push({ column: 'fiscal_year', message: 'Write the financial year as 2017-18.' });
      const month = r.month === '' ? null : r.month;
      if (month !== null && !/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) errors.push({ column: 'month', message: 'Write the month as 2017-04, or leave it blank for the whole year.' });
      const force = r.force === '' ? null : r.force.toLowerCase();
      const amount = readAmount(r.amount_gbp);
      if ('problem' in amount) errors.push({ column: 'amount_gbp', message: amount.problem });
      const amountPence = 'pence' in amount ? amount.pence : null;
      // A row that matches what is recorded writes nothing, so it needs no permission: a backup of the
      // whole ledger re-imports cleanly for anyone.
      const existing = errors.length === 0 && line ? entries.samePeriod({ lineId: line.id, measure: measure as 'actual' | 'forecast', fiscalYear: undated ? null : r.fiscal_year, month, force }) : null;
      const unchanged = errors.length === 0 && line && amountPence !== null ? existing?.amountPence === amountPence : false;
      if (undated && errors.length === 0 && !unchanged) {
        errors.push({ column: 'fiscal_year', message: 'Write the financial year as 2017-18: a figure for no particular year comes only from the papers, and this one differs from the ledger’s. Restore a whole backup with npm run restore-ledger.' });
      }
      if (errors.length === 0 && line && !unchanged) {
        if (!isAllowed(session.user.grants, { kind: 'record', function: line.function, force })) {
          errors.push({ column: force === null ? 'function' : 'force', message: force === null ? `Only the owner of ${line.function} can record for it as a whole.` : `You are not an editor for ${force}.` });
        } else {
          let ctx = context.get(line.id);
          if (!ctx) {
            ctx = { lineYears: entries.lineYears(line.id), members: entries.members(line.collaboration) };
            context.set(line.id, ctx);
          }
          for (const p of entryProblems({ measure: measure as 'actual' | 'forecast', fiscalYear: r.fiscal_year, month, force }, { today, functionName: line.functionName, ...ctx })) {
            errors.push({ column: p.path === 'fiscalYear' ? 'fiscal_year' : p.path, message: p.message });
          }
        }
      }
      // One way of recording per line, measure and year, in the file and beside what is recorded.
      const yearKey = `${r.line}|${measure}|${r.fiscal_year}`;
      const how = `${month === null ? 'year' : 'month'}|${force === null ? 'function' : 'force'}`;
      if (errors.length === 0 && line) {
        let recorded = recordedWays.get(yearKey);
        if (!recorded) {
          recorded = new Set(entries.sameYear(line.id, measure, r.fiscal_year).map((e) => `${e.month === null ? 'year' : 'month'}|${e.force === null ? 'function' : 'force'}`));
          recordedWays.set(yearKey, recorded);
        }
        const clash = (ways.has(yearKey) && ways.get(yearKey) !== how) || [...recorded].some((way) => way !== how);
        if (clash) errors.push({ column: month === null ? 'month' : 'force', message: 'This line and year are recorded another way (by month or for the whole year, by force or for the function): record every row of it the same way.' });
      }
      if (!ways.has(yearKey)) ways.set(yearKey, how);
      const key = `${r.line}|${measure}|${r.fiscal_year}|${month ?? ''}|${force ?? ''}`;
      if (errors.length === 0 && seen.has(key)) errors.push({ column: 'line', message: `Row ${seen.get(key)} is for the same line, period and force.` });
      seen.set(key, rowNumber);
      if (errors.length > 0 || !line || amountPence === null) {
        outcomes.push({ row: rowNumber, action: 'error', errors });
        return;
      }
      const entry = { lineId: line.id, measure: measure as 'actual' | 'forecast', fiscalYear: r.fiscal_year, month, force, amountPence };
      const action = existing === null ? 'add' : existing.amountPence === amountPence ? 'unchanged' : 'change';
      outcomes.push({ row: rowNumber, action, line: r.line, period: month ?? r.fiscal_year, force, measure, fromPence: existing?.amountPence ?? null, toPence: amountPence });
      if (action !== 'unchanged') writes.push({ row: rowNumber, existing: existing && { id: existing.id, version: existing.version, amountPence: existing.amountPence }, entry });
    });
    const count = (action: string) => outcomes.filter((o) => o.action === action).length;
    const report: ImportReport = { fileHash, rows: rows.length, added: count('add'), changed: count('change'), unchanged: count('unchanged'), errors: count('error'), outcomes };
    return { report, writes };
  }

  return {
    dryRun(session: CurrentSession, rows: readonly ImportRow[], content: Buffer): ImportReport {
      return plan(session, rows, createHash('sha256').update(content).digest('hex')).report;
    },

    /** Applies every row in one transaction, or nothing if any row has an error. */
    apply(session: CurrentSession, rows: readonly ImportRow[], content: Buffer): { applied: boolean; report: ImportReport } {
      const { report, writes } = plan(session, rows, createHash('sha256').update(content).digest('hex'));
      if (report.errors > 0) return { applied: false, report };
      const at = now().toISOString();
      const actor = session.user.email;
      db.transaction(() => {
        for (const w of writes) {
          if (w.existing) {
            entries.update({ id: w.existing.id, version: w.existing.version, amountPence: w.entry.amountPence, recordedAt: at, recordedBy: actor, reportedOn: at.slice(0, 10) });
            recordAudit(db, { at, actor, action: 'change', entity: 'ledger_entry', entityId: String(w.existing.id), before: { amountPence: w.existing.amountPence }, after: { amountPence: w.entry.amountPence, import: report.fileHash, row: w.row } });
          } else {
            const id = entries.insert({ ...w.entry, reportedOn: at.slice(0, 10), recordedAt: at, recordedBy: actor });
            recordAudit(db, { at, actor, action: 'record', entity: 'ledger_entry', entityId: String(id), before: null, after: { ...w.entry, import: report.fileHash, row: w.row } });
          }
        }
        recordAudit(db, { at, actor, action: 'import', entity: 'ledger_entries', entityId: report.fileHash, before: null, after: { rows: report.rows, added: report.added, changed: report.changed, unchanged: report.unchanged } });
      })();
      return { applied: true, report };
    },
  };
}

export type LedgerImport = ReturnType<typeof createLedgerImport>;
