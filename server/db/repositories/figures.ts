import { monthsOfFiscalYear } from '../../domain/fiscal';
import type { ScopeWindow } from '../../domain/scope';
import type { Db } from '../connection';

// The ledger's money, added up in SQL for a period "as at" a date. Nothing here reads one row per
// entry into JavaScript: the portfolio reads the roll-ups (ledger_rollup_yearly for whole years,
// ledger_rollup by month for years in part; kept by triggers in migrations 006 and 010), one function or one force reads its own entries through a covering index, and
// every query takes the period as bounds in its WHERE clause (domain/scope.ts, scopeWindow).
//
// "As at" a date, from the roll-up: whole months reported before the "as at" month come from
// ledger_rollup; the days of that month up to the date come from ledger_entries; so do the few
// figures the roll-up leaves out (no year, cited to a paper, or qualified as the paper words it).

/** Money of one function, period and measure, with the papers' qualifiers of the figures in it. fy null: the paper gives the figure for no year. */
export type PeriodFigureRow = { function: string; fy: string | null; measure: 'actual' | 'forecast'; isIllustrative: boolean; amountPence: number; qualifiers: string[] };
/** Money of one savings line, period, measure and force (null: the function as a whole). */
export type LineFigureRow = PeriodFigureRow & { lineId: number; force: string | null; sourceIds: string[]; periodNote: string | null };
/** Actuals by month (a whole year's in its March), for the cumulative timeline. */
export type MonthFigureRow = { month: string; fy: string; amountPence: number };
export type ForceFigureRow = { function: string; fy: string | null; force: string | null; amountPence: number };
/** A force (null: the function as a whole) that has forecast a line's year within the period, as at the date. */
export type ForecastForceRow = { function: string; lineId: number; fy: string; force: string | null };

/** The scope's rule for one entry of ledger_entries (alias e); the same rule as domain/scope.ts, scopeLedger. */
const ENTRY_IN_SCOPE = `(CASE
    WHEN e.fiscal_year IS NULL THEN (@undated = 'all' OR (@undated = 'through' AND e.reported_on <= @throughEnd))
    WHEN e.month IS NOT NULL THEN e.month BETWEEN @firstMonth AND @lastMonth
    ELSE e.fiscal_year BETWEEN @firstWholeYear AND @lastWholeYear END)
  AND (e.fiscal_year IS NULL OR e.fiscal_year BETWEEN @firstYear AND @lastYear)`;
const ROLLUP_IN_SCOPE = `r.fiscal_year BETWEEN @firstYear AND @lastYear
  AND (CASE WHEN r.month <> '' THEN r.month BETWEEN @firstMonth AND @lastMonth ELSE r.fiscal_year BETWEEN @firstWholeYear AND @lastWholeYear END)`;
/** Entries the roll-up holds, reported in the "as at" month up to the date (read by ledger_entries_by_reported: the planner would otherwise read every entry of every function). */
const RECENT = `e.fiscal_year IS NOT NULL AND e.source_id IS NULL AND e.qualifier IS NULL AND e.reported_on >= @asAtMonth AND e.reported_on <= @asAt`;
/** Entries the roll-up leaves out. The term is written as the partial index has it, so the index is used. */
const OUTSIDE_ROLLUP = `(e.fiscal_year IS NULL OR e.source_id IS NOT NULL OR e.qualifier IS NOT NULL) AND e.reported_on <= @asAt`;
const IN_FUNCTIONS = (column: string) => `${column} IN (SELECT value FROM json_each(@functions))`;
const MARCH_OF = (fy: string) => `printf('%04d-03', CAST(substr(${fy}, 1, 4) AS INTEGER) + 1)`;

type Params = ScopeWindow & { asAt: string; asAtMonth: string; functions: string; partYearA: string | null; partYearB: string | null; partMaskA: number; partMaskB: number };

/** The months of a year the period covers in part, as ledger_forecast_forces marks them (bit 1 April … bit 12 March; a yearly figure, bit 0, cannot be split). */
function monthsMask(fy: string | undefined, window: ScopeWindow): number {
  if (fy === undefined) return 0;
  let mask = 0;
  monthsOfFiscalYear(fy).forEach((month, index) => {
    if (month >= window.firstMonth && month <= window.lastMonth) mask |= 1 << (index + 1);
  });
  return mask;
}

