import type { ForceNetBenefit, NetBenefitView, NewProgrammeCost } from '../contracts/costs';
import { recordAudit } from '../db/audit';
import type { Db } from '../db/connection';
import { apportion } from '../domain/apportion';
import { formatPounds } from '../domain/money';
import { fiscalYearOf, fiscalYearsBetween, formatFiscalYear } from '../domain/fiscal';
import { dateWords } from '../contracts/words';
import { lastDayOf } from '../domain/agreements';
import { costInYears, forceNetTotals, netBenefitByYear } from '../domain/net-benefit';
import { ALL_YEARS } from '../domain/scope';
import type { CostsService } from './costs';
import type { FiguresService } from './figures';

// A collaboration's savings set against its costs: the papers' yearly budgets and the costs a
// programme officer records, by year, to date (with the payback year) and by force, each year's
// costs split by that year's shares (NRE where entered, else equally, said to be an assumption).

type EnteredCost = NetBenefitView['enteredCosts'][number];
export type NetBenefitOutcome = { ok: true; view: NetBenefitView } | { ok: false; status: 404; message: string };
export type WithdrawCostOutcome = { ok: true } | { ok: false; status: 404; message: string };
export type RecordCostOutcome = { ok: true; id: number } | { ok: false; status: 400 | 404; message: string; path?: string };

