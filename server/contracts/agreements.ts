import { z } from '@hono/zod-openapi';
import { PaperDate, Slug } from './common';

// The register of section 22A agreements: who is party, the dates the papers give with their
// sources, where each stands today, what falls due, and where the papers disagree.

const Milestone = z.object({
  kind: z.string(),
  date: PaperDate,
  description: z.string(),
  sourceId: z.string(),
});

const Status = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('in-force'), endsOn: PaperDate.nullable(), latestRecorded: PaperDate }),
  z.object({ kind: z.literal('not-commenced'), startsOn: PaperDate }),
  z.object({ kind: z.literal('ended-or-unknown'), endedOn: PaperDate }),
  z.object({ kind: z.literal('unknown') }),
]);

export const Decision = z
  .object({
    number: z.string().openapi({ example: 'CPCC 2019-007' }),
    date: z.string(),
    title: z.string(),
    decision: z.string().openapi({ description: 'What was decided, in the record’s words' }),
    sourceId: z.string(),
    note: z.string().nullable(),
    agreements: z.array(z.object({ slug: z.string(), name: z.string() })),
    functions: z.array(z.object({ slug: z.string(), name: z.string() })),
  })
  .openapi('Decision');
export type Decision = z.infer<typeof Decision>;

export const DecisionLog = z.object({ decisions: z.array(Decision) }).openapi('DecisionLog');
export type DecisionLog = z.infer<typeof DecisionLog>;

export const AgreementEntry = z
  .object({
    slug: z.string(),
    name: z.string(),
    collaboration: z.object({ slug: z.string(), name: z.string() }).nullable(),
    leadForce: z.object({ slug: z.string(), name: z.string() }).nullable(),
    parties: z.array(z.object({ slug: z.string(), name: z.string() })).openapi({ description: 'The forces party to it, where the papers list them' }),
    note: z.string().nullable(),
    functions: z.array(z.object({ slug: z.string(), name: z.string() })).openapi({ description: 'The functions collaborated under it' }),
    milestones: z.array(Milestone),
    signedOn: PaperDate.nullable(),
    commencesOn: PaperDate.nullable(),
    reviewOn: PaperDate.nullable().openapi({ description: 'The latest review date the papers give' }),
    expiresOn: PaperDate.nullable().openapi({ description: 'The latest end date the papers give (after any extension)' }),
    status: Status,
    statusWords: z.string(),
    fallingDue: z.array(Milestone).openapi({ description: 'Reviews and end dates within the window asked for' }),
    reviewsNotRecorded: z.array(Milestone).openapi({ description: 'Reviews whose date has passed with no later review or extension in the papers' }),
    decisions: z.array(z.object({ number: z.string(), date: z.string(), title: z.string() })).openapi({ description: 'The decision records that concern it' }),
    disagreements: z
      .array(z.object({ about: z.string(), claims: z.array(Milestone) }))
      .openapi({ description: 'Dates the papers disagree on, every claim with its source: shown side by side, not chosen between' }),
  })
  .openapi('AgreementEntry');
export type AgreementEntry = z.infer<typeof AgreementEntry>;

export const AgreementRegister = z
  .object({
    asAt: z.string(),
    dueWithinMonths: z.number().int(),
    dueUntil: z.string().openapi({ description: 'The last day of the “falls due” window' }),
    agreements: z.array(AgreementEntry),
  })
  .openapi('AgreementRegister');
export type AgreementRegister = z.infer<typeof AgreementRegister>;

export const AgreementQuery = z.object({
  collaboration: Slug.optional().openapi({ description: 'Only this collaboration’s agreements', example: 'seven-force' }),
  force: Slug.optional().openapi({ description: 'Only the agreements this force is party to or leads', example: 'kent' }),
  dueWithinMonths: z.coerce
    .number()
    .int('Give a whole number of months')
    .min(1, 'Give at least 1 month')
    .max(120, 'Give at most 120 months')
    .optional()
    .openapi({ description: 'The window for “falls due”: reviews and end dates from today to so many months ahead (default 6)', example: 6 }),
  dueOnly: z.enum(['true', 'false']).optional().openapi({ description: 'true: only the agreements with a review or end date in the window' }),
});
