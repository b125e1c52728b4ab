import { describe, expect, inject, it } from 'vitest';
import { screenshot, seriousAccessibilityViolations } from './browser';
import { addPerson, signIn, useBrowserPage } from './session';

// The Hertfordshire finance officer's month on the demo data set, where every line and year with a
// target is recorded by month for the function as a whole: open My figures, type three months,
// paste two more from a spreadsheet, save, and see the portfolio change.
const recordingUrl = inject('recordingUrl');
const admin = inject('recordingAdmin');
const session = useBrowserPage();
const page = () => session.page();
const HERTS = { email: 'herts.finance@example.org', password: 'hertfordshire month end figures' };

const ictDelivered = () => page().locator('tr[data-function="ict"] [data-figure="delivered"]').innerText();
const cell = (month: string) => page().getByLabel(new RegExp(`^Application convergence, Hertfordshire[^,]*, ${month}, in pounds$`));

describe('my figures', () => {
  it('lets the Hertfordshire officer type three months, paste two, save them at once, and see the portfolio change', async () => {
    await signIn(page(), recordingUrl, admin);
    expect(await addPerson(page(), { ...HERTS, displayName: 'Herts Finance', grants: [{ role: 'force-editor', force: 'hertfordshire', function: null }] })).toBe(201);

    await signIn(page(), recordingUrl, HERTS);
    await page().goto(`${recordingUrl}/?period=2017-18`);
    await page().locator('tr[data-function="ict"]').waitFor();
    const before = await ictDelivered();

    await page().getByRole('navigation', { name: 'Account and tools' }).getByRole('link', { name: 'My figures' }).click();
    await page().getByRole('heading', { name: 'My figures' }).waitFor();
    // No line has a target this year: the page says which year it shows instead.
    expect(await page().locator('.notice').innerText()).toMatch(/None of your lines has a target in FY \d{4}\/\d{2}, so this shows FY \d{4}\/\d{2}/);
    await page().getByLabel('Financial year').selectOption({ label: 'FY 2017/18' });
    const grid = page().getByTestId('my-figures');
    await grid.waitFor();
    await expect.poll(() => grid.locator('caption').innerText()).toContain('FY 2017/18');
    expect(await cell('Apr 2017').getAttribute('aria-describedby')).toBeTruthy();
    expect(await grid.innerText()).toContain('recorded by month, for the function as a whole');

    // Typed, moving on with Tab, as in a spreadsheet.
    await cell('Apr 2017').click();
    await page().keyboard.type('1,000');
    await page().keyboard.press('Tab');
    await page().keyboard.type('1,100');
    await page().keyboard.press('Tab');
    await page().keyboard.type('1200.50');
    // Two cells copied from a spreadsheet, pasted into July.
    await cell('Jul 2017').focus();
    await cell('Jul 2017').evaluate((input) => {
      const data = new DataTransfer();
      data.setData('text/plain', '1300\t1400\n');
      input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    expect(await cell('Aug 2017').inputValue()).toBe('1400');

    // A slip first: nothing is saved, and the cell says why.
    await cell('Sept? 2017').fill('12,5OO');
    await page().getByRole('button', { name: 'Save all' }).click();
    const problem = page().locator('.error-summary');
    await problem.waitFor();
    expect(await problem.innerText()).toContain('Nothing was saved');
    expect(await problem.innerText()).toContain('"12,5OO" is not an amount: "O" is not a digit');
    expect(await cell('Sept? 2017').getAttribute('aria-invalid')).toBe('true');
    expect(await seriousAccessibilityViolations(page())).toEqual([]);
    await screenshot(page(), 'my-figures-error');

    await cell('Sept? 2017').fill('');
    await page().getByRole('button', { name: 'Save all' }).click();
    const saved = page().getByTestId('my-figures-status');
    await saved.waitFor();
    expect(await saved.innerText()).toContain('Saved 5 figures');
    expect(await saved.innerText()).toContain('split between the forces by the year’s shares');
    await expect.poll(() => cell('Apr 2017').locator('xpath=..').getAttribute('data-state')).toBe('recorded');
    expect(await seriousAccessibilityViolations(page())).toEqual([]);
    await screenshot(page(), 'my-figures-saved');

    await page().goto(`${recordingUrl}/?period=2017-18`);
    await page().locator('tr[data-function="ict"]').waitFor();
    await expect.poll(ictDelivered).not.toBe(before);
  });

  it('asks before removing a figure, and undoes the removal', async () => {
    await signIn(page(), recordingUrl, HERTS);
    await page().getByRole('link', { name: 'Record figures' }).click();
    await page().getByLabel('Function', { exact: true }).selectOption({ label: 'ICT' });
    const table = page().getByTestId('entries-table');
    await table.waitFor();
    const rows = () => table.locator('tbody tr[data-entry]').count();
    const count = await rows();
    const row = table.locator('tr[data-entry]', { hasText: 'Apr 2017' }).filter({ hasText: 'Hertfordshire' }).first();
    await row.getByRole('button', { name: /^Remove/ }).click();
    expect(await row.innerText()).toContain('Remove £1,000?');
    await row.getByRole('button', { name: 'Keep it' }).click();
    expect(await rows()).toBe(count);
    await row.getByRole('button', { name: /^Remove/ }).click();
    await row.getByRole('button', { name: 'Yes, remove it' }).click();
    const notice = page().getByTestId('removed-notice');
    await notice.waitFor();
    expect(await notice.innerText()).toContain('Removed £1,000 for Apr 2017, Application convergence');
    await expect.poll(rows).toBe(count - 1);
    await notice.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(rows).toBe(count);

    const back = table.locator('tr[data-entry]', { hasText: 'Apr 2017' }).filter({ hasText: 'Hertfordshire' }).first();
    await back.getByRole('button', { name: /^History/ }).click();
    const history = page().getByTestId('entry-history');
    await history.waitFor();
    expect(await history.innerText()).toMatch(/Recorded £1,000 by herts\.finance@example\.org[\s\S]*Removed[\s\S]*Put back £1,000/);
    expect(await seriousAccessibilityViolations(page())).toEqual([]);
    await screenshot(page(), 'record-history');
  });
});
