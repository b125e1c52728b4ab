import { describe, expect, inject, it } from 'vitest';
import { screenshot, seriousAccessibilityViolations } from './browser';
import { useBrowserPage } from './session';

// A pasted or mistyped address, an unknown id, a server that cannot be reached: each says what was
// wrong, in words, with a way on; none shows something else quietly, or a browser's "Failed to fetch".
const baseUrl = inject('baseUrl');
const session = useBrowserPage();
const page = () => session.page();

describe('addresses and errors', () => {
  it('says which filter in the address it could not read, what it shows instead, and offers the clean address', async () => {
    await page().goto(`${baseUrl}/?period=garbage&asAt=not-a-date`);
    const notice = page().getByTestId('address-problems');
    await notice.waitFor();
    expect(await notice.innerText()).toContain('“garbage” is not a period (write a year as 2017-18');
    expect(await notice.innerText()).toContain('“not-a-date” is not a date (write it as 2017-03-31), so the ledger is shown as it stands today');
    expect(await seriousAccessibilityViolations(page())).toEqual([]);
    await screenshot(page(), 'address-problems');
    await notice.getByRole('link', { name: 'Open this view without them' }).click();
    await expect.poll(() => page().getByTestId('address-problems').count()).toBe(0);
    expect(new URL(page().url()).search).toBe('');
  });

  it('shows in the filter bar the year the address asks for, even one with no figures, and says what a function’s years are', async () => {
    await page().goto(`${baseUrl}/?period=2018-19`);
    await page().getByTestId('view-scope').first().waitFor();
    const year = page().getByLabel('Year', { exact: true });
    await expect.poll(async () => (await year.locator('option:checked').innerText()).trim()).toBe('FY 2018/19');
    await page().goto(`${baseUrl}/functions/ict?period=2018-19`);
    const empty = page().locator('p.empty[role="status"]');
    await empty.waitFor();
    expect(await empty.innerText()).toContain('ICT has no target, actual or forecast in FY 2018/19: its targets run from FY 2014/15 to FY 2017/18.');
  });

  it('says an unknown collaboration, benefit or presented function does not exist, with a way to what does', async () => {
    await page().goto(`${baseUrl}/?collaboration=nope`);
    const failure = page().getByTestId('load-failure').first();
    await failure.waitFor();
    expect(await failure.innerText()).not.toContain('server is running');
    expect(await failure.innerText()).toMatch(/nope/);

    await page().goto(`${baseUrl}/benefits/XYZ`);
    await page().getByRole('alert').first().waitFor();
    expect(await page().getByRole('alert').first().innerText()).not.toContain('server is running');

    await page().goto(`${baseUrl}/present/nonesuch`);
    const missing = page().getByTestId('load-failure');
    await missing.waitFor();
    expect(await missing.innerText()).toContain('There is no function “nonesuch” to present');
    expect(await page().locator('.slide').count()).toBe(0);
  });

  it('says in words when the server cannot be reached, and tries again when asked', async () => {
    await page().route('**/api/functions**', (route) => route.abort('connectionrefused'));
    await page().goto(baseUrl);
    const failure = page().getByTestId('load-failure').first();
    await failure.waitFor();
    expect(await failure.innerText()).toContain('Realise could not be reached');
    expect(await failure.innerText()).not.toContain('Failed to fetch');
    await page().unroute('**/api/functions**');
    await failure.getByRole('button', { name: 'try again' }).click();
    await page().locator('tr[data-function]').first().waitFor();
  });
});
