import { z } from '@hono/zod-openapi';
import { FiscalYear, PaperDate, Pence, Rag, ScopeInfo, Slug } from './common';
import { Source } from './sources';

/** How a paper words a figure: its qualifier travels with it, into sums and variances ("at least"). */
const Qualifier = z.string().nullable();

/** One period's figures; fy null is money the papers give for no particular year. */
export const PeriodFigures = z.object({
  fy: FiscalYear.nullable(),
  label: z.string().openapi({ description: 'What the row is called: "FY 2017/18", or the part of the year in the period ("H1 2017/18 (April–September 2017)")' }),
  targetPence: Pence,
  deliveredPence: Pence.nullable().openapi({ description: 'null: no actual recorded yet' }),
  forecastPence: Pence.nullable().openapi({ description: 'null: no forecast recorded' }),
  rag: Rag,
  variancePence: Pence.nullable().openapi({ description: 'delivered − target; null with no actual' }),
  isIllustrative: z.boolean().openapi({ description: 'Some of the delivered or forecast money is from the illustrative demo data set' }),
  targetQualifier: Qualifier.openapi({ description: 'How the paper words the target ("circa"); null when exact' }),
  deliveredQualifier: Qualifier.openapi({ description: 'How the paper words the delivery ("over" £200k); null when exact' }),
  varianceQualifier: Qualifier.openapi({ description: 'What the variance rests on: "at least" £90k ahead, "approximately"; null when exact' }),
  targetToDatePence: Pence.nullable()
    .optional()
    .openapi({ description: 'For a year still running on the as-at date: the target of its months that have ended, which its RAG and variance are judged against' }),
  partYear: z.boolean().optional().openapi({ description: 'Only part of the year is in the period: its target is pro rata by month' }),
  yearlyActualNotSplit: z
    .boolean()
    .optional()
    .openapi({ description: 'An actual is recorded for the whole year only, so it cannot be counted in part of the year' }),
  carriedPence: Pence.optional().openapi({ description: 'Of the target, what is a recurring saving carried from an earlier year (the same saving kept, not a new promise); absent when none is' }),
});
export type PeriodFigures = z.infer<typeof PeriodFigures>;

export const FunctionSummary = z
  .object({
    slug: Slug,
    name: z.string(),
    collaboration: Slug,
    collaborationName: z.string(),
    forces: z.array(Slug).openapi({ description: 'Forces that are or were members of the collaboration' }),
    headlineTargetPence: Pence.nullable().openapi({ description: "The business case's headline, as the paper puts it" }),
    headlineAsWritten: z.string().nullable(),
    headlineQualifier: z.string().nullable(),
    headlineSourceId: z.string().nullable(),
    targetPence: Pence.openapi({ description: 'Sum of the current baseline’s targets' }),
    deliveredPence: Pence.openapi({ description: 'Sum of actuals recorded (0 when none yet: see rag)' }),
    forecastPence: Pence.nullable().openapi({ description: 'Sum of forecasts recorded; null when none is recorded' }),
    forecastFrom: z
      .array(z.object({ force: Slug, forceName: z.string() }))
      .nullable()
      .openapi({ description: 'The forces whose forecasts make up forecastPence where a line’s year is forecast by only some of the forces with a share; null when every forecast is the whole line’s, or none is recorded' }),
    gapPence: Pence.openapi({ description: 'targetPence − deliveredPence' }),
    targetQualifier: Qualifier,
    deliveredQualifier: Qualifier.openapi({ description: 'How the papers word the delivery: "over" where every qualified part says so' }),
    gapQualifier: Qualifier.openapi({ description: 'What the gap rests on, read as words: "at least" £90k ahead, "at most" short' }),
    rag: Rag,
    periodsWithActual: z.number().int(),
    periodsWithoutActual: z.number().int(),
    toleranceTenthsPercent: z.number().int(),
    firstFiscalYear: FiscalYear.nullable(),
    lastFiscalYear: FiscalYear.nullable(),
    usesIllustrativeShares: z.boolean(),
    retiredOn: z.string().nullable().openapi({ description: 'The day it was retired: its history stays, no figure is recorded from it; null while it runs' }),
    targetSourceIds: z.array(z.string()).openapi({ description: 'Sources of the targets summed in targetPence' }),
    deliveredSourceIds: z.array(z.string()).openapi({ description: 'Sources of the actuals summed in deliveredPence' }),
    years: z.array(PeriodFigures).openapi({ description: 'Target, delivered and forecast per financial year; fy null last' }),
    usesIllustrativeActuals: z.boolean(),
  })
  .openapi('FunctionSummary');
export type FunctionSummary = z.infer<typeof FunctionSummary>;

export const TimelinePoint = z.object({
  month: z.string().openapi({ example: '2017-04' }),
  targetPence: Pence,
  deliveredPence: Pence,
  cumulativeTargetPence: Pence,
  cumulativeDeliveredPence: Pence,
});

export const RagCounts = z.object({
  green: z.number().int(),
  amber: z.number().int(),
  red: z.number().int(),
  none: z.number().int().openapi({ description: 'Functions with a target in the period but no actual yet' }),
  notInPeriod: z.number().int().openapi({ description: 'Functions with no target, actual or forecast in the period' }),
});

