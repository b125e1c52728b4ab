import type { Goals } from '../contracts/costs';
import { fiscalYearWords } from '../contracts/words';
import type { Db } from '../db/connection';
import { fiscalYearsBetween } from '../domain/fiscal';
import type { FiguresService } from './figures';

// A collaboration's stated goals measured against the ledger: BCH's "up to £20m each year" from a
// £120m baseline, year by year, and the £5.0m predicted for FY 2017/18 to 2019/20 against those
// years' targets and delivery, with what the prediction includes that the ledger does not hold.
// The figures are the portfolio's own, for the collaboration and the years (services/figures).

export function createGoalsService(db: Db, figures: FiguresService) {
  const collaboration = db.prepare('SELECT slug, name FROM collaborations WHERE slug = ?');
  const goals = db.prepare(
    `SELECT code, kind, description, as_written AS asWritten, amount_pence AS amountPence, per_year AS perYear,
            from_fiscal_year AS fromYear, to_fiscal_year AS toYear, source_id AS sourceId
       FROM programme_figures WHERE collaboration_slug = ? AND kind IN ('goal', 'predicted-savings') ORDER BY rowid`,
  );
  const baseline = db.prepare(`SELECT as_written AS asWritten, amount_pence AS amountPence, source_id AS sourceId FROM programme_figures WHERE collaboration_slug = ? AND kind = 'baseline' LIMIT 1`);
  const parts = db.prepare('SELECT name, function_slug AS fn FROM programme_figure_parts WHERE code = ? ORDER BY name');
  const functionInCollaboration = db.prepare('SELECT 1 FROM functions WHERE slug = ? AND collaboration_slug = ?').pluck();

  type Row = { code: string; kind: 'goal' | 'predicted-savings'; description: string; asWritten: string; amountPence: number; perYear: number; fromYear: string | null; toYear: string | null; sourceId: string };

  return {
    goals(slug: string, asAt: string): Goals | null {
      const c = collaboration.get(slug) as { slug: string; name: string } | undefined;
      if (!c) return null;
      const measure = (from: string, to: string, label: string) => {
        const p = figures.portfolio(asAt, { kind: 'years', from, to }, slug);
        return {
          label,
          targetPence: p.totals.targetPence,
          deliveredPence: p.totals.deliveredPence,
          deliveredQualifier: p.totals.deliveredQualifier,
          functionsWithTargets: p.functions.filter((f) => f.targetPence > 0).length,
        };
      };
      const all = figures.portfolio(asAt, { kind: 'all' }, slug);
      const years = all.functions.flatMap((f) => [f.firstFiscalYear, f.lastFiscalYear]).filter((y): y is string => y !== null).sort();
      const base = (baseline.get(slug) as { asWritten: string; amountPence: number; sourceId: string } | undefined) ?? null;
      return {
        collaboration: c,
        asAt,
        goals: (goals.all(slug) as Row[]).map((g) => {
          const measured =
            g.perYear === 1
              ? years.length === 0
                ? []
                : fiscalYearsBetween(years[0]!, years.at(-1)!).map((fy) => measure(fy, fy, fiscalYearWords(fy)))
              : g.fromYear && g.toYear
                ? [measure(g.fromYear, g.toYear, `${fiscalYearWords(g.fromYear)} to ${g.toYear.replace('-', '/')}`)]
                : [];
          const notInLedger = (parts.all(g.code) as { name: string; fn: string }[])
            .filter((p) => functionInCollaboration.get(p.fn, slug) === undefined)
            .map((p) => ({ name: p.name, reason: `${g.asWritten} includes ${p.name}, which the ledger does not hold: the ledger’s side of the comparison leaves it out.` }));
          return {
            code: g.code,
            kind: g.kind,
            description: g.description,
            asWritten: g.asWritten,
            amountPence: g.amountPence,
            perYear: g.perYear === 1,
            sourceId: g.sourceId,
            baseline: g.kind === 'goal' ? base : null,
            measured,
            notInLedger,
          };
        }),
      };
    },
  };
}

export type GoalsService = ReturnType<typeof createGoalsService>;
