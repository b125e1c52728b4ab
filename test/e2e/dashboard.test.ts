import { describe, expect, inject, it } from 'vitest';
import { screenshot, seriousAccessibilityViolations } from './browser';
import { useBrowserPage } from './session';

const baseUrl = inject('baseUrl');
const session = useBrowserPage();
const page = () => session.page();

const row = (slug: string) => page().locator(`tr[data-function="${slug}"]`);
const cell = (slug: string, figure: string) => row(slug).locator(`[data-figure="${figure}"]`);

describe('the portfolio page', () => {
  it('shows the four functions of the papers with their figures', async () => {
    await page().goto(baseUrl);
    await expect.poll(() => page().locator('tr[data-function]').count()).toBe(4);

    expect(await row('ict').locator('th').innerText()).toContain('ICT');
    expect(await cell('ict', 'headline').innerText()).toMatch(/£4\.6m\s+approximately/);
    expect(await cell('ict', 'target').innerText()).toContain('£4.438m');
    expect(await cell('ict', 'profile').innerText()).toBe('by year: £626k, £920k, £1.892m, £1m');
    expect(await cell('ict', 'delivered').innerText()).toContain('£626k');
    expect(await cell('ict', 'gap').innerText()).toContain('£3.812m');
    expect(await cell('ict', 'status').innerText()).toMatch(/On track\s+1 of 4 years with an actual/);

    expect(await row('aoj').locator('th').innerText()).toContain('Administration of Justice');
    // £654K in FY 2017/18, carried as the same saving kept into the two years after it (Realise's reading).
    expect(await cell('aoj', 'target').innerText()).toMatch(/£1\.962m\s+FY 2017\/18 to 2019\/20/);
    expect(await cell('aoj', 'profile').innerText()).toBe('by year: £654k, £654k carried, £654k carried');
    expect(await cell('aoj', 'status').innerText()).toContain('No actual yet');

    expect(await cell('firearms-licensing', 'headline').innerText()).toMatch(/£110k\s+originally predicted/);
    expect(await cell('firearms-licensing', 'delivered').innerText()).toContain('£200k');
    expect(await cell('firearms-licensing', 'gap').innerText()).toContain('£90k ahead');

    expect(await cell('ctc', 'target').innerText()).toMatch(/£400k\s+FY 2019\/20/);

    // The same figures in the table beside the chart, in full, and the chart itself drawn.
    const chartTable = page().locator('figure', { hasText: 'Target against delivered, by function' }).locator('table');
    expect(await chartTable.innerText()).toContain('£4,438,000');
    await expect.poll(() => page().locator('figure .recharts-bar-rectangle').count()).toBeGreaterThanOrEqual(6);
    // The papers' programme figures, each with its source.
    const goal = page().locator('[data-programme-figure="bch-back-office-goal"]');
    await goal.waitFor();
    expect(await goal.innerText()).toContain('£20,000,000 a year');
    await screenshot(page(), 'portfolio');
  });

  it('states the ICT reconciliation plainly', async () => {
    await page().goto(baseUrl);
    const reconciliation = page().locator('[data-reconciliation="ict"]');
    await reconciliation.waitFor();
    const text = await reconciliation.innerText();
    expect(text).toContain('headline £4.6m (approximately), profiled by year £4.438m');
    expect(text).toContain('£162k is not profiled in any year');
    expect(text).toContain('£4,600,000 − £4,438,000 = £162,000');
  });

  it('opens the source of a figure: paper, paragraph, date and words', async () => {
    await page().goto(baseUrl);
    const button = cell('ict', 'headline').getByRole('button', { name: /Source/ });
    await button.click();
    const dialog = page().getByRole('dialog', { name: 'Source of the ICT headline' });
    await dialog.waitFor();
    // The sources load once, on the first opening; wait for them rather than for a fixed time.
    await expect.poll(() => dialog.innerText()).toContain('Paper 002, paragraph 4.2(5)');
    const text = await dialog.innerText();
    expect(text).toContain('Paper 002, paragraph 4.2(5)');
    expect(text).toContain('25 February 2016');
    expect(text).toContain('a total of approximately £4.6m');
    // Opened at its top, naming no file the reader cannot open.
    expect(await dialog.evaluate((el) => el.scrollTop)).toBe(0);
    expect(text).not.toContain('.txt');
    await screenshot(page(), 'source-dialog');
    await page().keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    // Focus goes back to the button that opened it.
    expect(await button.evaluate((el) => el === document.activeElement)).toBe(true);

    // The paper itself, in Realise, at the passage.
    await button.click();
    await dialog.getByRole('link', { name: 'Read it in the paper, at this passage' }).first().click();
    const paper = page().getByTestId('paper');
    await paper.waitFor();
    expect(await page().getByRole('heading', { level: 1 }).innerText()).toMatch(/^Paper 002:/);
    const mark = paper.locator('mark#cited-passage');
    expect(await mark.innerText()).toMatch(/approximately\s+£4\.6m/);
    expect(await mark.isVisible()).toBe(true);
    expect(await seriousAccessibilityViolations(page())).toEqual([]);
    await screenshot(page(), 'paper-passage');
  });

  it('splits a chosen function by force, marked illustrative, and keeps the choice in the URL', async () => {
    await page().goto(baseUrl);
    await page().getByLabel('Function', { exact: true }).selectOption('aoj');
    const table = page().getByTestId('force-table-aoj');
    await table.waitFor();
    expect(page().url()).toContain('function=aoj');
    const herts = await table.locator('tr[data-force="hertfordshire"]').innerText();
    // A third of £654K in each of FY 2017/18 and the two years it is carried to.
    expect(herts).toContain('£654,000');
    expect(herts).toContain('Illustrative');
    expect(await page().locator('.note-illustrative').innerText()).toContain('illustrative equal shares');

    await page().reload();
    await table.waitFor();
    expect(await page().getByLabel('Function', { exact: true }).inputValue()).toBe('aoj');
    await screenshot(page(), 'portfolio-by-force-aoj');
  });

  it('has no serious or critical WCAG 2.2 AA violation', async () => {
    await page().goto(baseUrl);
    await page().locator('figure .recharts-bar-rectangle').first().waitFor();
    expect(await seriousAccessibilityViolations(page())).toEqual([]);
  });
});

