import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { CurrentSession } from '../auth/service';
import { recordAudit } from '../db/audit';
import type { Db } from '../db/connection';
import type { LedgerEntryRepository } from '../db/repositories/ledger-entries';
import { isFiscalYear } from '../domain/fiscal';
import { readAmount } from '../domain/money';
import type { Recording } from './recording';

// Importing actuals and forecasts from a spreadsheet: read every row, say what each would add or
// change and what is wrong with it (row and column), and apply all of it in one transaction or
// nothing. The same file twice changes nothing the second time.

export const TEMPLATE_COLUMNS = ['function', 'line', 'measure', 'fiscal_year', 'month', 'force', 'amount_gbp'] as const;
export const TEMPLATE_NOTES: Record<(typeof TEMPLATE_COLUMNS)[number], string> = {
  function: 'the function’s id, as in its address (the Lines sheet lists them); may be blank when the line is given by its code',
  line: 'the savings line’s code (aoj-blueprint) or its name (Application convergence), as on the Lines sheet',
  measure: 'actual or forecast',
  fiscal_year: 'the financial year, written 2017/18 or 2017-18',
  month: 'the month, written 2017-04; blank for the whole year',
  force: 'the force’s id (hertfordshire) or name, as on the Forces sheet; blank for the function as a whole',
  amount_gbp: 'pounds and pence, like 54500 or 54500.50; no £ sign needed',
};

export type ImportRow = Record<(typeof TEMPLATE_COLUMNS)[number], string>;
export type RowOutcome =
  | { row: number; action: 'add' | 'change' | 'unchanged'; line: string; period: string; force: string | null; measure: string; fromPence: number | null; toPence: number; splitsWhole?: boolean }
  | { row: number; action: 'error'; errors: { column: string; message: string }[] };