export function createFiguresRepository(db: Db) {
  // Whole years: as the ledger stands (every entry in the roll-ups reported by the "as at" date,
  // almost every view), from the yearly roll-up; as at an earlier date, from the monthly one by the
  // month each figure was reported in, and the days of the "as at" month from ledger_entries.
  const periodFiguresOf = (asTheLedgerStands: boolean) =>
    db.prepare(
      `SELECT function, fy, measure, max(is_illustrative) AS isIllustrative, sum(amount) AS amountPence FROM (
       ${
         asTheLedgerStands
           ? `SELECT r.function_slug AS function, r.fiscal_year AS fy, r.measure, r.is_illustrative, r.amount_pence AS amount
         FROM ledger_rollup_yearly r
        WHERE ${IN_FUNCTIONS('r.function_slug')} AND r.fiscal_year BETWEEN @firstWholeYear AND @lastWholeYear`
           : `SELECT r.function_slug AS function, r.fiscal_year AS fy, r.measure, r.is_illustrative, r.amount_pence AS amount
         FROM ledger_rollup r
        WHERE ${IN_FUNCTIONS('r.function_slug')} AND r.reported_month < @asAtMonth AND r.fiscal_year BETWEEN @firstWholeYear AND @lastWholeYear
       UNION ALL
       SELECT l.function_slug, e.fiscal_year, e.measure, e.is_illustrative, e.amount_pence
         FROM ledger_entries e INDEXED BY ledger_entries_by_reported JOIN savings_lines l ON l.id = e.savings_line_id
        WHERE ${RECENT} AND ${IN_FUNCTIONS('l.function_slug')} AND ${ENTRY_IN_SCOPE}`
       }
       UNION ALL
       -- A year in part: its months in scope (a yearly figure cannot be split, so none counts).
       SELECT r.function_slug, r.fiscal_year, r.measure, r.is_illustrative, r.amount_pence
         FROM ledger_rollup r INDEXED BY ledger_rollup_by_period
        WHERE r.fiscal_year IN (@partYearA, @partYearB) AND r.month <> '' AND r.month BETWEEN @firstMonth AND @lastMonth
          AND ${IN_FUNCTIONS('r.function_slug')} ${asTheLedgerStands ? '' : 'AND r.reported_month < @asAtMonth'}
       UNION ALL
       SELECT l.function_slug, e.fiscal_year, e.measure, e.is_illustrative, e.amount_pence
         FROM ledger_entries e INDEXED BY ledger_entries_outside_rollup JOIN savings_lines l ON l.id = e.savings_line_id
        WHERE ${OUTSIDE_ROLLUP} AND ${IN_FUNCTIONS('l.function_slug')} AND ${ENTRY_IN_SCOPE}
     ) GROUP BY function, fy, measure`,
    );
  const periodFiguresNow = periodFiguresOf(true);
  const periodFiguresAsAt = periodFiguresOf(false);
  /** The latest date an entry in the roll-ups was reported on: on or after it, a view is "as the ledger stands". */
  const latestReported = db
    .prepare(`SELECT max(reported_on) FROM ledger_entries INDEXED BY ledger_entries_by_reported WHERE fiscal_year IS NOT NULL AND source_id IS NULL AND qualifier IS NULL`)
    .pluck();

  // Qualified figures are never in the roll-ups: their words are read from the few entries outside them.
  const periodQualifiers = db.prepare(
    `SELECT l.function_slug AS function, e.fiscal_year AS fy, e.measure, json_group_array(DISTINCT e.qualifier) AS qualifiers
       FROM ledger_entries e INDEXED BY ledger_entries_outside_rollup JOIN savings_lines l ON l.id = e.savings_line_id
      WHERE ${OUTSIDE_ROLLUP} AND e.qualifier IS NOT NULL AND ${IN_FUNCTIONS('l.function_slug')} AND ${ENTRY_IN_SCOPE}
      GROUP BY 1, 2, 3`,
  );

  // A yearly actual in a year the scope covers only in part cannot be split into its months.
  const yearlyNotSplit = db.prepare(
    `SELECT DISTINCT function, fy FROM (
       SELECT r.function_slug AS function, r.fiscal_year AS fy FROM ledger_rollup r
        WHERE ${IN_FUNCTIONS('r.function_slug')} AND r.reported_month < @asAtMonth AND r.measure = 'actual' AND r.month = ''
          AND r.fiscal_year IN (@partYearA, @partYearB)
       UNION ALL
       SELECT l.function_slug, e.fiscal_year FROM ledger_entries e INDEXED BY ledger_entries_by_reported JOIN savings_lines l ON l.id = e.savings_line_id
        WHERE ${RECENT} AND ${IN_FUNCTIONS('l.function_slug')} AND e.measure = 'actual' AND e.month IS NULL
          AND e.fiscal_year IN (@partYearA, @partYearB)
       UNION ALL
       SELECT l.function_slug, e.fiscal_year FROM ledger_entries e INDEXED BY ledger_entries_outside_rollup JOIN savings_lines l ON l.id = e.savings_line_id
        WHERE ${OUTSIDE_ROLLUP} AND ${IN_FUNCTIONS('l.function_slug')} AND e.measure = 'actual' AND e.month IS NULL
          AND e.fiscal_year IN (@partYearA, @partYearB))`,
  );

  // Only entries cited to a paper have a source, and the roll-up leaves those out.
  const sourcesOf = db.prepare(
    `SELECT DISTINCT l.function_slug AS function, e.measure, e.source_id AS sourceId
       FROM ledger_entries e INDEXED BY ledger_entries_outside_rollup JOIN savings_lines l ON l.id = e.savings_line_id
      WHERE ${OUTSIDE_ROLLUP} AND e.source_id IS NOT NULL AND ${IN_FUNCTIONS('l.function_slug')} AND ${ENTRY_IN_SCOPE}
      ORDER BY e.id`,
  );

  // The timeline: every function's money together from ledger_rollup_all_functions, or some of
  // them (a collaboration's) from ledger_rollup.
  const monthsOf = (allFunctions: boolean) =>
    db.prepare(
      `SELECT month, fy, sum(amount) AS amountPence FROM (
       SELECT CASE r.month WHEN '' THEN ${MARCH_OF('r.fiscal_year')} ELSE r.month END AS month, r.fiscal_year AS fy, r.amount_pence AS amount
         FROM ${allFunctions ? 'ledger_rollup_all_functions' : 'ledger_rollup'} r
        WHERE ${allFunctions ? '' : `${IN_FUNCTIONS('r.function_slug')} AND`} r.measure = 'actual' AND r.reported_month < @asAtMonth AND ${ROLLUP_IN_SCOPE}
       UNION ALL
       SELECT ifnull(e.month, ${MARCH_OF('e.fiscal_year')}), e.fiscal_year, e.amount_pence
         FROM ledger_entries e INDEXED BY ledger_entries_by_reported JOIN savings_lines l ON l.id = e.savings_line_id
        WHERE ${RECENT} AND e.measure = 'actual' AND ${allFunctions ? '' : `${IN_FUNCTIONS('l.function_slug')} AND`} ${ENTRY_IN_SCOPE}
       UNION ALL
       SELECT ifnull(e.month, ${MARCH_OF('e.fiscal_year')}), e.fiscal_year, e.amount_pence
         FROM ledger_entries e INDEXED BY ledger_entries_outside_rollup JOIN savings_lines l ON l.id = e.savings_line_id
        WHERE ${OUTSIDE_ROLLUP} AND e.fiscal_year IS NOT NULL AND e.measure = 'actual' AND ${allFunctions ? '' : `${IN_FUNCTIONS('l.function_slug')} AND`} ${ENTRY_IN_SCOPE}
     ) GROUP BY month, fy ORDER BY month`,
    );
  const someFunctionsMonths = monthsOf(false);
  const allFunctionsMonths = monthsOf(true);

  // One function's entries, read through ledger_entries_by_line.
  const FUNCTION_ENTRIES = `e.savings_line_id IN (SELECT id FROM savings_lines WHERE function_slug = @function) AND e.reported_on <= @asAt AND ${ENTRY_IN_SCOPE}`;
  const lineFigures = db.prepare(
    `SELECT e.savings_line_id AS lineId, e.fiscal_year AS fy, e.measure, e.force_slug AS force,
            max(e.is_illustrative) AS isIllustrative, sum(e.amount_pence) AS amountPence,
            group_concat(DISTINCT e.source_id) AS sourceIds, max(e.period_note) AS periodNote,
            json_group_array(DISTINCT e.qualifier) FILTER (WHERE e.qualifier IS NOT NULL) AS qualifiers
       FROM ledger_entries e WHERE ${FUNCTION_ENTRIES}
      GROUP BY e.savings_line_id, e.fiscal_year, e.measure, e.force_slug`,
  );
  // A force's own actuals and the function-level ones its share is taken from, read through ledger_entries_by_force.
  const forceFigures = db.prepare(
    `SELECT l.function_slug AS function, e.fiscal_year AS fy, e.force_slug AS force, sum(e.amount_pence) AS amountPence
       FROM ledger_entries e JOIN savings_lines l ON l.id = e.savings_line_id
      WHERE (e.force_slug = @force OR e.force_slug IS NULL) AND e.measure = 'actual' AND e.reported_on <= @asAt
        AND ${IN_FUNCTIONS('l.function_slug')} AND ${ENTRY_IN_SCOPE}
      GROUP BY 1, 2, 3`,
  );
  // Every force's actuals, and those for the functions as a whole, for several functions at once.
  const forceSplitFigures = db.prepare(
    `SELECT l.function_slug AS function, e.fiscal_year AS fy, e.force_slug AS force, sum(e.amount_pence) AS amountPence
       FROM savings_lines l JOIN ledger_entries e INDEXED BY ledger_entries_by_line ON e.savings_line_id = l.id
      WHERE ${IN_FUNCTIONS('l.function_slug')} AND e.measure = 'actual' AND e.reported_on <= @asAt AND ${ENTRY_IN_SCOPE}
      GROUP BY 1, 2, 3`,
  );
  // Whose forecasts each line's years hold. A row reported entirely by the date counts as it is; one
  // reported partly after it asks its own entries (a dozen at most) which were reported by then.
  const forecastForces = db.prepare(
    `SELECT r.function_slug AS function, r.savings_line_id AS lineId, r.fiscal_year AS fy, nullif(r.force_slug, '') AS force
       FROM ledger_forecast_forces r
      WHERE ${IN_FUNCTIONS('r.function_slug')} AND r.fiscal_year BETWEEN @firstYear AND @lastYear AND r.first_reported_on <= @asAt
        AND (r.months & CASE WHEN r.fiscal_year BETWEEN @firstWholeYear AND @lastWholeYear THEN 8191
                             WHEN r.fiscal_year = @partYearA THEN @partMaskA WHEN r.fiscal_year = @partYearB THEN @partMaskB ELSE 0 END) <> 0
        AND (r.last_reported_on <= @asAt OR EXISTS (
              SELECT 1 FROM ledger_entries e INDEXED BY ledger_entries_by_line
               WHERE e.savings_line_id = r.savings_line_id AND e.measure = 'forecast' AND e.fiscal_year = r.fiscal_year
                 AND e.force_slug IS nullif(r.force_slug, '') AND e.reported_on <= @asAt AND ${ENTRY_IN_SCOPE}))`,
  );
  const functionsOfForce = db.prepare(
    `SELECT DISTINCT function_slug AS slug FROM apportionment_shares WHERE force_slug = @force
     UNION
     SELECT DISTINCT l.function_slug FROM ledger_entries e JOIN savings_lines l ON l.id = e.savings_line_id WHERE e.force_slug = @force`,
  );

  const paramsOf = (window: ScopeWindow, asAt: string, functions: readonly string[]): Params => ({
    ...window,
    asAt,
    asAtMonth: asAt.slice(0, 7),
    functions: JSON.stringify(functions),
    partYearA: window.partYears[0] ?? null,
    partYearB: window.partYears[1] ?? null,
    partMaskA: monthsMask(window.partYears[0], window),
    partMaskB: monthsMask(window.partYears[1], window),
  });

  return {
    /** Each function's money per period and measure, in scope and as at the date. */
    periodFigures(functions: readonly string[], window: ScopeWindow, asAt: string): PeriodFigureRow[] {
      const params = paramsOf(window, asAt, functions);
      const words = new Map(
        (periodQualifiers.all(params) as { function: string; fy: string | null; measure: string; qualifiers: string }[]).map((q) => [`${q.function}|${q.fy}|${q.measure}`, JSON.parse(q.qualifiers) as string[]]),
      );
      type Raw = Omit<PeriodFigureRow, 'isIllustrative' | 'qualifiers'> & { isIllustrative: number };
      const latest = latestReported.get() as string | null;
      const read = latest === null || latest <= asAt ? periodFiguresNow : periodFiguresAsAt;
      return (read.all(params) as Raw[]).map((row) => ({ ...row, isIllustrative: row.isIllustrative === 1, qualifiers: words.get(`${row.function}|${row.fy}|${row.measure}`) ?? [] }));
    },

    /** The years in which each function has a yearly actual that a part-year scope cannot split. */
    yearlyNotSplit(functions: readonly string[], window: ScopeWindow, asAt: string): { function: string; fy: string }[] {
      if (window.partYears.length === 0) return [];
      const params = paramsOf(window, asAt, functions);
      return yearlyNotSplit.all(params) as { function: string; fy: string }[];
    },

    /** The papers cited by the figures in scope, by function and measure, in the order recorded. */
    sources(functions: readonly string[], window: ScopeWindow, asAt: string): { function: string; measure: 'actual' | 'forecast'; sourceId: string }[] {
      const params = paramsOf(window, asAt, functions);
      return sourcesOf.all(params) as { function: string; measure: 'actual' | 'forecast'; sourceId: string }[];
    },

    /** The functions' actuals month by month, for the portfolio's cumulative timeline ('all': every function with a savings line). */
    months(functions: readonly string[] | 'all', window: ScopeWindow, asAt: string): MonthFigureRow[] {
      if (functions === 'all') return allFunctionsMonths.all(paramsOf(window, asAt, [])) as MonthFigureRow[];
      return someFunctionsMonths.all(paramsOf(window, asAt, functions)) as MonthFigureRow[];
    },

    /** One function's money per line, period, measure and force. */
    lineFigures(slug: string, window: ScopeWindow, asAt: string): LineFigureRow[] {
      const params = { ...paramsOf(window, asAt, []), function: slug };
      type Raw = Omit<LineFigureRow, 'isIllustrative' | 'sourceIds' | 'function' | 'qualifiers'> & { isIllustrative: number; sourceIds: string | null; qualifiers: string };
      return (lineFigures.all(params) as Raw[]).map((row) => ({
        ...row,
        function: slug,
        isIllustrative: row.isIllustrative === 1,
        qualifiers: JSON.parse(row.qualifiers) as string[],
        sourceIds: row.sourceIds === null ? [] : row.sourceIds.split(','),
      }));
    },

    /** Actuals recorded for one force, and for the functions as a whole, per function and period. */
    forceFigures(force: string, functions: readonly string[], window: ScopeWindow, asAt: string): ForceFigureRow[] {
      const params = { ...paramsOf(window, asAt, functions), force };
      return forceFigures.all(params) as ForceFigureRow[];
    },

    /** Actuals per function, period and force (null: the function as a whole), for splitting several functions by force. */
    forceSplitFigures(functions: readonly string[], window: ScopeWindow, asAt: string): ForceFigureRow[] {
      return forceSplitFigures.all(paramsOf(window, asAt, functions)) as ForceFigureRow[];
    },

    /** Each line's years with a forecast in the period, as at the date, and whose forecast it is. */
    forecastForces(functions: readonly string[], window: ScopeWindow, asAt: string): ForecastForceRow[] {
      return forecastForces.all(paramsOf(window, asAt, functions)) as ForecastForceRow[];
    },

    /** The functions in which a force has a share, or has recorded a figure. */
    functionsOfForce(force: string): string[] {
      return (functionsOfForce.all({ force }) as { slug: string }[]).map((r) => r.slug);
    },
  };
}

export type FiguresRepository = ReturnType<typeof createFiguresRepository>;
