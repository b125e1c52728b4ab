// Creates an administrator from the command line, for scripted installs:
//   npm run create-admin -- --email you@example.org --name "Your Name"
// The password comes from REALISE_ADMIN_PASSWORD or, if that is not set, from the first line of
// standard input, so it never appears in the command line or the shell's history.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { hashPassword, passwordProblem } from '../auth/passwords';
import { recordAudit } from '../db/audit';
import { openDatabase } from '../db/connection';
import { migrate } from '../db/migrate';
import { createAccountRepository } from '../db/repositories/accounts';
import { isEmpty, loadPaperData, seedFromPapers } from '../db/seed';
import { readSettings } from '../settings';

const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } } });
const email = values.email?.trim().toLowerCase();
const name = values.name?.trim();
if (!email || !/^[^@\s]+@[^@\s]+$/.test(email) || !name) {
  console.error('Usage: npm run create-admin -- --email you@example.org --name "Your Name"   (password from REALISE_ADMIN_PASSWORD or standard input)');
  process.exit(2);
}

async function readPassword(): Promise<string> {
  if (process.env.REALISE_ADMIN_PASSWORD) return process.env.REALISE_ADMIN_PASSWORD;
  if (process.stdin.isTTY) process.stdout.write('Password (at least 12 characters): ');
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) return line;
  return '';
}

const password = await readPassword();
const problem = passwordProblem(password, { email, displayName: name });
if (problem) {
  console.error(problem);
  process.exit(2);
}

const settings = readSettings();
const db = openDatabase(settings.databasePath);
migrate(db);
if (isEmpty(db)) seedFromPapers(db, loadPaperData(), new Date());
const accounts = createAccountRepository(db);
if (accounts.userByEmail(email)) {
  console.error(`There is already an account for ${email}.`);
  process.exit(1);
}
const hash = await hashPassword(password);
const at = new Date().toISOString();
db.transaction(() => {
  const id = accounts.insertUser({ email, displayName: name, passwordHash: hash, at });
  accounts.replaceGrants(id, [{ role: 'administrator', force: null, function: null }]);
  // Any setup link printed earlier dies now that an administrator exists.
  accounts.retireSetupTokens(at);
  recordAudit(db, { at, actor: 'system: create-admin command', action: 'create-user', entity: 'user', entityId: String(id), before: null, after: { email, displayName: name, grants: ['administrator'] } });
})();
console.log(`Created the administrator ${email} in ${settings.databasePath}. Sign in at /sign-in.`);
db.close();
