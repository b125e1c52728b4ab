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

/** The template (no rows, its own columns only) or the whole ledger as CSV, amounts in pounds to the penny. */
export function ledgerCsv(rows: readonly LedgerBackupRow[], { backup = true } = {}): string {
  return Papa.unparse({
    fields: backup ? [...TEMPLATE_COLUMNS, ...BACKUP_COLUMNS] : [...TEMPLATE_COLUMNS],
    data: rows.map((r) => [r.function, r.line, r.measure, r.fiscal_year ?? '', r.month ?? '', r.force ?? '', penceToPoundsString(r.amount_pence), ...(backup ? backupCells(r) : [])]),
  });
}

/** The template (no rows) or the whole ledger as .xlsx, amounts as numbers in pounds. */
export async function ledgerXlsx(rows: readonly LedgerBackupRow[], generatedAt: Date, { backup = true } = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Realise';
  workbook.created = generatedAt;
  const sheet = workbook.addWorksheet('Ledger', { views: [{ state: 'frozen', ySplit: 1 }] });
  const columns = backup ? [...TEMPLATE_COLUMNS, ...BACKUP_COLUMNS] : [...TEMPLATE_COLUMNS];
  sheet.columns = columns.map((c) => ({ header: c, key: c, width: c === 'line' ? 32 : 14, ...(c === 'amount_gbp' ? { style: { numFmt: '£#,##0.00' } } : {}) }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) {
    // Pounds as a number: exact to the penny for any amount a ledger holds (well under 2^53 pence).
    sheet.addRow([r.function, r.line, r.measure, r.fiscal_year ?? '', r.month ?? '', r.force ?? '', r.amount_pence / 100, ...(backup ? backupCells(r) : [])]);
  }
  const help = workbook.addWorksheet('How to fill it in');
  help.columns = [
    { header: 'Column', key: 'column', width: 14 },
    { header: 'What to write', key: 'what', width: 70 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of TEMPLATE_COLUMNS) help.addRow([c, TEMPLATE_NOTES[c]]);
  if (backup) for (const c of BACKUP_COLUMNS) help.addRow([c, `${BACKUP_NOTES[c]} (a backup's column: the import ignores it)`]);
  help.addRow([]);
  help.addRow(['', 'One row a figure. Import shows what each row would add or change before anything is written; a file with any error writes nothing.']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