export type ImportReport = {
  fileHash: string;
  rows: number;
  added: number;
  changed: number;
  unchanged: number;
  errors: number;
  skipped: number;
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

/** "2015-16", "2015/16" or "FY 2015/16" as the financial year 2015-16; null if it is none of those. */
export function readFiscalYear(text: string): string | null {
  const match = /^(?:FY\s*)?(\d{4})\s*[-/\u2013]\s*(\d{2})$/i.exec(text.trim());
  if (!match) return null;
  const year = `${match[1]}-${match[2]}`;
  return isFiscalYear(year) ? year : null;
}

// Which column each rule of the recording plan is about.
const COLUMN_OF: Record<string, (typeof TEMPLATE_COLUMNS)[number]> = { lineId: 'line', measure: 'measure', fiscalYear: 'fiscal_year', month: 'month', force: 'force', amountPence: 'amount_gbp' };

type LineRow = { id: number; code: string; name: string; function: string; functionName: string; collaboration: string };

export function createLedgerImport({ db, entries, recording, now }: { db: Db; entries: LedgerEntryRepository; recording: Recording; now: () => Date }) {
  const lines = db.prepare(
    `SELECT l.id, l.code, l.name, l.function_slug AS function, f.name AS functionName, f.collaboration_slug AS collaboration
       FROM savings_lines l JOIN functions f ON f.slug = l.function_slug`,
  );
  const forces = db.prepare('SELECT slug, name FROM forces');

  /** Checks every row, every column of it, and works out what it would do, without writing anything. */
  function plan(session: CurrentSession, rows: readonly ImportRow[], fileHash: string) {
    const all = lines.all() as LineRow[];
    const byCode = new Map(all.map((l) => [l.code.toLowerCase(), l]));
    const forceBy = new Map<string, string>();
    for (const f of forces.all() as { slug: string; name: string }[]) {
      forceBy.set(f.slug, f.slug);
      forceBy.set(f.name.toLowerCase(), f.slug);
    }
    const outcomes: (RowOutcome | null)[] = rows.map(() => null);
    const figures: { row: number; index: number; figure: Parameters<Recording['plan']>[1][number]; amountOk: boolean; errors: { column: string; message: string }[] }[] = [];

    let skipped = 0;
    rows.forEach((r, i) => {
      const rowNumber = i + 2; // the header is row 1
      // A row with no amount records nothing (the filled template lists months not yet typed in), but the rest of it must still make sense.
      const blankAmount = r.amount_gbp.trim() === '';
      const errors: { column: string; message: string }[] = [];
      // A line by its code, or by its name within the row's function (or alone, where only one line has it).
      const wanted = r.line.trim().toLowerCase();
      let line = byCode.get(wanted);
      if (!line && wanted !== '') {
        const named = all.filter((l) => l.name.toLowerCase() === wanted && (r.function === '' || l.function === r.function.trim().toLowerCase()));
        if (named.length === 1) line = named[0];
        else if (named.length > 1) errors.push({ column: 'line', message: `Several lines are called "${r.line}" (in ${named.map((l) => l.function).join(', ')}): give the function, or the line’s code.` });
      }
      if (!line && errors.length === 0) errors.push({ column: 'line', message: r.line === '' ? 'Give the savings line’s code or name.' : `There is no savings line "${r.line}"; the Lines sheet of the template lists every one.` });
      if (line && r.function && r.function.trim().toLowerCase() !== line.function) errors.push({ column: 'function', message: `Line ${line.code} belongs to ${line.function}, not ${r.function}.` });
      const measure = r.measure.trim().toLowerCase();
      if (measure !== 'actual' && measure !== 'forecast') errors.push({ column: 'measure', message: 'Write actual or forecast.' });
      // A backup holds the papers' figures for no year (blank): they import only as they are, unchanged.
      const undated = r.fiscal_year.trim() === '';
      const fiscalYear = undated ? null : readFiscalYear(r.fiscal_year);
      if (!undated && fiscalYear === null) errors.push({ column: 'fiscal_year', message: `"${r.fiscal_year}" is not a financial year: write it as 2017/18 or 2017-18.` });
      const month = r.month.trim() === '' ? null : r.month.trim();
      if (month !== null && !/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) errors.push({ column: 'month', message: `"${r.month}" is not a month: write it as 2017-04, or leave it blank for the whole year.` });
      const forceText = r.force.trim().toLowerCase();
      const force = forceText === '' ? null : (forceBy.get(forceText) ?? null);
      if (forceText !== '' && force === null) errors.push({ column: 'force', message: `There is no force "${r.force}"; the Forces sheet of the template lists every one.` });
      const amount = readAmount(r.amount_gbp);
      if ('problem' in amount && !blankAmount) errors.push({ column: 'amount_gbp', message: amount.problem });
      if (blankAmount) {
        if (errors.length === 0) skipped += 1;
        else outcomes[i] = { row: rowNumber, action: 'error', errors };
        return;
      }

      if (undated) {
        if (errors.length === 0 && line) {
          const existing = entries.samePeriod({ lineId: line.id, measure: measure as 'actual' | 'forecast', fiscalYear: null, month, force });
          if (existing && 'pence' in amount && existing.amountPence === amount.pence) {
            outcomes[i] = { row: rowNumber, action: 'unchanged', line: line.code, period: 'no year', force, measure, fromPence: existing.amountPence, toPence: amount.pence };
            return;
          }
        }
        errors.push({ column: 'fiscal_year', message: 'Write the financial year as 2017/18: a figure for no particular year comes only from the papers, and this one differs from the ledger’s. Restore a whole backup with npm run restore-ledger.' });
      }
      // Every rule of recording is checked too, whatever else is wrong, so one pass shows every problem.
      if (line && fiscalYear !== null && (measure === 'actual' || measure === 'forecast') && (month === null || /^\d{4}-(0[1-9]|1[0-2])$/.test(month)) && (forceText === '' || force !== null)) {
        figures.push({ row: rowNumber, index: i, figure: { lineId: line.id, measure, fiscalYear, month, force, amountPence: 'pence' in amount ? amount.pence : 0 }, amountOk: 'pence' in amount, errors });
      } else {
        outcomes[i] = { row: rowNumber, action: 'error', errors };
      }
    });

    const planned = recording.plan(session, figures.map((f) => f.figure), { existing: 'change' });
    planned.outcomes.forEach((o, k) => {
      const f = figures[k]!;
      const ruleErrors = o.action === 'error' ? o.errors.map((e) => ({ column: COLUMN_OF[e.path] ?? 'line', message: e.message.replace(/^Figure (\d+) is for/, (_, n: string) => `Row ${figures[Number(n) - 1]!.row} is for`) })) : [];
      const errors = [...f.errors, ...ruleErrors.filter((e) => !f.errors.some((x) => x.column === e.column && x.message === e.message))];
      if (errors.length > 0) {
        outcomes[f.index] = { row: f.row, action: 'error', errors };
        return;
      }
      if (o.action === 'error') return;
      const code = all.find((l) => l.id === f.figure.lineId)!.code;
      outcomes[f.index] = { row: f.row, action: o.action, line: code, period: f.figure.month ?? f.figure.fiscalYear, force: f.figure.force, measure: f.figure.measure, fromPence: o.fromPence, toPence: o.toPence, ...(o.splitsWhole ? { splitsWhole: true } : {}) };
    });
    const done = outcomes.filter((o): o is RowOutcome => o !== null);
    const count = (action: string) => done.filter((o) => o.action === action).length;
    const report: ImportReport = { fileHash, rows: rows.length, added: count('add'), changed: count('change'), unchanged: count('unchanged'), errors: count('error'), skipped, outcomes: done };
    return { report, planned };
  }

  return {
    dryRun(session: CurrentSession, rows: readonly ImportRow[], content: Buffer): ImportReport {
      return plan(session, rows, createHash('sha256').update(content).digest('hex')).report;
    },

    /** Applies every row in one transaction, or nothing if any row has an error. */
    apply(session: CurrentSession, rows: readonly ImportRow[], content: Buffer): { applied: boolean; report: ImportReport } {
      const at = now().toISOString();
      const actor = session.user.email;
      // Checked and written in one transaction holding the write lock, so what was checked is what is written.
      return db
        .transaction(() => {
          const { report, planned } = plan(session, rows, createHash('sha256').update(content).digest('hex'));
          if (report.errors > 0) return { applied: false, report };
          recording.apply(session, planned, { import: report.fileHash });
          recordAudit(db, { at, actor, action: 'import', entity: 'ledger_entries', entityId: report.fileHash, before: null, after: { rows: report.rows, added: report.added, changed: report.changed, unchanged: report.unchanged } });
          return { applied: true, report };
        })
        .immediate();
    },
  };
}

export type LedgerImport = ReturnType<typeof createLedgerImport>;
