// Checks the audit log's hash chain, and says at which row it first breaks.
//   npm run verify-audit                                    (the database at DATABASE_PATH, whole)
//   npm run verify-audit -- --after 120000 --hash <64 hex>  (the live part after an archived copy,
//                                                            from the id and hash that copy ended with)
import { parseArgs } from 'node:util';
import { verifyAuditChain } from '../db/audit';
import { openDatabase } from '../db/connection';
import { readSettings } from '../settings';

const { values } = parseArgs({ options: { after: { type: 'string' }, hash: { type: 'string' } } });
if ((values.after === undefined) !== (values.hash === undefined) || (values.hash !== undefined && !/^[0-9a-f]{64}$/.test(values.hash))) {
  console.error('Usage: npm run verify-audit [-- --after ID --hash HASH]   (the id and 64-hex hash an archived copy ended with)');
  process.exit(2);
}
const settings = readSettings();
const db = openDatabase(settings.databasePath);
const check = verifyAuditChain(db, values.after === undefined ? {} : { afterId: Number(values.after), previousHash: values.hash! });
db.close();
if (check.broken) {
  console.error(`The audit log's chain breaks at row ${check.broken.id}: it ${check.broken.problem}. ${check.rows} rows before it check out.`);
  process.exit(1);
}
console.log(`The audit log's chain holds: ${check.rows} rows${check.firstId === null ? '' : `, ${check.firstId} to ${check.lastId}`}; the last hash is ${check.lastHash ?? '(none yet)'}.`);
