import { createHash } from 'node:crypto';
import { recordAudit } from '../db/audit';
import type { Db } from '../db/connection';
import { isFiscalYear, monthsOfFiscalYear } from '../domain/fiscal';
import { BACKUP_COLUMNS } from './ledger-export';
import { readTable, TEMPLATE_COLUMNS } from './ledger-import';
import { readAmount } from '../domain/money';
import { createRollupMaintenance } from '../db/repositories/rollups';

// Restoring the whole ledger from its backup (GET /api/export/ledger): every entry, dated or not,
// with its illustrative mark, qualifier, source, reported date and who recorded it, so the figures,
// their words and their "as at" come back exactly. It replaces the ledger in one transaction, audited,
// or changes nothing if any row is wrong. The roll-ups follow by their triggers.

export const RESTORE_COLUMNS = [...TEMPLATE_COLUMNS, ...BACKUP_COLUMNS] as const;
type RestoreRow = Record<(typeof RESTORE_COLUMNS)[number], string>;
export type RestoreProblem = { row: number; column: string; message: string };

const DATE = /^\d{4}-\d{2}(-\d{2})?$/;

export async function readBackup(content: Buffer, kind: 'csv' | 'xlsx') {
  return readTable(content, kind, RESTORE_COLUMNS);
}

export function restoreLedger(db: Db, rows: readonly RestoreRow[], by: { actor: string; at: string; fileHash: string }): { restored: number; replaced: number } | { problems: RestoreProblem[] } {
  const lines = new Map((db.prepare('SELECT id, code, function_slug AS function FROM savings_lines').all() as { id: number; code: string; function: string }[]).map((l) => [l.code, l]));
  const forces = new Set((db.prepare('SELECT slug FROM forces').pluck().all() as string[]));
  const sources = new Set((db.prepare('SELECT id FROM sources').pluck().all() as string[]));
  const problems: RestoreProblem[] = [];
  const seen = new Map<string, number>();
  const entries = rows.map((r, i) => {
    const row = i + 2;
    const problem = (column: string, message: string) => problems.push({ row, column, message });
    const line = lines.get(r.line);
    if (!line) problem('line', `There is no savings line "${r.line}" in this database: restore into the database the backup was taken from, or one seeded from the same papers.`);
    else if (r.function !== line.function) problem('function', `Line ${r.line} belongs to ${line.function}, not ${r.function}.`);
    if (r.measure !== 'actual' && r.measure !== 'forecast') problem('measure', 'Write actual or forecast.');
    const fiscalYear = r.fiscal_year === '' ? null : r.fiscal_year;
    if (fiscalYear !== null && !isFiscalYear(fiscalYear)) problem('fiscal_year', 'Write the financial year as 2017-18, or leave it blank for a figure the papers give for no year.');
    const month = r.month === '' ? null : r.month;
    if (month !== null && (fiscalYear === null || !isFiscalYear(fiscalYear) || !monthsOfFiscalYear(fiscalYear).includes(month))) problem('month', 'Write a month of the row’s financial year, as 2017-04, or leave it blank.');
    const force = r.force === '' ? null : r.force;
    if (force !== null && !forces.has(force)) problem('force', `There is no force "${force}".`);
    const amount = readAmount(r.amount_gbp);
    if ('problem' in amount) problem('amount_gbp', amount.problem);
    const amountPence = 'pence' in amount ? amount.pence : null;
    if (r.illustrative !== 'yes' && r.illustrative !== 'no') problem('illustrative', 'Write yes or no.');
    const source = r.source === '' ? null : r.source;
    if (source !== null && !sources.has(source)) problem('source', `There is no source "${source}" in this database.`);
    if (!DATE.test(r.reported_on)) problem('reported_on', 'Write the date it was reported, as 2017-04-30.');
    if (r.recorded_at === '' || r.recorded_by === '') problem(r.recorded_at === '' ? 'recorded_at' : 'recorded_by', 'A backup says when and by whom each figure was recorded.');
    const key = `${r.line}|${r.measure}|${r.fiscal_year}|${r.month}|${r.force}`;
    if (seen.has(key)) problem('line', `Row ${seen.get(key)} is for the same line, measure, period and force.`);
    seen.set(key, row);
    return {
      lineId: line?.id ?? 0,
      measure: r.measure,
      fiscalYear,
      month,
      force,
      amountPence: amountPence ?? 0,
      isIllustrative: r.illustrative === 'yes' ? 1 : 0,
      qualifier: r.qualifier === '' ? null : r.qualifier,
      asWritten: r.as_written === '' ? null : r.as_written,
      periodNote: r.period_note === '' ? null : r.period_note,
      sourceId: source,
      reportedOn: r.reported_on,
      recordedAt: r.recorded_at,
      recordedBy: r.recorded_by,
    };
  });
  if (problems.length > 0) return { problems };

  const totals = db.prepare('SELECT count(*) AS entries, ifnull(sum(amount_pence), 0) AS pence FROM ledger_entries');
  const insert = db.prepare(
    `INSERT INTO ledger_entries (savings_line_id, measure, fiscal_year, month, force_slug, amount_pence, as_written, qualifier, period_note,
                                 reported_on, source_id, is_illustrative, recorded_at, recorded_by)
     VALUES (@lineId, @measure, @fiscalYear, @month, @force, @amountPence, @asWritten, @qualifier, @periodNote,
             @reportedOn, @sourceId, @isIllustrative, @recordedAt, @recordedBy)`,
  );
  // The whole ledger is replaced, so the roll-ups are rebuilt from it once, not kept entry by entry.
  const rollups = createRollupMaintenance(db);
  return db.transaction(() => {
    const before = totals.get() as { entries: number; pence: number };
    rollups.bulkWholeLedger(() => {
      db.prepare('DELETE FROM ledger_entries').run();
      for (const entry of entries) insert.run(entry);
    });
    const after = totals.get() as { entries: number; pence: number };
    recordAudit(db, { at: by.at, actor: by.actor, action: 'restore-ledger', entity: 'ledger_entries', entityId: by.fileHash, before, after });
    return { restored: after.entries, replaced: before.entries };
  }).immediate();
}

export const fileHashOf = (content: Buffer) => createHash('sha256').update(content).digest('hex');
