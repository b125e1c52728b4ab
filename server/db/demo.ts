import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { recordAudit } from './audit';
import type { Db } from './connection';

// The illustrative demo data set: invented monthly actuals and forecasts that give the papers'
// targets something to be measured against. Stored with is_illustrative = 1 and no source, so
// every screen that shows them can say so.

const demoFile = fileURLToPath(new URL('../../data/demo/ledger.json', import.meta.url));
const month = z.string().regex(/^\d{4}-\d{2}$/);
const pence = z.number().int().nonnegative();

const DemoFile = z.object({
  entries: z.array(
    z.union([
      z.object({ line: z.string(), measure: z.enum(['actual', 'forecast']), fiscalYear: z.string(), months: z.record(month, pence) }),
      z.object({
        line: z.string(),
        measure: z.enum(['actual', 'forecast']),
        fiscalYear: z.string(),
        amountPence: pence,
        reportedOn: z.iso.date(),
      }),
    ]),
  ),
});

export type DemoData = z.infer<typeof DemoFile>;

export function loadDemoData(file = demoFile): DemoData {
  return DemoFile.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** A month's figure is taken as reported on the 15th of the month after. */
function reportedOnFor(monthId: string): string {
  const [year, m] = monthId.split('-').map(Number) as [number, number];
  return m === 12 ? `${year + 1}-01-15` : `${year}-${String(m + 1).padStart(2, '0')}-15`;
}

const DEMO = 'system: demo data set';

export function seedDemo(db: Db, data: DemoData, now: Date): number {
  const at = now.toISOString();
  const lineId = db.prepare('SELECT id FROM savings_lines WHERE code = ?');
  const insert = db.prepare(
    `INSERT INTO ledger_entries (savings_line_id, measure, fiscal_year, month, amount_pence, reported_on, is_illustrative, recorded_at, recorded_by, period_note)
     VALUES (@line, @measure, @fy, @month, @pence, @reportedOn, 1, @at, @by, 'Illustrative demo figure, not from the papers')`,
  );
  let count = 0;
  db.transaction(() => {
    for (const entry of data.entries) {
      const line = lineId.get(entry.line) as { id: number } | undefined;
      if (!line) throw new Error(`data/demo: unknown savings line ${entry.line}`);
      const rows =
        'months' in entry
          ? Object.entries(entry.months).map(([m, p]) => ({ month: m, pence: p, reportedOn: reportedOnFor(m) }))
          : [{ month: null, pence: entry.amountPence, reportedOn: entry.reportedOn }];
      for (const row of rows) {
        insert.run({ line: line.id, measure: entry.measure, fy: entry.fiscalYear, month: row.month, pence: row.pence, reportedOn: row.reportedOn, at, by: DEMO });
        count += 1;
      }
    }
    recordAudit(db, { at, actor: DEMO, action: 'seed-demo', entity: 'ledger_entries', entityId: null, before: null, after: { entries: count } });
  })();
  return count;
}
