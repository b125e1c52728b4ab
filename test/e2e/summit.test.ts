import { readFile } from 'node:fs/promises';
import { describe, expect, inject, it } from 'vitest';
import { screenshot, seriousAccessibilityViolations } from './browser';
import { useBrowserPage } from './session';

// The Summit's questions, answered by clicking alone, from the portfolio down.
const baseUrl = inject('baseUrl');
const demoUrl = inject('demoUrl');
const session = useBrowserPage();
const page = () => session.page();

const functionRow = (slug: string) => page().locator(`tr[data-function="${slug}"]`);
const waitForPortfolio = () => page().locator('tr[data-function]').first().waitFor();
const ragCount = async (rag: string) => ((await page().locator(`[data-rag-count="${rag}"]`).textContent()) ?? '').replace(/\s+/g, ' ').trim();

async function choosePeriod(kind: string, year?: string, part?: string) {
  await page().getByLabel('Period', { exact: true }).selectOption({ label: kind });
  if (year) await page().getByLabel('Year', { exact: true }).selectOption({ label: year });
  if (part) await page().getByLabel(/^(Half|Quarter)$/).selectOption({ label: part });
  // The figures of the period before stay on screen, marked busy, until the new ones come.
  await expect.poll(() => page().locator('[aria-busy="true"]').count()).toBe(0);
}

describe('drilling from the portfolio', () => {
  it('finds what ICT promised in FY 2016/17, and in which lines', async () => {
    await page().goto(baseUrl);
    await waitForPortfolio();
    await choosePeriod('A financial year', 'FY 2016/17');
    await expect.poll(() => page().getByTestId('view-scope').innerText()).toContain('FY 2016/17');
    expect(await functionRow('ict').locator('[data-figure="target"]').innerText()).toContain('£1.892m');

    await functionRow('ict').getByRole('link', { name: 'ICT' }).click();
    await page().getByRole('heading', { level: 1, name: 'ICT' }).waitFor();
    // The period follows the user into the function.
    expect(new URL(page().url()).searchParams.get('period')).toBe('2016-17');
    const lines = page().getByTestId('line-variances');
    await lines.waitFor();
    const text = await lines.innerText();
    expect(text).toMatch(/Application convergence\s+Non-payroll; application convergence\s+£227,000/);
    expect(text).toMatch(/Infrastructure convergence\s+Non-payroll; infrastructure convergence\s+£158,000/);
    expect(text).toMatch(/Staff annual savings\s+Payroll; restructuring\s+£1,507,000/);
    expect(await page().locator('[data-figure="target"]').innerText()).toContain('£1.892m');
    await screenshot(page(), 'summit-ict-2016-17');
  });

  it('finds how much of AOJ’s £654K falls to Hertfordshire, and on what basis', async () => {
    await page().goto(baseUrl);
    await waitForPortfolio();
    await functionRow('aoj').getByRole('link', { name: 'Administration of Justice' }).click();
    await page().getByRole('heading', { level: 1, name: 'Administration of Justice' }).waitFor();
    const herts = page().getByTestId('force-table-aoj').locator('tr[data-force="hertfordshire"]');
    const row = await herts.innerText();
    // A third of £654K in FY 2017/18 and in each of the two years it is carried to.
    expect(row).toContain('£654,000');
    expect(row).toContain('Equal shares');
    expect(row).toContain('Illustrative');

    await herts.getByRole('link', { name: 'Hertfordshire Constabulary' }).click();
    await page().getByRole('heading', { level: 1, name: 'Hertfordshire Constabulary' }).waitFor();
    const share = await page().locator('tr[data-share="aoj-2017-18"]').innerText();
    expect(share).toMatch(/equal\s+Illustrative\s+Equal shares\s+£218,000\s+£654,000/);
    expect(await page().locator('.note-illustrative').first().innerText()).toContain('No agreed split of these savings between forces is held');
    await screenshot(page(), 'summit-hertfordshire');
  });

  it('finds which functions are red in FY 2017/18, and why (demo data set)', async () => {
    await page().goto(demoUrl);
    await waitForPortfolio();
    await choosePeriod('A financial year', 'FY 2017/18');
    await expect.poll(() => ragCount('red')).toBe('✕1 Off track');
    // Most off track first.
    const first = page().locator('tr[data-function]').first();
    expect(await first.getAttribute('data-function')).toBe('ict');
    expect(await first.locator('[data-figure="status"]').innerText()).toContain('Off track');
    expect(await first.locator('[data-figure="delivered"]').innerText()).toContain('Illustrative');
    await screenshot(page(), 'summit-portfolio-2017-18-demo');

    await first.getByRole('link', { name: 'ICT' }).click();
    const why = page().getByTestId('line-variances');
    await why.waitFor();
    const rows = await why.locator('tbody tr').allInnerTexts();
    expect(rows[0]).toMatch(/Infrastructure convergence.*£900,000\s+£520,000\s+£700,000\s+£380k short\s+✕\s*Off track/s);
    expect(rows[1]).toMatch(/Application convergence.*£100,000\s+£60,000\s+£80,000\s+£40k short/s);
    await screenshot(page(), 'summit-ict-2017-18-demo');
  });

  it('says no function is red in FY 2017/18 on the papers alone: two have no actual yet', async () => {
    await page().goto(`${baseUrl}/?period=2017-18`);
    await waitForPortfolio();
    expect(await ragCount('red')).toBe('✕0 Off track');
    expect(await ragCount('none')).toBe('–2 No actual yet');
    expect(await ragCount('not-in-period')).toBe('2 with nothing due in this period');
  });

  it('judges a half on its monthly actuals: AOJ at risk in H1 2017/18', async () => {
    await page().goto(demoUrl);
    await waitForPortfolio();
    await choosePeriod('A half (H1 Apr–Sep, H2 Oct–Mar)', 'FY 2017/18', 'H1 (April–September)');
    await expect.poll(() => page().getByTestId('view-scope').innerText()).toContain('H1 2017/18 (April–September 2017)');
    expect(new URL(page().url()).searchParams.get('period')).toBe('2017-18-H1');
    const aoj = await functionRow('aoj').innerText();
    expect(aoj).toContain('£327k');
    expect(aoj).toContain('£315k');
    expect(aoj).toContain('At risk');
  });
});

