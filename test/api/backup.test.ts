import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { openDatabase } from '../../server/db/connection';
import { loadDemoData, seedDemo } from '../../server/db/demo';
import { migrate } from '../../server/db/migrate';
import { createAccountRepository } from '../../server/db/repositories/accounts';
import { loadPaperData, seedFromPapers } from '../../server/db/seed';
import { readBackup, restoreLedger } from '../../server/services/ledger-restore';
import { SEEDED_AT } from './seeded-app';

// The whole-ledger backup (GET /api/export/ledger) restored by the documented command into a
// database seeded from the papers alone: every view comes back figure for figure, illustrative
// marks, qualifiers, the papers' undated figures and "as at" included.

const root = fileURLToPath(new URL('../../', import.meta.url));
const NOW = () => new Date('2026-11-25T09:00:00Z');

function database(path: string, demo: boolean) {
  const db = openDatabase(path);
  migrate(db);
  seedFromPapers(db, loadPaperData(), SEEDED_AT);
  if (demo) seedDemo(db, loadDemoData(), SEEDED_AT);
  return db;
}

/** Every view a reader opens, as JSON, for several periods and "as at" dates. */
async function everyView(app: ReturnType<typeof createApp>) {
  const views: Record<string, unknown> = {};
  const slugs = ((await (await app.request('/api/functions')).json()) as { functions: { slug: string }[] }).functions.map((f) => f.slug);
  for (const query of ['', '?period=2017-18-H1', '?period=2019-20', '?asAt=2017-03-31', '?period=..2016-17-H2']) {
    views[`/api/functions${query}`] = await (await app.request(`/api/functions${query}`)).json();
    for (const slug of slugs) views[`/api/functions/${slug}${query}`] = await (await app.request(`/api/functions/${slug}${query}`)).json();
    views[`/api/forces/hertfordshire${query}`] = await (await app.request(`/api/forces/hertfordshire${query}`)).json();
  }
  return views;
}

describe('the whole-ledger backup', () => {
  for (const format of ['csv', 'xlsx'] as const) {
    it(`restores the demo ledger from ${format} to the same figures, by npm run restore-ledger`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'realise-backup-'));
      const original = database(join(dir, 'original.db'), true);
      const originalApp = createApp({ db: original, now: NOW, publicRead: true });
      const backup = await originalApp.request(`/api/export/ledger?format=${format}`);
      expect(backup.status).toBe(200);
      const file = join(dir, `ledger.${format}`);
      writeFileSync(file, new Uint8Array(await backup.arrayBuffer()));

      // The papers' own figures and the demo's, dated or not: all 100 entries.
      const entries = (original.prepare('SELECT count(*) AS n FROM ledger_entries').get() as { n: number }).n;
      const read = await readBackup(Buffer.from(await (await originalApp.request(`/api/export/ledger?format=${format}`)).arrayBuffer()), format);
      expect('rows' in read && read.rows.length).toBe(entries);
      expect('rows' in read && read.rows.filter((r) => r.fiscal_year === '').map((r) => [r.line, r.qualifier, r.source, r.reported_on])).toEqual([
        ['firearms-licensing-collaboration', 'over', '004-4.8', '2016-09-21'],
      ]);

      const restoredPath = join(dir, 'restored.db');
      const restored = database(restoredPath, false);
      const accounts = createAccountRepository(restored);
      const admin = accounts.insertUser({ email: 'admin@example.org', displayName: 'Admin', passwordHash: 'not used here', at: NOW().toISOString() });
      accounts.replaceGrants(admin, [{ role: 'administrator', force: null, function: null }]);
      restored.close();

      const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/restore-ledger.ts', '--by', 'admin@example.org', file], {
        cwd: root,
        env: { ...process.env, DATABASE_PATH: restoredPath },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain(`Restored ${entries} ledger entries`);

      const again = openDatabase(restoredPath);
      const restoredApp = createApp({ db: again, now: NOW, publicRead: true });
      expect(await everyView(restoredApp)).toEqual(await everyView(originalApp));
      const audit = again.prepare("SELECT actor, after_json FROM audit_log WHERE action = 'restore-ledger'").get() as { actor: string; after_json: string };
      expect(audit.actor).toBe('admin@example.org');
      expect(JSON.parse(audit.after_json)).toMatchObject({ entries });
      // The illustrative demo figures are still illustrative.
      const portfolio = (await (await restoredApp.request('/api/functions')).json()) as { functions: { slug: string; usesIllustrativeActuals: boolean }[] };
      expect(portfolio.functions.find((f) => f.slug === 'ict')!.usesIllustrativeActuals).toBe(true);
      again.close();
      original.close();
    }, 120_000);
  }

  it('changes nothing when any row is wrong, and says which row and column', async () => {
    const db = database(':memory:', true);
    const app = createApp({ db, now: NOW, publicRead: true });
    const csv = await (await app.request('/api/export/ledger?format=csv')).text();
    const broken = csv.replace(/\r\n([^\r\n]*?),no,/, (_m, start) => `\r\n${start},perhaps,`);
    const read = await readBackup(Buffer.from(broken), 'csv');
    if (!('rows' in read)) throw new Error(read.problem);
    const before = db.prepare('SELECT count(*) AS n, sum(amount_pence) AS pence FROM ledger_entries').get();
    const outcome = restoreLedger(db, read.rows, { actor: 'admin@example.org', at: NOW().toISOString(), fileHash: 'x' });
    expect(outcome).toEqual({ problems: [expect.objectContaining({ column: 'illustrative', message: 'Write yes or no.' })] });
    expect(db.prepare('SELECT count(*) AS n, sum(amount_pence) AS pence FROM ledger_entries').get()).toEqual(before);
  });
});
