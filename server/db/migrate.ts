import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from './connection';

const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));

export type Migration = { version: number; name: string; sql: string };

/** The numbered SQL files, in order. Numbers must run 1, 2, 3… with no gap: a gap is a lost file. */
export function loadMigrations(dir = migrationsDir): Migration[] {
  const migrations = readdirSync(dir)
    .filter((file) => /^\d{3}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 3)),
      name: file,
      sql: readFileSync(`${dir}${file}`, 'utf8'),
    }));
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`migration ${migration.name} is out of sequence: expected number ${index + 1}`);
    }
  });
  return migrations;
}

/**
 * Brings the database up to the newest migration. Each migration and its user_version bump run in
 * one transaction, so a failing migration leaves the database at the version before it.
 */
export function migrate(db: Db, migrations = loadMigrations()): { from: number; to: number } {
  const from = db.pragma('user_version', { simple: true }) as number;
  const newest = migrations.at(-1)?.version ?? 0;
  if (from > newest) {
    throw new Error(`the database is at version ${from}, newer than this build of Realise knows (${newest})`);
  }
  for (const migration of migrations) {
    if (migration.version <= from) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return { from, to: Math.max(from, newest) };
}
