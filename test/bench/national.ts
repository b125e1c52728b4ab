// The national benchmark: 43 forces, 300 functions, ten years of monthly actuals and forecasts per
// force (about 1.5M ledger entries), built at --database PATH through Realise's own import (so every
// roll-up is kept as it would be in use) and left there. Then the real server is started on it and
// each read is timed beside the bare SQL GROUP BY of the raw ledger_entries table for the same
// figures, measured in the same run, with the ratio; then 50 connections for 15 s, the server's
// memory, how fast SIGTERM ends it under load, and recording one actual. Prints figures; asserts
// nothing. Usage: npm run bench:national -- --database /tmp/national.db [--quick]
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { hashPassword } from '../../server/auth/passwords';
import type { CurrentSession } from '../../server/auth/service';
import { openDatabase, type Db } from '../../server/db/connection';
import { migrate } from '../../server/db/migrate';
import { createAccountRepository } from '../../server/db/repositories/accounts';
import { createLedgerEntryRepository } from '../../server/db/repositories/ledger-entries';
import { isEmpty, loadPaperData, seedFromPapers } from '../../server/db/seed';
import { createLedgerImport, type ImportRow } from '../../server/services/ledger-import';
import { createRecording } from '../../server/services/recording';

const { values: args } = parseArgs({ options: { database: { type: 'string' }, quick: { type: 'boolean', default: false } } });
if (!args.database) {
  console.error('Say where to build the national ledger: npm run bench:national -- --database /tmp/national.db');
  process.exit(2);
}
const DATABASE = args.database;
const QUICK = args.quick;

// Every territorial police force of England and Wales; BTP is in the papers' seed already.
// The 43 territorial forces, without the BTP, from the reference list migration 015 writes.
let FORCES: { slug: string; name: string }[] = [];
const COLLABORATIONS = 15;
const FUNCTIONS = 300;
const LINES_PER_FUNCTION = 2;
const YEARS = Array.from({ length: 10 }, (_, i) => `${2016 + i}-${String(17 + i).padStart(2, '0')}`);
const monthsOf = (fy: string) => {
  const start = Number(fy.slice(0, 4));
  return Array.from({ length: 12 }, (_, m) => (m < 9 ? `${start}-${String(m + 4).padStart(2, '0')}` : `${start + 1}-${String(m - 8).padStart(2, '0')}`));
};
const collaborationSlug = (c: number) => `region-${String(c + 1).padStart(2, '0')}`;
const functionSlug = (f: number) => `national-${String(f + 1).padStart(3, '0')}`;
/** Ten or eleven forces a collaboration, overlapping, so each force is in three or four. */
const membersOf = (c: number) => Array.from({ length: 10 + (c % 2) }, (_, i) => FORCES[(c * 3 + i) % FORCES.length]!.slug);

