import { createHash } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
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

type AuditRow = { id: number; at: string; actor: string; action: string; entity: string; entityId: string | null; beforeJson: string | null; afterJson: string | null; chainHash: string | null };

/**
 * A row's link in the chain: the hash of the row before it and of this row's content, so changing
 * or removing any row, or putting one between two others, shows at that row.
 */
export function chainHashOf(previous: string | null, row: Omit<AuditRow, 'id' | 'chainHash'>): string {
  return createHash('sha256')
    .update(`${previous ?? ''}\n${JSON.stringify([row.at, row.actor, row.action, row.entity, row.entityId, row.beforeJson, row.afterJson])}`, 'utf8')
    .digest('hex');
}

// Prepared once per database, not on every write.
const statements = new WeakMap<Db, { insert: ReturnType<Db['prepare']>; last: Statement<[]> }>();

/** Appends to the audit log, linked to the row before it. Call it inside the transaction of the write it records. */
export function recordAudit(db: Db, entry: AuditEntry): void {
  let prepared = statements.get(db);
  if (!prepared) {
    prepared = {
      insert: db.prepare(
        `INSERT INTO audit_log (at, actor, action, entity, entity_id, before_json, after_json, chain_hash)
         VALUES (@at, @actor, @action, @entity, @entityId, @beforeJson, @afterJson, @chainHash)`,
      ),
      last: db.prepare<[]>('SELECT chain_hash FROM audit_log ORDER BY id DESC LIMIT 1').pluck(),
    };
    statements.set(db, prepared);
  }
  const row = {
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    beforeJson: entry.before === null ? null : JSON.stringify(entry.before),
    afterJson: entry.after === null ? null : JSON.stringify(entry.after),
  };
  // Inside the write's transaction, so no other write can come between reading the last link and adding this one.
  const previous = (prepared.last.get() as string | null | undefined) ?? null;
  prepared.insert.run({ ...row, chainHash: chainHashOf(previous, row) });
}

export type ChainCheck = { rows: number; firstId: number | null; lastId: number | null; lastHash: string | null; broken: { id: number; problem: string } | null };

/**
 * Checks the chain from its first hashed row (or from `afterId`, given the hash an archived copy
 * ended with), and says at which row it first breaks.
 */
export function verifyAuditChain(db: Db, from: { afterId?: number; previousHash?: string } = {}): ChainCheck {
  const rows = db
    .prepare(
      `SELECT id, at, actor, action, entity, entity_id AS entityId, before_json AS beforeJson, after_json AS afterJson, chain_hash AS chainHash
         FROM audit_log WHERE id > ? ORDER BY id`,
    )
    .iterate(from.afterId ?? 0) as IterableIterator<AuditRow>;
  let previous: string | null = from.previousHash ?? null;
  let started = from.previousHash !== undefined;
  let count = 0;
  let firstId: number | null = null;
  let lastId: number | null = null;
  let lastHash: string | null = from.previousHash ?? null;
  let expectedId: number | null = null;
  for (const row of rows) {
    if (!started) {
      // Rows written before the chain began (migration 009) carry no hash.
      if (row.chainHash === null) continue;
      started = true;
    }
    if (expectedId !== null && row.id !== expectedId) return { rows: count, firstId, lastId, lastHash, broken: { id: row.id, problem: `rows ${expectedId} to ${row.id - 1} are missing` } };
    if (row.chainHash === null || chainHashOf(previous, row) !== row.chainHash) {
      return { rows: count, firstId, lastId, lastHash, broken: { id: row.id, problem: row.chainHash === null ? 'has no hash' : 'does not match its hash: it, or one before it, was changed' } };
    }
    previous = row.chainHash;
    firstId ??= row.id;
    lastId = row.id;
    lastHash = row.chainHash;
    expectedId = row.id + 1;
    count += 1;
  }
  return { rows: count, firstId, lastId, lastHash, broken: null };
}
