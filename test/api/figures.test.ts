import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../server/db/connection';
import { migrate } from '../../server/db/migrate';
import { createRollupMaintenance } from '../../server/db/repositories/rollups';
import { createFiguresRepository } from '../../server/db/repositories/figures';
import { monthsOfFiscalYear } from '../../server/domain/fiscal';
import { parseScope, scopeLedger, scopeWindow, type Scope } from '../../server/domain/scope';

// The SQL read model (the roll-up kept by triggers, the covering-index reads, the period in the
// WHERE clause) against the plainest possible sum of the same ledger in JavaScript, using the
// domain's own scoping rule (scopeLedger), for random ledgers, writes, periods, "as at" dates and forces.

const YEARS = ['2016-17', '2017-18', '2018-19'];
const FORCES = ['bedfordshire', 'cambridgeshire', 'hertfordshire'];
const LINES = [
  { id: 1, function: 'ict' },
  { id: 2, function: 'ict' },
  { id: 3, function: 'aoj' },
];

type Entry = {
  lineId: number;
  measure: 'actual' | 'forecast';
  fy: string | null;
  month: string | null;
  force: string | null;
  amountPence: number;
  reportedOn: string;
  isIllustrative: boolean;
  sourced: boolean;
};

function freshDatabase(): Db {
  const db = openDatabase(':memory:');
  migrate(db);
  db.exec(`
    INSERT INTO forces (slug, name) VALUES ('bedfordshire', 'B'), ('cambridgeshire', 'C'), ('hertfordshire', 'H');
    INSERT INTO papers (id, file, title) VALUES ('001', 'p.txt', 'Paper');
    INSERT INTO sources (id, paper_id, paragraph, quote) VALUES ('s1', '001', '1.1', 'a quote');
    INSERT INTO collaborations (slug, name, description) VALUES ('bch', 'BCH', 'd');
    INSERT INTO functions (slug, name, collaboration_slug, description) VALUES ('ict', 'ICT', 'bch', 'd'), ('aoj', 'AOJ', 'bch', 'd');
    INSERT INTO savings_lines (id, function_slug, code, name, category, driver, kind, recurrence) VALUES
      (1, 'ict', 'l1', 'L1', 'payroll', 'x', 'cashable', 'recurring'),
      (2, 'ict', 'l2', 'L2', 'payroll', 'x', 'cashable', 'recurring'),
      (3, 'aoj', 'l3', 'L3', 'payroll', 'x', 'cashable', 'recurring');
  `);
  return db;
}

