import { z } from '@hono/zod-openapi';
import { FiscalYear, Pence, Slug } from './common';

// Keeping the portfolio in Realise: a function added with its business case (its savings lines
// and the yearly targets of its first baseline), cited to the business case it comes from.

const Text = (max: number) => z.string().trim().min(1, 'Fill this in').max(max, `Keep this to ${max} characters`);
const Amount = Pence.min(0, 'A target cannot be below £0');

export const QUALIFIERS = ['circa', 'about', 'approximately', 'over', 'at least', 'up to'] as const;

export const NewSavingsLine = z.object({
  name: Text(120).openapi({ example: 'Staff savings' }),
  category: z.enum(['payroll', 'non-payroll', 'unspecified']),
  driver: Text(200).openapi({ example: 'Fewer posts after merging the three teams' }),
  kind: z.enum(['cashable', 'non-cashable', 'cost-avoidance']),
  recurrence: z.enum(['recurring', 'one-off', 'unspecified']),
  targets: z
    .array(z.object({ fiscalYear: FiscalYear, amountPence: Amount }))
    .max(30)
    .openapi({ description: 'The business case’s target for each financial year; a year left out has none' }),
});
export type NewSavingsLine = z.infer<typeof NewSavingsLine>;

const Headline = z
  .object({
    amountPence: Amount,
    qualifier: z.enum(QUALIFIERS).nullable().openapi({ description: 'How the business case words it, where it is not exact' }),
    asWritten: Text(60).openapi({ example: '£1.2m' }),
    paragraph: Text(40),
    quote: Text(600),
  })
  .nullable()
  .openapi({ description: 'The headline saving the business case promises, with its words and paragraph; null where it gives none' });

export const NewFunction = z
  .object({
    slug: Slug.openapi({ description: 'Its id in addresses: lower case and hyphens', example: 'joint-protective-services' }),
    name: Text(160).openapi({ example: 'Joint Protective Services' }),
    collaboration: Slug.openapi({ example: 'bch' }),
    leadForce: Slug.nullable().openapi({ description: 'The force that leads it; null where the business case names none', example: 'hertfordshire' }),
    agreement: Slug.nullable().openapi({ description: 'The section 22A agreement it is collaborated under, if Realise holds it', example: null }),
    description: Text(2000),
    toleranceTenthsPercent: z.number().int().min(0).max(1000).openapi({ description: 'How far below target, in tenths of a percent, is still amber (50 = 5.0%)', example: 50 }),
    businessCase: z
      .object({
        title: Text(200).openapi({ example: 'Joint Protective Services full business case, version 3' }),
        date: z
          .string()
          .regex(/^\d{4}-\d{2}(-\d{2})?$/, 'Write the date as 2018-03-14, or 2018-03 where it gives only the month')
          .refine((d) => {
            const [y, m, day] = d.split('-').map(Number) as [number, number, number | undefined];
            if (m < 1 || m > 12) return false;
            return day === undefined || (day >= 1 && new Date(Date.UTC(y, m - 1, day)).getUTCDate() === day);
          }, 'That date does not exist: check the month and day')
          .openapi({ description: 'Its date, as precise as it gives: 2018-03-14 or 2018-03', example: '2018-03' }),
        paragraph: Text(40).openapi({ description: 'Where in it the targets are set out', example: '5.2' }),
        quote: Text(600).openapi({ description: 'Its words for the savings, as written', example: 'savings of £1.2m a year from 2018/19' }),
      })
      .openapi({ description: 'The document the targets come from; Realise holds its citation, not its text' }),
    headline: Headline,
    lines: z.array(NewSavingsLine).min(1, 'A business case needs at least one savings line').max(40),
  })
  .openapi('NewFunction');

export type NewFunction = z.infer<typeof NewFunction>;

export const FunctionCreated = z
  .object({
    slug: z.string(),
    baselineId: z.number().int(),
    lines: z.array(z.object({ id: z.number().int(), code: z.string(), name: z.string() })),
    targets: z.number().int().openapi({ description: 'Yearly targets written' }),
    shares: z
      .array(z.object({ fiscalYear: z.string(), force: z.string(), shareTenthsPercent: z.number().int() }))
      .openapi({ description: 'Each year’s equal shares between the forces that were members that year' }),
  })
  .openapi('FunctionCreated');
