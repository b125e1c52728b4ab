import type { Db } from '../connection';

// Keeping the roll-ups through a large write. Entry by entry, the triggers of migrations 010 and
// 012 keep ledger_rollup, ledger_rollup_yearly and ledger_rollup_all_functions in every write's
// transaction. A write of thousands of entries (an import, a restore) instead sets
// ledger_bulk_write, which the triggers read as "leave it to the writer", writes its entries, and
// rebuilds the roll-up rows of the functions and years it touched from ledger_entries, all in its
// own transaction: set-based, once, rather than three upserts an entry.

/** From this many writes in one transaction, the roll-ups are rebuilt once rather than kept entry by entry. */
export const BULK_FROM = 500;

export function createRollupMaintenance(db: Db) {
  const begin = db.prepare('INSERT INTO ledger_bulk_write (only) VALUES (1)');
  const end = db.prepare('DELETE FROM ledger_bulk_write');
  const functionOfLine = db.prepare('SELECT function_slug FROM savings_lines WHERE id = ?').pluck();
  // The triggers of migration 023 stand aside too: each function touched moves once, not once an entry.
  const moveFunction = db.prepare(
    `INSERT INTO figures_versions (scope, version) VALUES (?, 1) ON CONFLICT DO UPDATE SET version = version + 1`,
  );
  const moveEverything = db.prepare(`UPDATE figures_versions SET version = version + 1 WHERE scope = '*'`);
  const IN_ROLLUP = `e.fiscal_year IS NOT NULL AND e.source_id IS NULL AND e.qualifier IS NULL`;
  const monthly = {
    clear: db.prepare('DELETE FROM ledger_rollup WHERE function_slug = @fn AND fiscal_year = @fy'),
    fill: db.prepare(
      `INSERT INTO ledger_rollup (function_slug, measure, fiscal_year, month, reported_month, is_illustrative, amount_pence, entries)
       SELECT l.function_slug, e.measure, e.fiscal_year, ifnull(e.month, ''), substr(e.reported_on, 1, 7), e.is_illustrative, sum(e.amount_pence), count(*)
         FROM savings_lines l JOIN ledger_entries e INDEXED BY ledger_entries_by_line ON e.savings_line_id = l.id
        WHERE l.function_slug = @fn AND e.measure IN ('actual', 'forecast') AND e.fiscal_year = @fy AND ${IN_ROLLUP}
        GROUP BY 1, 2, 3, 4, 5, 6`,
    ),
  };
  const yearly = {
    clear: db.prepare('DELETE FROM ledger_rollup_yearly WHERE function_slug = @fn AND fiscal_year = @fy'),
    fill: db.prepare(
      `INSERT INTO ledger_rollup_yearly (function_slug, measure, fiscal_year, is_illustrative, amount_pence, entries)
       SELECT function_slug, measure, fiscal_year, is_illustrative, sum(amount_pence), sum(entries)
         FROM ledger_rollup WHERE function_slug = @fn AND fiscal_year = @fy GROUP BY 1, 2, 3, 4`,
    ),
  };
  // Whose forecast each line's year holds (migration 025), for a function's years touched.
  const FORECAST_FORCES = `SELECT l.function_slug, e.fiscal_year, e.savings_line_id, ifnull(e.force_slug, ''),
         sum(DISTINCT CASE WHEN e.month IS NULL THEN 1 ELSE 1 << ((CAST(substr(e.month, 6, 2) AS INTEGER) + 8) % 12 + 1) END),
         min(e.reported_on), max(e.reported_on)`;
  const forecastForces = {
    clear: db.prepare('DELETE FROM ledger_forecast_forces WHERE function_slug = @fn AND fiscal_year = @fy'),
    fill: db.prepare(
      `INSERT INTO ledger_forecast_forces (function_slug, fiscal_year, savings_line_id, force_slug, months, first_reported_on, last_reported_on)
       ${FORECAST_FORCES}
         FROM savings_lines l JOIN ledger_entries e INDEXED BY ledger_entries_by_line ON e.savings_line_id = l.id
        WHERE l.function_slug = @fn AND e.measure = 'forecast' AND e.fiscal_year = @fy
        GROUP BY 1, 2, 3, 4`,
    ),
  };
  const everyFunction = {
    clear: db.prepare('DELETE FROM ledger_rollup_all_functions WHERE fiscal_year = @fy'),
    fill: db.prepare(
      `INSERT INTO ledger_rollup_all_functions (measure, fiscal_year, month, reported_month, is_illustrative, amount_pence, entries)
       SELECT measure, fiscal_year, month, reported_month, is_illustrative, sum(amount_pence), sum(entries)
         FROM ledger_rollup INDEXED BY ledger_rollup_by_period WHERE fiscal_year = @fy GROUP BY 1, 2, 3, 4, 5`,
    ),
  };
  const wholeLedger = [
    db.prepare('DELETE FROM ledger_rollup'),
    db.prepare('DELETE FROM ledger_rollup_yearly'),
    db.prepare('DELETE FROM ledger_rollup_all_functions'),
    db.prepare('DELETE FROM ledger_forecast_forces'),
    db.prepare(
      `INSERT INTO ledger_forecast_forces (function_slug, fiscal_year, savings_line_id, force_slug, months, first_reported_on, last_reported_on)
       ${FORECAST_FORCES} FROM ledger_entries e JOIN savings_lines l ON l.id = e.savings_line_id
        WHERE e.measure = 'forecast' AND e.fiscal_year IS NOT NULL GROUP BY 1, 2, 3, 4`,
    ),
    db.prepare(
      `INSERT INTO ledger_rollup (function_slug, measure, fiscal_year, month, reported_month, is_illustrative, amount_pence, entries)
       SELECT l.function_slug, e.measure, e.fiscal_year, ifnull(e.month, ''), substr(e.reported_on, 1, 7), e.is_illustrative, sum(e.amount_pence), count(*)
         FROM ledger_entries e JOIN savings_lines l ON l.id = e.savings_line_id WHERE ${IN_ROLLUP} GROUP BY 1, 2, 3, 4, 5, 6`,
    ),
    db.prepare(
      `INSERT INTO ledger_rollup_yearly (function_slug, measure, fiscal_year, is_illustrative, amount_pence, entries)
       SELECT function_slug, measure, fiscal_year, is_illustrative, sum(amount_pence), sum(entries) FROM ledger_rollup GROUP BY 1, 2, 3, 4`,
    ),
    db.prepare(
      `INSERT INTO ledger_rollup_all_functions (measure, fiscal_year, month, reported_month, is_illustrative, amount_pence, entries)
       SELECT measure, fiscal_year, month, reported_month, is_illustrative, sum(amount_pence), sum(entries) FROM ledger_rollup GROUP BY 1, 2, 3, 4, 5`,
    ),
  ];

  function guarded<T>(write: () => T, rebuild: () => void): T {
    if (!db.inTransaction) throw new Error('A bulk write of the ledger must run inside a transaction');
    begin.run();
    const result = write();
    rebuild();
    end.run();
    return result;
  }

  return {
    /**
     * Runs `write` (inside the caller's transaction) with the triggers standing aside, then rebuilds
     * the roll-ups of the functions and years of the lines it touched. Every entry it inserts,
     * changes or removes must be for one of `touched`'s line and year pairs, before and after.
     */
    bulk<T>(touched: Iterable<{ lineId: number; fiscalYear: string | null }>, write: () => T): T {
      const keys = new Map<string, { fn: string; fy: string }>();
      const functions = new Set<string>();
      for (const t of touched) {
        const fn = functionOfLine.get(t.lineId) as string | undefined;
        if (!fn) continue;
        functions.add(fn);
        if (t.fiscalYear !== null) keys.set(`${fn}|${t.fiscalYear}`, { fn, fy: t.fiscalYear }); // no year: never in the roll-ups
      }
      return guarded(write, () => {
        for (const fn of functions) moveFunction.run(fn);
        for (const key of keys.values()) {
          monthly.clear.run(key);
          monthly.fill.run(key);
          yearly.clear.run(key);
          yearly.fill.run(key);
          forecastForces.clear.run(key);
          forecastForces.fill.run(key);
        }
        for (const fy of new Set([...keys.values()].map((k) => k.fy))) {
          everyFunction.clear.run({ fy });
          everyFunction.fill.run({ fy });
        }
      });
    },

    /** Runs `write` (inside the caller's transaction), then rebuilds every roll-up from the whole ledger: for a restore. */
    bulkWholeLedger<T>(write: () => T): T {
      return guarded(write, () => {
        for (const statement of wholeLedger) statement.run();
        moveEverything.run();
      });
    },
  };
}

export type RollupMaintenance = ReturnType<typeof createRollupMaintenance>;
