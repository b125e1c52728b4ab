import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { asUser, createUser, FUNCTION_OWNER, signIn } from './accounts';
import { seededApp } from './seeded-app';

// The .xlsx downloads open in a real spreadsheet program: LibreOffice, headless, converts each to
// CSV, and the figures it reads are the ledger's. (.ci/run installs libreoffice-calc-nogui.)

function libreOfficeCsv(xlsx: Buffer): string[][] {
  const dir = mkdtempSync(join(tmpdir(), 'realise-lo-'));
  writeFileSync(join(dir, 'book.xlsx'), xlsx);
  const run = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'csv', '--outdir', dir, join(dir, 'book.xlsx')], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (run.error) throw new Error(`LibreOffice is needed for this test (apt-get install -y libreoffice-calc-nogui): ${run.error.message}`);
  expect(run.status, run.stderr).toBe(0);
  return Papa.parse<string[]>(readFileSync(join(dir, 'book.csv'), 'utf8'), { skipEmptyLines: true }).data;
}

describe('.xlsx downloads in LibreOffice', () => {
  it('the ledger backup reads back with every amount as a number, to the penny', async () => {
    const { app, db } = seededApp({ demo: true });
    const xlsx = Buffer.from(await (await app.request('/api/export/ledger?format=xlsx')).arrayBuffer());
    const rows = libreOfficeCsv(xlsx);
    expect(rows[0]).toEqual(['function', 'line', 'measure', 'fiscal_year', 'month', 'force', 'amount_gbp', 'illustrative', 'qualifier', 'as_written', 'period_note', 'source', 'reported_on', 'recorded_at', 'recorded_by']);
    const expected = db
      .prepare(
        `SELECT l.code AS line, ifnull(e.fiscal_year, '') AS fy, ifnull(e.month, '') AS month, e.measure, e.amount_pence AS pence
           FROM ledger_entries e JOIN savings_lines l ON l.id = e.savings_line_id`,
      )
      .all() as { line: string; fy: string; month: string; measure: string; pence: number }[];
    expect(rows.length - 1).toBe(expected.length);
    const read = new Map(rows.slice(1).map((r) => [`${r[1]}|${r[2]}|${r[3]}|${r[4]}`, r[6]!]));
    for (const e of expected) {
      // A number, not text: LibreOffice writes its value (54500.5), which is the pence to the penny.
      const shown = read.get(`${e.line}|${e.measure}|${e.fy}|${e.month}`)!;
      expect(shown, `${e.line} ${e.fy} ${e.month}`).toMatch(/^\d+(\.\d{1,2})?$/);
      expect(Math.round(Number(shown) * 100)).toBe(e.pence);
    }
  }, 120_000);

  it('the benefits register reads back with its measures as numbers', async () => {
    const { app, db } = seededApp({ publicRead: false, now: () => new Date('2018-05-10T09:00:00Z') });
    await createUser(db, 'ict@example.org', [FUNCTION_OWNER('ict')]);
    const signed = await signIn(app, 'ict@example.org');
    await asUser(app, signed)('POST', '/api/benefits/ICT-B4/measurements', { measuredOn: '2017-03-31', valueMilli: 20_000, dataSource: 'Activity sampling' });
    const xlsx = Buffer.from(await (await app.request('/api/benefits/export?format=xlsx', { headers: { cookie: signed.cookie } })).arrayBuffer());
    const rows = libreOfficeCsv(xlsx);
    const header = rows[0]!;
    const ict4 = rows.find((r) => r[0] === 'ICT-B4')!;
    expect(ict4[header.indexOf('Baseline')]).toBe('25');
    expect(ict4[header.indexOf('Target')]).toBe('12.5');
    expect(ict4[header.indexOf('Latest measure')]).toBe('20');
    expect(ict4[header.indexOf('Status')]).toBe('Off track');
  }, 120_000);
});
