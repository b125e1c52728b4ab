// Restores the whole database from a backup made by `npm run backup`, after checking it: SQLite's
// integrity check, a schema this Realise knows, and every published report's hash. Nothing is
// touched if any check fails. The server may stay up: it sees the restored database whole.
//   npm run restore -- /srv/backups/realise-2026-12-01.db      (DATABASE_PATH says which database)
import { parseArgs } from 'node:util';
import { recordAudit } from '../db/audit';
import { restoreDatabase } from '../db/backup';
import { openDatabase } from '../db/connection';
import { migrate } from '../db/migrate';
import { readSettings } from '../settings';

const { positionals } = parseArgs({ allowPositionals: true });
const backup = positionals[0];
if (!backup) {
  console.error('Usage: npm run restore -- /path/to/backup.db   (DATABASE_PATH says which database to replace)');
  process.exit(2);
}
const settings = readSettings();
const outcome = await restoreDatabase(backup, settings.databasePath);
if ('problems' in outcome) {
  console.error(`Nothing was restored: ${backup} has problems:\n  ${outcome.problems.join('\n  ')}`);
  process.exit(1);
}
// The copy may be from an older Realise: bring it up to date, and say in its audit log what happened.
const db = openDatabase(settings.databasePath);
db.pragma('busy_timeout = 30000');
migrate(db);
recordAudit(db, { at: new Date().toISOString(), actor: 'system: restore command', action: 'restore-database', entity: 'database', entityId: backup, before: null, after: { pages: outcome.pages } });
db.close();
console.log(`Restored ${settings.databasePath} from ${backup} (${outcome.pages} pages).`);
