import type { AuditEntry } from '../../contracts/audit';
import type { Db } from '../connection';

export type AuditFilter = { actor?: string; action?: string; entity?: string; from?: string; to?: string; before?: number; limit?: number };

/** The audit log, newest first, filtered; paged by id so a page never shifts as entries arrive. */
export function createAuditRepository(db: Db) {
  return {
    list(filter: AuditFilter): { entries: AuditEntry[]; nextBefore: number | null } {
      const where: string[] = [];
      const params: Record<string, string | number> = {};
      if (filter.actor) (where.push('actor LIKE @actor'), (params.actor = `%${filter.actor}%`));
      if (filter.action) (where.push('action = @action'), (params.action = filter.action));
      if (filter.entity) (where.push('entity = @entity'), (params.entity = filter.entity));
      if (filter.from) (where.push('at >= @from'), (params.from = filter.from));
      // "to" is a date: everything on that day counts.
      if (filter.to) (where.push('at < @to'), (params.to = `${filter.to}T99`));
      if (filter.before) (where.push('id < @before'), (params.before = filter.before));
      const limit = filter.limit ?? 100;
      const rows = db
        .prepare(
          `SELECT id, at, actor, action, entity, entity_id AS entityId, before_json AS beforeJson, after_json AS afterJson
             FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ${limit + 1}`,
        )
        .all(params) as { id: number; at: string; actor: string; action: string; entity: string; entityId: string | null; beforeJson: string | null; afterJson: string | null }[];
      const page = rows.slice(0, limit);
      return {
        entries: page.map(({ beforeJson, afterJson, ...row }) => ({
          ...row,
          before: beforeJson === null ? null : JSON.parse(beforeJson),
          after: afterJson === null ? null : JSON.parse(afterJson),
        })),
        nextBefore: rows.length > limit ? page.at(-1)!.id : null,
      };
    },
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