function buildPlan(db: Db) {
  db.transaction(() => {
    for (let c = 0; c < COLLABORATIONS; c += 1) {
      db.prepare("INSERT INTO collaborations (slug, name, description) VALUES (?, ?, 'A synthetic regional collaboration for the national benchmark')").run(collaborationSlug(c), `Region ${c + 1} collaboration`);
      for (const force of membersOf(c)) {
        db.prepare("INSERT INTO collaboration_members (collaboration_slug, force_slug, joined_on) VALUES (?, ?, '2016-04-01')").run(collaborationSlug(c), force);
      }
    }
    for (let f = 0; f < FUNCTIONS; f += 1) {
      const slug = functionSlug(f);
      const c = f % COLLABORATIONS;
      db.prepare("INSERT INTO functions (slug, name, collaboration_slug, description) VALUES (?, ?, ?, 'A synthetic function for the national benchmark')").run(slug, `National function ${f + 1}`, collaborationSlug(c));
      const baseline = db.prepare("INSERT INTO baselines (function_slug, version, name, reason, adopted_on, created_at, created_by) VALUES (?, 1, 'Business case', 'Benchmark', '2016-04-01', '2016-04-01T00:00:00Z', 'bench')").run(slug).lastInsertRowid;
      for (let l = 0; l < LINES_PER_FUNCTION; l += 1) {
        const line = db
          .prepare("INSERT INTO savings_lines (function_slug, code, name, category, driver, kind, recurrence) VALUES (?, ?, ?, ?, 'benchmark', 'cashable', 'recurring')")
          .run(slug, `${slug}-line-${l + 1}`, `Line ${l + 1}`, l === 0 ? 'payroll' : 'non-payroll').lastInsertRowid;
        YEARS.forEach((fy, y) => {
          db.prepare('INSERT INTO targets (baseline_id, savings_line_id, fiscal_year, amount_pence) VALUES (?, ?, ?, ?)').run(baseline, line, fy, 100_000_00 + ((f * 37 + l * 11 + y * 7) % 90) * 10_000_00);
        });
      }
      const members = membersOf(c);
      for (const fy of YEARS) {
        members.forEach((force, i) => {
          // Equal shares in tenths of a percent, the remainder to the first forces.
          const base = Math.floor(1000 / members.length);
          const share = base + (i < 1000 - base * members.length ? 1 : 0);
          db.prepare("INSERT INTO apportionment_shares (function_slug, fiscal_year, force_slug, share_tenths_percent, basis, is_illustrative) VALUES (?, ?, ?, ?, 'equal', 1)").run(slug, fy, force, share);
        });
      }
    }
  })();
}

