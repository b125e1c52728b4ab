import { mkdtempSync, readdirSync, copyFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { recordAudit } from '../../server/db/audit';
import { openDatabase } from '../../server/db/connection';
import { loadMigrations, migrate } from '../../server/db/migrate';
import { loadPaperData, seedFromPapers } from '../../server/db/seed';
import { seededApp } from './seeded-app';

const migrationsDir = fileURLToPath(new URL('../../server/db/migrations/', import.meta.url));

describe('migrations', () => {
  it('bring a new database to the newest version, tracked by user_version, and run once', () => {
    const db = openDatabase(':memory:');
    const newest = loadMigrations().length;
    expect(migrate(db)).toEqual({ from: 0, to: newest });
    expect(db.pragma('user_version', { simple: true })).toBe(newest);
    expect(migrate(db)).toEqual({ from: newest, to: newest });
  });

  it('opens a file database in WAL mode with foreign keys on', () => {
    const dir = mkdtempSync(join(tmpdir(), 'realise-db-'));
    const db = openDatabase(join(dir, 'nested', 'ledger.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('roll back a migration that fails, leaving the version before it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'realise-migrations-')) + '/';
    for (const file of readdirSync(migrationsDir)) copyFileSync(join(migrationsDir, file), join(dir, file));
    const next = String(loadMigrations().length + 1).padStart(3, '0');
    writeFileSync(join(dir, `${next}_broken.sql`), 'CREATE TABLE half_done (x INTEGER);\nTHIS IS NOT SQL;');
    const db = openDatabase(':memory:');
    expect(() => migrate(db, loadMigrations(dir))).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(Number(next) - 1);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half_done'").get()).toEqual({ n: 0 });
  });

  it('refuse a gap in the numbering', () => {
    const dir = mkdtempSync(join(tmpdir(), 'realise-gap-')) + '/';
    writeFileSync(join(dir, '001_a.sql'), 'SELECT 1;');
    writeFileSync(join(dir, '003_c.sql'), 'SELECT 1;');
    expect(() => loadMigrations(dir)).toThrow(/out of sequence/);
  });
});

describe('the ledger’s constraints', () => {
  const { db } = seededApp();
  const lineId = (db.prepare("SELECT id FROM savings_lines WHERE code = 'aoj-blueprint'").get() as { id: number }).id;
  const insertActual = (row: Record<string, unknown>) =>
    db
      .prepare(
        `INSERT INTO ledger_entries (savings_line_id, measure, fiscal_year, month, amount_pence, reported_on, recorded_at, recorded_by)
         VALUES (@line, @measure, @fy, @month, @pence, '2018-04-30', '2018-04-30T10:00:00.000Z', 'test')`,
      )
      .run({ line: lineId, measure: 'actual', fy: '2017-18', month: null, pence: 100, ...row });

  it('refuse money that is not whole pence', () => {
    expect(() => insertActual({ pence: 100.5 })).toThrow(/REAL|integer/i);
  });

  it('refuse negative targets and actuals', () => {
    expect(() => insertActual({ pence: -1 })).toThrow(/CHECK/);
  });

  it('refuse a month outside its financial year', () => {
    expect(() => insertActual({ month: '2017-03' })).toThrow(/CHECK/);
    expect(() => insertActual({ month: '2018-04' })).toThrow(/CHECK/);
    expect(insertActual({ month: '2018-03' }).changes).toBe(1);
  });

  it('refuse a reference to a line that does not exist', () => {
    expect(() => insertActual({ line: 9999 })).toThrow(/FOREIGN KEY/);
  });

  it('keep the audit log append-only', () => {
    const entry = db.prepare('SELECT id, action, actor, after_json FROM audit_log').get() as { id: number; action: string; actor: string; after_json: string };
    expect(entry.action).toBe('seed');
    expect(JSON.parse(entry.after_json)).toMatchObject({ functions: 6, targets: 10, benefits: 16 });
    expect(() => db.prepare("UPDATE audit_log SET actor = 'someone else' WHERE id = ?").run(entry.id)).toThrow(/cannot be changed/);
    expect(() => db.prepare('DELETE FROM audit_log WHERE id = ?').run(entry.id)).toThrow(/cannot be changed/);
  });
});

describe('rows nobody may rewrite', () => {
  it('refuse INSERT OR REPLACE, which deletes the row it replaces, as they refuse a delete', () => {
    const db = openDatabase(':memory:');
    migrate(db);
    seedFromPapers(db, loadPaperData(), new Date('2026-11-25T09:00:00Z'));
    const audit = db.prepare('SELECT id, at, actor, action, entity FROM audit_log ORDER BY id LIMIT 1').get() as { id: number; at: string; actor: string; action: string; entity: string };
    expect(() =>
      db.prepare("INSERT OR REPLACE INTO audit_log (id, at, actor, action, entity) VALUES (?, ?, 'someone else', 'seed', 'nothing')").run(audit.id, audit.at),
    ).toThrow(/cannot be changed/);
    expect(db.prepare('SELECT actor FROM audit_log WHERE id = ?').get(audit.id)).toEqual({ actor: audit.actor });

    db.prepare(
      `INSERT INTO reports (collaboration_slug, half, version, published_at, published_by, published_by_name, content, content_hash, format_version, database_version, realise_version)
       VALUES ('bch', '2017-18-H1', 1, '2026-11-25T09:00:00Z', 'officer@example.org', 'Officer', '{}', ?, 2, 6, 'test')`,
    ).run('a'.repeat(64));
    expect(() =>
      db
        .prepare(
          `INSERT OR REPLACE INTO reports (id, collaboration_slug, half, version, published_at, published_by, published_by_name, content, content_hash, format_version, database_version, realise_version)
           SELECT id, collaboration_slug, half, version, published_at, published_by, published_by_name, '{"rewritten":true}', ?, 2, 6, 'test' FROM reports`,
        )
        .run('b'.repeat(64)),
    ).toThrow(/cannot be removed/);
    expect(db.prepare('SELECT content FROM reports').get()).toEqual({ content: '{}' });
  });

  it('keep the roll-ups right when a ledger entry is replaced', () => {
    const db = openDatabase(':memory:');
    migrate(db);
    seedFromPapers(db, loadPaperData(), new Date('2026-11-25T09:00:00Z'));
    const line = (db.prepare("SELECT id FROM savings_lines WHERE code = 'ict-application-convergence'").get() as { id: number }).id;
    const write = db.prepare(
      `INSERT OR REPLACE INTO ledger_entries (savings_line_id, measure, fiscal_year, month, amount_pence, reported_on, recorded_at, recorded_by)
       VALUES (?, 'actual', '2017-18', '2017-06', ?, '2017-07-01', '2026-11-25T09:00:00Z', 'test')`,
    );
    write.run(line, 1_000);
    write.run(line, 2_500);
    const rolled = db.prepare("SELECT sum(amount_pence) AS pence, sum(entries) AS n FROM ledger_rollup WHERE fiscal_year = '2017-18' AND month = '2017-06'").get();
    expect(rolled).toEqual({ pence: 2_500, n: 1 });
  });
});

describe('another process holding the write lock', () => {
  it('gets a write a quick 503 with nothing written, while reads and health answer at once', async () => {
    const { createApp } = await import('../../server/app');
    const { asUser, createUser, FUNCTION_OWNER, signIn } = await import('./accounts');
    const path = join(mkdtempSync(join(tmpdir(), 'realise-busy-')), 'ledger.db');
    const db = openDatabase(path);
    migrate(db);
    seedFromPapers(db, loadPaperData(), new Date('2026-11-25T09:00:00Z'));
    const errors: unknown[] = [];
    const app = createApp({ db, now: () => new Date('2026-11-25T09:00:00Z'), publicRead: true, hashCost: { N: 1024, r: 8, p: 1 }, logError: (_m, e) => errors.push(e) });
    await createUser(db, 'owner@example.org', [FUNCTION_OWNER('ict')]);
    const as = asUser(app, await signIn(app, 'owner@example.org'));
    const lineId = (db.prepare("SELECT id FROM savings_lines WHERE code = 'ict-application-convergence'").get() as { id: number }).id;
    const entry = { lineId, measure: 'actual', fiscalYear: '2017-18', month: '2017-06', force: null, amountPence: 5_000 };

    const other = openDatabase(path);
    other.exec('BEGIN IMMEDIATE');
    const started = performance.now();
    const refused = await as('POST', '/api/ledger-entries', entry);
    const took = performance.now() - started;
    expect(refused.status).toBe(503);
    expect(refused.body.error.message).toMatch(/busy/);
    expect(took).toBeLessThan(2_000);
    expect((await app.request('/api/health')).status).toBe(200);
    expect((await app.request('/api/functions')).status).toBe(200);
    expect(db.prepare('SELECT count(*) AS n FROM ledger_entries WHERE amount_pence = 5000').get()).toEqual({ n: 0 });
    expect(errors).toEqual([]);

    other.exec('COMMIT');
    expect((await as('POST', '/api/ledger-entries', entry)).status).toBe(201);
    other.close();
    db.close();
  });
});

describe('the audit log’s hash chain', () => {
  it('holds over every row written, shows the first row changed behind the triggers’ back, and checks an archive and the live part apart', async () => {
    const { recordAudit, verifyAuditChain } = await import('../../server/db/audit');
    const db = openDatabase(':memory:');
    migrate(db);
    seedFromPapers(db, loadPaperData(), new Date('2026-11-25T09:00:00Z'));
    for (let i = 0; i < 20; i += 1) recordAudit(db, { at: `2026-11-25T09:00:${String(i).padStart(2, '0')}Z`, actor: 'someone@example.org', action: 'record', entity: 'ledger_entry', entityId: String(i), before: null, after: { amountPence: i } });
    const whole = verifyAuditChain(db);
    expect(whole.broken).toBeNull();
    expect(whole.rows).toBe((db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n);

    // An archived copy ends at row 10; the live part after it checks from that row's id and hash.
    const archivedEnd = db.prepare('SELECT id, chain_hash AS hash FROM audit_log ORDER BY id LIMIT 1 OFFSET 9').get() as { id: number; hash: string };
    expect(verifyAuditChain(db, { afterId: archivedEnd.id, previousHash: archivedEnd.hash })).toMatchObject({ broken: null, rows: whole.rows - 10 });

    // Someone with the file drops the trigger and rewrites row 15.
    const target = db.prepare('SELECT id FROM audit_log ORDER BY id LIMIT 1 OFFSET 14').get() as { id: number };
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare("UPDATE audit_log SET actor = 'someone else' WHERE id = ?").run(target.id);
    expect(verifyAuditChain(db).broken).toEqual({ id: target.id, problem: expect.stringContaining('does not match its hash') });
    // A row removed shows too.
    db.exec('DROP TRIGGER audit_log_no_delete');
    db.prepare('DELETE FROM audit_log WHERE id = ?').run(target.id + 2);
    expect(verifyAuditChain(db, { afterId: target.id, previousHash: (db.prepare('SELECT chain_hash FROM audit_log WHERE id = ?').get(target.id) as { chain_hash: string }).chain_hash })).toMatchObject({
      broken: { id: target.id + 3, problem: expect.stringContaining('missing') },
    });
  });
});

describe('migration 024', () => {
  it('keeps every recorded cost and never gives out an id a cost already had, even one withdrawn', () => {
    const db = openDatabase(':memory:');
    const all = loadMigrations();
    migrate(db, all.slice(0, 23));
    db.exec(`INSERT INTO collaborations (slug, name, description) VALUES ('c', 'C', 'A collaboration')`);
    const cost = db.prepare(`INSERT INTO programme_costs (id, collaboration_slug, fiscal_year, kind, description, amount_pence, source, entered_at, entered_by)
                             VALUES (?, 'c', '2018-19', 'one-off', 'A cost', 100, 'Test', '2026-12-02T00:00:00Z', 'someone')`);
    cost.run(1);
    cost.run(2);
    // Cost 3 was recorded and withdrawn: only the audit log still names it.
    recordAudit(db, { at: '2026-12-02T00:00:00Z', actor: 'someone', action: 'withdraw-programme-cost', entity: 'programme-cost', entityId: '3', before: { id: 3 }, after: null });
    migrate(db, all);
    expect(db.prepare('SELECT id FROM programme_costs ORDER BY id').pluck().all()).toEqual([1, 2]);
    const next = db.prepare(`INSERT INTO programme_costs (collaboration_slug, fiscal_year, kind, description, amount_pence, source, entered_at, entered_by)
                             VALUES ('c', '2018-19', 'one-off', 'Another', 100, 'Test', '2026-12-02T00:00:00Z', 'someone')`).run();
    expect(Number(next.lastInsertRowid)).toBe(4);
  });
});