describe('every view keeps its state in the URL', () => {
  it('goes back and forward through filter changes, and a pasted link reopens the view', async () => {
    await page().goto(baseUrl);
    await waitForPortfolio();
    await page().getByLabel('Collaboration').selectOption({ label: 'Chiltern Transport Consortium' });
    await expect.poll(() => page().locator('tr[data-function]').count()).toBe(1);
    await page().goBack();
    await expect.poll(() => page().locator('tr[data-function]').count()).toBe(4);
    await page().goForward();
    await expect.poll(() => page().locator('tr[data-function]').count()).toBe(1);

    const pasted = await session.browser().newPage();
    await pasted.goto(page().url());
    await pasted.locator('tr[data-function="ctc"]').waitFor();
    expect(await pasted.locator('tr[data-function]').count()).toBe(1);
    expect(await pasted.getByLabel('Collaboration').inputValue()).toBe('ctc');
    await pasted.close();
  });

  it('explains an empty view and what to do', async () => {
    await page().goto(`${baseUrl}/?collaboration=seven-force`);
    const empty = page().locator('.empty');
    await empty.waitFor();
    expect(await empty.innerText()).toContain('No function of the seven-force collaboration has savings in the ledger yet');
  });

  it('shows a loading state while the ledger is on its way', async () => {
    await page().route('**/api/functions*', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 800));
      await route.continue();
    });
    await page().goto(baseUrl);
    await page().getByRole('status').filter({ hasText: 'Loading the savings ledger' }).waitFor();
    await waitForPortfolio();
  });

  it('sorts a table by a column from its header, and says so to a screen reader', async () => {
    await page().goto(baseUrl);
    await waitForPortfolio();
    const header = page().getByTestId('functions-table').locator('th', { hasText: 'Target' });
    await header.getByRole('button').click();
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    expect(await page().locator('tr[data-function]').first().getAttribute('data-function')).toBe('firearms-licensing');
    await header.getByRole('button').press('Enter');
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    expect(await page().locator('tr[data-function]').first().getAttribute('data-function')).toBe('ict');
  });
});

