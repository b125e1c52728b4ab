import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { screenshot, seriousAccessibilityViolations } from './browser';
import { addPerson, signIn as signInPage, useBrowserPage, type Account } from './session';

// A finance officer's round: download the template, fill it in, import it (first with an error),
// see the dashboard change, explain it, and export it back.
const baseUrl = inject('baseUrl');
const admin = inject('baseAdmin');
const session = useBrowserPage();
const page = () => session.page();
const OFFICER = { email: 'ctc.finance@example.org', password: 'chiltern transport finance' };
const HEADER = 'function,line,measure,fiscal_year,month,force,amount_gbp';

const signIn = (who: Account) => signInPage(page(), baseUrl, who);

async function choose(file: string) {
  await page().locator('#import-file').setInputFiles({ name: 'ctc-figures.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
}

describe('importing a spreadsheet', () => {
  it('downloads the template, shows a file’s errors by row and column, then imports the corrected file', async () => {
    await signIn(admin);
    expect(await addPerson(page(), { ...OFFICER, displayName: 'CTC Finance', grants: [{ role: 'function-owner', force: null, function: 'ctc' }] })).toBe(201);

    await signIn(OFFICER);
    await page().getByRole('navigation', { name: 'Account and tools' }).getByRole('link', { name: 'Import' }).click();
    await page().getByRole('heading', { name: 'Import figures from a spreadsheet' }).waitFor();
    const [template] = await Promise.all([page().waitForEvent('download'), page().getByRole('link', { name: 'Excel (.xlsx)' }).first().click()]);
    expect(template.suggestedFilename()).toBe('realise-import-template.xlsx');

    await choose([HEADER, 'ctc,ctc-vehicle-recharge,actual,2019-20,2019-05,,30000', 'ctc,ctc-vehicle-recharge,actual,2019-20,2020-05,,31000', 'ctc,ctc-vehicle-recharge,actual,2019-20,2019-07,,32000'].join('\n'));
    await page().getByRole('button', { name: 'Check the file' }).click();
    const errors = page().getByTestId('import-errors');
    await errors.waitFor();
    expect(await errors.innerText()).toMatch(/3\s+month\s+2020-05 is not in FY 2019\/20/);
    expect(await page().getByTestId('import-report').innerText()).toContain('3 rows: 2 to add, 0 to change, 0 already recorded, 0 with no amount (skipped), 1 with errors');
    expect(await page().getByRole('button', { name: /^Import \d+ figures$/ }).count()).toBe(0);
    expect(await seriousAccessibilityViolations(page())).toEqual([]);
    await screenshot(page(), 'import-errors');

    await choose([HEADER, 'ctc,ctc-vehicle-recharge,actual,2019-20,2019-05,,30000', 'ctc,ctc-vehicle-recharge,actual,2019-20,2019-06,,31000', 'ctc,ctc-vehicle-recharge,actual,2019-20,2019-07,,32000'].join('\n'));
    await page().getByRole('button', { name: 'Check the file' }).click();
    await page().getByRole('button', { name: 'Import 3 figures' }).click();
    expect(await page().getByTestId('import-done').innerText()).toContain('Imported: 3 added, 0 changed, 0 unchanged');

    // The same file again changes nothing.
    await page().getByRole('button', { name: 'Check the file' }).click();
    await expect.poll(() => page().getByTestId('import-report').innerText()).toContain('3 rows: 0 to add, 0 to change, 3 already recorded, 0 with no amount (skipped), 0 with errors');
  });

  it('shows the imported figures on the dashboard, takes commentary on them, and exports them back', async () => {
    await signIn(OFFICER);
    expect(await page().locator('tr[data-function="ctc"] [data-figure="delivered"]').innerText()).toContain('£93k');

    await page().locator('tr[data-function="ctc"]').getByRole('link', { name: 'Chiltern Transport Consortium' }).click();
    const commentary = page().getByTestId('commentary');
    await commentary.waitFor();
    await commentary.getByLabel(/Explain the figures/).fill('Recharges fell from May, when BTP joined; the full year will show the £400k.');
    await commentary.getByRole('button', { name: 'Add the commentary' }).click();
    await expect.poll(() => commentary.innerText()).toContain('Recharges fell from May, when BTP joined');
    expect(await commentary.innerText()).toContain('ctc.finance@example.org');

    const [download] = await Promise.all([page().waitForEvent('download'), page().locator('.downloads').getByRole('link', { name: 'CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^realise-ctc-all-as-at-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text).toContain('FY 2019/20,400000.00,93000.00');
    expect(await seriousAccessibilityViolations(page())).toEqual([]);
    await screenshot(page(), 'function-ctc-after-import');
  });
});
