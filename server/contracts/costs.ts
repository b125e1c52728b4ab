import { z } from '@hono/zod-openapi';
import { FiscalYear, Pence, Slug } from './common';

// Money between forces: each force's Net Revenue Expenditure for a year, the shares worked out
// from it, and a programme's costs split by them, with a what-if of a force leaving.

export const NewBases = z
  .object({
    source: z.string().trim().min(1, 'Say where the figures come from').max(300).openapi({ example: 'CIPFA Police Objective Analysis estimates 2018/19' }),
    forces: z.array(z.object({ force: Slug, nrePence: Pence.min(0, 'NRE cannot be below £0') })).min(1).max(44),
  })
  .openapi('NewBases');
export type NewBases = z.infer<typeof NewBases>;

const ForceCost = z.object({
  force: z.string(),
  forceName: z.string(),
  nrePence: Pence.nullable(),
  shareTenthsPercent: z.number().int(),
  costs: z.array(z.object({ code: z.string(), pence: Pence })),
  totalPence: Pence,
});

const Split = z.object({
  basis: z.enum(['nre', 'equal']).openapi({ description: 'nre: by the NRE entered for the year; equal: Realise’s assumption, as no NRE is entered' }),
  isAssumption: z.boolean(),
  forces: z.array(ForceCost),
});

export const ProgrammeCosts = z
  .object({
    collaboration: z.object({ slug: z.string(), name: z.string() }),
    fiscalYear: FiscalYear,
    budgets: z.array(z.object({ code: z.string(), description: z.string(), amountPence: Pence, asWritten: z.string(), sourceId: z.string() })),
    bases: z.object({ source: z.string(), enteredBy: z.string(), enteredAt: z.string() }).nullable(),
    split: Split,
    whatIf: z
      .object({ leaving: z.object({ force: z.string(), forceName: z.string() }), split: Split })
      .nullable()
      .openapi({ description: 'The same year with one force gone: nothing is saved' }),
  })
  .openapi('ProgrammeCosts');
export type ProgrammeCosts = z.infer<typeof ProgrammeCosts>;

export const CostsQuery = z.object({
  year: FiscalYear,
  without: Slug.optional().openapi({ description: 'What if this force left: the split without it', example: 'kent' }),
});

const Measured = z.object({
  label: z.string(),
  targetPence: Pence,
  deliveredPence: Pence,
  deliveredQualifier: z.string().nullable(),
  functionsWithTargets: z.number().int(),
});

export const Goal = z.object({
  code: z.string(),
  kind: z.enum(['goal', 'predicted-savings']),
  description: z.string(),
  asWritten: z.string(),
  amountPence: Pence,
  perYear: z.boolean(),
  sourceId: z.string(),
  baseline: z.object({ asWritten: z.string(), amountPence: Pence, sourceId: z.string() }).nullable().openapi({ description: 'The baseline the goal is measured from, where the papers give one' }),
  measured: z.array(Measured).openapi({ description: 'What the ledger holds against it: each year for a yearly goal, or the years it covers together' }),
  notInLedger: z.array(z.object({ name: z.string(), reason: z.string() })).openapi({ description: 'What the figure includes that the ledger does not hold, so the comparison is not like for like' }),
})
export const Goals = z.object({ collaboration: z.object({ slug: z.string(), name: z.string() }), asAt: z.string(), goals: z.array(Goal) }).openapi('Goals');
export type Goals = z.infer<typeof Goals>;

// Savings against costs: a programme's costs (the papers' yearly budgets and those a programme
// officer records) set against its functions' savings, by year, to date and by force.