describe('the force view', () => {
  it('shows BTP joining CTC on 1 May 2019, with none of the saving its joining brought', async () => {
    await page().goto(`${baseUrl}/forces/btp`);
    const memberships = page().getByTestId('memberships');
    await memberships.waitFor();
    const ctc = await memberships.locator('tr[data-membership="ctc"]').innerText();
    expect(ctc).toContain('1 May 2019');
    expect(ctc).toContain('Bedfordshire Police (joined December 2016)');
    const share = await page().locator('tr[data-share="ctc-2019-20"]').innerText();
    expect(share).toMatch(/none\s+Illustrative/);
    expect(share).toContain('BTP, the new member, shares none of this saving');
    await screenshot(page(), 'force-btp');
  });

  it('shows Bedfordshire’s CTC membership changing when BTP joined', async () => {
    await page().goto(`${baseUrl}/forces/bedfordshire`);
    const ctc = page().locator('tr[data-membership="ctc"]');
    await ctc.waitFor();
    expect(await ctc.innerText()).toContain('British Transport Police (joined 1 May 2019)');
    expect(await page().locator('tr[data-share="ctc-2019-20"]').innerText()).toMatch(/equal.*£100,000\s+£400,000/s);
  });

  it('says plainly when a force does not exist', async () => {
    await page().goto(`${baseUrl}/forces/nonesuch`);
    await page().getByRole('heading', { name: 'No such force' }).waitFor();
  });

  it('says what a force in no collaboration has: the Metropolitan Police Service, one of the 44', async () => {
    await page().goto(`${baseUrl}/forces/metropolitan`);
    await page().getByRole('heading', { name: 'Metropolitan Police Service', level: 1 }).waitFor();
    expect(await page().getByTestId('no-memberships').innerText()).toBe(
      'Metropolitan Police Service is not a member of any collaboration Realise holds, so it has no share of any function’s savings.',
    );
  });
});

describe('history', () => {
  it('shows each function’s status at each quarter end of the year, then now, in words for a screen reader', async () => {
    await page().goto(`${demoUrl}/?period=2017-18`);
    await waitForPortfolio();
    const strip = page().getByTestId('status-strip-ict');
    await strip.waitFor();
    const said = await strip.locator('.visually-hidden').innerText();
    expect(said).toMatch(/^Status over time: 30 June 2017: [a-z ]+; 30 September 2017: [a-z ]+; 31 December 2017: [a-z ]+; 31 March 2018: [a-z ]+; now \(\d+ \w+ \d{4}\): off track\.$/);
    expect(await strip.locator('.strip-point').count()).toBe(5);
    expect(await seriousAccessibilityViolations(page())).toEqual([]);
  });
});

describe('what changed since the last Summit', () => {
  it('lists the functions whose status or figures moved since a chosen date, beside what they were', async () => {
    await page().goto(`${demoUrl}/?period=2017-18`);
    await waitForPortfolio();
    const changes = page().getByTestId('changes');
    await changes.getByLabel('Since the end of').fill('2017-09-30');
    const aoj = changes.locator('tr[data-changed="aoj"]');
    await aoj.waitFor();
    expect(await aoj.innerText()).toMatch(/At risk[\s\S]+On track[\s\S]+changed/);
    expect(await changes.locator('caption').innerText()).toContain('Since 30 September 2017, for FY 2017/18');
    expect(await seriousAccessibilityViolations(page())).toEqual([]);
  });
});

describe('drill-through', () => {
  it('opens what a bar shows: a function from the portfolio, keeping the period, then a year from the function', async () => {
    await page().goto(`${demoUrl}/?period=2017-18`);
    await waitForPortfolio();
    const bars = page().locator('.recharts-bar-rectangle');
    await bars.first().waitFor();
    await bars.first().click();
    await page().getByRole('heading', { level: 1, name: 'ICT' }).waitFor();
    expect(new URL(page().url()).searchParams.get('period')).toBe('2017-18');
    // On all years, a year's bar opens that year.
    await page().goto(`${demoUrl}/functions/ict`);
    await page().getByRole('heading', { level: 1, name: 'ICT' }).waitFor();
    const yearBars = page().locator('.recharts-bar-rectangle');
    await yearBars.first().waitFor();
    await yearBars.first().click();
    await expect.poll(() => new URL(page().url()).searchParams.get('period')).toBe('2014-15');
  });
});

