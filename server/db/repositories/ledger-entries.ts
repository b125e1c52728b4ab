import { yearsToRecord } from '../../domain/carry';
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
/**
 * An entry of ledger_entries (alias e) for a period that begins on or after a day (@from): a month
 * beginning then or later, or a whole year beginning then or later. What leaving a collaboration or
 * retiring a line would strand.
 */
export const ENTRY_PERIOD_FROM = `((e.month IS NOT NULL AND e.month || '-01' >= @from) OR (e.month IS NULL AND e.fiscal_year IS NOT NULL AND substr(e.fiscal_year, 1, 4) || '-04-01' >= @from))`;

export function createLedgerEntryRepository(db: Db) {
  const select = `SELECT e.id, e.savings_line_id AS lineId, l.name AS lineName, l.function_slug AS function, e.measure,
                         e.fiscal_year AS fiscalYear, e.month, e.force_slug AS force, e.amount_pence AS amountPence,
                         e.is_illustrative AS isIllustrative, e.period_note AS periodNote, e.source_id AS sourceId, e.reported_on AS reportedOn,
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
    // A person's figure: no longer the demo data set's, nor a part split from a whole.
    update: db.prepare(
      `UPDATE ledger_entries SET amount_pence = @amountPence, version = version + 1, recorded_at = @recordedAt,
              recorded_by = @recordedBy, reported_on = @reportedOn, is_illustrative = 0, period_note = NULL
        WHERE id = @id AND version = @version AND source_id IS NULL`,
    ),
    // A force's part of a whole-function figure: the whole's money, date and mark, said to be split.
    insertPart: db.prepare(
      `INSERT INTO ledger_entries (savings_line_id, measure, fiscal_year, month, force_slug, amount_pence, reported_on, is_illustrative, period_note, recorded_at, recorded_by)
       VALUES (@lineId, @measure, @fiscalYear, @month, @force, @amountPence, @reportedOn, @isIllustrative, @note, @recordedAt, @recordedBy)`,
    ),
    restore: db.prepare(
      `INSERT INTO ledger_entries (id, savings_line_id, measure, fiscal_year, month, force_slug, amount_pence, reported_on, is_illustrative, period_note, recorded_at, recorded_by, version)
       VALUES (@id, @lineId, @measure, @fiscalYear, @month, @force, @amountPence, @reportedOn, @isIllustrative, @periodNote, @recordedAt, @recordedBy, @version)`,
    ),
    lastRemoval: db.prepare(
      `SELECT at, actor, before_json AS before FROM audit_log WHERE entity = 'ledger_entry' AND entity_id = ? AND action = 'remove' ORDER BY id DESC LIMIT 1`,
    ),
    history: db.prepare(
      `SELECT id, at, actor, action, before_json AS before, after_json AS after FROM audit_log
        WHERE entity = 'ledger_entry' AND entity_id = ? ORDER BY id`,
    ),
    // The lines a person records: those of the functions they own, and of the collaborations their forces are in.
    linesToRecord: db.prepare(
      `SELECT l.id, l.code, l.name, l.function_slug AS function, f.name AS functionName, f.collaboration_slug AS collaboration,
              (SELECT json_group_array(DISTINCT t.fiscal_year) FROM targets t
                WHERE t.baseline_id = (SELECT b.id FROM baselines b WHERE b.function_slug = l.function_slug ORDER BY b.version DESC LIMIT 1)
                  AND t.savings_line_id = l.id AND t.fiscal_year IS NOT NULL) AS years,
              CASE WHEN l.retired_on IS NULL THEN f.retired_on WHEN f.retired_on IS NULL THEN l.retired_on ELSE min(l.retired_on, f.retired_on) END AS retiredOn,
              l.carried_through AS carriedThrough
         FROM savings_lines l JOIN functions f ON f.slug = l.function_slug
        WHERE l.function_slug IN (
                SELECT value FROM json_each(@functions)
                UNION SELECT slug FROM functions WHERE collaboration_slug IN
                  (SELECT collaboration_slug FROM collaboration_members WHERE force_slug IN (SELECT value FROM json_each(@forces))))
        ORDER BY f.name, l.id`,
    ),
    forceNames: db.prepare('SELECT slug, name FROM forces'),
    shares: db.prepare(
      `SELECT force_slug AS force, share_tenths_percent AS tenthsPercent, basis, is_illustrative AS isIllustrative, note
         FROM apportionment_shares WHERE function_slug = ? AND fiscal_year = ? ORDER BY rowid`,
    ),
    delete: db.prepare('DELETE FROM ledger_entries WHERE id = ? AND version = ?'),
    line: db.prepare(
      `SELECT l.id, l.function_slug AS function, f.name AS functionName, f.collaboration_slug AS collaboration,
              -- The earlier of the line's and the function's retirement: no figure is recorded for a period from it.
              CASE WHEN l.retired_on IS NULL THEN f.retired_on WHEN f.retired_on IS NULL THEN l.retired_on ELSE min(l.retired_on, f.retired_on) END AS retiredOn
         FROM savings_lines l JOIN functions f ON f.slug = l.function_slug WHERE l.id = ?`,
    ),
    // The line's years in its function's current baseline, found through the targets' index by baseline and line (not a scan of every target).
    carriedThrough: db.prepare('SELECT carried_through FROM savings_lines WHERE id = ?').pluck(),
    lineYears: db.prepare(
      `SELECT DISTINCT t.fiscal_year AS fy FROM targets t
        WHERE t.baseline_id = (SELECT b.id FROM baselines b WHERE b.function_slug = (SELECT function_slug FROM savings_lines WHERE id = @line) ORDER BY b.version DESC LIMIT 1)
          AND t.savings_line_id = @line AND t.fiscal_year IS NOT NULL
        ORDER BY t.fiscal_year`,
    ),
    members: db.prepare('SELECT force_slug AS force, joined_on AS joinedOn, left_on AS leftOn FROM collaboration_members WHERE collaboration_slug = ? ORDER BY joined_on'),
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
    insertPart: (p: { whole: LedgerEntry; force: string; amountPence: number; note: string; recordedAt: string }) =>
      Number(
        statements.insertPart.run({
          lineId: p.whole.lineId,
          measure: p.whole.measure,
          fiscalYear: p.whole.fiscalYear,
          month: p.whole.month,
          force: p.force,
          amountPence: p.amountPence,
          reportedOn: p.whole.reportedOn,
          isIllustrative: p.whole.isIllustrative ? 1 : 0,
          note: p.note,
          recordedAt: p.recordedAt,
          recordedBy: p.whole.recordedBy,
        }).lastInsertRowid,
      ),
    restore: (e: LedgerEntry) => statements.restore.run({ ...e, isIllustrative: e.isIllustrative ? 1 : 0 }),
    lastRemoval: (id: number) => {
      const row = statements.lastRemoval.get(String(id)) as { at: string; actor: string; before: string } | undefined;
      return row ? { at: row.at, actor: row.actor, before: JSON.parse(row.before) as LedgerEntry } : null;
    },
    /** Every version of a figure: each write, who, when and why, from the audit log. */
    history: (id: number) =>
      (statements.history.all(String(id)) as { id: number; at: string; actor: string; action: string; before: string | null; after: string | null }[]).map((r) => ({
        ...r,
        before: r.before === null ? null : (JSON.parse(r.before) as Record<string, unknown>),
        after: r.after === null ? null : (JSON.parse(r.after) as Record<string, unknown>),
      })),
    linesToRecord: (functions: readonly string[], forces: readonly string[]) =>
      (statements.linesToRecord.all({ functions: JSON.stringify(functions), forces: JSON.stringify(forces) }) as { id: number; code: string; name: string; function: string; functionName: string; collaboration: string; years: string; retiredOn: string | null; carriedThrough: string | null }[]).map(
        ({ carriedThrough, ...l }) => ({ ...l, years: yearsToRecord(JSON.parse(l.years) as string[], carriedThrough) }),
      ),
    forceNames: () => new Map((statements.forceNames.all() as { slug: string; name: string }[]).map((f) => [f.slug, f.name])),
    shares: (fn: string, fy: string) =>
      (statements.shares.all(fn, fy) as { force: string; tenthsPercent: number; basis: 'nre' | 'fixed' | 'demand' | 'equal'; isIllustrative: number; note: string | null }[]).map((s) => ({
        fy,
        ...s,
        isIllustrative: s.isIllustrative === 1,
      })),
    line: (id: number) =>
      (statements.line.get(id) as { id: number; function: string; functionName: string; collaboration: string; retiredOn: string | null } | undefined) ?? null,
    /** The years a line is recorded against: its targets' years, and those its recurring saving is carried to. */
    lineYears: (id: number) => yearsToRecord((statements.lineYears.all({ line: id }) as { fy: string }[]).map((r) => r.fy), (statements.carriedThrough.get(id) as string | null | undefined) ?? null),
    members: (collaboration: string) => statements.members.all(collaboration) as { force: string; joinedOn: string; leftOn: string | null }[],
  };
}

export type LedgerEntryRepository = ReturnType<typeof createLedgerEntryRepository>;
