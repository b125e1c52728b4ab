import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Db } from './connection';
import { loadMigrations } from './migrate';

// The whole database, backed up while the server runs, and restored only once the copy is known to
// be sound. The backup is VACUUM INTO: one read transaction, so one consistent snapshot however busy
// the writers (a plain cp of a live WAL database can lose acknowledged writes, and the page-by-page
// backup API starts again whenever another connection writes). Restoring uses SQLite's backup API
// from the still copy into the live file, so connections that have it open see it whole.

/** Copies the database, as it stands at one moment, to a new file. */
export function backUpDatabase(db: Db, destination: string): { pages: number } {
  if (existsSync(destination)) throw new Error(`${destination} already exists: choose a new file for each backup`);
  db.prepare('VACUUM INTO ?').run(destination);
  const copy = new Database(destination, { readonly: true });
  try {
    return { pages: copy.pragma('page_count', { simple: true }) as number };
  } finally {
    copy.close();
  }
}

/** Why a file must not be restored: not a sound SQLite file, newer than this Realise, or a published report whose hash no longer matches. */
export function backupProblems(path: string): string[] {
  if (!existsSync(path)) return [`There is no file ${path}.`];
  let copy: Database.Database;
  try {
    copy = new Database(path, { readonly: true, fileMustExist: true });
  } catch (error) {
    return [`${path} cannot be opened as a database: ${(error as Error).message}`];
  }
  const problems: string[] = [];
  try {
    const integrity = copy.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`The copy fails SQLite's integrity check: ${String(integrity)}`);
    const version = copy.pragma('user_version', { simple: true }) as number;
    const newest = loadMigrations().at(-1)?.version ?? 0;
    if (version === 0) problems.push('The copy is not a Realise database (it has no migrations).');
    if (version > newest) problems.push(`The copy is at schema version ${version}, newer than this Realise knows (${newest}): restore it with the Realise that made it.`);
    if (problems.length === 0) {
      const reports = copy.prepare('SELECT id, content, content_hash AS contentHash FROM reports').all() as { id: number; content: string; contentHash: string }[];
      for (const report of reports) {
        if (createHash('sha256').update(report.content, 'utf8').digest('hex') !== report.contentHash) problems.push(`Published report ${report.id} no longer matches its hash.`);
      }
    }
  } catch (error) {
    problems.push(`The copy cannot be read: ${(error as Error).message}`);
  } finally {
    copy.close();
  }
  return problems;
}

/** Replaces the live database with a checked backup; nothing is touched if the backup has a problem. */
export async function restoreDatabase(backupPath: string, livePath: string): Promise<{ problems: string[] } | { pages: number }> {
  const problems = backupProblems(backupPath);
  if (problems.length > 0) return { problems };
  const source = new Database(backupPath, { readonly: true, fileMustExist: true });
  try {
    const progress = await source.backup(livePath);
    return { pages: progress.totalPages };
  } finally {
    source.close();
  }
}