describe('the function page', () => {
  it('shows Firearms Licensing’s delivery as the paper words it: over £200,000, at least £90k ahead', async () => {
    await page().goto(`${baseUrl}/functions/firearms-licensing`);
    await page().getByRole('heading', { level: 1 }).waitFor();
    const years = await page().locator('table', { hasText: 'by financial year' }).innerText();
    expect(years).toContain('over £200,000');
    expect(years).toContain('at least £90k ahead');
    const lines = await page().getByTestId('line-variances').innerText();
    expect(lines).toContain('over £200,000');
    expect(lines).toContain('at least £90k ahead');
    await page().goto(baseUrl);
    expect(await row('firearms-licensing').innerText()).toContain('over £200k');
    // Each term has one meaning, a keyboard press away.
    await page().getByText('How to read these figures').focus();
    await page().keyboard.press('Enter');
    const terms = await page().getByTestId('how-to-read').innerText();
    expect(terms).toContain('never one force’s figure standing for the whole');
    expect(terms).toContain('at least £90k ahead');
  });

  it('drills from the portfolio into ICT: years, lines, reconciliation, sources', async () => {
    await page().goto(baseUrl);
    await row('ict').getByRole('link', { name: 'ICT' }).click();
    await page().getByRole('heading', { level: 1, name: 'ICT' }).waitFor();
    expect(new URL(page().url()).pathname).toBe('/functions/ict');

    const years = await page().locator('table', { hasText: 'ICT by financial year' }).innerText();
    expect(years).toMatch(/FY 2014\/15\s+£626,000\s+£626,000/);
    // The year's lines include "circa £1.507m", so the year's target is approximate too.
    expect(years).toMatch(/FY 2016\/17\s+approximately £1,892,000\s+none recorded/);

    const staff = await page().locator('tr[data-line="ict-staff"]').innerText();
    expect(staff).toContain('£1,507,000');
    expect(staff).toContain('“circa £1.507m”');

    const reconciliation = await page().getByTestId('headline-reconciliation').innerText();
    expect(reconciliation).toContain('The headline is £4.6m (approximately); the yearly profile adds up to £4.438m; so £162k is unprofiled');

    const sources = page().locator('.sources-list > li');
    expect(await sources.count()).toBeGreaterThanOrEqual(12);
    await screenshot(page(), 'function-ict');

    await page().goBack();
    await page().locator('tr[data-function]').first().waitFor();
    expect(new URL(page().url()).pathname).toBe('/');
  });

  it('says plainly when a function does not exist', async () => {
    await page().goto(`${baseUrl}/functions/payroll`);
    await page().getByRole('heading', { name: 'No such function' }).waitFor();
    expect(await page().locator('main').innerText()).toContain('There is no function "payroll"');
  });

  it('has no serious or critical WCAG 2.2 AA violation', async () => {
    await page().goto(`${baseUrl}/functions/ict`);
    await page().locator('figure .recharts-bar-rectangle').first().waitFor();
    expect(await seriousAccessibilityViolations(page())).toEqual([]);
  });
});
