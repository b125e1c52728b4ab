import { createHash } from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { recordAudit } from '../../server/db/audit';
import { openDatabase } from '../../server/db/connection';
import { loadDemoData, seedDemo } from '../../server/db/demo';
import { migrate } from '../../server/db/migrate';
import { loadPaperData, seedFromPapers } from '../../server/db/seed';
import { asUser, createUser, FUNCTION_OWNER, signIn } from './accounts';
import { SEEDED_AT, TEST_HASH_COST } from './seeded-app';

// npm run backup takes a consistent copy of the live database while it is being written to;
// npm run restore checks a copy (integrity, schema, report hashes) and puts it back whole.

const root = fileURLToPath(new URL('../../', import.meta.url));
const NOW = () => new Date('2026-11-25T09:00:00Z');
const cli = (script: string, args: string[], databasePath: string) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `server/cli/${script}.ts`, ...args], { cwd: root, env: { ...process.env, DATABASE_PATH: databasePath } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (status) => resolve({ status, stdout, stderr }));
  });

/** A live database file in a new folder, seeded from the papers (and the demo, if asked). */
function liveDatabase(name: string, demo: boolean) {
  const dir = mkdtempSync(join(tmpdir(), name));
  const live = join(dir, 'live.db');
  const db = openDatabase(live);
  migrate(db);
  seedFromPapers(db, loadPaperData(), SEEDED_AT);
  if (demo) seedDemo(db, loadDemoData(), SEEDED_AT);
  return { dir, live, db };
}

describe('backing up and restoring the whole database', () => {
  it('copies a consistent snapshot under a stream of writes, and restores it to the same figures, users, reports and audit log', async () => {
    const { dir, live, db } = liveDatabase('realise-db-backup-', true);
    const app = createApp({ db, now: NOW, publicRead: true, hashCost: TEST_HASH_COST });
    await createUser(db, 'officer@example.org', [{ role: 'programme-officer', force: null, function: null }, FUNCTION_OWNER('ict')]);
    const officer = asUser(app, await signIn(app, 'officer@example.org'));
    expect((await officer('POST', '/api/reports', { collaboration: 'bch', half: '2017-18-H1' })).status).toBe(201);

    // A stream of writes: each changes one figure and appends an audit row saying what it set, in one transaction.
    const entry = db.prepare("SELECT id FROM ledger_entries WHERE is_illustrative = 1 ORDER BY id LIMIT 1").get() as { id: number };
    const write = db.transaction((i: number) => {
      db.prepare('UPDATE ledger_entries SET amount_pence = ?, version = version + 1 WHERE id = ?').run(1_000_000 + i, entry.id);
      recordAudit(db, { at: NOW().toISOString(), actor: 'stream', action: 'change', entity: 'ledger_entry', entityId: String(entry.id), before: null, after: { amountPence: 1_000_000 + i } });
    });
    let writes = 0;
    let writing = true;
    const stream = (async () => {
      while (writing) {
        write(++writes);
        await new Promise((r) => setImmediate(r));
      }
    })();
    const backupPath = join(dir, 'backup.db');
    const backup = await cli('backup', [backupPath], live);
    writing = false;
    await stream;
    expect(backup.status, backup.stderr).toBe(0);
    expect(backup.stdout).toContain('integrity ok');
    expect(writes).toBeGreaterThan(0);

    // Consistent: the copy's figure is the one its own last audit row says was set.
    const copy = openDatabase(backupPath);
    const last = copy.prepare("SELECT after_json FROM audit_log WHERE actor = 'stream' ORDER BY id DESC LIMIT 1").get() as { after_json: string } | undefined;
    const amount = (copy.prepare('SELECT amount_pence AS pence FROM ledger_entries WHERE id = ?').get(entry.id) as { pence: number }).pence;
    if (last) expect(amount).toBe(JSON.parse(last.after_json).amountPence);
    const snapshot = (from: typeof db) => ({
      users: from.prepare('SELECT id, email, password_hash FROM users ORDER BY id').all(),
      reports: from.prepare('SELECT id, content_hash FROM reports ORDER BY id').all(),
      audit: from.prepare('SELECT id, at, actor, action, entity_id, after_json FROM audit_log ORDER BY id').all(),
      ledger: from.prepare('SELECT * FROM ledger_entries ORDER BY id').all(),
    });
    const backedUp = snapshot(copy);
    const backupApp = createApp({ db: copy, now: NOW, publicRead: true });
    const portfolio = await (await backupApp.request('/api/functions?period=2017-18')).json();
    copy.close();

    // Restore over the live database, the server's connection still open.
    const restored = await cli('restore', [backupPath], live);
    expect(restored.status, restored.stderr).toBe(0);
    const after = snapshot(db);
    expect(after.users).toEqual(backedUp.users);
    expect(after.reports).toEqual(backedUp.reports);
    expect(after.ledger).toEqual(backedUp.ledger);
    // The same audit log, and one row more saying it was restored.
    expect(after.audit.slice(0, -1)).toEqual(backedUp.audit);
    expect(after.audit.at(-1)).toMatchObject({ actor: 'system: restore command', action: 'restore-database' });
    expect(await (await app.request('/api/functions?period=2017-18')).json()).toEqual(portfolio);
    const published = await officer('GET', `/api/reports/${(backedUp.reports[0] as { id: number }).id}`);
    expect(published.body.hashVerified).toBe(true);
    // The restored audit log's hash chain holds, restore row and all.
    const verified = await cli('verify-audit', [], live);
    expect(verified.status, verified.stderr).toBe(0);
    expect(verified.stdout).toContain('chain holds');
    db.close();
  }, 120_000);

  it('refuses a copy whose published report no longer matches its hash, and touches nothing', async () => {
    const { dir, live, db } = liveDatabase('realise-db-tampered-', false);
    db.prepare(
      `INSERT INTO reports (collaboration_slug, half, version, published_at, published_by, published_by_name, content, content_hash, format_version, database_version, realise_version)
       VALUES ('bch', '2017-18-H1', 1, '2026-11-25T09:00:00Z', 'o@example.org', 'O', '{"figures":1}', ?, 2, 6, 'test')`,
    ).run(createHash('sha256').update('{"figures":1}').digest('hex'));
    db.pragma('wal_checkpoint(TRUNCATE)');
    const tampered = join(dir, 'tampered.db');
    copyFileSync(live, tampered);
    const t = openDatabase(tampered);
    t.exec("DROP TRIGGER reports_are_frozen; UPDATE reports SET content = '{\"figures\":2}'");
    t.close();
    const before = db.prepare('SELECT count(*) AS n FROM audit_log').get();
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/restore.ts', tampered], { cwd: root, env: { ...process.env, DATABASE_PATH: live }, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Published report 1 no longer matches its hash');
    expect(db.prepare('SELECT content FROM reports').get()).toEqual({ content: '{"figures":1}' });
    expect(db.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual(before);
    db.close();
  });
});