const dateArb = fc
  .record({ y: fc.integer({ min: 2016, max: 2019 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
  .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

const entryArb: fc.Arbitrary<Entry> = fc
  .record({
    lineId: fc.constantFrom(1, 2, 3),
    measure: fc.constantFrom('actual' as const, 'forecast' as const),
    fy: fc.option(fc.constantFrom(...YEARS), { freq: 8 }),
    monthIndex: fc.option(fc.integer({ min: 0, max: 11 }), { freq: 3 }),
    force: fc.option(fc.constantFrom(...FORCES), { freq: 2 }),
    amountPence: fc.integer({ min: 0, max: 5_000_000 }),
    reportedOn: dateArb,
    isIllustrative: fc.boolean(),
    sourced: fc.boolean().map((b) => b && Math.random() < 0.3),
  })
  .map(({ fy, monthIndex, ...rest }) => ({
    ...rest,
    fy,
    month: fy === null || monthIndex === null ? null : monthsOfFiscalYear(fy)[monthIndex]!,
  }));

const scopeArb: fc.Arbitrary<Scope> = fc.oneof(
  fc.constant<Scope>({ kind: 'all' }),
  fc.constantFrom(...YEARS).map((fy): Scope => ({ kind: 'years', from: fy, to: fy })),
  fc.constant<Scope>({ kind: 'years', from: '2016-17', to: '2017-18' }),
  fc.record({ fy: fc.constantFrom(...YEARS), half: fc.constantFrom(1 as const, 2 as const) }).map(({ fy, half }): Scope => ({ kind: 'period', period: { kind: 'half', fy, half } })),
  fc.record({ fy: fc.constantFrom(...YEARS), quarter: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const) }).map(({ fy, quarter }): Scope => ({ kind: 'period', period: { kind: 'quarter', fy, quarter } })),
  fc.record({ fy: fc.constantFrom(...YEARS), index: fc.integer({ min: 0, max: 11 }) }).map(({ fy, index }): Scope => ({ kind: 'period', period: { kind: 'month', fy, month: monthsOfFiscalYear(fy)[index]! } })),
  fc.record({ fy: fc.constantFrom(...YEARS), half: fc.constantFrom(1 as const, 2 as const) }).map(({ fy, half }): Scope => ({ kind: 'through', period: { kind: 'half', fy, half } })),
);

/**
 * Writes the entries one by one, then changes and removes some, as the services would: entry by
 * entry (the triggers keep the roll-ups), or as one bulk write (an import: the roll-ups of the
 * lines and years touched are rebuilt once), or as a whole-ledger rebuild (a restore).
 */
function write(db: Db, entries: Entry[], changes: { index: number; amountPence: number; reportedOn: string; remove: boolean }[], how: 'entry by entry' | 'bulk' | 'whole ledger' = 'entry by entry'): Entry[] {
  if (how !== 'entry by entry') {
    const rollups = createRollupMaintenance(db);
    const touched = entries.map((e) => ({ lineId: e.lineId, fiscalYear: e.fy }));
    return db.transaction(() => (how === 'bulk' ? rollups.bulk(touched, () => write(db, entries, changes)) : rollups.bulkWholeLedger(() => write(db, entries, changes))))();
  }
  const insert = db.prepare(
    `INSERT OR IGNORE INTO ledger_entries (savings_line_id, measure, fiscal_year, month, force_slug, amount_pence, reported_on, source_id, is_illustrative, recorded_at, recorded_by)
     VALUES (@lineId, @measure, @fy, @month, @force, @amountPence, @reportedOn, @sourceId, @illustrative, '2020-01-01T00:00:00Z', 'test')`,
  );
  const kept: (Entry & { id: number })[] = [];
  for (const e of entries) {
    const result = insert.run({ ...e, sourceId: e.sourced ? 's1' : null, illustrative: e.isIllustrative ? 1 : 0 });
    if (result.changes === 1) kept.push({ ...e, id: Number(result.lastInsertRowid) });
  }
  for (const change of changes) {
    const target = kept[change.index % Math.max(1, kept.length)];
    if (!target) continue;
    if (change.remove) {
      db.prepare('DELETE FROM ledger_entries WHERE id = ?').run(target.id);
      kept.splice(kept.indexOf(target), 1);
    } else {
      db.prepare('UPDATE ledger_entries SET amount_pence = ?, reported_on = ?, version = version + 1 WHERE id = ?').run(change.amountPence, change.reportedOn, target.id);
      target.amountPence = change.amountPence;
      target.reportedOn = change.reportedOn;
    }
  }
  return kept;
}

/** The naive figures: every entry reported by the date, scoped by the domain's rule, added up by key. */
function naive(entries: Entry[], scope: Scope, asAt: string, keyOf: (e: Entry) => string | null) {
  const known = entries.filter((e) => e.reportedOn <= asAt).map((e) => ({ ...e, month: e.month }));
  const { ledger, yearlyOnlyYears } = scopeLedger(known, scope);
  const sums = new Map<string, number>();
  for (const e of ledger) {
    const key = keyOf(e);
    if (key !== null) sums.set(key, (sums.get(key) ?? 0) + e.amountPence);
  }
  return { sums, yearlyOnlyYears, ledger };
}

const asMap = <T>(rows: T[], key: (r: T) => string, value: (r: T) => number) => new Map(rows.map((r) => [key(r), value(r)]));
const sorted = (map: Map<string, number>) => [...map.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
const lineFunction = (lineId: number) => LINES.find((l) => l.id === lineId)!.function;
const FORECAST_FORCES_KEPT = 'SELECT function_slug AS f, fiscal_year AS fy, savings_line_id AS line, force_slug AS force, months, first_reported_on AS first, last_reported_on AS last FROM ledger_forecast_forces ORDER BY 1, 2, 3, 4';
const FORECAST_FORCES_FROM_RAW = `SELECT l.function_slug AS f, e.fiscal_year AS fy, e.savings_line_id AS line, ifnull(e.force_slug, '') AS force,
    sum(DISTINCT CASE WHEN e.month IS NULL THEN 1 ELSE 1 << ((CAST(substr(e.month, 6, 2) AS INTEGER) + 8) % 12 + 1) END) AS months,
    min(e.reported_on) AS first, max(e.reported_on) AS last
  FROM ledger_entries e JOIN savings_lines l ON l.id = e.savings_line_id WHERE e.measure = 'forecast' AND e.fiscal_year IS NOT NULL GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`;

describe('the SQL read model', () => {
  it('adds up to the naive sum of the same ledger, for every kind of period, "as at" date and force', () => {
    fc.assert(
      fc.property(
        fc.array(entryArb, { maxLength: 60 }),
        fc.array(fc.record({ index: fc.nat(), amountPence: fc.integer({ min: 0, max: 5_000_000 }), reportedOn: dateArb, remove: fc.boolean() }), { maxLength: 10 }),
        scopeArb,
        dateArb,
        fc.constantFrom(...FORCES),
        fc.constantFrom('entry by entry' as const, 'bulk' as const, 'whole ledger' as const),
        (entries, changes, scope, asAt, force, how) => {
          const db = freshDatabase();
          const ledger = write(db, entries, changes, how);
          expect(db.prepare('SELECT count(*) AS n FROM ledger_bulk_write').get()).toEqual({ n: 0 });
          const figures = createFiguresRepository(db);
          const window = scopeWindow(scope);
          const functions = ['ict', 'aoj'];

          // The portfolio's figures, from the roll-up: per function, period and measure.
          const byPeriod = naive(ledger, scope, asAt, (e) => `${lineFunction(e.lineId)}|${e.fy}|${e.measure}`);
          const sql = figures.periodFigures(functions, window, asAt);
          expect(sorted(asMap(sql, (r) => `${r.function}|${r.fy}|${r.measure}`, (r) => r.amountPence))).toEqual(sorted(byPeriod.sums));
          // Illustrative wherever any entry behind the figure is.
          for (const row of sql) {
            const behind = byPeriod.ledger.filter((e) => lineFunction(e.lineId) === row.function && e.fy === row.fy && e.measure === row.measure);
            expect(row.isIllustrative).toBe(behind.some((e) => e.isIllustrative));
          }

          // One function's figures, per line, period, measure and force.
          for (const slug of functions) {
            const byLine = naive(ledger.filter((e) => lineFunction(e.lineId) === slug), scope, asAt, (e) => `${e.lineId}|${e.fy}|${e.measure}|${e.force}`);
            const lineRows = figures.lineFigures(slug, window, asAt);
            expect(sorted(asMap(lineRows, (r) => `${r.lineId}|${r.fy}|${r.measure}|${r.force}`, (r) => r.amountPence))).toEqual(sorted(byLine.sums));
            expect(new Set(figures.yearlyNotSplit([slug], window, asAt).map((y) => y.fy))).toEqual(byLine.yearlyOnlyYears);
            const monthsNaive = naive(ledger.filter((e) => lineFunction(e.lineId) === slug), scope, asAt, (e) =>
              e.measure === 'actual' && e.fy !== null ? (e.month ?? monthsOfFiscalYear(e.fy)[11]!) : null,
            ).sums;
            expect(sorted(asMap(figures.months([slug], window, asAt), (r) => r.month, (r) => r.amountPence))).toEqual(sorted(monthsNaive));
          }

          // The portfolio's timeline and the years a part-year scope cannot split.
          const monthsNaive = naive(ledger, scope, asAt, (e) => (e.measure === 'actual' && e.fy !== null ? (e.month ?? monthsOfFiscalYear(e.fy)[11]!) : null)).sums;
          expect(sorted(asMap(figures.months(functions, window, asAt), (r) => r.month, (r) => r.amountPence))).toEqual(sorted(monthsNaive));
          // Every function's together, from the roll-up of the whole portfolio (only ict and aoj have entries here).
          expect(sorted(asMap(figures.months('all', window, asAt), (r) => r.month, (r) => r.amountPence))).toEqual(sorted(monthsNaive));
          const notSplit = figures.yearlyNotSplit(functions, window, asAt).map((r) => `${r.function}|${r.fy}`).sort();
          const notSplitNaive = functions.flatMap((slug) => [...naive(ledger.filter((e) => lineFunction(e.lineId) === slug), scope, asAt, () => null).yearlyOnlyYears].map((fy) => `${slug}|${fy}`)).sort();
          expect(notSplit).toEqual(notSplitNaive);

          // Whose forecasts each line's years hold in the period, as at the date (ledger_forecast_forces).
          const forecastNaive = [...naive(ledger, scope, asAt, (e) => (e.measure === 'forecast' && e.fy !== null ? `${lineFunction(e.lineId)}|${e.lineId}|${e.fy}|${e.force}` : null)).sums.keys()].sort();
          expect(figures.forecastForces(functions, window, asAt).map((r) => `${r.function}|${r.lineId}|${r.fy}|${r.force}`).sort()).toEqual(forecastNaive);

          // A force's own actuals and the function-level ones.
          const forceNaive = naive(ledger, scope, asAt, (e) => (e.measure === 'actual' && (e.force === force || e.force === null) ? `${lineFunction(e.lineId)}|${e.fy}|${e.force}` : null)).sums;
          expect(sorted(asMap(figures.forceFigures(force, functions, window, asAt), (r) => `${r.function}|${r.fy}|${r.force}`, (r) => r.amountPence))).toEqual(sorted(forceNaive));

          // The roll-up itself holds exactly the ledger's money, after every insert, change and removal.
          const rollup = db.prepare('SELECT sum(amount_pence) AS pence, sum(entries) AS entries FROM ledger_rollup').get() as { pence: number | null; entries: number | null };
          const inRollup = ledger.filter((e) => e.fy !== null && !e.sourced);
          expect(rollup.entries ?? 0).toBe(inRollup.length);
          expect(rollup.pence ?? 0).toBe(inRollup.reduce((sum, e) => sum + e.amountPence, 0));
          const byMonth = db.prepare('SELECT function_slug AS f, measure AS m, fiscal_year AS fy, sum(amount_pence) AS pence, sum(entries) AS n FROM ledger_rollup GROUP BY 1, 2, 3 ORDER BY 1, 2, 3').all();
          const byYear = db.prepare('SELECT function_slug AS f, measure AS m, fiscal_year AS fy, sum(amount_pence) AS pence, sum(entries) AS n FROM ledger_rollup_yearly GROUP BY 1, 2, 3 ORDER BY 1, 2, 3').all();
          expect(byYear).toEqual(byMonth);
          const everyFunction = db.prepare('SELECT measure AS m, fiscal_year AS fy, month, reported_month AS r, is_illustrative AS i, sum(amount_pence) AS pence, sum(entries) AS n FROM ledger_rollup_all_functions GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5').all();
          const everyFunctionByMonth = db.prepare('SELECT measure AS m, fiscal_year AS fy, month, reported_month AS r, is_illustrative AS i, sum(amount_pence) AS pence, sum(entries) AS n FROM ledger_rollup GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5').all();
          expect(everyFunction).toEqual(everyFunctionByMonth);
          // The monthly roll-up itself, row for row, as a rebuild from the raw ledger gives it.
          const fromRaw = db
            .prepare(
              `SELECT l.function_slug AS f, e.measure AS m, e.fiscal_year AS fy, ifnull(e.month, '') AS month, substr(e.reported_on, 1, 7) AS r, e.is_illustrative AS i, sum(e.amount_pence) AS pence, count(*) AS n
                 FROM ledger_entries e JOIN savings_lines l ON l.id = e.savings_line_id
                WHERE e.fiscal_year IS NOT NULL AND e.source_id IS NULL AND e.qualifier IS NULL GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6`,
            )
            .all();
          expect(db.prepare('SELECT function_slug AS f, measure AS m, fiscal_year AS fy, month, reported_month AS r, is_illustrative AS i, amount_pence AS pence, entries AS n FROM ledger_rollup ORDER BY 1, 2, 3, 4, 5, 6').all()).toEqual(fromRaw);
          // Whose forecasts each line's years hold, row for row, as migration 025 builds them from the raw ledger.
          expect(db.prepare(FORECAST_FORCES_KEPT).all()).toEqual(db.prepare(FORECAST_FORCES_FROM_RAW).all());
          db.close();
        },
      ),
      { numRuns: 150 },
    );
  }, 60_000);

  it('plans its reads on indexes, never a scan of the whole ledger', () => {
    const db = freshDatabase();
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join('\n');
    // The portfolio never reads ledger_entries but through an index (the roll-up is read whole, as it must be).
    const statements = [
      "SELECT * FROM ledger_entries e WHERE e.savings_line_id IN (SELECT id FROM savings_lines WHERE function_slug = 'ict') AND e.reported_on <= '2020-01-01'",
      "SELECT * FROM ledger_entries e WHERE (e.force_slug = 'kent' OR e.force_slug IS NULL) AND e.measure = 'actual'",
      "SELECT * FROM ledger_entries e WHERE e.fiscal_year IS NOT NULL AND e.source_id IS NULL AND e.qualifier IS NULL AND e.reported_on >= '2020-01' AND e.reported_on <= '2020-01-10'",
      "SELECT * FROM ledger_entries e WHERE (e.fiscal_year IS NULL OR e.source_id IS NOT NULL OR e.qualifier IS NOT NULL) AND e.reported_on <= '2020-01-10'",
    ];
    for (const sql of statements) expect(plan(sql)).not.toMatch(/SCAN e\b(?! USING)/);
    // A published report's recorded hash is found by its entity, not by reading the whole audit log.
    expect(plan("SELECT after_json FROM audit_log WHERE action = 'publish-report' AND entity = 'report' AND entity_id = '1' ORDER BY id LIMIT 1")).toMatch(/USING INDEX audit_log_by_entity/);
  });
});

describe('answers kept between writes', () => {
  it('give way to any write: through the app, or by another process on the same file', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { createApp } = await import('../../server/app');
    const { loadPaperData, seedFromPapers } = await import('../../server/db/seed');
    const path = join(mkdtempSync(join(tmpdir(), 'realise-kept-')), 'ledger.db');
    const db = openDatabase(path);
    migrate(db);
    seedFromPapers(db, loadPaperData(), new Date('2026-11-25T09:00:00Z'));
    const app = createApp({ db, now: () => new Date('2026-11-25T09:00:00Z'), publicRead: true });
    const delivered = async () => ((await (await app.request('/api/functions?period=2017-18')).json()) as { totals: { deliveredPence: number } }).totals.deliveredPence;
    const before = await delivered();
    expect(await delivered()).toBe(before);

    // Another connection, as a second process would be, records an actual.
    const other = openDatabase(path);
    const line = (other.prepare("SELECT id FROM savings_lines WHERE code = 'ict-application-convergence'").get() as { id: number }).id;
    other
      .prepare(`INSERT INTO ledger_entries (savings_line_id, measure, fiscal_year, month, amount_pence, reported_on, recorded_at, recorded_by)
                VALUES (?, 'actual', '2017-18', '2017-06', 123400, '2017-07-01', '2026-11-25T09:00:00Z', 'other process')`)
      .run(line);
    expect(await delivered()).toBe(before + 123_400);

    // And this connection changes it.
    db.prepare("UPDATE ledger_entries SET amount_pence = 100, version = version + 1 WHERE recorded_by = 'other process'").run();
    expect(await delivered()).toBe(before + 100);
    other.close();
    db.close();
  });
});

describe("each function's figures kept between writes", () => {
  async function seeded() {
    const { loadPaperData, seedFromPapers } = await import('../../server/db/seed');
    const { loadDemoData, seedDemo } = await import('../../server/db/demo');
    const { createLedgerRepository } = await import('../../server/db/repositories/ledger');
    const { createForceRepository } = await import('../../server/db/repositories/forces');
    const { createFiguresService } = await import('../../server/services/figures');
    const db = openDatabase(':memory:');
    migrate(db);
    const at = new Date('2026-11-25T09:00:00Z');
    seedFromPapers(db, loadPaperData(), at);
    seedDemo(db, loadDemoData(), at);
    const ledger = createLedgerRepository(db);
    const service = createFiguresService({ db, ledger, forces: createForceRepository(db, ledger) });
    const lineOf = (slug: string) => (db.prepare('SELECT id FROM savings_lines WHERE function_slug = ? ORDER BY id LIMIT 1').get(slug) as { id: number }).id;
    /** Adds to a function's first line's Kent-less figure for a month of FY 2017/18, as a recording would. */
    const put = (lineId: number, measure: 'actual' | 'forecast', month: string, pence: number) => {
      const changed = db
        .prepare(`UPDATE ledger_entries SET amount_pence = amount_pence + ?, version = version + 1
                   WHERE savings_line_id = ? AND measure = ? AND fiscal_year = '2017-18' AND month = ? AND force_slug IS NULL`)
        .run(pence, lineId, measure, month);
      if (changed.changes === 0) {
        db.prepare(`INSERT INTO ledger_entries (savings_line_id, measure, fiscal_year, month, amount_pence, reported_on, recorded_at, recorded_by)
                    VALUES (?, ?, '2017-18', ?, ?, '2017-07-01', '2026-11-25T09:00:00Z', 'a test')`).run(lineId, measure, month, pence);
      }
    };
    const record = (slug: string, pence: number) => put(lineOf(slug), 'actual', '2017-06', pence);
    const forces = createForceRepository(db, ledger);
    return { db, ledger, forces, service, record, put, lineOf };
  }
  const scope: Scope = { kind: 'years', from: '2017-18', to: '2017-18' };
  const bySlug = (list: { functions: { slug: string }[] }) => new Map(list.functions.map((f) => [f.slug, f]));

  it('works out again only the function whose ledger moved; a write to anything else works them all out', async () => {
    const { db, service, record } = await seeded();
    const first = bySlug(service.portfolio('2026-11-25', scope, undefined));
    expect(first.size).toBeGreaterThan(2);

    record('ict', 5_000);
    const second = bySlug(service.portfolio('2026-11-25', scope, undefined));
    expect(second.get('ict')).not.toBe(first.get('ict'));
    for (const [slug, summary] of second) if (slug !== 'ict') expect(summary, slug).toBe(first.get(slug));

    // A target is a plan: every function is worked out again.
    db.prepare('UPDATE targets SET amount_pence = amount_pence + 1 WHERE id = (SELECT min(id) FROM targets)').run();
    const third = bySlug(service.portfolio('2026-11-25', scope, undefined));
    for (const [slug, summary] of third) expect(summary, slug).not.toBe(second.get(slug));
  });

  it('always gives the figures worked out afresh, through random writes to the ledger and the plans', async () => {
    const { db, ledger, forces, service, record, lineOf } = await seeded();
    const slugs = (db.prepare('SELECT DISTINCT function_slug FROM savings_lines ORDER BY 1').pluck().all() as string[]);
    const scopes: Scope[] = [{ kind: 'all' }, scope, parseScope('2017-18-H1')];
    fc.assert(
      fc.property(
        fc.array(fc.record({ write: fc.constantFrom('actual', 'change', 'target', 'tolerance', 'force actual', 'share'), fn: fc.constantFrom(...slugs), pence: fc.integer({ min: 1, max: 9_000_000 }), view: fc.nat(2) }), { minLength: 1, maxLength: 8 }),
        (writes) => {
          for (const w of writes) {
            if (w.write === 'actual') record(w.fn, w.pence);
            if (w.write === 'change') db.prepare("UPDATE ledger_entries SET amount_pence = ? WHERE id = (SELECT max(id) FROM ledger_entries)").run(w.pence);
            if (w.write === 'target') db.prepare('UPDATE targets SET amount_pence = ? WHERE id = (SELECT min(t.id) FROM targets t JOIN savings_lines l ON l.id = t.savings_line_id WHERE l.function_slug = ?)').run(w.pence, w.fn);
            if (w.write === 'force actual') {
              db.prepare(`INSERT INTO ledger_entries (savings_line_id, measure, fiscal_year, month, force_slug, amount_pence, reported_on, recorded_at, recorded_by)
                          VALUES (?, 'actual', '2017-18', ?, 'hertfordshire', ?, '2017-12-01', '2026-11-25T09:00:00Z', 'a test')
                          ON CONFLICT DO UPDATE SET amount_pence = excluded.amount_pence`).run(lineOf(w.fn), `2017-${String((w.pence % 9) + 4).padStart(2, '0')}`, w.pence);
            }
            if (w.write === 'share') db.prepare("UPDATE apportionment_shares SET share_tenths_percent = ? WHERE rowid = (SELECT min(rowid) FROM apportionment_shares WHERE function_slug = ? AND force_slug = 'hertfordshire')").run(w.pence % 1000, w.fn);
            if (w.write === 'tolerance') db.prepare('UPDATE functions SET rag_tolerance_tenths_percent = ? WHERE slug = ?').run(w.pence % 200, w.fn);
            const view = scopes[w.view]!;
            expect(service.portfolio('2026-11-25', view, undefined)).toEqual(ledger.portfolio('2026-11-25', view, undefined));
            expect(service.portfolio('2018-01-31', view, undefined)).toEqual(ledger.portfolio('2018-01-31', view, undefined));
            expect(service.forceDetail('hertfordshire', '2026-11-25', view)).toEqual(forces.detail('hertfordshire', '2026-11-25', view));
            const want = { forces: w.pence % 2 === 0, sources: w.pence % 3 === 0 };
            expect(service.collaborationParts('bch', '2026-11-25', view, want)).toEqual(Object.fromEntries(ledger.collaborationParts('bch', '2026-11-25', view, want)));
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it('a large write moves the functions it touched once, with the triggers standing aside', async () => {
    const { db, service, lineOf, put } = await seeded();
    const before = service.portfolio('2026-11-25', scope, undefined).totals.deliveredPence ?? 0;
    const version = () => db.prepare("SELECT version FROM figures_versions WHERE scope = 'aoj'").pluck().get() as number | undefined;
    const was = version() ?? 0;
    db.transaction(() =>
      createRollupMaintenance(db).bulk([{ lineId: lineOf('aoj'), fiscalYear: '2017-18' }, { lineId: lineOf('aoj'), fiscalYear: null }], () => {
        for (const month of monthsOfFiscalYear('2017-18')) put(lineOf('aoj'), 'forecast', month, 100);
        put(lineOf('aoj'), 'actual', '2017-05', 777);
      }),
    )();
    expect(version()).toBe(was + 1);
    expect(service.portfolio('2026-11-25', scope, undefined).totals.deliveredPence).toBe(before + 777);
  });

  it('every table the figures read moves figures_versions when written', () => {
    const db = openDatabase(':memory:');
    migrate(db);
    // The ledger moves its own function's row; the rest never touch a figure.
    const notFigures = new Set(['ledger_entries', 'ledger_rollup', 'ledger_rollup_yearly', 'ledger_rollup_all_functions', 'ledger_forecast_forces', 'ledger_bulk_write', 'figures_versions',
      'audit_log', 'sessions', 'setup_tokens', 'sign_in_failures', 'oidc_logins', 'oidc_sessions', 'users', 'user_roles', 'user_identities',
      // Read by no kept figure (services/figures.ts keeps portfolio figures, splits, report parts and plans); migration 024.
      'commentary', 'reports', 'benefits', 'benefit_measurements', 'risks', 'decisions', 'decision_links']);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
    const triggers = db.prepare("SELECT tbl_name AS tableName, sql FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%figures_versions%'").all() as { tableName: string; sql: string }[];
    for (const table of [...tables.filter((t) => !notFigures.has(t)), 'ledger_entries']) {
      for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
        expect(triggers.some((t) => t.tableName === table && t.sql.includes(`AFTER ${event} ON ${table}`)), `${event} on ${table}`).toBe(true);
      }
    }
  });
});
