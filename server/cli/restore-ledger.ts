// Restores the whole ledger from a backup downloaded from /api/export/ledger (CSV or .xlsx):
//   npm run restore-ledger -- --by admin@example.org realise-ledger-2026-12-01.xlsx
// It replaces every actual and forecast in DATABASE_PATH (default data/realise.db) with the file's,
// in one transaction, audited in the administrator's name; a file with any error changes nothing.
// Stop the server first, or run it while nobody records: the restore waits for the write lock.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/connection';
import { migrate } from '../db/migrate';
import { createAccountRepository } from '../db/repositories/accounts';
import { fileHashOf, readBackup, restoreLedger } from '../services/ledger-restore';
import { readSettings } from '../settings';

const { values, positionals } = parseArgs({ options: { by: { type: 'string' } }, allowPositionals: true });
const file = positionals[0];
const by = values.by?.trim().toLowerCase();
if (!file || !by) {
  console.error('Usage: npm run restore-ledger -- --by admin@example.org BACKUP.xlsx   (or .csv; DATABASE_PATH says which database)');
  process.exit(2);
}
const kind = extname(file).toLowerCase() === '.xlsx' ? 'xlsx' : 'csv';

const settings = readSettings();
const db = openDatabase(settings.databasePath);
// A command may wait for the server's writes to finish; a request may not.
db.pragma('busy_timeout = 30000');
migrate(db);
const accounts = createAccountRepository(db);
const user = accounts.userByEmail(by);
if (!user || !user.isActive || !accounts.grants(user.id).some((g) => g.role === 'administrator')) {
  console.error(`${by} is not an active administrator of ${settings.databasePath}; only an administrator may restore the ledger.`);
  process.exit(1);
}

const content = readFileSync(file);
const read = await readBackup(content, kind);
if ('problem' in read) {
  console.error(read.problem);
  process.exit(1);
}
const outcome = restoreLedger(db, read.rows, { actor: by, at: new Date().toISOString(), fileHash: fileHashOf(content) });
if ('problems' in outcome) {
  console.error(`Nothing was restored: ${outcome.problems.length} problem(s) in ${file}.`);
  for (const p of outcome.problems.slice(0, 50)) console.error(`  row ${p.row}, ${p.column}: ${p.message}`);
  process.exit(1);
}
console.log(`Restored ${outcome.restored} ledger entries into ${settings.databasePath} (replacing ${outcome.replaced}), audited as ${by}.`);
db.close();