describe('presentation mode', () => {
  it('opens on an overview, then one function a screen in large type, moving between them with the arrow keys', async () => {
    await page().goto(`${demoUrl}/present?period=2017-18`);
    const heading = page().getByRole('heading', { level: 1 });
    await expect.poll(() => heading.innerText()).toBe('Collaborated functions: FY 2017/18');
    expect(await page().getByTestId('overview-counts').innerText()).toMatch(/\d+ off track · \d+ at risk · \d+ on track/);
    expect(await page().getByTestId('overview-slide').innerText()).toContain('Most off track');
    await screenshot(page(), 'present-overview');
    const [deck] = await Promise.all([page().waitForEvent('download'), page().getByRole('link', { name: 'Take this presentation away as PowerPoint (.pptx)' }).click()]);
    expect(deck.suggestedFilename()).toMatch(/^realise-presentation-2017-18-as-at-\d{4}-\d{2}-\d{2}\.pptx$/);
    await page().keyboard.press('ArrowRight');
    await expect.poll(() => heading.innerText()).toBe('ICT');
    expect(await page().locator('.slide-position').innerText()).toContain('1 of 2 · FY 2017/18');
    expect(await page().locator('.slide-why').innerText()).toMatch(/Infrastructure convergence: £380k short\s+Application convergence: £40k short/);
    const fontSize = await heading.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(40);
    await screenshot(page(), 'present-ict');

    await page().keyboard.press('ArrowRight');
    await expect.poll(() => heading.innerText()).toBe('Administration of Justice');
    expect(new URL(page().url()).pathname).toBe('/present/aoj');
    await page().keyboard.press('ArrowLeft');
    await expect.poll(() => heading.innerText()).toBe('ICT');
    await page().keyboard.press('Escape');
    await page().getByTestId('line-variances').waitFor();
    expect(new URL(page().url()).pathname).toBe('/functions/ict');
    expect(new URL(page().url()).searchParams.get('period')).toBe('2017-18');
  });

  it('goes back by Escape to where the presenter started, and shows the functions with nothing due together', async () => {
    await page().goto(`${demoUrl}/?period=2019-20`);
    await waitForPortfolio();
    await page().getByRole('link', { name: 'Present to the Summit' }).click();
    const heading = page().getByRole('heading', { level: 1 });
    await expect.poll(() => heading.innerText()).toBe('Collaborated functions: FY 2019/20');
    await page().keyboard.press('End'); // not a slide key: nothing happens
    for (let i = 0; i < 10 && !(await page().getByTestId('nothing-due-slide').count()); i += 1) await page().keyboard.press('ArrowRight');
    expect(await page().getByTestId('nothing-due-slide').innerText()).toContain('Nothing due in FY 2019/20');
    await page().keyboard.press('Escape');
    await waitForPortfolio();
    expect(new URL(page().url()).pathname).toBe('/');
    expect(new URL(page().url()).searchParams.get('period')).toBe('2019-20');
  });
});

