import { z } from '@hono/zod-openapi';
import { FiscalYear, PaperDate, Pence, Slug } from './common';

export const Force = z.object({ slug: Slug, name: z.string() }).openapi('Force');
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
