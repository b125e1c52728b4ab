import type { NewBases, ProgrammeCosts } from '../contracts/costs';
import { membersDuring } from '../domain/membership';
import { recordAudit } from '../db/audit';
import type { Db } from '../db/connection';
import { apportion, equalShares, type Share } from '../domain/apportion';
import { fiscalYearEnd, fiscalYearStart } from '../domain/fiscal';
import { sharesByBasis } from '../domain/shares';

// A programme's yearly budgets split between its members by the year's Net Revenue Expenditure, or
// equally (and said to be Realise's assumption) where none is entered; and the same year if a force
// left. Entering a year's NRE replaces that year's only, audited.

export type CostsOutcome = { ok: true; costs: ProgrammeCosts } | { ok: false; status: 400 | 404; message: string };

export function createCostsService(db: Db, now: () => Date) {
  const collaboration = db.prepare('SELECT slug, name FROM collaborations WHERE slug = ?');
  const members = db.prepare(
    `SELECT m.force_slug AS force, f.name AS forceName, m.joined_on AS joinedOn, m.left_on AS leftOn
       FROM collaboration_members m JOIN forces f ON f.slug = m.force_slug WHERE m.collaboration_slug = ? ORDER BY m.force_slug`,
  );
  const budgets = db.prepare(
    `SELECT code, description, amount_pence AS amountPence, as_written AS asWritten, source_id AS sourceId
       FROM programme_figures WHERE collaboration_slug = ? AND kind = 'budget' AND per_year = 1 ORDER BY rowid`,
  );
  const bases = db.prepare('SELECT force_slug AS force, nre_pence AS nrePence, source, entered_by AS enteredBy, entered_at AS enteredAt FROM force_bases WHERE fiscal_year = ?');
  const forceExists = db.prepare('SELECT 1 FROM forces WHERE slug = ?').pluck();
  const upsertBasis = db.prepare(
    `INSERT INTO force_bases (fiscal_year, force_slug, nre_pence, source, entered_at, entered_by) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (fiscal_year, force_slug) DO UPDATE SET nre_pence = excluded.nre_pence, source = excluded.source, entered_at = excluded.entered_at, entered_by = excluded.entered_by`,
  );

  type Member = { force: string; forceName: string; joinedOn: string; leftOn: string | null };
  type BasisRow = { force: string; nrePence: number; source: string; enteredBy: string; enteredAt: string };

  /** By the year's NRE where every member has one entered, else equally (Realise's assumption). */
  function sharesFor(inYear: Member[], byForce: Map<string, BasisRow>): { everyOneHasNre: boolean; shares: Share[] } {
    const everyOneHasNre = inYear.every((m) => byForce.has(m.force)) && inYear.some((m) => byForce.get(m.force)!.nrePence > 0);
    return { everyOneHasNre, shares: everyOneHasNre ? sharesByBasis(inYear.map((m) => ({ key: m.force, amount: byForce.get(m.force)!.nrePence }))) : equalShares(inYear.map((m) => m.force)) };
  }

  function split(inYear: Member[], byForce: Map<string, BasisRow>, money: { code: string; amountPence: number }[]): ProgrammeCosts['split'] {
    const { everyOneHasNre, shares } = sharesFor(inYear, byForce);
    const parts = money.map((b) => ({ code: b.code, parts: new Map(apportion(b.amountPence, shares).map((p) => [p.key, p.pence])) }));
    return {
      basis: everyOneHasNre ? 'nre' : 'equal',
      isAssumption: !everyOneHasNre,
      forces: inYear.map((m, i) => {
        const costs = parts.map((p) => ({ code: p.code, pence: p.parts.get(m.force)! }));
        return { force: m.force, forceName: m.forceName, nrePence: byForce.get(m.force)?.nrePence ?? null, shareTenthsPercent: shares[i]!.tenthsPercent, costs, totalPence: costs.reduce((s, c) => s + c.pence, 0) };
      }),
    };
  }

  return {
    /**
     * Each member's share of the collaboration's costs in a year: by the year's NRE where every
     * member has one entered, else equally (Realise's assumption). Empty when no force was a member.
     */
    sharesOfYear(slug: string, fy: string): { basis: 'nre' | 'equal'; shares: Share[] } {
      const inYear = membersDuring(members.all(slug) as Member[], fiscalYearStart(fy), fiscalYearEnd(fy));
      if (inYear.length === 0) return { basis: 'equal', shares: [] };
      const { everyOneHasNre, shares } = sharesFor(inYear, new Map((bases.all(fy) as BasisRow[]).map((r) => [r.force, r])));
      return { basis: everyOneHasNre ? 'nre' : 'equal', shares };
    },

    costs(slug: string, fy: string, without?: string): CostsOutcome {
      const c = collaboration.get(slug) as { slug: string; name: string } | undefined;
      if (!c) return { ok: false, status: 404, message: `There is no collaboration "${slug}".` };
      const start = fiscalYearStart(fy);
      const end = fiscalYearEnd(fy);
      const inYear = membersDuring(members.all(slug) as Member[], start, end);
      if (inYear.length === 0) return { ok: false, status: 400, message: `No force was a member of ${c.name} in FY ${fy.replace('-', '/')}.` };
      const rows = bases.all(fy) as BasisRow[];
      const byForce = new Map(rows.map((r) => [r.force, r]));
      const money = budgets.all(slug) as ProgrammeCosts['budgets'];
      let whatIf: ProgrammeCosts['whatIf'] = null;
      if (without !== undefined) {
        const leaving = inYear.find((m) => m.force === without);
        if (!leaving) return { ok: false, status: 400, message: `${without} was not a member of ${c.name} in FY ${fy.replace('-', '/')}, so it cannot leave it.` };
        const staying = inYear.filter((m) => m.force !== without);
        if (staying.length === 0) return { ok: false, status: 400, message: `${leaving.forceName} is the only member: with it gone there is no one to share the costs.` };
        whatIf = { leaving: { force: leaving.force, forceName: leaving.forceName }, split: split(staying, byForce, money) };
      }
      const anyRow = rows.find((r) => inYear.some((m) => m.force === r.force));
      return {
        ok: true,
        costs: {
          collaboration: c,
          fiscalYear: fy,
          budgets: money,
          bases: anyRow ? { source: anyRow.source, enteredBy: anyRow.enteredBy, enteredAt: anyRow.enteredAt } : null,
          split: split(inYear, byForce, money),
          whatIf,
        },
      };
    },

    /** Enters these forces' NRE for a year (replacing theirs only; other forces and years are untouched), in one audited transaction. */
    enterBases(fy: string, input: NewBases, actor: string): { ok: true; forces: number } | { ok: false; status: 400; message: string; path: string } {
      return db.transaction(() => {
        const seen = new Set<string>();
        for (const [i, f] of input.forces.entries()) {
          if (!forceExists.get(f.force)) return { ok: false as const, status: 400 as const, path: `forces.${i}.force`, message: `There is no force "${f.force}".` };
          if (seen.has(f.force)) return { ok: false as const, status: 400 as const, path: `forces.${i}.force`, message: `${f.force} is listed twice.` };
          seen.add(f.force);
        }
        const before = (bases.all(fy) as BasisRow[]).filter((r) => seen.has(r.force));
        const at = now().toISOString();
        for (const f of input.forces) upsertBasis.run(fy, f.force, f.nrePence, input.source, at, actor);
        recordAudit(db, { at, actor, action: 'enter-bases', entity: 'force-bases', entityId: fy, before, after: input });
        return { ok: true as const, forces: input.forces.length };
      }).immediate();
    },
  };
}

export type CostsService = ReturnType<typeof createCostsService>;
