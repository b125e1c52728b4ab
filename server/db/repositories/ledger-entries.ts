import type { LedgerEntry } from '../../contracts/ledger-entries';
import type { Db } from '../connection';

type Raw = Omit<LedgerEntry, 'isIllustrative'> & { isIllustrative: number };
const toEntry = (row: Raw | undefined): LedgerEntry | null => (row ? { ...row, isIllustrative: row.isIllustrative === 1 } : null);

export type NewEntryRow = {
  lineId: number;
  measure: 'actual' | 'forecast';
  fiscalYear: string;
  month: string | null;
  force: string | null;
  amountPence: number;
  reportedOn: string;
  recordedAt: string;
  recordedBy: string;
};

/** Recorded actuals and forecasts, one row a period, with a version for safe concurrent edits. */
export function createLedgerEntryRepository(db: Db) {
  const select = `SELECT e.id, e.savings_line_id AS lineId, l.name AS lineName, l.function_slug AS function, e.measure,
                         e.fiscal_year AS fiscalYear, e.month, e.force_slug AS force, e.amount_pence AS amountPence,
                         e.is_illustrative AS isIllustrative, e.source_id AS sourceId, e.reported_on AS reportedOn,
                         e.recorded_at AS recordedAt, e.recorded_by AS recordedBy, e.version
                    FROM ledger_entries e JOIN savings_lines l ON l.id = e.savings_line_id`;
  const statements = {
    byFunction: db.prepare(`${select} WHERE l.function_slug = ? ORDER BY e.fiscal_year, e.month, l.id, e.force_slug, e.measure`),
    byId: db.prepare(`${select} WHERE e.id = ?`),
    samePeriod: db.prepare(
      // Written as the unique index ledger_entries_one_per_period has it, so the look-up is one seek.
      `${select} WHERE e.savings_line_id = @lineId AND e.measure = @measure AND ifnull(e.fiscal_year, '') = ifnull(@fiscalYear, '')
          AND ifnull(e.month, '') = ifnull(@month, '') AND ifnull(e.force_slug, '') = ifnull(@force, '')`,
    ),
    sameYear: db.prepare(`${select} WHERE e.savings_line_id = ? AND e.measure = ? AND e.fiscal_year = ?`),
    insert: db.prepare(
      `INSERT INTO ledger_entries (savings_line_id, measure, fiscal_year, month, force_slug, amount_pence, reported_on, recorded_at, recorded_by)
       VALUES (@lineId, @measure, @fiscalYear, @month, @force, @amountPence, @reportedOn, @recordedAt, @recordedBy)`,
    ),
    update: db.prepare(
      `UPDATE ledger_entries SET amount_pence = @amountPence, version = version + 1, recorded_at = @recordedAt,
              recorded_by = @recordedBy, reported_on = @reportedOn
        WHERE id = @id AND version = @version`,
    ),
    delete: db.prepare('DELETE FROM ledger_entries WHERE id = ? AND version = ?'),
    line: db.prepare(
      `SELECT l.id, l.function_slug AS function, f.name AS functionName, f.collaboration_slug AS collaboration
         FROM savings_lines l JOIN functions f ON f.slug = l.function_slug WHERE l.id = ?`,
    ),
    lineYears: db.prepare(
      `SELECT DISTINCT t.fiscal_year AS fy FROM targets t JOIN baselines b ON b.id = t.baseline_id
        WHERE t.savings_line_id = ? AND t.fiscal_year IS NOT NULL
          AND b.version = (SELECT max(version) FROM baselines WHERE function_slug = b.function_slug)
        ORDER BY t.fiscal_year`,
    ),
    members: db.prepare('SELECT force_slug AS force, min(joined_on) AS joinedOn FROM collaboration_members WHERE collaboration_slug = ? GROUP BY force_slug'),
  };

  return {
    byFunction: (slug: string) => (statements.byFunction.all(slug) as Raw[]).map((r) => toEntry(r)!),
    byId: (id: number) => toEntry(statements.byId.get(id) as Raw | undefined),
    samePeriod: (entry: Pick<NewEntryRow, 'lineId' | 'measure' | 'month' | 'force'> & { fiscalYear: string | null }) =>
      toEntry(statements.samePeriod.get(entry) as Raw | undefined),
    sameYear: (lineId: number, measure: string, fiscalYear: string) =>
      (statements.sameYear.all(lineId, measure, fiscalYear) as Raw[]).map((r) => toEntry(r)!),
    insert: (row: NewEntryRow) => Number(statements.insert.run(row).lastInsertRowid),
    update: (row: { id: number; version: number; amountPence: number; recordedAt: string; recordedBy: string; reportedOn: string }) =>
      statements.update.run(row).changes === 1,
    delete: (id: number, version: number) => statements.delete.run(id, version).changes === 1,
    line: (id: number) =>
      (statements.line.get(id) as { id: number; function: string; functionName: string; collaboration: string } | undefined) ?? null,
    lineYears: (id: number) => (statements.lineYears.all(id) as { fy: string }[]).map((r) => r.fy),
    members: (collaboration: string) => statements.members.all(collaboration) as { force: string; joinedOn: string }[],
  };
}

export type LedgerEntryRepository = ReturnType<typeof createLedgerEntryRepository>;
