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

export const UpdateLedgerEntry = z
  .object({
    amountPence: amount,
    version: z.number().int().positive().openapi({ description: 'The version you last saw: a stale one is refused with 409' }),
  })
  .openapi('UpdateLedgerEntry');

export const DeleteLedgerEntry = z.object({ version: z.coerce.number().int().positive() });

export const LedgerEntryParams = z.object({
  id: z.coerce.number().int().positive().openapi({ param: { name: 'id', in: 'path' }, example: 1 }),
});

export const ConflictBody = z
  .object({
    error: z.object({ code: z.literal('conflict'), message: z.string() }),
    current: LedgerEntry.nullable().openapi({ description: 'The entry as it is now; null if it has been removed' }),
  })
  .openapi('Conflict');