describe('keyboard and print', () => {
  it('reaches the skip link first and every filter by Tab, with a visible focus', async () => {
    await page().goto(baseUrl);
    await waitForPortfolio();
    await page().keyboard.press('Tab');
    expect(await page().evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
    const focusStyle = await page().evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(focusStyle).toBe('solid');
    const reached = new Set<string>();
    for (let i = 0; i < 12; i += 1) {
      await page().keyboard.press('Tab');
      reached.add(await page().evaluate(() => (document.activeElement as HTMLElement).getAttribute('id') ? document.querySelector(`label[for="${document.activeElement!.id}"]`)?.textContent ?? '' : ''));
    }
    expect([...reached]).toEqual(expect.arrayContaining(['Collaboration', 'Period', 'As at']));
  });

  it('makes each chart one Tab stop, with arrow keys inside it reading each bar’s figures', async () => {
    await page().goto(`${demoUrl}/functions/ict`);
    await page().locator('figure .recharts-bar-rectangle').first().waitFor();
    const figure = page().locator('figure').first();
    const stops: string[] = [];
    for (let i = 0; i < 120; i += 1) {
      await page().keyboard.press('Tab');
      const where = await page().evaluate(() => {
        const el = document.activeElement!;
        const inChart = el.closest('figure .chart-area') === document.querySelector('figure .chart-area');
        return inChart ? `${el.tagName.toLowerCase()}:${el.getAttribute('class') ?? ''}` : el.closest('figure') === document.querySelector('figure') ? 'table' : 'outside';
      });
      if (where !== 'outside') stops.push(where);
      if (where === 'table') break;
    }
    // The chart's surface, then its picture button; no layer of the chart between them.
    expect(stops).toEqual(['svg:recharts-surface', 'button:link-button', 'table']);
    // Back to the chart, as a keyboard user would.
    await page().keyboard.press('Shift+Tab');
    await page().keyboard.press('Shift+Tab');
    await page().keyboard.press('ArrowRight');
    await page().keyboard.press('ArrowRight');
    const tooltip = figure.locator('.recharts-tooltip-wrapper').first();
    await expect.poll(() => tooltip.innerText()).toMatch(/^\d{4}\/\d{2}\s+Target : £[\d,]+\s+Delivered : £[\d,]+/);
    const first = (await tooltip.innerText()).split('\n')[0];
    await page().keyboard.press('ArrowLeft');
    await expect.poll(async () => (await tooltip.innerText()).split('\n')[0]).not.toBe(first);
    // The tooltip open, the page is still without a serious or critical violation.
    expect(await seriousAccessibilityViolations(page())).toEqual([]);
  });

  it('saves a chart as a picture, with its title and key', async () => {
    await page().goto(`${demoUrl}/functions/ict`);
    await page().locator('figure .recharts-bar-rectangle').first().waitFor();
    const [picture] = await Promise.all([page().waitForEvent('download'), page().getByRole('button', { name: /^Save the chart as a picture \(\.png\)\s*: ICT: target against delivered, by financial year/ }).click()]);
    expect(picture.suggestedFilename()).toBe('ict-target-against-delivered-by-financial-year.png');
    const bytes = await readFile((await picture.path())!);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    // Twice the chart's size on the page, so it stays sharp in a board pack.
    const chartWidth = (await page().locator('figure .recharts-wrapper > svg').first().boundingBox())!.width;
    expect(bytes.readUInt32BE(16)).toBeGreaterThanOrEqual(Math.floor(chartWidth * 2));
  });

  it('leaves no tooltip open over a slide after Present is clicked, wherever the pointer was', async () => {
    await page().goto(`${demoUrl}/?period=2017-18`);
    await waitForPortfolio();
    await page().getByRole('link', { name: 'Present to the Summit' }).click();
    await page().getByTestId('overview-slide').waitFor();
    await page().keyboard.press('ArrowRight');
    await page().locator('.slide-body .recharts-bar-rectangle').first().waitFor();
    const chart = (await page().locator('.slide-body .recharts-wrapper').boundingBox())!;
    // The pointer rests over the chart as the next slide opens.
    await page().mouse.move(chart.x + chart.width / 2, chart.y + chart.height / 2);
    await page().mouse.move(chart.x + chart.width / 2 + 1, chart.y + chart.height / 2);
    await page().keyboard.press('ArrowRight');
    await expect.poll(() => page().getByRole('heading', { level: 1 }).innerText()).toBe('Administration of Justice');
    await page().locator('.slide-body .recharts-bar-rectangle').first().waitFor();
    const visible = await page().locator('.recharts-tooltip-wrapper').evaluateAll((all) => all.filter((w) => getComputedStyle(w).visibility === 'visible').length);
    expect(visible).toBe(0);
  });

  it('prints a view on A4 with its tables and without its controls', async () => {
    await page().goto(`${demoUrl}/functions/ict?period=2017-18`);
    await page().getByTestId('line-variances').waitFor();
    await page().locator('figure .recharts-bar-rectangle').first().waitFor();
    await page().emulateMedia({ media: 'print' });
    expect(await page().locator('.filters-bar').isVisible()).toBe(false);
    expect(await page().locator('.source-button').first().isVisible()).toBe(false);
    expect(await page().getByTestId('line-variances').isVisible()).toBe(true);
    const pdf = await page().pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    expect(pages).toBeGreaterThanOrEqual(2);
    await screenshot(page(), 'print-ict-2017-18');
  });
});

describe('accessibility of every view (axe-core, WCAG 2.2 AA)', () => {
  it.each([
    ['portfolio, demo data, FY 2017/18', `/?period=2017-18`],
    ['function, demo data, H1 2017/18', `/functions/aoj?period=2017-18-H1`],
    ['force', `/forces/hertfordshire`],
    ['presentation', `/present/ict?period=2017-18`],
  ])('%s has no serious or critical violation', async (_name, path) => {
    await page().goto(`${demoUrl}${path}`);
    await page().locator('figure .recharts-surface').first().waitFor();
    expect(await seriousAccessibilityViolations(page())).toEqual([]);
  });
});