export type FunctionCreated = z.infer<typeof FunctionCreated>;

/** What the add-a-function screen offers: each collaboration with its members, and the agreements. */
export const PortfolioChoices = z
  .object({
    collaborations: z.array(
      z.object({
        slug: z.string(),
        name: z.string(),
        members: z.array(z.object({ force: z.string(), forceName: z.string(), joinedOn: z.string(), leftOn: z.string().nullable() })),
      }),
    ),
    agreements: z.array(z.object({ slug: z.string(), name: z.string(), collaboration: z.string().nullable() })),
    qualifiers: z.array(z.string()),
  })
  .openapi('PortfolioChoices');
export type PortfolioChoices = z.infer<typeof PortfolioChoices>;

const IsoDay = z.iso.date({ message: 'Write a date as YYYY-MM-DD, for example 2019-05-01' });

export const NewCollaboration = z
  .object({
    slug: Slug.openapi({ example: 'eastern-region' }),
    name: Text(160).openapi({ example: 'Eastern Region Collaboration' }),
    description: Text(2000),
    members: z
      .array(z.object({ force: Slug, joinedOn: IsoDay }))
      .min(1, 'A collaboration needs at least one member')
      .max(44)
      .openapi({ description: 'Its forces and the day each joined' }),
  })
  .openapi('NewCollaboration');
export type NewCollaboration = z.infer<typeof NewCollaboration>;

export const NewMembership = z
  .object({
    force: Slug,
    joinedOn: IsoDay.openapi({ description: 'Its first day as a member' }),
    note: z.string().trim().max(500).nullable().optional(),
  })
  .openapi('NewMembership');
export type NewMembership = z.infer<typeof NewMembership>;

export const EndMembership = z
  .object({
    leftOn: IsoDay.openapi({ description: 'Its first day no longer a member' }),
    note: z.string().trim().max(500).nullable().optional(),
  })
  .openapi('EndMembership');
export type EndMembership = z.infer<typeof EndMembership>;

export const MembershipChanged = z
  .object({
    collaboration: z.string(),
    members: z.array(z.object({ force: z.string(), joinedOn: z.string(), leftOn: z.string().nullable() })),
  })
  .openapi('MembershipChanged');
export type MembershipChanged = z.infer<typeof MembershipChanged>;

export const Retirement = z
  .object({
    retiredOn: IsoDay.openapi({ description: 'Its first day retired: its figures before stay, none is recorded from it' }),
    reason: Text(500).openapi({ example: 'Merged into Joint Protective Services' }),
  })
  .openapi('Retirement');
export type Retirement = z.infer<typeof Retirement>;

export const Retired = z
  .object({ retiredOn: z.string(), reason: z.string(), entity: z.enum(['function', 'savings-line']), id: z.string() })
  .openapi('Retired');

/** Carrying a recurring saving into the years after its business case's last target, or no longer. */
export const CarryChange = z
  .object({
    carriedThrough: FiscalYear.nullable().openapi({ description: 'The last year to carry the line’s latest target to; null to stop carrying it' }),
    was: FiscalYear.nullable().openapi({ description: 'The carry year the screen showed, so a change made meanwhile by someone else is not overwritten' }),
  })
  .openapi('CarryChange');
export type CarryChange = z.infer<typeof CarryChange>;

export const CarryChanged = z
  .object({ lineId: z.number().int(), carriedThrough: z.string().nullable(), setBy: z.string(), setAt: z.string() })
  .openapi('CarryChanged');
export type CarryChanged = z.infer<typeof CarryChanged>;

/** A function entered in Realise, corrected: its particulars as they should now read, from the version the screen showed. */
export const FunctionEdit = z
  .object({
    version: z.number().int().positive().openapi({ description: 'The version the screen showed; a change made since is not overwritten (409)' }),
    name: Text(160),
    description: Text(2000),
    leadForce: Slug.nullable(),
    agreement: Slug.nullable(),
    toleranceTenthsPercent: z.number().int().min(0).max(1000),
    headline: Headline,
  })
  .openapi('FunctionEdit');
export type FunctionEdit = z.infer<typeof FunctionEdit>;

export const FunctionEdited = z.object({ slug: z.string(), version: z.number().int(), changedBy: z.string(), changedAt: z.string() }).openapi('FunctionEdited');
export type FunctionEdited = z.infer<typeof FunctionEdited>;
