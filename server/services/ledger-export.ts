import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { Db } from '../db/connection';
import { penceToPoundsString } from '../domain/money';
import { TEMPLATE_COLUMNS, TEMPLATE_NOTES } from './ledger-import';

// The whole ledger: every actual and forecast, dated or not, in the import template's columns
// (so a file of recorded figures still re-imports as it always did) followed by what makes the
// backup whole: illustrative or not, the paper's qualifier and words, its source, when it was
// reported and who recorded it. `npm run restore-ledger` writes such a file back, figure for figure.

/** The backup's own columns, after the template's. */
export const BACKUP_COLUMNS = ['illustrative', 'qualifier', 'as_written', 'period_note', 'source', 'reported_on', 'recorded_at', 'recorded_by'] as const;
export const BACKUP_NOTES: Record<(typeof BACKUP_COLUMNS)[number], string> = {
  illustrative: 'yes for a figure of the illustrative demo data set, no otherwise',
  qualifier: 'how the paper words the figure ("over"); blank when exact',
  as_written: 'the figure as the paper writes it ("£200k")',
  period_note: 'what the paper says of its period',
  source: 'the cited passage of the papers, as in /api/sources',
  reported_on: 'when the figure was reported: the "as at" views count it from then',
  recorded_at: 'when it was recorded in Realise (UTC)',
  recorded_by: 'who recorded it',
};

export type LedgerBackupRow = {
  function: string;
  line: string;
  measure: string;
  fiscal_year: string | null;
  month: string | null;
  force: string | null;
  amount_pence: number;
  is_illustrative: number;
  qualifier: string | null;
  as_written: string | null;
  period_note: string | null;
  source_id: string | null;
  reported_on: string;
  recorded_at: string;
  recorded_by: string;
};

export function ledgerRows(db: Db): LedgerBackupRow[] {
  return db
    .prepare(
      `SELECT l.function_slug AS function, l.code AS line, e.measure, e.fiscal_year, e.month, e.force_slug AS force, e.amount_pence,
              e.is_illustrative, e.qualifier, e.as_written, e.period_note, e.source_id, e.reported_on, e.recorded_at, e.recorded_by
         FROM ledger_entries e JOIN savings_lines l ON l.id = e.savings_line_id
        ORDER BY l.function_slug, l.code, e.measure, e.fiscal_year IS NULL, e.fiscal_year, e.month, e.force_slug`,
    )
    .all() as LedgerBackupRow[];
}

const backupCells = (r: LedgerBackupRow) => [
  r.is_illustrative === 1 ? 'yes' : 'no',
  r.qualifier ?? '',
  r.as_written ?? '',
  r.period_note ?? '',
  r.source_id ?? '',
  r.reported_on,
  r.recorded_at,
  r.recorded_by,
];

/** The whole ledger as CSV, amounts in pounds to the penny. */
export function ledgerCsv(rows: readonly LedgerBackupRow[]): string {
  return Papa.unparse({
    fields: [...TEMPLATE_COLUMNS, ...BACKUP_COLUMNS],
    data: rows.map((r) => [r.function, r.line, r.measure, r.fiscal_year ?? '', r.month ?? '', r.force ?? '', penceToPoundsString(r.amount_pence), ...backupCells(r)]),
  });
}