/** The ledger through the import service: one file a collaboration and year, reported after the year ends. */
function buildLedger(db: Db) {
  let clock = new Date();
  const importer = (() => { const entries = createLedgerEntryRepository(db); const now = () => clock; return createLedgerImport({ db, entries, recording: createRecording({ db, entries, now }), now }); })();
  const session: CurrentSession = {
    user: { id: 0, email: 'national-benchmark', displayName: 'National benchmark', grants: FORCES.map((f) => ({ role: 'force-editor' as const, force: f.slug, function: null })), mustChangePassword: false },
    csrfToken: '',
    tokenHash: '',
  };
  let written = 0;
  const started = performance.now();
  YEARS.forEach((fy, y) => {
    for (let c = 0; c < COLLABORATIONS; c += 1) {
      // Each collaboration closes its year on its own day in April and May.
      clock = new Date(Date.UTC(Number(fy.slice(0, 4)) + 1, 3, 5 + c * 2, 9));
      const rows: ImportRow[] = [];
      for (let f = c; f < FUNCTIONS; f += COLLABORATIONS) {
        for (let l = 0; l < LINES_PER_FUNCTION; l += 1) {
          for (const force of membersOf(c)) {
            monthsOf(fy).forEach((month, m) => {
              const pounds = 700 + ((f * 13 + l * 7 + m * 5 + y * 3 + force.length) % 400);
              for (const measure of ['actual', 'forecast']) {
                rows.push({ function: functionSlug(f), line: `${functionSlug(f)}-line-${l + 1}`, measure, fiscal_year: fy, month, force, amount_gbp: `${measure === 'actual' ? pounds : pounds + 50}.${String((m * 7) % 100).padStart(2, '0')}` });
              }
            });
          }
        }
      }
      const result = importer.apply(session, rows, Buffer.from(`${fy}|${c}`));
      if (!result.applied) throw new Error(`import refused: ${JSON.stringify(result.report.outcomes.find((o) => o.action === 'error'))}`);
      written += rows.length;
    }
    console.log(`  ${fy}: ${written.toLocaleString('en-GB')} entries (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  });
  return written;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function rssMb(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

async function startServer(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../../server/main.ts', import.meta.url))], {
    env: { ...process.env, DATABASE_PATH: DATABASE, PORT: String(port), PUBLIC_READ: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr!.on('data', (d) => process.stderr.write(`  server: ${d}`));
  for (let i = 0; i < 300; i += 1) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the server did not start');
}

// --- build ----------------------------------------------------------------------------------------
const fresh = !existsSync(DATABASE);
{
  const db = openDatabase(DATABASE);
  migrate(db);
  if (isEmpty(db)) seedFromPapers(db, loadPaperData(), new Date('2016-04-01T00:00:00Z'));
  FORCES = db.prepare("SELECT slug, name FROM forces WHERE slug <> 'btp' ORDER BY name").all() as { slug: string; name: string }[];
  const built = db.prepare("SELECT count(*) AS n FROM functions WHERE slug LIKE 'national-%'").get() as { n: number };
  if (built.n === 0) {
    console.log(`Building the national ledger at ${DATABASE} through the import service:`);
    const started = performance.now();
    buildPlan(db);
    const entries = buildLedger(db);
    console.log(`  built ${entries.toLocaleString('en-GB')} entries in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  } else {
    console.log(`Using the national ledger already at ${DATABASE}${fresh ? '' : ' (delete the file to build it again)'}`);
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  const counts = db.prepare(`SELECT (SELECT count(*) FROM forces) AS forces, (SELECT count(*) FROM functions) AS functions,
    (SELECT count(*) FROM savings_lines) AS lines, (SELECT count(*) FROM ledger_entries) AS entries`).get() as Record<string, number>;
  console.log(`  ${counts.forces} forces, ${counts.functions} functions, ${counts.lines} savings lines, ${counts.entries!.toLocaleString('en-GB')} ledger entries`);
  const accounts = createAccountRepository(db);
  if (!accounts.userByEmail('editor@national.example')) {
    const id = accounts.insertUser({ email: 'editor@national.example', displayName: 'Kent editor', passwordHash: await hashPassword('national benchmark passphrase'), at: new Date().toISOString() });
    accounts.replaceGrants(id, [{ role: 'force-editor', force: 'kent', function: null }]);
  }
  db.close();
}

// --- reads: each endpoint beside the bare SQL of the same figures --------------------------------
const raw = openDatabase(DATABASE);
const firstOfCollaboration = functionSlug(2);
const kentRegion = collaborationSlug(6);
const bare = {
  all: raw.prepare('SELECT savings_line_id, measure, fiscal_year, sum(amount_pence) FROM ledger_entries GROUP BY savings_line_id, measure, fiscal_year'),
  year: raw.prepare("SELECT savings_line_id, measure, sum(amount_pence) FROM ledger_entries WHERE fiscal_year = '2020-21' GROUP BY savings_line_id, measure"),
  half: raw.prepare("SELECT savings_line_id, measure, sum(amount_pence) FROM ledger_entries WHERE month BETWEEN '2020-04' AND '2020-09' GROUP BY savings_line_id, measure"),
  collaboration: raw.prepare(
    `SELECT e.savings_line_id, e.measure, e.fiscal_year, sum(e.amount_pence) FROM ledger_entries e
      WHERE e.savings_line_id IN (SELECT l.id FROM savings_lines l JOIN functions f ON f.slug = l.function_slug WHERE f.collaboration_slug = ?)
      GROUP BY e.savings_line_id, e.measure, e.fiscal_year`,
  ),
  function: raw.prepare(
    `SELECT e.savings_line_id, e.measure, e.fiscal_year, e.force_slug, sum(e.amount_pence) FROM ledger_entries e
      WHERE e.savings_line_id IN (SELECT id FROM savings_lines WHERE function_slug = ?) GROUP BY 1, 2, 3, 4`,
  ),
  force: raw.prepare("SELECT savings_line_id, measure, fiscal_year, sum(amount_pence) FROM ledger_entries WHERE force_slug = 'kent' GROUP BY 1, 2, 3"),
};
const timeSql = (statement: { all: (...a: unknown[]) => unknown[] }, ...params: unknown[]) => {
  const runs: number[] = [];
  for (let i = 0; i < (QUICK ? 3 : 7); i += 1) {
    const start = performance.now();
    statement.all(...params);
    runs.push(performance.now() - start);
  }
  return median(runs);
};

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = await startServer(port);

// A Kent editor corrects a figure between the timed reads, as the month's recording goes on, so a
// read is timed "cold" (the first after a write, which every answer kept must give way to) as well as "warm".
const signIn = await fetch(`${base}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'editor@national.example', password: 'national benchmark passphrase' }) });
const cookie = signIn.headers.get('set-cookie')?.split(';')[0] ?? '';
const { csrfToken } = (await signIn.json()) as { csrfToken: string };
// Kent's March 2026 actual on one line, changed again and again: a real write each time.
const kentEntry = raw
  .prepare(`SELECT e.id, e.version, e.amount_pence AS amountPence FROM ledger_entries e JOIN savings_lines l ON l.id = e.savings_line_id
             WHERE l.code = ? AND e.measure = 'actual' AND e.month = '2026-03' AND e.force_slug = 'kent'`)
  .get(`${functionSlug(6)}-line-1`) as { id: number; version: number; amountPence: number };
async function recordFigure(): Promise<{ ms: number; ok: boolean }> {
  const start = performance.now();
  const response = await fetch(`${base}/api/ledger-entries/${kentEntry.id}`, {
    method: 'PUT',
    headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
    body: JSON.stringify({ version: kentEntry.version, amountPence: kentEntry.amountPence + (kentEntry.version % 2 === 0 ? 100 : -100) }),
  });
  const body = (await response.json()) as { version?: number; amountPence?: number };
  if (response.ok && body.version !== undefined) {
    kentEntry.version = body.version;
    kentEntry.amountPence = body.amountPence!;
  }
  return { ms: performance.now() - start, ok: response.ok };
}
const reads: { name: string; path: string; sql: () => number }[] = [
  { name: 'portfolio, all years', path: '/api/functions', sql: () => timeSql(bare.all) },
  { name: 'portfolio, FY 2020/21', path: '/api/functions?period=2020-21', sql: () => timeSql(bare.year) },
  { name: 'portfolio, H1 2020/21', path: '/api/functions?period=2020-21-H1', sql: () => timeSql(bare.half) },
  { name: 'portfolio, as at 2021-05-01', path: '/api/functions?asAt=2021-05-01', sql: () => timeSql(bare.all) },
  { name: 'portfolio, one collaboration', path: `/api/functions?collaboration=${kentRegion}`, sql: () => timeSql(bare.collaboration, kentRegion) },
  { name: 'one function', path: `/api/functions/${firstOfCollaboration}`, sql: () => timeSql(bare.function, firstOfCollaboration) },
  { name: 'one force (Kent)', path: '/api/forces/kent', sql: () => timeSql(bare.force) },
  { name: 'report draft, H1 2020/21', path: `/api/reports/draft?collaboration=${kentRegion}&half=2020-21-H1`, sql: () => timeSql(bare.collaboration, kentRegion) },
  { name: 'portfolio .xlsx', path: '/api/export/portfolio?format=xlsx', sql: () => timeSql(bare.all) },
  // Each point of the history and each side of "what changed" is a portfolio as at a date.
  { name: 'status history, FY 2020/21 (5 dates)', path: '/api/status-history?period=2020-21', sql: () => timeSql(bare.year) },
  { name: 'what changed since, FY 2020/21', path: '/api/changes?period=2020-21&since=2020-12-31', sql: () => timeSql(bare.year) },
  { name: 'presentation .pptx, one collaboration', path: `/api/export/presentation?collaboration=${kentRegion}&period=2020-21`, sql: () => timeSql(bare.collaboration, kentRegion) },
];
const wholeLedger = timeSql(bare.all);
console.log(`\nReads on the real server (median of ${QUICK ? 3 : 7}, after one warm-up), beside the bare SQL GROUP BY of ledger_entries`);
console.log(`for the same figures, and the ratio to the bare GROUP BY of the whole ledger (${wholeLedger.toFixed(1)} ms; target: at most 0.5 and 100 ms):`);
console.log('| read | cold ms (first after a write) | warm ms | same figures, bare SQL ms | cold / whole-ledger GROUP BY |');
console.log('|---|---:|---:|---:|---:|');
const timedGet = async (path: string, retried = false): Promise<{ ms: number; status: number }> => {
  const start = performance.now();
  try {
    const response = await fetch(base + path);
    await response.arrayBuffer();
    return { ms: performance.now() - start, status: response.status };
  } catch (error) {
    // A kept-alive connection the server closed while idle (its keep-alive timeout passed during a
    // slow bare-SQL timing) fails the next request on it: asked once more on a new connection.
    if (retried || !(error instanceof TypeError)) throw error;
    return timedGet(path, true);
  }
};
for (const read of reads) {
  const cold: number[] = [];
  const warm: number[] = [];
  let status = 0;
  await timedGet(read.path);
  for (let i = 0; i < (QUICK ? 3 : 7); i += 1) {
    await recordFigure();
    const first = await timedGet(read.path);
    cold.push(first.ms);
    status = first.status;
    warm.push((await timedGet(read.path)).ms);
  }
  const sql = read.sql();
  console.log(`| ${read.name}${status === 200 ? '' : ` (HTTP ${status})`} | ${median(cold).toFixed(1)} | ${median(warm).toFixed(1)} | ${sql.toFixed(1)} | ${(median(cold) / wholeLedger).toFixed(2)} |`);
}

// --- recording one figure ------------------------------------------------------------------------
{
  const runs: number[] = [];
  let refused = 0;
  for (let i = 0; i < 20; i += 1) {
    const { ms, ok } = await recordFigure();
    runs.push(ms);
    if (!ok) refused += 1;
  }
  console.log(`\nRecording one figure (PUT /api/ledger-entries/:id, a Kent editor correcting an actual, roll-ups kept in its transaction): median ${median(runs).toFixed(1)} ms${refused ? `, ${refused} of 20 refused` : ''}`);
}

// --- 50 connections for 15 s ----------------------------------------------------------------------
async function load(seconds: number, connections: number, path: string) {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        const start = performance.now();
        try {
          const response = await fetch(base + path);
          await response.arrayBuffer();
          if (response.status !== 200) errors += 1;
        } catch {
          errors += 1;
        }
        latencies.push(performance.now() - start);
      }
    }),
  );
  // Over the time until the last answer came, which a slow server stretches past the planned seconds.
  const elapsed = (performance.now() - started) / 1000;
  return { requests: latencies.length, perSecond: latencies.length / elapsed, p99: percentile(latencies, 99), errors };
}
{
  const seconds = QUICK ? 5 : 15;
  const result = await load(seconds, 50, '/api/functions');
  const memory = rssMb(server.pid!);
  console.log(`50 connections for ${seconds} s on /api/functions: ${result.perSecond.toFixed(1)} requests a second, p99 ${result.p99.toFixed(0)} ms, ${result.errors} errors`);
  console.log(`Server memory afterwards: RSS ${memory.rss.toFixed(0)} MB (peak ${memory.peak.toFixed(0)} MB)`);
}

// --- SIGTERM under load ---------------------------------------------------------------------------
{
  const loading = load(4, 50, '/api/functions');
  await new Promise((r) => setTimeout(r, 1000));
  const start = performance.now();
  const exited = new Promise<number>((resolve) => server.on('exit', () => resolve(performance.now() - start)));
  server.kill('SIGTERM');
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), 10_000));
  const took = await Promise.race([exited, timeout]);
  if (took === null) {
    server.kill('SIGKILL');
    console.log('SIGTERM under load: still running after 10 s (killed)');
  } else {
    console.log(`SIGTERM under load: the server ended in ${(took / 1000).toFixed(2)} s`);
  }
  await loading;
}
raw.close();
process.exit(0);
