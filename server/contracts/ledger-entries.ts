import { z } from '@hono/zod-openapi';
import { MAX_AMOUNT_PENCE } from '../domain/money';
import { FiscalYear, Pence, Slug } from './common';

export const LedgerEntry = z
  .object({
    id: z.number().int(),
    lineId: z.number().int(),
    lineName: z.string(),
    function: Slug,
    measure: z.enum(['actual', 'forecast']),
    fiscalYear: FiscalYear.nullable(),
    month: z.string().nullable(),
    force: Slug.nullable(),
    amountPence: Pence,
    isIllustrative: z.boolean(),
    periodNote: z.string().nullable().openapi({ description: 'What the figure is, where it needs saying: "Split from the figure for the function as a whole by the FY 2017/18 shares"' }),
    sourceId: z.string().nullable(),
    reportedOn: z.string(),
    recordedAt: z.string(),
    recordedBy: z.string(),
    version: z.number().int(),
  })
  .openapi('LedgerEntry');
export type LedgerEntry = z.infer<typeof LedgerEntry>;

export const LedgerEntryList = z.object({ entries: z.array(LedgerEntry) }).openapi('LedgerEntryList');

export const LedgerEntryQuery = z.object({ function: Slug.openapi({ description: 'The function whose entries to list' }) });

const amount = z
  .number({ message: 'Write the amount in pence, as a whole number' })
  .int('Write the amount in whole pence, with no fraction of a penny')
  .min(0, 'An amount cannot be negative')
  .max(MAX_AMOUNT_PENCE, 'That amount is larger than any saving Realise can hold');

export const NewLedgerEntry = z
  .object({
    lineId: z.number().int().positive(),
    measure: z.enum(['actual', 'forecast']),
    fiscalYear: FiscalYear,
    month: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Write a month as 2017-04, or leave it out for the whole year')
      .nullable()
      .optional(),
    force: Slug.nullable().optional(),
    amountPence: amount,
  })
  .openapi('NewLedgerEntry');

const Reason = z.string().trim().max(500, 'Keep the reason under 500 characters').nullable().optional().openapi({ description: 'Why: kept in the figure’s history' });

export const UpdateLedgerEntry = z
  .object({
    amountPence: amount,
    reason: Reason,
    version: z.number().int().positive().openapi({ description: 'The version you last saw: a stale one is refused with 409' }),
  })
  .openapi('UpdateLedgerEntry');

export const DeleteLedgerEntry = z.object({ version: z.coerce.number().int().positive(), reason: Reason });

export const LedgerEntryParams = z.object({
  id: z.coerce.number().int().positive().openapi({ param: { name: 'id', in: 'path' }, example: 1 }),
});

export const ConflictBody = z
  .object({
    error: z.object({ code: z.literal('conflict'), message: z.string() }),
    current: LedgerEntry.nullable().openapi({ description: 'The entry as it is now; null if it has been removed' }),
  })
  .openapi('Conflict');

/** Many figures saved at once (the "my figures" grid): all of them, or none and each one's errors. */
export const FigureBatch = z
  .object({
    figures: z
      .array(
        z.object({
          lineId: z.number().int().positive(),
          measure: z.enum(['actual', 'forecast']),
          fiscalYear: FiscalYear,
          month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Write a month as 2017-04, or leave it out for the whole year').nullable(),
          force: Slug.nullable(),
          amountPence: amount,
          version: z
            .number()
            .int()
            .positive()
            .nullable()
            .optional()
            .openapi({ description: 'The version of the figure you saw (null: none was recorded): one changed or recorded since by someone else is refused, not overwritten' }),
        }),
      )
      .min(1, 'Give at least one figure to save')
      .max(5000, 'Save at most 5,000 figures at once'),
  })
  .openapi('FigureBatch');

const FigureProblem = z.object({
  path: z.string(),
  message: z.string(),
  kind: z.enum(['forbidden', 'conflict']).optional().openapi({ description: 'forbidden: not yours to record; conflict: the year is recorded another way' }),
});
export const FigureOutcome = z
  .object({
    index: z.number().int().openapi({ description: 'Which figure of the batch, from 0' }),
    action: z.enum(['add', 'change', 'unchanged', 'error']),
    fromPence: Pence.nullable().optional(),
    toPence: Pence.optional(),
    splitsWhole: z.boolean().optional().openapi({ description: 'Recording it splits the figure for the function as a whole between the forces first' }),
    errors: z.array(FigureProblem).optional(),
  })
  .openapi('FigureOutcome');
export const FigureBatchResult = z
  .object({ saved: z.boolean(), outcomes: z.array(FigureOutcome) })
  .openapi('FigureBatchResult');
export const FigureBatchRefused = z
  .object({ error: z.object({ code: z.literal('invalid_figures'), message: z.string() }), saved: z.literal(false), outcomes: z.array(FigureOutcome) })
  .openapi('FigureBatchRefused');

export const LedgerEntryHistory = z
  .object({
    entry: LedgerEntry.nullable().openapi({ description: 'The figure as it is now; null if removed' }),
    versions: z.array(
      z.object({
        at: z.string(),
        actor: z.string(),
        action: z.string().openapi({ description: 'record, change, split, remove, undo-remove, import' }),
        amountPence: Pence.nullable().openapi({ description: 'The figure after this write; null when removed' }),
        fromPence: Pence.nullable(),
        reason: z.string().nullable(),
        note: z.string().nullable(),
      }),
    ),
  })
  .openapi('LedgerEntryHistory');

export const MyFiguresQuery = z.object({
  fiscalYear: FiscalYear.optional().openapi({ description: 'The year to show; by default this one, or the latest with a target if none of your lines has one this year' }),
  measure: z.enum(['actual', 'forecast']).optional(),
});

const MyCell = z.object({
  month: z.string().nullable().openapi({ description: 'null: the whole year, where the line records its year as one figure' }),
  dueOn: z.string().openapi({ description: 'The date the figure is due: the 15th of the month after (for a whole year, 15 April after it)' }),
  state: z.enum(['recorded', 'missing', 'not-due', 'whole-function', 'by-force']).openapi({ description: 'by-force: the function as a whole on a year recorded by force, whose figure is the forces’ sum' }),
  entry: LedgerEntry.nullable(),
  wholeFunctionPence: Pence.nullable().openapi({ description: 'The figure recorded for the function as a whole, which a force’s figure here splits between the forces' }),
  forcesPence: Pence.nullable().openapi({ description: 'by-force: the forces’ figures for the month added up' }),
  forcesRecorded: z.array(Slug).openapi({ description: 'by-force: the forces that have recorded the month' }),
});
export const MyFigures = z
  .object({
    today: z.string(),
    fiscalYear: FiscalYear,
    fiscalYears: z.array(FiscalYear).openapi({ description: 'Years in which your lines have a target' }),
    measure: z.enum(['actual', 'forecast']),
    yearNote: z.string().nullable().openapi({ description: 'Why this year is shown, when it is not the one asked for' }),
    rows: z.array(
      z.object({
        lineId: z.number().int(),
        lineCode: z.string(),
        lineName: z.string(),
        function: Slug,
        functionName: z.string(),
        force: Slug.nullable().openapi({ description: 'null: for the function as a whole' }),
        forceName: z.string().nullable(),
        recordedAs: z.string().openapi({ description: 'How the line records this year: "by month, by force", "by month, for the function as a whole", …' }),
        cells: z.array(MyCell),
        missing: z.number().int(),
      }),
    ),
  })
  .openapi('MyFigures');
export type MyFigures = z.infer<typeof MyFigures>;
