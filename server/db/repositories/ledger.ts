import type { Agreement, Baseline, FunctionDetail, FunctionSummary, PeriodFigures, SavingsLine } from '../../contracts/functions';
import type { Source } from '../../contracts/sources';
import {
  figuresInPeriod,
  functionForecastFrom,
  partialForecastForces,
  gapsOf,
  qualifyVariance,
  rollUpForces,
  rollUpPeriods,
  totalsOf,
  withRunningTotals,
  type LedgerFigure,
  type ShareFigure,
  type TargetFigure,
} from '../../domain/rollup';
import { describeScope, formatScopeId, periodLabel, scopeMonths, scopeTargets, scopeWindow, scopeYears, type Scope } from '../../domain/scope';
import { ragOf } from '../../domain/rag';
import { cumulativeTimeline, monthsOfYears, rateYearsInProgress } from '../../domain/timeline';
import type { Db } from '../connection';
import { createFiguresRepository, type LineFigureRow, type MonthFigureRow } from './figures';
import { createSourceRepository } from './sources';
import { withCarriedShares, withCarriedTargets, type Carry } from '../../domain/carry';
import { fiscalYearWords } from '../../contracts/words';

type FunctionRow = {
  slug: string;
  name: string;
  description: string;
  collaboration: string;
  collaborationName: string;
  agreementSlug: string | null;
  headlineTargetPence: number | null;
  headlineAsWritten: string | null;
  headlineQualifier: string | null;
  headlineSourceId: string | null;
  toleranceTenthsPercent: number;
  leadForce: string | null;
  /** Who entered the function in Realise, and when; null for a function from the papers. */
  enteredAt: string | null;
  enteredBy: string | null;
  retiredOn: string | null;
  version: number;
  changedAt: string | null;
  changedBy: string | null;
};

type LineRow = {
  id: number;
  code: string;
  name: string;
  category: SavingsLine['category'];
  driver: string;
  kind: SavingsLine['kind'];
  recurrence: SavingsLine['recurrence'];
  note: string | null;
  retiredOn: string | null;
  carriedThrough: string | null;
  carryNote: string | null;
  carrySetBy: string | null;
  carrySetAt: string | null;
};

type TargetRow = TargetFigure & {
  asWritten: string | null;
  qualifier: string | null;
  periodNote: string | null;
  sourceId: string | null;
};
export type ShareRow = ShareFigure & { sourceId: string | null };

/** A function's ledger in scope, added up in SQL, with what scoping left out and the papers cited. */
type ScopedFigures = {
  ledger: (LedgerFigure & Partial<Pick<LineFigureRow, 'sourceIds' | 'periodNote'>>)[];
  yearlyOnlyYears: Set<string>;
  sources: { measure: 'actual' | 'forecast'; sourceId: string }[];
  /** Each line's years with a forecast, and whose (null: the function's as a whole). */
  forecastForces: { lineId: number; fy: string | null; force: string | null }[];
  shares: ShareRow[];
};

/** A recurring saving's latest target carried into a later year: the same money and words, marked as carried. */
const carriedTarget = (target: TargetRow, fy: string): TargetRow => ({
  ...target,
  fy,
  carriedFrom: target.fy,
  asWritten: null,
  periodNote: `Carried from ${fiscalYearWords(target.fy)}: the same saving kept, not a new one`,
});

const distinctIds = (ids: (string | null)[]) => [...new Set(ids.filter((id): id is string => id !== null))];

/** The months a timeline covers: the scope's, or for all years every year with a figure. */
export function timelineMonths(scope: Scope, targets: readonly TargetFigure[], ledger: readonly LedgerFigure[]): string[] {
  const months = scopeMonths(scope);
  const years = scopeYears(scope) ?? [...targets, ...ledger].map((f) => f.fy).filter((fy): fy is string => fy !== null);
  const all = monthsOfYears(years);
  return months === null ? all : all.filter((m) => m >= months.first && m <= months.last);
}

/** One function's part of the portfolio: its summary, and the targets and ledger in scope its timeline adds up. */
export type PortfolioFunction = { summary: FunctionSummary; targets: readonly TargetFigure[]; ledger: readonly LedgerFigure[]; shares: readonly ShareRow[] };

