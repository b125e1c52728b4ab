import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { Db } from '../db/connection';
import { TEMPLATE_COLUMNS, TEMPLATE_NOTES } from './ledger-import';

// The ledger's actuals and forecasts in the import template's columns, so a backup re-imports to
// the same figures. Amounts are pounds with two decimals in CSV and numbers in .xlsx.

type Row = { function: string; line: string; measure: string; fiscal_year: string; month: string | null; force: string | null; amount_pence: number };

export function ledgerRows(db: Db): Row[] {
  return db
    .prepare(
      `SELECT l.function_slug AS function, l.code AS line, e.measure, e.fiscal_year, e.month, e.force_slug AS force, e.amount_pence
         FROM ledger_entries e JOIN savings_lines l ON l.id = e.savings_line_id
        WHERE e.fiscal_year IS NOT NULL
        ORDER BY l.function_slug, l.code, e.measure, e.fiscal_year, e.month, e.force_slug`,
    )
    .all() as Row[];
}

const pounds = (pence: number) => `${Math.trunc(pence / 100)}.${String(pence % 100).padStart(2, '0')}`;

export function ledgerCsv(rows: readonly Row[]): string {
  return Papa.unparse({
    fields: [...TEMPLATE_COLUMNS],
    data: rows.map((r) => [r.function, r.line, r.measure, r.fiscal_year, r.month ?? '', r.force ?? '', pounds(r.amount_pence)]),
  });
}

export async function ledgerXlsx(rows: readonly Row[], generatedAt: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Realise';
  workbook.created = generatedAt;
  const sheet = workbook.addWorksheet('Ledger', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = TEMPLATE_COLUMNS.map((c) => ({ header: c, key: c, width: c === 'line' ? 32 : 14, ...(c === 'amount_gbp' ? { style: { numFmt: '£#,##0.00' } } : {}) }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow([r.function, r.line, r.measure, r.fiscal_year, r.month ?? '', r.force ?? '', r.amount_pence / 100]);
  const help = workbook.addWorksheet('How to fill it in');
  help.columns = [
    { header: 'Column', key: 'column', width: 14 },
    { header: 'What to write', key: 'what', width: 70 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of TEMPLATE_COLUMNS) help.addRow([c, TEMPLATE_NOTES[c]]);
  help.addRow([]);
  help.addRow(['', 'One row a figure. Import shows what each row would add or change before anything is written; a file with any error writes nothing.']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
