// Times importing 50,000 rows: a dry run, the import itself (one transaction, every row audited)
// and the same file again (nothing to change). Prints the figures; asserts nothing.
import { createApp } from '../../server/app';
import { hashPassword } from '../../server/auth/passwords';
import { openDatabase } from '../../server/db/connection';
import { migrate } from '../../server/db/migrate';
import { createAccountRepository } from '../../server/db/repositories/accounts';
import { loadPaperData, seedFromPapers } from '../../server/db/seed';

const ROWS = 50_000;
const db = openDatabase(':memory:');
migrate(db);
seedFromPapers(db, loadPaperData(), new Date());

// The papers have eight savings lines; a ledger of 50,000 figures needs a larger plan.
const LINES = 420;
const YEARS = Array.from({ length: 10 }, (_, i) => `${2010 + i}-${String(11 + i).padStart(2, '0')}`);
db.transaction(() => {
  db.prepare("INSERT INTO functions (slug, name, collaboration_slug, description) VALUES ('bench', 'Benchmark function', 'bch', 'A large plan for timing imports')").run();
  const baseline = db.prepare("INSERT INTO baselines (function_slug, version, name, reason, adopted_on, created_at, created_by) VALUES ('bench', 1, 'Bench', 'Bench', '2010-04-01', '2026-01-01T00:00:00Z', 'bench')").run().lastInsertRowid;
  for (let l = 0; l < LINES; l += 1) {
    const line = db.prepare("INSERT INTO savings_lines (function_slug, code, name, category, driver, kind, recurrence) VALUES ('bench', ?, ?, 'non-payroll', 'bench', 'cashable', 'recurring')").run(`bench-${l}`, `Line ${l}`).lastInsertRowid;
    for (const fy of YEARS) db.prepare('INSERT INTO targets (baseline_id, savings_line_id, fiscal_year, amount_pence) VALUES (?, ?, ?, 1200000)').run(baseline, line, fy);
  }
})();
const accounts = createAccountRepository(db);
const id = accounts.insertUser({ email: 'bench@example.org', displayName: 'Bench', passwordHash: await hashPassword('bench passphrase here'), at: new Date().toISOString() });
accounts.replaceGrants(id, [{ role: 'function-owner', force: null, function: 'bench' }]);

const rows = ['function,line,measure,fiscal_year,month,force,amount_gbp'];
outer: for (let l = 0; l < LINES; l += 1) {
  for (const fy of YEARS) {
    const start = Number(fy.slice(0, 4));
    for (let m = 0; m < 12; m += 1) {
      if (rows.length > ROWS) break outer;
      const month = m < 9 ? `${start}-${String(m + 4).padStart(2, '0')}` : `${start + 1}-${String(m - 8).padStart(2, '0')}`;
      rows.push(`bench,bench-${l},actual,${fy},${month},,${1000 + ((l * 7 + m) % 97)}.${String(m * 7).padStart(2, '0')}`);
    }
  }
}
const csv = rows.join('\n');

const app = createApp({ db });
const signIn = await app.request('/api/auth/sign-in', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'bench@example.org', password: 'bench passphrase here' }) });
const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
const { csrfToken } = (await signIn.json()) as { csrfToken: string };

async function timed(mode: string) {
  const start = performance.now();
  const response = await app.request(`/api/imports?mode=${mode}`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'text/csv' }, body: csv });
  const report = (await response.json()) as { rows: number; added: number; changed: number; unchanged: number; errors: number };
  return { seconds: ((performance.now() - start) / 1000).toFixed(2), report };
}

const check = await timed('dry-run');
const apply = await timed('apply');
const again = await timed('apply');
const fmt = (r: { report: { rows: number; added: number; changed: number; unchanged: number; errors: number } }) => `${r.report.rows} rows: ${r.report.added} added, ${r.report.changed} changed, ${r.report.unchanged} unchanged, ${r.report.errors} errors`;
console.log(`Import of a ${(csv.length / 1024 / 1024).toFixed(1)} MB CSV of ${ROWS.toLocaleString('en-GB')} rows, in process, on this machine:`);
console.log(`  dry run (check every row):          ${check.seconds} s  (${fmt(check)})`);
console.log(`  import (one transaction, audited):  ${apply.seconds} s  (${fmt(apply)})`);
console.log(`  the same file again:                ${again.seconds} s  (${fmt(again)})`);
console.log(`  ledger entries now: ${(db.prepare('SELECT count(*) AS n FROM ledger_entries').get() as { n: number }).n}; audit entries: ${(db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n}`);