/** Where a caller keeps something worked out of each function, for one date and period, between reads (services/figures.ts). */
export type Kept<T> = { get(slug: string): T | undefined; set(slug: string, value: T): void };
/** Of a function's plan, what does not depend on the date: every baseline, each one's targets, and whether its shares are illustrative. */
export type KeptPlan = { baselines: readonly BaselineRow[]; targetsOf: Readonly<Record<number, TargetRow[]>>; usesIllustrativeShares: boolean; carries: readonly Carry[] };
type BaselineRow = Omit<Baseline, 'isCurrent' | 'years'> & { id: number };
/** Later than any baseline is adopted: every baseline, whatever its date. */
const EVERY_DATE = '9999-12-31';
/** Each function's portfolio figures for one date and period, and (optionally) its plan for any date. */
export type KeptFunctionFigures = Kept<PortfolioFunction> & { plans?: Kept<KeptPlan> };
/** What a six-monthly report reads of one function of its collaboration in a period. */
export type CollaborationPart = { summary: FunctionSummary; forces: FunctionDetail['forces']; unapportionedPence: number; sources: Source[] };
/** One function's split by force, as one force's view reads it. */
export type ForceSplit = ReturnType<typeof rollUpForces>;
const keepNothing: Kept<never> = { get: () => undefined, set: () => {} };

/** What `kept` holds for each slug as it is, and the rest worked out together by `workOut` and given to it. */
function keptOrWorkedOut<T>(slugs: readonly string[], kept: Kept<T>, workOut: (missing: string[]) => Map<string, T>): Map<string, T> {
  const found = new Map<string, T>();
  for (const slug of slugs) {
    const value = kept.get(slug);
    if (value !== undefined) found.set(slug, value);
  }
  const missing = slugs.filter((slug) => !found.has(slug));
  if (missing.length > 0) {
    for (const [slug, value] of workOut(missing)) {
      kept.set(slug, value);
      found.set(slug, value);
    }
  }
  return found;
}

