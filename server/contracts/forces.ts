import { z } from '@hono/zod-openapi';
import { FiscalYear, PaperDate, Pence, Slug } from './common';

export const Force = z
  .object({
    slug: Slug,
    name: z.string(),
    collaborations: z.array(Slug).openapi({ description: 'The collaborations Realise holds that it is or was a member of; empty for most of the 44 forces' }),
  })
  .openapi('Force');
export type Force = z.infer<typeof Force>;

export const ForceList = z.object({ forces: z.array(Force) }).openapi('ForceList');
export type ForceList = z.infer<typeof ForceList>;

export const Membership = z.object({
  force: Slug,
  joinedOn: PaperDate,
  leftOn: PaperDate.nullable(),
  sourceId: z.string().nullable(),
  note: z.string().nullable(),
});
export type Membership = z.infer<typeof Membership>;

/** A portfolio figure from the papers that is not one function's savings: a goal, a budget. */
export const ProgrammeFigure = z.object({
  code: z.string(),
  description: z.string(),
  kind: z.enum(['goal', 'predicted-savings', 'budget', 'funding', 'baseline']),
  amountPence: Pence,
  perYear: z.boolean(),
  fromFiscalYear: FiscalYear.nullable(),
  toFiscalYear: FiscalYear.nullable(),
  asWritten: z.string(),
  sourceId: z.string(),
});
export type ProgrammeFigure = z.infer<typeof ProgrammeFigure>;

export const Collaboration = z
  .object({
    slug: Slug,
    name: z.string(),
    description: z.string(),
    members: z.array(Membership),
    programmeFigures: z.array(ProgrammeFigure),
  })
  .openapi('Collaboration');
export type Collaboration = z.infer<typeof Collaboration>;

export const CollaborationList = z.object({ collaborations: z.array(Collaboration) }).openapi('CollaborationList');
export type CollaborationList = z.infer<typeof CollaborationList>;

export const ForceParams = z.object({
  slug: Slug.openapi({ param: { name: 'slug', in: 'path' }, example: 'hertfordshire' }),
});

export const ForceMembership = Membership.omit({ force: true }).extend({
  collaboration: Slug,
  collaborationName: z.string(),
  otherMembers: z.array(z.object({ force: Slug, forceName: z.string(), joinedOn: PaperDate, leftOn: PaperDate.nullable() })),
  standing: z.string().openapi({
    description: 'Where the membership stands today: left on a date, or, with no leaving date, as its collaboration’s agreement stands (ended, unless renewed, after its last end date)',
  }),
});

export const ForceFunctionYear = z.object({
  fy: FiscalYear.nullable(),
  shareTenthsPercent: z.number().int(),
  basis: z.enum(['nre', 'fixed', 'demand', 'equal']),
  isIllustrative: z.boolean(),
  note: z.string().nullable(),
  targetPence: Pence,
  deliveredPence: Pence.nullable(),
  functionTargetPence: Pence,
  functionDeliveredPence: Pence.nullable(),
});

export const ForceFunction = z.object({
  slug: Slug,
  name: z.string(),
  collaboration: Slug,
  collaborationName: z.string(),
  isIllustrative: z.boolean(),
  targetPence: Pence,
  deliveredPence: Pence.nullable().openapi({ description: 'null: no actual recorded for the function in the period' }),
  functionTargetPence: Pence,
  years: z.array(ForceFunctionYear),
});
export type ForceFunction = z.infer<typeof ForceFunction>;

export const ForceDetail = z
  .object({
    asAt: z.string(),
    period: z.object({ id: z.string(), description: z.string() }),
    force: Force.pick({ slug: true, name: true }),
    memberships: z.array(ForceMembership),
    functions: z.array(ForceFunction),
    totals: z.object({ targetPence: Pence, deliveredPence: Pence }),
  })
  .openapi('ForceDetail');
export type ForceDetail = z.infer<typeof ForceDetail>;
