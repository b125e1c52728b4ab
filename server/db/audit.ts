import type { Db } from './connection';

export type AuditEntry = {
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
};

// Prepared once per database, not on every write.
const inserts = new WeakMap<Db, ReturnType<Db['prepare']>>();

/** Appends to the audit log. Call it inside the transaction of the write it records. */
export function recordAudit(db: Db, entry: AuditEntry): void {
  let insert = inserts.get(db);
  if (!insert) {
    insert = db.prepare(
      `INSERT INTO audit_log (at, actor, action, entity, entity_id, before_json, after_json)
       VALUES (@at, @actor, @action, @entity, @entityId, @before, @after)`,
    );
    inserts.set(db, insert);
  }
  insert.run({
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    before: entry.before === null ? null : JSON.stringify(entry.before),
    after: entry.after === null ? null : JSON.stringify(entry.after),
  });
}
