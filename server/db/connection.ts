import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

export type Db = Database.Database;

/** Opens the ledger database: WAL for readers beside the one writer, foreign keys enforced. */
export function openDatabase(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  if (path !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  // INSERT OR REPLACE deletes the row it replaces; without this, that delete fires no trigger, so
  // it could rewrite the append-only audit log or a frozen report, and leave the roll-ups wrong.
  db.pragma('recursive_triggers = ON');
  // better-sqlite3 waits for a lock synchronously, and the whole server with it: wait briefly, then
  // let the write fail as busy (answered 503, try again) rather than freeze every other request.
  db.pragma('busy_timeout = 200');
  // WAL is safe with NORMAL: a crash may lose the last commit, never corrupt the file.
  db.pragma('synchronous = NORMAL');
  return db;
}
