import { z } from '@hono/zod-openapi';
import { FiscalYear, IsoDate, PeriodParam } from './common';

export const Comment = z
  .object({
    id: z.number().int(),
    period: z.string(),
    periodLabel: z.string().openapi({ description: 'The period the comment is on, in words: "H1 2017/18 (April–September 2017)"' }),
    body: z.string(),
    author: z.string(),
    createdAt: z.string(),
  })
  .openapi('Comment');
export type Comment = z.infer<typeof Comment>;

export const CommentList = z.object({ comments: z.array(Comment) }).openapi('CommentList');
export const CommentQuery = z.object({
  period: PeriodParam.optional(),
  within: z.enum(['true', 'false']).optional().openapi({ description: 'true: the comments on every period within it too (a year’s halves, quarters and months), each labelled with its period' }),
});
export const NewComment = z
  .object({
    period: PeriodParam.openapi({ description: 'The period the comment explains: all, 2017-18, 2017-18-H1…' }),
    body: z.string().trim().min(1, 'Write the explanation').max(2000, 'Keep it to 2,000 characters'),
  })
  .openapi('NewComment');

export const NewBaseline = z
  .object({
    name: z.string().trim().min(1, 'Name the baseline, for example “Revised business case”').max(200),
    reason: z.string().trim().min(1, 'Say why the targets are changing').max(2000),
    adoptedOn: IsoDate,
    sourceId: z.string().max(80).nullable().optional(),
    targets: z
      .array(
        z.object({
          lineId: z.number().int().positive(),
          fiscalYear: FiscalYear.nullable(),
          amountPence: z.number().int('Targets are whole pence').min(0, 'A target cannot be negative').max(1e12),
        }),
      )
      .min(1, 'Give at least one target')
      .max(500),
  })
  .openapi('NewBaseline');

export const BaselineCreated = z.object({ version: z.number().int(), targetPence: z.number().int() }).openapi('BaselineCreated');
