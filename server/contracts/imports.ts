import { z } from '@hono/zod-openapi';

export const ImportOutcome = z.union([
  z.object({
    row: z.number().int(),
    action: z.enum(['add', 'change', 'unchanged']),
    line: z.string(),
    period: z.string(),
    force: z.string().nullable(),
    measure: z.string(),
    fromPence: z.number().int().nullable(),
    toPence: z.number().int(),
  }),
  z.object({ row: z.number().int(), action: z.literal('error'), errors: z.array(z.object({ column: z.string(), message: z.string() })) }),
]);

export const ImportReport = z
  .object({
    applied: z.boolean().openapi({ description: 'Whether the rows were written (never with any error)' }),
    fileHash: z.string(),
    rows: z.number().int(),
    added: z.number().int(),
    changed: z.number().int(),
    unchanged: z.number().int(),
    errors: z.number().int(),
    outcomes: z.array(ImportOutcome),
  })
  .openapi('ImportReport');
export type ImportReport = z.infer<typeof ImportReport>;

export const ImportQuery = z.object({
  mode: z.enum(['dry-run', 'apply']).openapi({ description: 'dry-run shows what would happen; apply writes all of it or nothing' }),
});

export const FormatQuery = z.object({ format: z.enum(['csv', 'xlsx']) });