export function createNetBenefitService({ db, figures, costs, now }: { db: Db; figures: FiguresService; costs: CostsService; now: () => Date }) {
  const collaboration = db.prepare('SELECT slug, name FROM collaborations WHERE slug = ?');
  const paperBudgets = db.prepare(
    `SELECT code, description, amount_pence AS amountPence, as_written AS asWritten, source_id AS sourceId
       FROM programme_figures WHERE collaboration_slug = ? AND kind = 'budget' AND per_year = 1 ORDER BY rowid`,
  );
  // The years the papers show the collaboration's agreements in force: first commencement to last expiry.
  const agreementSpan = db.prepare(
    `SELECT MIN(CASE WHEN m.kind = 'commences' THEN m.date END) AS commences, MAX(CASE WHEN m.kind = 'expires' THEN m.date END) AS expires
       FROM agreement_milestones m JOIN agreements a ON a.slug = m.agreement_slug WHERE a.collaboration_slug = ?`,
  );
  const entered = db.prepare(
    `SELECT id, function_slug AS function, fiscal_year AS fiscalYear, kind, description, amount_pence AS amountPence, source, entered_by AS enteredBy, entered_at AS enteredAt
       FROM programme_costs WHERE collaboration_slug = ? ORDER BY fiscal_year, id`,
  );
  const functionOf = db.prepare('SELECT collaboration_slug AS collaboration FROM functions WHERE slug = ?');
  const forceName = db.prepare('SELECT name FROM forces WHERE slug = ?').pluck();
  const collaborationsOfForce = db.prepare(
    `SELECT m.collaboration_slug FROM collaboration_members m JOIN collaborations c ON c.slug = m.collaboration_slug
      WHERE m.force_slug = ? GROUP BY m.collaboration_slug ORDER BY min(c.rowid)`,
  ).pluck();
  const costById = db.prepare(
    `SELECT id, collaboration_slug AS collaboration, function_slug AS function, fiscal_year AS fiscalYear, kind, description, amount_pence AS amountPence, source, entered_by AS enteredBy, entered_at AS enteredAt
       FROM programme_costs WHERE id = ?`,
  );
  const deleteCost = db.prepare('DELETE FROM programme_costs WHERE id = ?');
  const insertCost = db.prepare(
    `INSERT INTO programme_costs (collaboration_slug, function_slug, fiscal_year, kind, description, amount_pence, source, entered_at, entered_by)
     VALUES (@collaboration, @function, @fiscalYear, @kind, @description, @amountPence, @source, @enteredAt, @enteredBy)`,
  );

  const service = {
    netBenefit(slug: string, asAt: string): NetBenefitOutcome {
      const c = collaboration.get(slug) as { slug: string; name: string } | undefined;
      if (!c) return { ok: false, status: 404, message: `There is no collaboration "${slug}".` };
      const notes: string[] = [];
      const portfolio = figures.portfolio(asAt, ALL_YEARS, slug);
      const savings = new Map<string, { targetPence: number; deliveredPence: number | null; lacksActual: boolean }>();
      for (const f of portfolio.functions) {
        for (const y of f.years) {
          if (y.fy === null) continue;
          const year = savings.get(y.fy) ?? { targetPence: 0, deliveredPence: null, lacksActual: false };
          year.targetPence += y.targetPence;
          if (y.deliveredPence !== null) year.deliveredPence = (year.deliveredPence ?? 0) + y.deliveredPence;
          // One function with savings due and no actual leaves the year's delivery unknown, not short.
          else if (y.targetPence > 0) year.lacksActual = true;
          savings.set(y.fy, year);
        }
      }
      const unprofiled = portfolio.functions.filter((f) => f.years.some((y) => y.fy === null)).map((f) => f.name);
      if (unprofiled.length > 0) notes.push(`${unprofiled.join(', ')}: savings not profiled by year are left out, as they cannot be set against a year’s costs.`);

      const budgets = paperBudgets.all(slug) as Omit<NetBenefitView['paperCosts'][number], 'years'>[];
      const span = agreementSpan.get(slug) as { commences: string | null; expires: string | null };
      const budgetYears = budgets.length > 0 && span.commences && span.expires ? fiscalYearsBetween(fiscalYearOf(span.commences.padEnd(10, '-01').slice(0, 10)), fiscalYearOf(lastDayOf(span.expires))) : [];
      if (budgets.length > 0) {
        notes.push(
          budgetYears.length > 0
            ? `The papers give the programme’s budget as a yearly figure; Realise counts it in each year the papers show the agreement in force, FY ${formatFiscalYear(budgetYears[0]!)} to FY ${formatFiscalYear(budgetYears.at(-1)!)} (${paperDate(span.commences!)} to ${paperDate(span.expires!)}): its reading, not the papers’ words.`
            : 'The papers give the programme’s budget as a yearly figure but no years it ran, so Realise counts it in none.',
        );
      }
      const costsEntered = entered.all(slug) as EnteredCost[];
      const allYears = [...savings.keys(), ...budgetYears, ...costsEntered.map((e) => e.fiscalYear)].sort();
      const years = allYears.length === 0 ? [] : fiscalYearsBetween(allYears[0]!, allYears.at(-1)!);

      // A year with nothing due has delivered nothing, rather than lacking an actual.
      const deliveredIn = (fy: string) => {
        const year = savings.get(fy);
        if (year?.lacksActual) return null;
        return year?.deliveredPence ?? (year && year.targetPence > 0 ? null : 0);
      };
      const fromPapers = new Map<string, number>();
      for (const fy of budgetYears) fromPapers.set(fy, budgets.reduce((sum, b) => sum + b.amountPence, 0));
      const fromEntered = new Map<string, number>();
      for (const cost of costsEntered) for (const [fy, pence] of costInYears(cost, years)) fromEntered.set(fy, (fromEntered.get(fy) ?? 0) + pence);

      const net = netBenefitByYear(
        years.map((fy) => ({ fy, targetPence: savings.get(fy)?.targetPence ?? 0, deliveredPence: deliveredIn(fy), costsPence: (fromPapers.get(fy) ?? 0) + (fromEntered.get(fy) ?? 0) })),
      );

      // By force: its share of each year's costs, against its share of the savings.
      type ForceNet = NetBenefitView['forces'][number];
      const byForce = new Map<string, ForceNet>();
      const forceOf = (force: string) => {
        let row = byForce.get(force);
        if (!row) {
          row = { force, forceName: (forceName.get(force) as string | undefined) ?? force, targetPence: 0, deliveredPence: 0, costsPence: 0, netPlannedPence: 0, netDeliveredPence: 0, costsRestOnAssumption: false, savingsAreIllustrative: false };
          byForce.set(force, row);
        }
        return row;
      };
      const bases = new Map<string, NetBenefitView['years'][number]['costBasis']>();
      for (const year of net.years) {
        const { basis, shares } = costs.sharesOfYear(slug, year.fy);
        bases.set(year.fy, shares.length === 0 ? 'none' : basis);
        if (year.costsPence === 0) continue;
        if (shares.length === 0) {
          notes.push(`FY ${formatFiscalYear(year.fy)}: no force was a member, so its costs of ${formatPounds(year.costsPence)} fall to no force.`);
          continue;
        }
        for (const part of apportion(year.costsPence, shares)) {
          const row = forceOf(part.key);
          row.costsPence += part.pence;
          if (basis === 'equal') row.costsRestOnAssumption = true;
        }
      }
      // Each force's part of the savings, from one read of the collaboration's functions split by force.
      for (const force of portfolio.functions.flatMap((f) => f.forces)) forceOf(force);
      for (const part of Object.values(figures.collaborationParts(slug, asAt, ALL_YEARS, { forces: true, sources: false }))) {
        for (const f of part.forces) {
          const row = forceOf(f.force);
          row.savingsAreIllustrative ||= f.isIllustrative;
          for (const y of f.years) {
            if (y.fy === null) continue;
            row.targetPence += y.targetPence;
            row.deliveredPence += y.deliveredPence ?? 0;
          }
        }
      }
      for (const row of byForce.values()) {
        row.netPlannedPence = row.targetPence - row.costsPence;
        row.netDeliveredPence = row.deliveredPence - row.costsPence;
      }
      if ([...bases.values()].includes('equal') && net.totals.costsPence > 0) notes.push('Where no NRE is entered for a year, its costs are split equally between that year’s members: Realise’s assumption, not the agreement’s basis.');

      return {
        ok: true,
        view: {
          collaboration: c,
          asAt,
          years: net.years.map((y) => ({ ...y, label: `FY ${formatFiscalYear(y.fy)}`, costsFromPapersPence: fromPapers.get(y.fy) ?? 0, costsEnteredPence: fromEntered.get(y.fy) ?? 0, costBasis: bases.get(y.fy) ?? 'none' })),
          totals: net.totals,
          payback: net.payback,
          paperCosts: budgets.map((b) => ({ ...b, years: budgetYears })),
          enteredCosts: costsEntered,
          forces: [...byForce.values()].sort((a, b) => a.forceName.localeCompare(b.forceName)),
          notes,
        },
      };
    },

    /**
     * What every collaboration it belongs to saves and costs one force: its part of each one's
     * savings and of each year's costs (by that year's shares), and the net, then all of them together.
     */
    forceNetBenefit(force: string, asAt: string): ForceNetBenefit | null {
      const name = forceName.get(force) as string | undefined;
      if (name === undefined) return null;
      const collaborations = (collaborationsOfForce.all(force) as string[]).flatMap((slug) => {
        const outcome = service.netBenefit(slug, asAt);
        if (!outcome.ok) return [];
        const { collaboration: c, payback, forces } = outcome.view;
        const mine = forces.find((f) => f.force === force);
        const { force: _force, forceName: _name, ...figures } = mine ?? {
          force, forceName: name, targetPence: 0, deliveredPence: 0, costsPence: 0, netPlannedPence: 0, netDeliveredPence: 0, costsRestOnAssumption: false, savingsAreIllustrative: false,
        };
        return [{ collaboration: c, payback, ...figures }];
      });
      return { force: { slug: force, name }, asAt, collaborations, totals: forceNetTotals(collaborations) };
    },

    /** Withdraws a recorded cost (entered in error, or to be entered again corrected): the audit keeps what it was. */
    withdrawCost(slug: string, id: number, actor: string): WithdrawCostOutcome {
      return db.transaction((): WithdrawCostOutcome => {
        const before = costById.get(id) as (EnteredCost & { collaboration: string }) | undefined;
        if (!before || before.collaboration !== slug) return { ok: false, status: 404, message: `${slug} has no recorded cost ${id}: it may have been withdrawn already.` };
        deleteCost.run(id);
        recordAudit(db, { at: now().toISOString(), actor, action: 'withdraw-programme-cost', entity: 'programme-cost', entityId: String(id), before, after: null });
        return { ok: true };
      }).immediate();
    },

    /** Records a cost against the collaboration (or one of its functions), audited. */
    recordCost(slug: string, input: NewProgrammeCost, actor: string): RecordCostOutcome {
      return db.transaction((): RecordCostOutcome => {
        const c = collaboration.get(slug) as { slug: string; name: string } | undefined;
        if (!c) return { ok: false, status: 404, message: `There is no collaboration "${slug}".` };
        const startYear = Number(input.fiscalYear.slice(0, 4));
        const thisYear = now().getUTCFullYear();
        if (startYear < 2000 || startYear > thisYear + 10) {
          return { ok: false, status: 400, path: 'fiscalYear', message: `A cost's year must be from FY 2000/01 to ten years ahead (FY ${thisYear + 10}/${String((thisYear + 11) % 100).padStart(2, '0')}).` };
        }
        if (input.function !== null) {
          const fn = functionOf.get(input.function) as { collaboration: string } | undefined;
          if (!fn) return { ok: false, status: 400, path: 'function', message: `There is no function "${input.function}".` };
          if (fn.collaboration !== slug) return { ok: false, status: 400, path: 'function', message: `${input.function} is not one of ${c.name}’s functions.` };
        }
        const enteredAt = now().toISOString();
        const row = { collaboration: slug, ...input, enteredAt, enteredBy: actor };
        const id = Number(insertCost.run(row).lastInsertRowid);
        recordAudit(db, { at: enteredAt, actor, action: 'record-programme-cost', entity: 'programme-cost', entityId: String(id), before: null, after: row });
        return { ok: true, id };
      }).immediate();
    },
  };
  return service;
}

/** A paper's date in words where it is a whole date, else as written ("March 2016" stays "2016-03"). */
const paperDate = (date: string) => (date.length === 10 ? dateWords(date) : date);

export type NetBenefitService = ReturnType<typeof createNetBenefitService>;