export const FunctionList = z
  .object({
    asAt: z.string(),
    period: ScopeInfo,
    collaboration: z.string(),
    totals: z.object({
      targetPence: Pence,
      deliveredPence: Pence,
      forecastPence: Pence.nullable(),
      gapPence: Pence.openapi({ description: 'The net gap: target − delivered over every function, shortfalls less over-delivery' }),
      shortfallPence: Pence.openapi({ description: 'What the functions behind their target are short by, added up' }),
      aheadPence: Pence.openapi({ description: 'What the functions ahead of their target are ahead by, added up' }),
      deliveredQualifier: Qualifier,
      gapQualifier: Qualifier,
    }),
    ragCounts: RagCounts,
    timeline: z.array(TimelinePoint).openapi({ description: 'Cumulative target and delivery, month by month, of the functions listed' }),
    functions: z.array(FunctionSummary),
  })
  .openapi('FunctionList');
export type FunctionList = z.infer<typeof FunctionList>;



export const LineYear = PeriodFigures.extend({
  carriedFrom: FiscalYear.nullable().optional().openapi({ description: 'The year whose target this year carries, for a recurring saving carried forward' }),
  forecastFrom: z.array(Slug).nullable().openapi({ description: 'The forces whose forecasts these are, when not every force with a share has forecast' }),
  targetAsWritten: z.string().nullable(),
  targetQualifier: z.string().nullable(),
  targetSourceId: z.string().nullable(),
  actualSourceIds: z.array(z.string()),
  periodNote: z.string().nullable(),
});
export type LineYear = z.infer<typeof LineYear>;

export const SavingsLine = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  category: z.enum(['payroll', 'non-payroll', 'unspecified']),
  driver: z.string(),
  kind: z.enum(['cashable', 'non-cashable', 'cost-avoidance']),
  recurrence: z.enum(['recurring', 'one-off', 'unspecified']),
  note: z.string().nullable(),
  retiredOn: z.string().nullable(),
  carry: z
    .object({
      through: FiscalYear.openapi({ description: 'The last year the latest target is carried to' }),
      note: z.string().nullable(),
      setBy: z.string().nullable().openapi({ description: 'Who set it; null: Realise’s own reading of the papers, with its reason in note' }),
      setAt: z.string().nullable(),
    })
    .nullable()
    .openapi({ description: 'A recurring saving carried into the years after its business case’s last target; null when it is not carried' }),
  latestTargetYear: FiscalYear.nullable().openapi({ description: 'The last year the current baseline gives the line a target of its own, whatever the period: a carry starts after it' }),
  targetPence: Pence,
  deliveredPence: Pence,
  inPeriod: z
    .object({
      targetPence: Pence,
      deliveredPence: Pence.nullable(),
      forecastPence: Pence.nullable(),
      variancePence: Pence.nullable(),
      rag: Rag,
      deliveredQualifier: Qualifier,
      varianceQualifier: Qualifier,
      forecastFrom: z
        .array(Slug)
        .nullable()
        .openapi({ description: 'The forces whose forecasts make up forecastPence when not every force with a share has forecast; null when the forecast is the whole line’s' }),
    })
    .openapi({ description: 'The line over the period: delivered or null, and the variance against the years with an actual, as its RAG is' }),
  years: z.array(LineYear),
});
export type SavingsLine = z.infer<typeof SavingsLine>;

export const ForceShare = z.object({
  force: Slug,
  forceName: z.string(),
  shareTenthsPercent: z.number().int().nullable().openapi({
    description: 'Share in tenths of a percent where one share applies to every year; null where it changes by year',
  }),
  basis: z.enum(['nre', 'fixed', 'demand', 'equal', 'mixed']),
  isIllustrative: z.boolean(),
  targetPence: Pence,
  deliveredPence: Pence,
  years: z.array(
    z.object({
      fy: FiscalYear.nullable(),
      shareTenthsPercent: z.number().int(),
      basis: z.enum(['nre', 'fixed', 'demand', 'equal']),
      isIllustrative: z.boolean(),
      note: z.string().nullable(),
      targetPence: Pence,
      deliveredPence: Pence.nullable().openapi({ description: 'null: no actual recorded for this period' }),
    }),
  ),
});
export type ForceShare = z.infer<typeof ForceShare>;

export const StatedTotalCheck = z.object({
  description: z.string(),
  fromFiscalYear: FiscalYear,
  toFiscalYear: FiscalYear,
  category: z.enum(['payroll', 'non-payroll']).nullable(),
  statedPence: Pence,
  asWritten: z.string(),
  qualifier: z.string().nullable(),
  profiledPence: Pence,
  differencePence: Pence.openapi({ description: 'statedPence − profiledPence' }),
  sourceId: z.string(),
});

export const Reconciliation = z.object({
  headlinePence: Pence.nullable(),
  profiledPence: Pence,
  unprofiledPence: Pence.nullable().openapi({ description: 'headline − profiled; null without a headline' }),
  statedTotals: z.array(StatedTotalCheck),
});
export type Reconciliation = z.infer<typeof Reconciliation>;

