import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asUser, createUser, FUNCTION_OWNER, signIn } from './accounts';
import { seededApp } from './seeded-app';

// The Summit presentation taken away as PowerPoint: LibreOffice (headless, Impress) opens it and
// turns it into a PDF, whose text is read back with pdftotext. (.ci/run installs both.)

function pptxText(pptx: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'realise-pptx-'));
  writeFileSync(join(dir, 'deck.pptx'), pptx);
  const run = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, join(dir, 'deck.pptx')], { encoding: 'utf8', timeout: 120_000 });
  if (run.error) throw new Error(`LibreOffice Impress is needed for this test (apt-get install -y libreoffice-impress-nogui): ${run.error.message}`);
  expect(run.status, run.stderr).toBe(0);
  const text = spawnSync('pdftotext', ['-layout', join(dir, 'deck.pdf'), '-'], { encoding: 'utf8' });
  expect(text.status, text.stderr).toBe(0);
  return text.stdout;
}

describe('the presentation as PowerPoint', () => {
  it('holds the overview, a slide a function with a native chart, where it falls short and the owner’s words, then those with nothing due', async () => {
    const { app, db } = seededApp({ demo: true, publicRead: false });
    await createUser(db, 'ict@example.org', [FUNCTION_OWNER('ict')]);
    const owner = asUser(app, await signIn(app, 'ict@example.org'));
    expect((await owner('POST', '/api/functions/ict/commentary', { period: '2017-18-H1', body: 'The data centre exit moved to Q3.' })).status).toBe(201);

    const signed = await signIn(app, 'ict@example.org');
    const response = await app.request('/api/export/presentation?period=2017-18', { headers: { cookie: signed.cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.presentationml.presentation');
    expect(response.headers.get('content-disposition')).toMatch(/filename="realise-presentation-2017-18-as-at-2026-11-25\.pptx"/);
    const pptx = Buffer.from(await response.arrayBuffer());
    // Native charts, not pictures: the package holds chart parts with their figures.
    expect(pptx.includes('ppt/charts/chart')).toBe(true);

    const text = pptxText(pptx).replace(/[ \t]+/g, ' ');
    expect(text).toContain('Collaborated functions: FY 2017/18');
    expect(text).toMatch(/1 off track · 0 at risk · 1 on track · 0 no actual yet · 2 with nothing due/);
    expect(text).toContain('Off track: ICT');
    expect(text).toContain('1 of 2');
    expect(text).toContain('Where it falls short');
    expect(text).toMatch(/Infrastructure convergence: £380k short/);
    expect(text).toContain('What the owner says');
    expect(text).toContain('The data centre exit moved to Q3.');
    expect(text).toMatch(/On H1 2017\/18/);
    expect(text).toContain('illustrative figures, not from the papers');
    expect(text).toContain('Nothing due in FY 2017/18');
    expect(text).toContain('Chiltern Transport Consortium');
  }, 120_000);

  it('refuses a period it cannot read, saying so', async () => {
    const { app } = seededApp();
    const bad = await app.request('/api/export/presentation?period=garbage');
    expect(bad.status).toBe(400);
  });
});
