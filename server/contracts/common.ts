import { z } from '@hono/zod-openapi';
import { isFiscalYear } from '../domain/fiscal';
import { parseScope } from '../domain/scope';

/** Money is an integer number of pence, never a float. */
export const Pence = z.number().int().openapi({ description: 'Integer pence', example: 65_400_000 });

export const FiscalYear = z
  .string()
  .regex(/^\d{4}-\d{2}$/, 'Write a financial year as 2016-17')
  .refine(isFiscalYear, 'The second year must follow the first, as in 2016-17')
  .openapi({ description: 'Financial year, 1 April to 31 March', example: '2016-17' });

export const IsoDate = z.iso.date({ message: 'Write a date as YYYY-MM-DD, for example 2017-03-31' });

/** A date from a paper, as precise as the paper is: 2016-12-01, 2016-12 or 2016. */
export const PaperDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/);

export const Slug = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use the lower-case id from the URL, for example firearms-licensing');

export const Rag = z.enum(['green', 'amber', 'red', 'none']).openapi({
  description: 'green: on or above target; amber: below, within tolerance; red: beyond tolerance; none: no actual recorded yet',
});

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      issues: z
        .array(z.object({ path: z.string(), message: z.string() }))
        .optional(),
    }),
  })
  .openapi('Error');
export type ErrorBody = z.infer<typeof ErrorBody>;

export const errorResponse = (description: string) => ({
  content: { 'application/json': { schema: ErrorBody } },
  description,
});

export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

export const AsAtQuery = z.object({
  asAt: IsoDate.optional().openapi({
    description: 'See the ledger as it stood at the end of this date (default: today). Figures reported later are left out.',
    example: '2017-03-31',
  }),
});

/** all, 2016-17, 2016-17..2018-19, 2016-17-H1, 2016-17-Q3: the period a view is scoped to. */
export const PeriodParam = z
  .string()
  .max(24)
  .superRefine((text, ctx) => {
    try {
      parseScope(text);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : 'not a period' });
    }
  })
  .openapi({
    description: 'all (default), a financial year 2016-17, a range 2016-17..2018-19, a half 2016-17-H1 or a quarter 2016-17-Q3',
    example: '2017-18-H1',
  });

export const CollaborationParam = z
  .union([z.literal('all'), Slug])
  .openapi({ description: 'A collaboration slug (bch, seven-force, ctc) or all (default)', example: 'bch' });

export const ViewQuery = AsAtQuery.extend({
  period: PeriodParam.optional(),
  collaboration: CollaborationParam.optional(),
});

export const ScopeInfo = z.object({ id: z.string(), description: z.string() });