/** The sheet on how to fill the columns in, with the file's own columns after the template's. */
function addHelpSheet(workbook: ExcelJS.Workbook, more: readonly [string, string][], closing: string) {
  const help = workbook.addWorksheet('How to fill it in');
  help.columns = [
    { header: 'Column', key: 'column', width: 14 },
    { header: 'What to write', key: 'what', width: 70 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of TEMPLATE_COLUMNS) help.addRow([c, TEMPLATE_NOTES[c]]);
  for (const row of more) help.addRow([...row]);
  help.addRow([]);
  help.addRow(['', closing]);
}

/** The whole ledger as .xlsx, amounts as numbers in pounds. */
export async function ledgerXlsx(rows: readonly LedgerBackupRow[], generatedAt: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Realise';
  workbook.created = generatedAt;
  const sheet = workbook.addWorksheet('Ledger', { views: [{ state: 'frozen', ySplit: 1 }] });
  const columns = [...TEMPLATE_COLUMNS, ...BACKUP_COLUMNS];
  sheet.columns = columns.map((c) => ({ header: c, key: c, width: c === 'line' ? 32 : 14, ...(c === 'amount_gbp' ? { style: { numFmt: '£#,##0.00' } } : {}) }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) {
    // Pounds as a number: exact to the penny for any amount a ledger holds (well under 2^53 pence).
    sheet.addRow([r.function, r.line, r.measure, r.fiscal_year ?? '', r.month ?? '', r.force ?? '', r.amount_pence / 100, ...backupCells(r)]);
  }
  addHelpSheet(
    workbook,
    BACKUP_COLUMNS.map((c) => [c, `${BACKUP_NOTES[c]} (a backup's column: the import ignores it)`]),
    'One row a figure. Import shows what each row would add or change before anything is written; a file with any error writes nothing.',
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A row of the filled import template: one line, force and month due, with what is recorded (blank when nothing is). */
export type TemplateRow = { function: string; line: string; lineName: string; measure: string; fiscalYear: string; month: string | null; force: string | null; amountPence: number | null; dueOn: string };
export type TemplateLists = { lines: { function: string; code: string; name: string }[]; forces: { slug: string; name: string }[] };

const yearAsWritten = (fy: string) => fy.replace('-', '/');

/** The import template as CSV, filled with the rows due from the person downloading it (none when not signed in). */
export function importTemplateCsv(rows: readonly TemplateRow[]): string {
  return Papa.unparse({
    fields: [...TEMPLATE_COLUMNS],
    data: rows.map((r) => [r.function, r.line, r.measure, yearAsWritten(r.fiscalYear), r.month ?? '', r.force ?? '', r.amountPence === null ? '' : penceToPoundsString(r.amountPence)]),
  });
}

/**
 * The import template as .xlsx: the rows due from the person downloading it (amounts blank where
 * nothing is recorded: a row left blank is skipped on import), sheets of every valid function,
 * line and force, and drop-down lists on the Ledger sheet's columns that read from them.
 */
export async function importTemplateXlsx(rows: readonly TemplateRow[], lists: TemplateLists, generatedAt: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Realise';
  workbook.created = generatedAt;
  const sheet = workbook.addWorksheet('Ledger', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [...TEMPLATE_COLUMNS, 'due_on', 'line_name'].map((c) => ({ header: c, key: c, width: c === 'line' || c === 'line_name' ? 32 : 14, ...(c === 'amount_gbp' ? { style: { numFmt: '£#,##0.00' } } : {}) }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) {
    sheet.addRow([r.function, r.line, r.measure, yearAsWritten(r.fiscalYear), r.month ?? '', r.force ?? '', r.amountPence === null ? null : r.amountPence / 100, r.dueOn, r.lineName]);
  }
  const linesSheet = workbook.addWorksheet('Lines');
  linesSheet.columns = [
    { header: 'function', key: 'function', width: 22 },
    { header: 'line', key: 'line', width: 36 },
    { header: 'name', key: 'name', width: 40 },
  ];
  linesSheet.getRow(1).font = { bold: true };
  for (const l of lists.lines) linesSheet.addRow([l.function, l.code, l.name]);
  const functions = [...new Set(lists.lines.map((l) => l.function))];
  linesSheet.getColumn(5).header = 'functions';
  functions.forEach((f, i) => (linesSheet.getCell(i + 2, 5).value = f));
  const forcesSheet = workbook.addWorksheet('Forces');
  forcesSheet.columns = [
    { header: 'force', key: 'force', width: 26 },
    { header: 'name', key: 'name', width: 40 },
  ];
  forcesSheet.getRow(1).font = { bold: true };
  for (const f of lists.forces) forcesSheet.addRow([f.slug, f.name]);

  // Drop-down lists for as many rows as anyone fills in, reading from the sheets above.
  const last = Math.max(rows.length + 1, 1000);
  // A range at once (exceljs has it, its types do not): one rule a column, not one a cell.
  const validations = (sheet as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } }).dataValidations;
  const list = (column: string, formula: string, prompt: string) =>
    validations.add(`${column}2:${column}${last}`, { type: 'list', allowBlank: true, formulae: [formula], showErrorMessage: true, errorTitle: 'Not in the list', error: prompt });
  list('A', `Lines!$E$2:$E$${functions.length + 1}`, 'Choose a function from the list (the Lines sheet).');
  list('B', `Lines!$B$2:$B$${lists.lines.length + 1}`, 'Choose a savings line’s code from the list (the Lines sheet).');
  list('C', '"actual,forecast"', 'Write actual or forecast.');
  list('F', `Forces!$A$2:$A$${lists.forces.length + 1}`, 'Choose a force from the list (the Forces sheet), or leave it blank for the function as a whole.');

  addHelpSheet(
    workbook,
    [
      ['due_on', 'when the figure is due (the 15th of the month after); the import ignores it'],
      ['line_name', 'the line’s name, to read by; the import ignores it'],
    ],
    'One row a figure. The rows listed are the ones due from you; type the amounts and import the file. A row with no amount is skipped. Import shows what each row would add or change before anything is written; a file with any error writes nothing.',
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