export const Milestone = z.object({
  kind: z.string(),
  date: PaperDate,
  description: z.string(),
  sourceId: z.string(),
});

export const Agreement = z.object({
  slug: Slug,
  name: z.string(),
  leadForce: Slug.nullable(),
  parties: z.array(Slug),
  note: z.string().nullable(),
  milestones: z.array(Milestone),
});
export type Agreement = z.infer<typeof Agreement>;

export const Baseline = z.object({
  version: z.number().int(),
  name: z.string(),
  reason: z.string(),
  adoptedOn: PaperDate.nullable(),
  sourceId: z.string().nullable(),
  targetPence: Pence,
  isCurrent: z.boolean(),
  years: z.array(z.object({ fy: FiscalYear.nullable(), targetPence: Pence })),
});
export type Baseline = z.infer<typeof Baseline>;

export const FunctionDetail = z
  .object({
    asAt: z.string(),
    period: ScopeInfo,
    function: FunctionSummary.extend({
      description: z.string(),
      leadForce: z.object({ slug: z.string(), name: z.string() }).nullable(),
      entered: z
        .object({ by: z.string(), at: z.string() })
        .nullable()
        .openapi({ description: 'Who entered the function in Realise and when (UTC); null for a function seeded from the papers' }),
      changed: z
        .object({ by: z.string(), at: z.string() })
        .nullable()
        .openapi({ description: 'Who last corrected its particulars and when (UTC); null when no one has' }),
      version: z.number().int().openapi({ description: 'Moves with each correction of its particulars (PUT /api/functions/:slug/particulars)' }),
    }),
    agreement: Agreement.nullable(),
    baselines: z.array(Baseline),
    years: z.array(
      PeriodFigures.extend({
        cumulativeTargetPence: Pence.openapi({ description: 'Target of this year and every year listed before it' }),
        cumulativeDeliveredPence: Pence.openapi({ description: 'Actuals of this year and every year listed before it (a year with none adds nothing)' }),
        cumulativeTargetQualifier: Qualifier,
        cumulativeDeliveredQualifier: Qualifier,
      }),
    ),
    timeline: z.array(TimelinePoint),
    lines: z.array(SavingsLine),
    forces: z.array(ForceShare),
    unapportionedPence: Pence.openapi({ description: 'Target in years with no shares recorded, so not split between forces' }),
    unapportionedDeliveredPence: Pence.openapi({ description: 'Function-level actuals in years with no shares recorded' }),
    reconciliation: Reconciliation,
    sources: z.array(Source),
  })
  .openapi('FunctionDetail');
export type FunctionDetail = z.infer<typeof FunctionDetail>;

export const FunctionParams = z.object({
  slug: Slug.openapi({ param: { name: 'slug', in: 'path' }, example: 'ict' }),
});


/** The parts of a function's plan its owner changes here (targets and baselines change by re-baselining). */
export const FunctionPlan = z
  .object({
    slug: Slug,
    description: z.string(),
    toleranceTenthsPercent: z.number().int().openapi({ description: 'How far below target, in tenths of a percent, still counts as amber' }),
  })
  .openapi('FunctionPlan');
export type FunctionPlan = z.infer<typeof FunctionPlan>;

export const PlanChange = z
  .object({
    description: z.string().trim().min(1).max(1000).optional(),
    toleranceTenthsPercent: z.number().int('Write the tolerance in tenths of a percent, as a whole number: 50 is 5.0%').min(0).max(1000).optional(),
  })
  .refine((change) => change.description !== undefined || change.toleranceTenthsPercent !== undefined, 'Send a description or a toleranceTenthsPercent to change')
  .openapi('PlanChange');

export const StatusHistory = z
  .object({
    points: z.array(z.object({ asAt: z.string(), label: z.string().openapi({ example: '30 June 2017' }) })).openapi({ description: 'The quarter ends of the period that have passed, then the "as at" date' }),
    functions: z.array(z.object({ slug: Slug, statuses: z.array(Rag).openapi({ description: 'The function’s status for the period as the ledger stood at each point' }) })),
  })
  .openapi('StatusHistory');
export type StatusHistory = z.infer<typeof StatusHistory>;

export const Changes = z
  .object({
    since: z.string(),
    sinceLabel: z.string(),
    asAt: z.string(),
    period: ScopeInfo,
    functions: z
      .array(
        z.object({
          slug: Slug,
          name: z.string(),
          ragThen: Rag,
          ragNow: Rag,
          targetThenPence: Pence,
          targetNowPence: Pence,
          deliveredThenPence: Pence,
          deliveredNowPence: Pence,
          comments: z.array(z.object({ id: z.number().int(), period: z.string(), periodLabel: z.string(), body: z.string(), author: z.string(), createdAt: z.string() })),
        }),
      )
      .openapi({ description: 'The functions whose status, target or delivery moved, or that have new commentary' }),
    unchanged: z.number().int().openapi({ description: 'How many functions nothing changed for' }),
  })
  .openapi('Changes');
export type Changes = z.infer<typeof Changes>;