/** Reads of the savings ledger, each "as at" the end of a date and scoped to a period. */
export function createLedgerRepository(db: Db) {
  const functionRows = db.prepare(
    `SELECT f.slug, f.name, f.description, f.collaboration_slug AS collaboration, c.name AS collaborationName,
            f.agreement_slug AS agreementSlug, f.headline_target_pence AS headlineTargetPence,
            f.headline_as_written AS headlineAsWritten, f.headline_qualifier AS headlineQualifier,
            f.headline_source_id AS headlineSourceId, f.rag_tolerance_tenths_percent AS toleranceTenthsPercent,
            f.lead_force_slug AS leadForce, f.entered_at AS enteredAt, f.entered_by AS enteredBy, f.retired_on AS retiredOn,
            f.version, f.changed_at AS changedAt, f.changed_by AS changedBy
       FROM functions f JOIN collaborations c ON c.slug = f.collaboration_slug
      ORDER BY f.rowid`,
  );
  const functionRow = db.prepare(`SELECT * FROM (${functionRows.source}) WHERE slug = ?`);
  // The savings portfolio lists functions with a savings plan; the others have benefits only.
  const savingsFunctionRows = db.prepare(
    `SELECT * FROM (${functionRows.source}) AS f WHERE EXISTS (SELECT 1 FROM savings_lines l WHERE l.function_slug = f.slug)`,
  );
  const memberForces = db.prepare(
    `SELECT force_slug AS force FROM collaboration_members WHERE collaboration_slug = ?
      GROUP BY force_slug ORDER BY min(joined_on), force_slug`,
  );
  // The plans of many functions at once: a portfolio of hundreds asks once, not once a function.
  const baselines = db.prepare(
    `SELECT b.function_slug AS function, b.id, b.version, b.name, b.reason, b.adopted_on AS adoptedOn, b.source_id AS sourceId,
            (SELECT ifnull(sum(t.amount_pence), 0) FROM targets t WHERE t.baseline_id = b.id) AS targetPence
       FROM baselines b
      WHERE b.function_slug IN (SELECT value FROM json_each(?)) AND (b.adopted_on IS NULL OR b.adopted_on <= ?)
      ORDER BY b.function_slug, b.version`,
  );
  const illustrativeShareFunctions = db.prepare(
    `SELECT DISTINCT function_slug FROM apportionment_shares WHERE is_illustrative = 1 AND function_slug IN (SELECT value FROM json_each(?))`,
  ).pluck();
  // The lines whose recurring saving is carried forward, with the day each (or its function) was retired.
  const carriesOf = db.prepare(
    `SELECT l.function_slug AS function, l.id AS lineId, l.carried_through AS through,
            CASE WHEN l.retired_on IS NULL THEN f.retired_on WHEN f.retired_on IS NULL THEN l.retired_on ELSE min(l.retired_on, f.retired_on) END AS retiredOn
       FROM savings_lines l JOIN functions f ON f.slug = l.function_slug
      WHERE l.function_slug IN (SELECT value FROM json_each(?)) AND l.carried_through IS NOT NULL`,
  );
  const baselineYears = db.prepare(
    `SELECT fiscal_year AS fy, sum(amount_pence) AS targetPence FROM targets WHERE baseline_id = ?
      GROUP BY fiscal_year ORDER BY fiscal_year IS NULL, fiscal_year`,
  );
  const lines = db.prepare(
    `SELECT id, code, name, category, driver, kind, recurrence, note, retired_on AS retiredOn,
            carried_through AS carriedThrough, carry_note AS carryNote, carry_set_by AS carrySetBy, carry_set_at AS carrySetAt
       FROM savings_lines WHERE function_slug = ? ORDER BY id`,
  );
  // A retired line or function keeps its targets for the years before it was retired; a year that
  // begins on or after the day counts for nothing (the year it retires in keeps its target).
  const targets = db.prepare(
    `SELECT t.baseline_id AS baselineId, t.savings_line_id AS lineId, t.fiscal_year AS fy, t.amount_pence AS amountPence,
            t.as_written AS asWritten, t.qualifier, t.period_note AS periodNote, t.source_id AS sourceId
       FROM targets t JOIN savings_lines l ON l.id = t.savings_line_id JOIN functions f ON f.slug = l.function_slug
      WHERE t.baseline_id IN (SELECT value FROM json_each(?))
        AND (t.fiscal_year IS NULL OR (l.retired_on IS NULL AND f.retired_on IS NULL)
             OR substr(t.fiscal_year, 1, 4) || '-04-01' < CASE WHEN l.retired_on IS NULL THEN f.retired_on WHEN f.retired_on IS NULL THEN l.retired_on ELSE min(l.retired_on, f.retired_on) END)`,
  );
  const shares = db.prepare(
    `SELECT fiscal_year AS fy, force_slug AS force, share_tenths_percent AS tenthsPercent, basis,
            is_illustrative AS isIllustrative, note, source_id AS sourceId
       FROM apportionment_shares WHERE function_slug = ? ORDER BY fiscal_year, rowid`,
  );
  const statedTotals = db.prepare(
    `SELECT description, from_fiscal_year AS fromFiscalYear, to_fiscal_year AS toFiscalYear, category,
            amount_pence AS statedPence, as_written AS asWritten, qualifier, source_id AS sourceId
       FROM stated_totals WHERE function_slug = ? ORDER BY from_fiscal_year, id`,
  );
  const agreement = db.prepare(`SELECT slug, name, lead_force_slug AS leadForce, note FROM agreements WHERE slug = ?`);
  const parties = db.prepare(`SELECT force_slug AS force FROM agreement_parties WHERE agreement_slug = ? ORDER BY force_slug`);
  const milestones = db.prepare(
    `SELECT kind, date, description, source_id AS sourceId FROM agreement_milestones
      WHERE agreement_slug = ? ORDER BY date, kind`,
  );
  const membershipSources = db.prepare(
    `SELECT DISTINCT source_id AS id FROM collaboration_members WHERE collaboration_slug = ? AND source_id IS NOT NULL`,
  );
  const forceNames = db.prepare(`SELECT slug, name FROM forces`);
  const forcesByName = db.prepare(
    `SELECT f.slug, f.name, json_group_array(DISTINCT m.collaboration_slug) FILTER (WHERE m.collaboration_slug IS NOT NULL) AS collaborations
       FROM forces f LEFT JOIN collaboration_members m ON m.force_slug = f.slug
      GROUP BY f.slug ORDER BY f.name`,
  );
  const planOf = db.prepare('SELECT slug, description, rag_tolerance_tenths_percent AS toleranceTenthsPercent FROM functions WHERE slug = ?');
  const updatePlan = db.prepare(
    `UPDATE functions SET description = coalesce(@description, description),
            rag_tolerance_tenths_percent = coalesce(@tolerance, rag_tolerance_tenths_percent) WHERE slug = @slug`,
  );
  const collaborationExists = db.prepare('SELECT 1 FROM collaborations WHERE slug = ?');
  const sources = createSourceRepository(db);
  const figures = createFiguresRepository(db);

  const sharesOfMany = db.prepare(
    `SELECT function_slug AS function, fiscal_year AS fy, force_slug AS force, share_tenths_percent AS tenthsPercent, basis,
            is_illustrative AS isIllustrative, note, source_id AS sourceId
       FROM apportionment_shares WHERE function_slug IN (SELECT value FROM json_each(?)) ORDER BY function_slug, fiscal_year, rowid`,
  );
  /** The shares of many functions at once, by function, in the order shareRows gives one function's. */
  function sharesOf(slugs: readonly string[]): Map<string, ShareRow[]> {
    const byFunction = new Map<string, ShareRow[]>();
    for (const { function: slug, ...row } of sharesOfMany.all(JSON.stringify(slugs)) as (Omit<ShareRow, 'isIllustrative'> & { function: string; isIllustrative: number })[]) {
      const list = byFunction.get(slug) ?? [];
      list.push({ ...row, isIllustrative: row.isIllustrative === 1 });
      byFunction.set(slug, list);
    }
    return byFunction;
  }

  function shareRows(slug: string): ShareRow[] {
    return (shares.all(slug) as (Omit<ShareRow, 'isIllustrative'> & { isIllustrative: number })[]).map((row) => ({
      ...row,
      isIllustrative: row.isIllustrative === 1,
    }));
  }

  type Plan = { baselines: BaselineRow[]; targets: TargetRow[]; forces: string[]; usesIllustrativeShares: boolean };

  /** The baselines adopted by the date, the current one's targets and the members, of each function. */
  function plansOf(rows: readonly FunctionRow[], asAt: string, kept: Kept<KeptPlan> = keepNothing): Map<string, Plan> {
    // Every baseline of a function, whatever its date, with their targets and whether its shares are
    // illustrative: kept, so that another date (a status history's quarter ends) reads none of it again.
    const planOf = keptOrWorkedOut(rows.map((row) => row.slug), kept, (missing) => {
      const slugs = JSON.stringify(missing);
      const illustrative = new Set(illustrativeShareFunctions.all(slugs) as string[]);
      const worked = new Map(missing.map((slug) => [slug, { baselines: [] as BaselineRow[], targetsOf: {} as Record<number, TargetRow[]>, usesIllustrativeShares: illustrative.has(slug), carries: [] as Carry[] }]));
      for (const { function: slug, ...carry } of carriesOf.all(slugs) as (Carry & { function: string })[]) worked.get(slug)!.carries.push(carry);
      const functionOf = new Map<number, string>();
      for (const { function: slug, ...baseline } of baselines.all(slugs, EVERY_DATE) as (BaselineRow & { function: string })[]) {
        worked.get(slug)!.baselines.push(baseline);
        worked.get(slug)!.targetsOf[baseline.id] = [];
        functionOf.set(baseline.id, slug);
      }
      for (const { baselineId, ...target } of targets.all(JSON.stringify([...functionOf.keys()])) as (TargetRow & { baselineId: number })[]) {
        worked.get(functionOf.get(baselineId)!)!.targetsOf[baselineId]!.push(target);
      }
      return worked;
    });
    const members = new Map<string, string[]>();
    const plans = new Map<string, Plan>();
    for (const row of rows) {
      if (!members.has(row.collaboration)) members.set(row.collaboration, (memberForces.all(row.collaboration) as { force: string }[]).map((m) => m.force));
      const plan = planOf.get(row.slug)!;
      const adopted = plan.baselines.filter((b) => b.adoptedOn === null || b.adoptedOn <= asAt);
      const current = adopted.at(-1);
      plans.set(row.slug, {
        baselines: adopted,
        targets: current ? withCarriedTargets(plan.targetsOf[current.id]!, plan.carries, carriedTarget) : [],
        forces: members.get(row.collaboration)!,
        usesIllustrativeShares: plan.usesIllustrativeShares,
      });
    }
    return plans;
  }

  /**
   * Everything about one function that a view needs, as at a date and within a period, from its
   * plan and its ledger already added up and scoped in SQL (figures.ts).
   */
  function load(row: FunctionRow, asAt: string, scope: Scope, plan: Plan, scopedLedger: ScopedFigures, forceNames: ReadonlyMap<string, string>) {
    const all = plan.baselines;
    const current = all.at(-1) ?? null;
    const allTargets = plan.targets;
    const scopedTargets = scopeTargets(allTargets, scope);
    const rate = (targetPence: number, actualPence: number | null) => ragOf({ targetPence, actualPence, toleranceTenthsPercent: row.toleranceTenthsPercent });
    const periods: PeriodFigures[] = rateYearsInProgress(
      rollUpPeriods(scopedTargets.targets, scopedLedger.ledger, row.toleranceTenthsPercent).map((p) => ({
        ...p,
        label: periodLabel(scope, p.fy),
        partYear: p.fy !== null && scopedTargets.partYears.has(p.fy),
        yearlyActualNotSplit: p.fy !== null && scopedLedger.yearlyOnlyYears.has(p.fy),
      })),
      allTargets,
      scope,
      asAt,
      rate,
    ).map(qualifyVariance);
    const totals = totalsOf(periods);
    // A carried year with no shares of its own is split as the year it is carried from.
    const carriedYears = new Map(allTargets.filter((t) => t.carriedFrom && t.fy !== null).map((t) => [t.fy!, t.carriedFrom!]));
    const shareList = withCarriedShares(scopedLedger.shares, carriedYears);
    const sharing = (fy: string | null) => shareList.filter((s) => s.fy === fy && s.tenthsPercent > 0).map((s) => s.force);
    const forecastFrom = functionForecastFrom(scopedLedger.forecastForces, sharing);
    const years = periods.map((p) => p.fy).filter((fy): fy is string => fy !== null);
    const summary: FunctionSummary = {
      slug: row.slug,
      name: row.name,
      collaboration: row.collaboration,
      collaborationName: row.collaborationName,
      forces: plan.forces,
      headlineTargetPence: row.headlineTargetPence,
      headlineAsWritten: row.headlineAsWritten,
      headlineQualifier: row.headlineQualifier,
      headlineSourceId: row.headlineSourceId,
      ...totals,
      forecastFrom: forecastFrom === null ? null : forecastFrom.map((force) => ({ force, forceName: forceNames.get(force) ?? force })),
      toleranceTenthsPercent: row.toleranceTenthsPercent,
      firstFiscalYear: years[0] ?? null,
      lastFiscalYear: years.at(-1) ?? null,
      usesIllustrativeShares: plan.usesIllustrativeShares,
      retiredOn: row.retiredOn,
      targetSourceIds: distinctIds(scopedTargets.targets.map((t) => (t as TargetRow).sourceId)),
      deliveredSourceIds: distinctIds(scopedLedger.sources.filter((e) => e.measure === 'actual').map((e) => e.sourceId)),
      years: periods,
      usesIllustrativeActuals: periods.some((p) => p.isIllustrative),
    };
    return { row, summary, baselines: all, current, allTargets, scopedTargets, scopedLedger, periods, shareList, rate };
  }

  const forceNameMap = () => new Map((forceNames.all() as { slug: string; name: string }[]).map((f) => [f.slug, f.name]));

  /** A function's split by force as its views show it: one share and basis where they never change. */
  function forceSharesOf(forces: ReturnType<typeof rollUpForces>['forces'], names: Map<string, string>): FunctionDetail['forces'] {
    return forces.map((f) => {
      const distinctShares = new Set(f.periods.map((p) => p.shareTenthsPercent));
      const distinctBases = new Set(f.periods.map((p) => p.basis));
      return {
        force: f.force,
        forceName: names.get(f.force) ?? f.force,
        shareTenthsPercent: distinctShares.size === 1 ? [...distinctShares][0]! : null,
        basis: distinctBases.size === 1 ? [...distinctBases][0]! : ('mixed' as const),
        isIllustrative: f.periods.some((p) => p.isIllustrative),
        targetPence: f.targetPence,
        deliveredPence: f.deliveredPence,
        years: f.periods,
      };
    });
  }

  type StatedTotalRow = {
    description: string;
    fromFiscalYear: string;
    toFiscalYear: string;
    category: 'payroll' | 'non-payroll' | null;
    statedPence: number;
    asWritten: string;
    qualifier: string | null;
    sourceId: string;
  };
  const statedTotalsOf = (slug: string) => statedTotals.all(slug) as StatedTotalRow[];

  function agreementOf(row: FunctionRow): Agreement | null {
    if (!row.agreementSlug) return null;
    const a = agreement.get(row.agreementSlug) as Omit<Agreement, 'parties' | 'milestones'>;
    return {
      ...a,
      parties: (parties.all(row.agreementSlug) as { force: string }[]).map((p) => p.force),
      milestones: milestones.all(row.agreementSlug) as Agreement['milestones'],
    };
  }

  /** Every passage of the papers behind a function's figures in a period: plan, ledger, shares, agreement, membership. */
  function citedSources(
    row: FunctionRow,
    baselineRows: readonly { sourceId: string | null }[],
    targetRows: readonly TargetRow[],
    ledgerSources: readonly { sourceId: string }[],
    shareList: readonly ShareRow[],
    agreementDetail: Agreement | null,
  ): Source[] {
    const cited = [
      row.headlineSourceId,
      ...baselineRows.map((b) => b.sourceId),
      ...targetRows.map((t) => t.sourceId),
      ...ledgerSources.map((e) => e.sourceId),
      ...statedTotalsOf(row.slug).map((s) => s.sourceId),
      ...shareList.map((s) => s.sourceId),
      ...(agreementDetail?.milestones.map((m) => m.sourceId) ?? []),
      ...(membershipSources.all(row.collaboration) as { id: string }[]).map((m) => m.id),
    ];
    return distinctIds(cited)
      .map((id) => sources.byId(id))
      .filter((source): source is Source => source !== null);
  }

  const scopeInfo = (scope: Scope) => ({ id: formatScopeId(scope), description: describeScope(scope) });

  /** Each function's period figures from the roll-up, ready for load(). */
  function scopedFiguresOf(slugs: readonly string[], asAt: string, scope: Scope): Map<string, ScopedFigures> {
    const window = scopeWindow(scope);
    const shareLists = sharesOf(slugs);
    const byFunction = new Map<string, ScopedFigures>(slugs.map((slug) => [slug, { ledger: [], yearlyOnlyYears: new Set(), sources: [], forecastForces: [], shares: shareLists.get(slug) ?? [] }]));
    for (const f of figures.periodFigures(slugs, window, asAt)) {
      byFunction.get(f.function)?.ledger.push({ lineId: null, measure: f.measure, fy: f.fy, force: null, amountPence: f.amountPence, isIllustrative: f.isIllustrative, qualifiers: f.qualifiers });
    }
    for (const y of figures.yearlyNotSplit(slugs, window, asAt)) byFunction.get(y.function)?.yearlyOnlyYears.add(y.fy);
    for (const s of figures.sources(slugs, window, asAt)) byFunction.get(s.function)?.sources.push(s);
    for (const f of figures.forecastForces(slugs, window, asAt)) byFunction.get(f.function)?.forecastForces.push(f);
    return byFunction;
  }

  /**
   * Each savings function's figures (of one collaboration, or all) for the period as at the date,
   * in portfolio order: those `kept` holds as they are, the rest worked out together and given to it.
   */
  function portfolioFunctions(asAt: string, scope: Scope, collaboration: string | undefined, kept: KeptFunctionFigures = keepNothing): PortfolioFunction[] {
    const rows = (savingsFunctionRows.all() as FunctionRow[]).filter(
      (row) => collaboration === undefined || collaboration === 'all' || row.collaboration === collaboration,
    );
    const found = functionsFigures(rows, asAt, scope, kept);
    return rows.map((row) => found.get(row.slug)!);
  }

  /** The portfolio figures of the functions of `rows`, by slug: those kept as they are, the rest worked out together. */
  function functionsFigures(rows: readonly FunctionRow[], asAt: string, scope: Scope, kept: KeptFunctionFigures): Map<string, PortfolioFunction> {
    const rowOf = new Map(rows.map((row) => [row.slug, row]));
    return keptOrWorkedOut(rows.map((row) => row.slug), kept, (slugs) => {
      const missing = slugs.map((slug) => rowOf.get(slug)!);
      const scoped = scopedFiguresOf(slugs, asAt, scope);
      const plans = plansOf(missing, asAt, kept.plans);
      const names = forceNameMap();
      return new Map(
        missing.map((row) => {
          const l = load(row, asAt, scope, plans.get(row.slug)!, scoped.get(row.slug)!, names);
          return [row.slug, { summary: l.summary, targets: l.scopedTargets.targets, ledger: l.scopedLedger.ledger, shares: l.shareList }];
        }),
      );
    });
  }

  const monthFigures = (rows: readonly MonthFigureRow[]): (LedgerFigure & { month: string })[] =>
    rows.map((m) => ({ lineId: null, measure: 'actual' as const, fy: m.fy, month: m.month, force: null, amountPence: m.amountPence }));

  return {
    portfolioFunctions,

    /** The portfolio: every function (of one collaboration, or all), their totals and a cumulative timeline. */
    portfolio(asAt: string, scope: Scope, collaboration: string | undefined, kept: KeptFunctionFigures = keepNothing) {
      const loaded = portfolioFunctions(asAt, scope, collaboration, kept);
      const everyFunction = collaboration === undefined || collaboration === 'all';
      const months = monthFigures(figures.months(everyFunction ? 'all' : loaded.map((l) => l.summary.slug), scopeWindow(scope), asAt));
      const functions = loaded.map((l) => l.summary);
      const { targetPence, deliveredPence, forecastPence, gapPence, deliveredQualifier, gapQualifier } = totalsOf(functions);
      const { shortfallPence, aheadPence } = gapsOf(functions);
      const allTargets = loaded.flatMap((l) => l.targets);
      const allLedger = loaded.flatMap((l) => l.ledger);
      return {
        asAt,
        period: scopeInfo(scope),
        collaboration: collaboration ?? 'all',
        totals: { targetPence, deliveredPence, forecastPence, gapPence, deliveredQualifier, gapQualifier, shortfallPence, aheadPence },
        ragCounts: {
          green: functions.filter((f) => f.rag === 'green').length,
          amber: functions.filter((f) => f.rag === 'amber').length,
          red: functions.filter((f) => f.rag === 'red').length,
          none: functions.filter((f) => f.rag === 'none' && f.years.length > 0).length,
          notInPeriod: functions.filter((f) => f.years.length === 0).length,
        },
        timeline: cumulativeTimeline(allTargets, months, timelineMonths(scope, allTargets, allLedger)),
        functions,
      };
    },

    functionDetail(slug: string, asAt: string, scope: Scope): FunctionDetail | null {
      const row = functionRow.get(slug) as FunctionRow | undefined;
      if (!row) return null;
      const window = scopeWindow(scope);
      const lineFigures = figures.lineFigures(slug, window, asAt);
      const scopedLedger = {
        ledger: lineFigures,
        yearlyOnlyYears: new Set(figures.yearlyNotSplit([slug], window, asAt).map((y) => y.fy)),
        sources: lineFigures.flatMap((f) => f.sourceIds.map((sourceId) => ({ measure: f.measure, sourceId }))),
        forecastForces: lineFigures.filter((f) => f.measure === 'forecast' && f.fy !== null),
        shares: shareRows(slug),
      } satisfies ScopedFigures;
      const names = forceNameMap();
      const { summary, baselines: all, current, allTargets, scopedTargets, periods, shareList, rate } = load(row, asAt, scope, plansOf([row], asAt).get(slug)!, scopedLedger, names);
      const lineRows = lines.all(slug) as LineRow[];
      const scopedTargetRows = scopedTargets.targets as TargetRow[];

      // A carried year's target is the same saving kept: it is not profiled again.
      const promised = allTargets.filter((t) => !t.carriedFrom);
      const lineDetails: SavingsLine[] = lineRows.map((line) => {
        const lineTargets = scopedTargetRows.filter((t) => t.lineId === line.id);
        const lineLedger = scopedLedger.ledger.filter((e) => e.lineId === line.id);
        const lineYears = rateYearsInProgress(
          rollUpPeriods(lineTargets, lineLedger, row.toleranceTenthsPercent),
          allTargets.filter((t) => t.lineId === line.id),
          scope,
          asAt,
          rate,
        ).map((rated) => {
          const period = qualifyVariance(rated);
          const target = lineTargets.find((t) => t.fy === period.fy);
          const actuals = lineLedger.filter((e) => e.fy === period.fy && e.measure === 'actual');
          const sharing = shareList.filter((s) => s.fy === period.fy && s.tenthsPercent > 0).map((s) => s.force);
          return {
            ...period,
            carriedFrom: target?.carriedFrom ?? null,
            forecastFrom: partialForecastForces(lineLedger.filter((e) => e.fy === period.fy && e.measure === 'forecast'), sharing),
            label: periodLabel(scope, period.fy),
            targetAsWritten: target?.asWritten ?? null,
            targetSourceId: target?.sourceId ?? null,
            actualSourceIds: distinctIds(actuals.flatMap((e) => e.sourceIds)),
            periodNote: target?.periodNote ?? actuals.find((e) => e.periodNote)?.periodNote ?? null,
          };
        });
        const { carriedThrough, carryNote, carrySetBy, carrySetAt, ...lineFields } = line;
        return {
          ...lineFields,
          carry: carriedThrough === null ? null : { through: carriedThrough, note: carryNote, setBy: carrySetBy, setAt: carrySetAt },
          latestTargetYear: promised.filter((t) => t.lineId === line.id && t.fy !== null).reduce<string | null>((latest, t) => (latest === null || t.fy! > latest ? t.fy! : latest), null),
          targetPence: lineYears.reduce((sum, y) => sum + y.targetPence, 0),
          deliveredPence: lineYears.reduce((sum, y) => sum + (y.deliveredPence ?? 0), 0),
          inPeriod: {
            ...figuresInPeriod(lineYears),
            forecastFrom: ((partial) => (partial.length === 0 ? null : [...new Set(partial)].sort()))(lineYears.flatMap((y) => y.forecastFrom ?? [])),
          },
          years: lineYears,
        };
      });

      const { forces, unapportionedPence, unapportionedDeliveredPence } = rollUpForces(periods, scopedLedger.ledger, shareList);
      const forceShares = forceSharesOf(forces, names);

      // The headline against everything the current baseline sets out (whatever the period): what is left is unprofiled.
      const profiledPence = promised.reduce((sum, t) => sum + t.amountPence, 0);
      const categoryOf = new Map(lineRows.map((l) => [l.id, l.category]));
      const stated = statedTotalsOf(slug).map((total) => {
        const profiled = promised
          .filter((t) => t.fy !== null && t.fy >= total.fromFiscalYear && t.fy <= total.toFiscalYear)
          .filter((t) => total.category === null || categoryOf.get(t.lineId) === total.category)
          .reduce((sum, t) => sum + t.amountPence, 0);
        return { ...total, profiledPence: profiled, differencePence: total.statedPence - profiled };
      });

      const agreementDetail = agreementOf(row);

      return {
        asAt,
        period: scopeInfo(scope),
        function: {
          ...summary,
          description: row.description,
          leadForce: row.leadForce === null ? null : { slug: row.leadForce, name: forceNameMap().get(row.leadForce) ?? row.leadForce },
          entered: row.enteredBy === null ? null : { by: row.enteredBy, at: row.enteredAt! },
          changed: row.changedBy === null ? null : { by: row.changedBy, at: row.changedAt! },
          version: row.version,
        },
        agreement: agreementDetail,
        baselines: all.map(({ id, ...b }) => ({
          ...b,
          isCurrent: b.version === current?.version,
          years: baselineYears.all(id) as { fy: string | null; targetPence: number }[],
        })),
        years: withRunningTotals(periods),
        timeline: cumulativeTimeline(scopedTargets.targets, monthFigures(figures.months([slug], window, asAt)), timelineMonths(scope, scopedTargets.targets, scopedLedger.ledger)),
        lines: lineDetails,
        forces: forceShares,
        unapportionedPence,
        unapportionedDeliveredPence,
        reconciliation: {
          headlinePence: row.headlineTargetPence,
          profiledPence,
          unprofiledPence: row.headlineTargetPence === null ? null : row.headlineTargetPence - profiledPence,
          statedTotals: stated,
        },
        sources: citedSources(row, all, allTargets, scopedLedger.sources, shareList, agreementDetail),
      };
    },

    /**
     * What a report needs of each function of a collaboration in a period: its figures and, where
     * asked, its split by force and the papers it cites; without reading its lines one by one.
     */
    collaborationParts(collaboration: string, asAt: string, scope: Scope, want: { forces: boolean; sources: boolean }, kept: { parts: Kept<CollaborationPart>; plans?: Kept<KeptPlan> } = { parts: keepNothing }) {
      const rows = (savingsFunctionRows.all() as FunctionRow[]).filter((row) => row.collaboration === collaboration);
      const rowOf = new Map(rows.map((row) => [row.slug, row]));
      const found = keptOrWorkedOut(rows.map((row) => row.slug), kept.parts, (slugs) => {
        const missing = slugs.map((slug) => rowOf.get(slug)!);
        const scoped = scopedFiguresOf(slugs, asAt, scope);
        const plans = plansOf(missing, asAt, kept.plans);
        const byForce = new Map<string, LedgerFigure[]>(slugs.map((slug) => [slug, []]));
        if (want.forces) {
          for (const f of figures.forceSplitFigures(slugs, scopeWindow(scope), asAt)) {
            byForce.get(f.function)?.push({ lineId: null, measure: 'actual', fy: f.fy, force: f.force, amountPence: f.amountPence });
          }
        }
        const names = forceNameMap();
        return new Map(
          missing.map((row): [string, CollaborationPart] => {
            const plan = plans.get(row.slug)!;
            const { summary, periods, shareList } = load(row, asAt, scope, plan, scoped.get(row.slug)!, names);
            const split = want.forces ? rollUpForces(periods, byForce.get(row.slug)!, shareList) : null;
            return [
              row.slug,
              {
                summary,
                forces: split ? forceSharesOf(split.forces, names) : [],
                unapportionedPence: split?.unapportionedPence ?? 0,
                sources: want.sources ? citedSources(row, plan.baselines, plan.targets, scoped.get(row.slug)!.sources, shareList, agreementOf(row)) : [],
              },
            ];
          }),
        );
      });
      return new Map(rows.map((row) => [row.slug, found.get(row.slug)!]));
    },

    /**
     * The split by force of every function a force has a share in or has recorded for, for the
     * force's view. Only that force's own figures, and those for functions as a whole, are read.
     */
    forceSplits(force: string, asAt: string, scope: Scope, kept: { functions: KeptFunctionFigures; splits: Kept<ForceSplit> } = { functions: keepNothing, splits: keepNothing }) {
      const involved = new Set(figures.functionsOfForce(force));
      const rows = (savingsFunctionRows.all() as FunctionRow[]).filter((row) => involved.has(row.slug));
      const summaries = functionsFigures(rows, asAt, scope, kept.functions);
      const splits = keptOrWorkedOut(rows.map((row) => row.slug), kept.splits, (missing) => {
        const forceLedger = new Map<string, LedgerFigure[]>(missing.map((slug) => [slug, []]));
        for (const f of figures.forceFigures(force, missing, scopeWindow(scope), asAt)) {
          forceLedger.get(f.function)?.push({ lineId: null, measure: 'actual', fy: f.fy, force: f.force, amountPence: f.amountPence });
        }
        return new Map(missing.map((slug) => [slug, rollUpForces(summaries.get(slug)!.summary.years, forceLedger.get(slug)!, summaries.get(slug)!.shares)]));
      });
      return rows.map((row) => ({ summary: summaries.get(row.slug)!.summary, ...splits.get(row.slug)! }));
    },

    plan(slug: string): { slug: string; description: string; toleranceTenthsPercent: number } | null {
      return (planOf.get(slug) as { slug: string; description: string; toleranceTenthsPercent: number } | undefined) ?? null;
    },

    changePlan(slug: string, change: { description?: string | undefined; toleranceTenthsPercent?: number | undefined }) {
      updatePlan.run({ slug, description: change.description ?? null, tolerance: change.toleranceTenthsPercent ?? null });
    },

    hasCollaboration(slug: string): boolean {
      return collaborationExists.get(slug) !== undefined;
    },

    forces(): { slug: string; name: string; collaborations: string[] }[] {
      return (forcesByName.all() as { slug: string; name: string; collaborations: string }[]).map((f) => ({ ...f, collaborations: (JSON.parse(f.collaborations) as string[]).sort() }));
    },
  };
}

export type LedgerRepository = ReturnType<typeof createLedgerRepository>;
