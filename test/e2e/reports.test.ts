import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { screenshot, seriousAccessibilityViolations } from './browser';
import { addPerson, signIn as signInPage, useBrowserPage, type Account } from './session';

// A programme officer produces BCH's report for H1 2017/18 in the browser: drafts it, adds the
// commentary its red variance needs, publishes it, records a late actual, and finds the published
// report unchanged while a new draft shows the change; then republishes, compares and exports.

const baseUrl = inject('reportsUrl');
const admin = inject('reportsAdmin');
const session = useBrowserPage();
const page = () => session.page();
const OFFICER = { email: 'programme.officer@example.org', password: 'programme officer passphrase' };

const signIn = (who: Account) => signInPage(page(), baseUrl, who);

/** Records an ICT infrastructure actual for the function as a whole, as its owner (the Record page has its own tests). */
async function recordActual(month: string, amountPence: number) {
  const status = await page().evaluate(
    async ({ month, amountPence }) => {
      const state = await (await fetch('/api/auth/session')).json();
      const ict = await (await fetch('/api/functions/ict')).json();
      const line = ict.lines.find((l: { code: string }) => l.code === 'ict-infrastructure-convergence');
      const response = await fetch('/api/ledger-entries', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': state.csrfToken },
        body: JSON.stringify({ lineId: line.id, measure: 'actual', fiscalYear: '2017-18', month, force: null, amountPence }),
      });
      return response.status;
    },
    { month, amountPence },
  );
  expect(status).toBe(201);
}

const ictHalf = () => page().locator('article[data-function="ict"] table.report-figures tr[data-period="half"]').innerText();

