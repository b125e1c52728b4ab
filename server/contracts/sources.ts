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
    enteredBy: z.string().nullable().openapi({ description: 'Who entered the document in Realise (a business case held outside it); null for the board papers, whose text Realise holds' }),
    enteredAt: z.string().nullable(),
  })
  .openapi('Source');
export type Source = z.infer<typeof Source>;

export const SourceList = z.object({ sources: z.array(Source) }).openapi('SourceList');
export type SourceList = z.infer<typeof SourceList>;

export const SourceParams = z.object({
  id: z
    .string()
    .min(1)
    .max(80)
    .regex(/^[0-9A-Za-z().\-]+$/, 'A source id looks like 002-4.2(5)')
    .openapi({ param: { name: 'id', in: 'path' }, example: '000-5.3' }),
});

export const PaperParams = z.object({ paperId: z.string().regex(/^\d{3}$/, 'A paper is named by its three digits, like 002').openapi({ param: { name: 'paperId', in: 'path' }, example: '002' }) });
export const Paper = z
  .object({
    paperId: z.string(),
    title: z.string(),
    date: z.string().nullable(),
    text: z.string().openapi({ description: 'The paper’s text as seeded, for reading a cited passage in place' }),
    passages: z.array(Source).openapi({ description: 'The passages of it that figures cite' }),
  })
  .openapi('Paper');
export type Paper = z.infer<typeof Paper>;
