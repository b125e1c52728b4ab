import { z } from '@hono/zod-openapi';
import { PaperDate } from './common';

/** Where a figure came from: a paragraph of a board paper and the words it uses. */
export const Source = z
  .object({
    id: z.string(),
    document: z.string().openapi({ description: 'File name of the paper', example: '002_f098eeb1962a537c.txt' }),
    paperId: z.string(),
    paragraph: z.string().openapi({ example: '4.2(5)a' }),
    title: z.string(),
    date: PaperDate.nullable(),
    quote: z.string(),
    note: z.string().nullable(),
  })
  .openapi('Source');
export type Source = z.infer<typeof Source>;