describe('the six-monthly report', () => {
  it('is drafted, explained, published, frozen, republished, compared and exported', async () => {
    await signIn(admin);
    const grants = [
      { role: 'programme-officer', force: null, function: null },
      { role: 'function-owner', force: null, function: 'ict' },
    ];
    expect(await addPerson(page(), { ...OFFICER, displayName: 'Pat Officer', grants })).toBe(201);

    await signIn(OFFICER);
    await recordActual('2017-06', 12_000_000);

    // Draft: from the header's Reports link, by choosing the collaboration and half.
    await page().getByRole('navigation', { name: 'Account and tools' }).getByRole('link', { name: 'Reports' }).click();
    await page().getByRole('heading', { level: 1, name: 'Six-monthly reports' }).waitFor();
    await page().getByText('No report has been published yet.').waitFor();
    await page().getByLabel('Collaboration').selectOption('bch');
    await page().getByLabel('Financial year').selectOption('2017-18');
    await page().getByLabel('Half').selectOption('H1');
    await page().getByRole('button', { name: 'Draft the report' }).click();
    await page().getByRole('heading', { level: 1, name: /Draft report: Bedfordshire, Cambridgeshire and Hertfordshire Strategic Alliance, H1 2017\/18/ }).waitFor();
    expect(await ictHalf()).toMatch(/£500,000\s+£120,000\s+none recorded\s+£380,000 short\s+✕\s*Off track/);
    const missing = page().getByTestId('missing-commentary-summary');
    expect(await missing.innerText()).toContain('ICT');
    expect(await seriousAccessibilityViolations(page())).toEqual([]);
    await screenshot(page(), 'report-draft-needs-commentary');
    // Publishing with commentary missing says what is missing and asks first; not yet.
    await page().getByRole('button', { name: 'Publish this report' }).click();
    const confirm = page().getByTestId('publish-confirm');
    expect(await confirm.innerText()).toMatch(/One function still needs commentary on an amber or red variance: ICT/);
    expect(await seriousAccessibilityViolations(page())).toEqual([]);
    await confirm.getByRole('button', { name: 'Not yet: add the commentary first' }).click();
    expect(await page().getByTestId('publish-confirm').count()).toBe(0);
    expect(page().url()).toMatch(/\/reports\/draft/);

    // Commentary: the function owner explains the variance where it shows.
    const ict = page().locator('article[data-function="ict"]');
    await ict.getByLabel(/Explain the figures for H1 2017\/18/).fill('Infrastructure convergence slipped: the data centre exit moved to Q3.');
    await ict.getByRole('button', { name: 'Add the commentary' }).click();
    await ict.getByText('Infrastructure convergence slipped: the data centre exit moved to Q3.').waitFor();
    await expect.poll(() => missing.count()).toBe(0);

    // Publish, and land on the published report.
    await page().getByRole('button', { name: 'Publish this report' }).click();
    await page().getByTestId('published-banner').waitFor();
    const firstUrl = page().url();
    expect(firstUrl).toMatch(/\/reports\/\d+$/);
    const banner = await page().getByTestId('published-banner').innerText();
    expect(banner).toContain('Published, version 1');
    expect(banner).toContain('Pat Officer');
    expect(banner).toContain('checked: the stored report still has this hash');
    expect(await ictHalf()).toContain('£120,000');
    expect(await seriousAccessibilityViolations(page())).toEqual([]);
    await screenshot(page(), 'report-published');

    // A late actual: the published report shows what it showed; a new draft shows the change.
    await recordActual('2017-08', 8_000_000);
    await page().goto(firstUrl);
    await page().getByTestId('published-banner').waitFor();
    expect(await ictHalf()).toMatch(/£500,000\s+£120,000/);
    await page().getByRole('link', { name: 'Draft this half again from today’s figures' }).click();
    await page().getByRole('heading', { level: 1, name: /Draft report/ }).waitFor();
    await expect.poll(ictHalf).toMatch(/£500,000\s+£200,000/);
    expect(await page().locator('article[data-function="ict"]').getByTestId('change-since-last').innerText()).toMatch(/H1 2017\/18 \(April–September 2017\) report \(version 1\): delivered since the start up £80k/);

    // Someone adds commentary while the officer reads: publishing refuses what was not read, and shows the new draft.
    const added = await page().evaluate(async () => {
      const state = await (await fetch('/api/auth/session')).json();
      const response = await fetch('/api/functions/ict/commentary', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': state.csrfToken },
        body: JSON.stringify({ period: '2017-18-H1', body: 'August’s £80k was late from the supplier.' }),
      });
      return response.status;
    });
    expect(added).toBe(201);
    await page().getByRole('button', { name: 'Publish this report' }).click();
    expect(await page().getByRole('alert').filter({ hasText: 'changed after you opened it' }).innerText()).toMatch(/Nothing was published/);
    await page().locator('article[data-function="ict"]').getByText('August’s £80k was late from the supplier.').waitFor();

    await page().getByRole('button', { name: 'Publish this report' }).click();
    await page().getByTestId('published-banner').filter({ hasText: 'version 2' }).waitFor();

    // Reopen: both versions listed; compare them.
    await page().getByRole('link', { name: 'Six-monthly reports' }).click();
    const rows = page().getByTestId('published-reports').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    await page().getByLabel('From').selectOption({ label: 'Bedfordshire, Cambridgeshire and Hertfordshire Strategic Alliance, H1 2017/18 (April–September 2017), version 1' });
    await page().getByRole('button', { name: 'Compare' }).click();
    await page().getByRole('heading', { level: 1, name: 'What changed between two reports' }).waitFor();
    const ictChanges = page().locator('article[data-function="ict"]');
    expect(await ictChanges.locator('tr[data-field="half.deliveredPence"]').innerText()).toMatch(/Delivered in the half\s+£120,000\s+£200,000/);
    expect(await page().getByText(/^Unchanged: /).innerText()).toContain('Administration of Justice');
    expect(await seriousAccessibilityViolations(page())).toEqual([]);
    await screenshot(page(), 'report-compare');

    // Reopen the first and export it: the PDF holds what the board saw.
    await page().goto(firstUrl);
    await page().getByTestId('published-banner').waitFor();
    const [pdf] = await Promise.all([page().waitForEvent('download'), page().getByRole('link', { name: 'PDF for the board pack' }).click()]);
    expect(pdf.suggestedFilename()).toBe('realise-report-bch-2017-18-H1-v1.pdf');
    const file = join(mkdtempSync(join(tmpdir(), 'realise-e2e-pdf-')), 'report.pdf');
    await pdf.saveAs(file);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Published: version 1');
    expect(text).toContain('£120,000');
    expect(text).toContain('Infrastructure convergence slipped: the data centre exit moved to Q3.');
    const [xlsx] = await Promise.all([page().waitForEvent('download'), page().getByRole('link', { name: 'Excel (.xlsx)' }).click()]);
    expect(xlsx.suggestedFilename()).toBe('realise-report-bch-2017-18-H1-v1.xlsx');

    // Printed, the forms and links to elsewhere fall away and the report reads on its own.
    await page().emulateMedia({ media: 'print' });
    expect(await page().getByRole('link', { name: 'PDF for the board pack' }).isVisible()).toBe(false);
    await screenshot(page(), 'report-published-print');
  });
});