export const NewProgrammeCost = z
  .object({
    function: Slug.nullable().openapi({ description: 'The function the cost belongs to, or null for the programme as a whole', example: null }),
    fiscalYear: FiscalYear.openapi({ description: 'The year it falls in; a recurring cost falls in that year and every year after', example: '2018-19' }),
    kind: z.enum(['one-off', 'recurring']),
    description: z.string().trim().min(1, 'Say what the cost is').max(300).openapi({ example: 'Programme team posts' }),
    amountPence: Pence.min(1, 'A cost is more than £0').max(1_000_000_000_000, 'That amount is larger than any cost Realise can hold'),
    source: z.string().trim().min(1, 'Say where the figure comes from').max(300).openapi({ example: 'Seven Force programme budget monitoring, Q2 2018/19' }),
  })
  .openapi('NewProgrammeCost');
export type NewProgrammeCost = z.infer<typeof NewProgrammeCost>;

const NetYear = z.object({
  fy: FiscalYear,
  label: z.string(),
  targetPence: Pence,
  deliveredPence: Pence.nullable().openapi({ description: 'null: no actual recorded in the year' }),
  costsPence: Pence,
  costsFromPapersPence: Pence,
  costsEnteredPence: Pence,
  netPlannedPence: Pence.openapi({ description: 'target − costs' }),
  netDeliveredPence: Pence.nullable().openapi({ description: 'delivered − costs; null with no actual' }),
  cumulativeNetPlannedPence: Pence,
  cumulativeNetDeliveredPence: Pence.nullable().openapi({ description: 'null from the first year with no actual' }),
  costBasis: z.enum(['nre', 'equal', 'none']).openapi({ description: 'How the year’s costs are split between forces: by entered NRE, equally (Realise’s assumption), or not at all (no member)' }),
});

const ForceNet = z.object({
  force: z.string(),
  forceName: z.string(),
  targetPence: Pence,
  deliveredPence: Pence,
  costsPence: Pence,
  netPlannedPence: Pence,
  netDeliveredPence: Pence,
  costsRestOnAssumption: z.boolean().openapi({ description: 'Some year’s share of the costs is Realise’s equal assumption, not entered NRE' }),
  savingsAreIllustrative: z.boolean(),
});

export const ForceNetBenefit = z
  .object({
    force: z.object({ slug: z.string(), name: z.string() }),
    asAt: z.string(),
    collaborations: z.array(
      ForceNet.omit({ force: true, forceName: true }).extend({
        collaboration: z.object({ slug: z.string(), name: z.string() }),
        payback: z.object({ planned: FiscalYear.nullable(), delivered: FiscalYear.nullable() }).openapi({ description: 'The collaboration’s payback year, as a whole' }),
      }),
    ),
    totals: z.object({ targetPence: Pence, deliveredPence: Pence, costsPence: Pence, netPlannedPence: Pence, netDeliveredPence: Pence }),
  })
  .openapi('ForceNetBenefit');
export type ForceNetBenefit = z.infer<typeof ForceNetBenefit>;

export const NetBenefitView = z
  .object({
    collaboration: z.object({ slug: z.string(), name: z.string() }),
    asAt: z.string(),
    years: z.array(NetYear),
    totals: z.object({ targetPence: Pence, deliveredPence: Pence, costsPence: Pence, netPlannedPence: Pence, netDeliveredPence: Pence }),
    payback: z.object({ planned: FiscalYear.nullable(), delivered: FiscalYear.nullable() }).openapi({ description: 'The first year by whose end the savings to date cover the costs to date; null if none does' }),
    paperCosts: z.array(z.object({ code: z.string(), description: z.string(), asWritten: z.string(), amountPence: Pence, sourceId: z.string(), years: z.array(FiscalYear) })),
    enteredCosts: z.array(
      z.object({ id: z.number().int(), function: z.string().nullable(), fiscalYear: FiscalYear, kind: z.enum(['one-off', 'recurring']), description: z.string(), amountPence: Pence, source: z.string(), enteredBy: z.string(), enteredAt: z.string() }),
    ),
    forces: z.array(ForceNet),
    notes: z.array(z.string()).openapi({ description: 'What Realise assumed to work these out' }),
  })
  .openapi('NetBenefitView');
export type NetBenefitView = z.infer<typeof NetBenefitView>;
