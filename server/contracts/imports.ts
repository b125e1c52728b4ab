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
    splitsWhole: z.boolean().optional().openapi({ description: 'Recording it splits the figures recorded for the function as a whole that year between the forces first' }),
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
    skipped: z.number().int().openapi({ description: 'Rows with no amount: nothing to record (the filled template’s months not yet typed in)' }),
    outcomes: z.array(ImportOutcome),
  })
  .openapi('ImportReport');
export type ImportReport = z.infer<typeof ImportReport>;

export const ImportQuery = z.object({
  mode: z.enum(['dry-run', 'apply']).openapi({ description: 'dry-run shows what would happen; apply writes all of it or nothing' }),
});

export const FormatQuery = z.object({ format: z.enum(['csv', 'xlsx']) });

export const TemplateQuery = FormatQuery.extend({
  fiscalYear: z
    .string()
    .regex(/^\d{4}-\d{2}$/, 'Write the financial year as 2017-18')
    .optional()
    .openapi({ description: 'The year whose months the template lists for you (signed in); by default as on My figures' }),
  measure: z.enum(['actual', 'forecast']).optional(),
});
