import { z } from '@hono/zod-openapi';
import { IsoDate } from './common';

export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditPage = z
  .object({ entries: z.array(AuditEntry), nextBefore: z.number().int().nullable().openapi({ description: 'Pass as before= for the next page' }) })
  .openapi('AuditPage');

export const AuditQuery = z.object({
  actor: z.string().max(254).optional(),
  action: z.string().max(60).optional(),
  entity: z.string().max(60).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});
