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
