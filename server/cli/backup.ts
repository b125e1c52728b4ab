// Backs up the whole database while the server runs: a consistent copy by SQLite's online backup API.
//   npm run backup -- /srv/backups/realise-2026-12-01.db      (DATABASE_PATH says which database)
import { parseArgs } from 'node:util';
import { backUpDatabase, backupProblems } from '../db/backup';
import { openDatabase } from '../db/connection';
import { readSettings } from '../settings';

const { positionals } = parseArgs({ allowPositionals: true });
const destination = positionals[0];
if (!destination) {
  console.error('Usage: npm run backup -- /path/to/new-backup.db   (DATABASE_PATH says which database to copy)');
  process.exit(2);
}
const settings = readSettings();
const db = openDatabase(settings.databasePath);
try {
  const { pages } = backUpDatabase(db, destination);
  const problems = backupProblems(destination);
  if (problems.length > 0) {
    console.error(`The copy at ${destination} is not sound:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`Backed up ${settings.databasePath} to ${destination} (${pages} pages), checked: integrity ok, every published report matches its hash.`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
} finally {
  db.close();
}
