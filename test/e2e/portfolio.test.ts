import { describe, expect, inject, it } from 'vitest';
import { formatPounds } from '../../server/domain/money';
import { screenshot, seriousAccessibilityViolations } from './browser';
import { addPerson, signIn, useBrowserPage } from './session';

// A programme officer puts Joint Protective Services on the dashboard with its business case (two
// lines, three years of targets), a Hertfordshire editor records an actual against it, and it is on
// the portfolio, the function and force views and the six-monthly report's draft.
const url = inject('portfolioUrl');
const admin = inject('portfolioAdmin');
const session = useBrowserPage();
const page = () => session.page();
const OFFICER = { email: 'programme.office@example.org', password: 'blue heron over the fens' };
const HERTS = { email: 'herts.editor@example.org', password: 'seven oaks in the rain' };

describe('adding a function to the portfolio', () => {
  it('takes a business case from the screen to every view that reads the portfolio', async () => {
    await signIn(page(), url, admin);
    expect(await addPerson(page(), { ...OFFICER, displayName: 'Programme Office', grants: [{ role: 'programme-officer', force: null, function: null }] })).toBe(201);
    expect(await addPerson(page(), { ...HERTS, displayName: 'Herts Editor', grants: [{ role: 'force-editor', force: 'hertfordshire', function: null }] })).toBe(201);

    await signIn(page(), url, OFFICER);
    await page().goto(`${url}/`);
    await page().getByRole('link', { name: 'Add a function to the portfolio' }).click();
    await page().getByRole('heading', { name: 'Add a function to the portfolio' }).waitFor();
    const p = page();
    await p.getByLabel('Name', { exact: true }).fill('Joint Protective Services');
    expect(await p.getByLabel('Its id in addresses').inputValue()).toBe('joint-protective-services');
    await p.getByLabel('Collaboration').selectOption({ label: 'Bedfordshire, Cambridgeshire and Hertfordshire Strategic Alliance' });
    await p.getByLabel('Lead force').selectOption({ label: 'Hertfordshire Constabulary' });
    await p.getByLabel('Section 22A agreement').selectOption({ label: 'Joint Protective Services, Professional Standards and Procurement (updated section 22A agreements)' });
    await p.getByLabel('What it does').fill('Armed policing, roads policing and dogs, run together for the three forces.');
    await p.getByLabel('Title').fill('Joint Protective Services full business case');
    await p.getByLabel('Date', { exact: true }).fill('2026-03');
    await p.getByLabel('Paragraph', { exact: true }).fill('5.2');
    await p.getByLabel('Its words for the savings').fill('savings of £1.2m a year by 2028/29');
    await p.getByLabel('First year').selectOption({ label: 'FY 2026/27' });
    await p.getByLabel('Last year').selectOption({ label: 'FY 2028/29' });
    await p.getByLabel('Line 1: name').fill('Staff savings');
    await p.getByLabel('Line 1: what drives the saving').fill('One armed response rota');
    await p.locator('#nf-line-0-category').selectOption('payroll');
    await p.getByLabel('Staff savings, target for FY 2026/27 (£)').fill('300,000');
    await p.getByLabel('Staff savings, target for FY 2027/28 (£)').fill('600,000');
    await p.getByLabel('Staff savings, target for FY 2028/29 (£)').fill('12,5OO');
    await p.getByRole('button', { name: 'Add a line' }).click();
    await p.getByLabel('Line 2: name').fill('Vehicle fleet');
    await p.getByLabel('Line 2: what drives the saving').fill('A smaller shared fleet');
    await p.getByLabel('Vehicle fleet, target for FY 2026/27 (£)').fill('100k');
    await p.getByLabel('Vehicle fleet, target for FY 2027/28 (£)').fill('200,000');
    await p.getByLabel('Vehicle fleet, target for FY 2028/29 (£)').fill('0.3m');

    // A slip in one cell: the summary says which, the cell says why, and nothing is added.
    await p.getByRole('button', { name: 'Add the function' }).click();
    const summary = p.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toContain('Staff savings, FY 2028/29: "12,5OO" is not an amount: "O" is not a digit');
    await summary.getByRole('link').first().click();
    expect(await p.evaluate(() => document.activeElement?.id)).toBe('nf-line-0-2028-29');
    expect(await seriousAccessibilityViolations(p)).toEqual([]);
    await screenshot(p, 'add-a-function');
    await p.getByLabel('Staff savings, target for FY 2028/29 (£)').fill('900,000');
    await p.getByRole('button', { name: 'Add the function' }).click();

    await p.getByRole('heading', { name: 'Joint Protective Services', level: 1 }).waitFor();
    expect(new URL(p.url()).pathname).toBe('/functions/joint-protective-services');
    expect(await p.getByRole('status').first().innerText()).toContain('Joint Protective Services is on the portfolio');
    expect(await p.getByTestId('provenance').innerText()).toMatch(/^Entered in Realise by programme\.office@example\.org on \d{1,2} \w+ 2026, from its business case\. Led by Hertfordshire Constabulary\.$/);
    await screenshot(p, 'function-added');

    // The Hertfordshire editor records May 2026's actual on the record page.
    await signIn(p, url, HERTS);
    await p.goto(`${url}/record?function=joint-protective-services`);
    await p.getByLabel('Savings line').selectOption({ label: 'Staff savings (joint-protective-services-staff-savings)' });
    await p.getByLabel('Financial year').selectOption({ label: 'FY 2026/27' });
    await p.getByLabel('Month').selectOption({ label: 'May 2026' });
    await p.getByLabel('Amount (£)').fill('25,000');
    await p.getByRole('button', { name: 'Record' }).click();
    await p.getByText(/^Recorded £25,000(\.00)? as the actual for Staff savings, May 2026, Hertfordshire Constabulary\.$/).waitFor();

    await p.goto(`${url}/?period=2026-27`);
    const row = p.locator('tr[data-function="joint-protective-services"]');
    await row.waitFor();
    expect(await row.locator('[data-figure="delivered"]').innerText()).toBe('£25k');
    await p.goto(`${url}/forces/hertfordshire?period=2026-27`);
    await p.getByRole('link', { name: 'Joint Protective Services' }).first().waitFor();

    // The six-monthly report's draft for H1 2026/27 lists it with its delivery.
    const draft = await p.evaluate(async () => (await fetch('/api/reports/draft?collaboration=bch&half=2026-27-H1')).json());
    const jps = draft.functions.find((f: { slug: string }) => f.slug === 'joint-protective-services');
    expect(jps).toBeTruthy();
    expect(JSON.stringify(jps)).toContain('2500000');
  });

  it('lets the programme officer add a force to a collaboration from a date and take it out at one', async () => {
    const p = page();
    await signIn(p, url, OFFICER);
    await p.goto(`${url}/`);
    await p.getByRole('navigation', { name: 'Account and tools' }).getByRole('link', { name: 'Collaborations' }).click();
    const ctc = p.locator('section[data-collaboration="ctc"]');
    await ctc.waitFor();
    expect(await ctc.locator('tr[data-member="btp"]').innerText()).toContain('1 May 2019');
    await ctc.getByLabel('Add a force').selectOption({ label: 'Kent Police' });
    await ctc.getByLabel('From (its first day as a member)').fill('2027-04-01');
    await ctc.getByRole('button', { name: 'Add to Chiltern Transport Consortium' }).click();
    await ctc.getByRole('status').filter({ hasText: 'Kent Police is a member of Chiltern Transport Consortium from 1 April 2027.' }).waitFor();
    const kent = ctc.locator('tr[data-member="kent"]');
    // Leaving before it joined is refused, in words.
    await kent.getByLabel('Kent Police leaves on').fill('2027-01-01');
    await kent.getByRole('button', { name: /Leaves on this day/ }).click();
    await kent.getByRole('button', { name: 'Yes, it leaves' }).click();
    await ctc.locator('.error-summary').getByText('It joined on 2027-04-01; it can leave only after that.').waitFor();
    await kent.getByLabel('Kent Police leaves on').fill('2028-04-01');
    await kent.getByRole('button', { name: /Leaves on this day/ }).click();
    await kent.getByRole('button', { name: 'Yes, it leaves' }).click();
    await ctc.getByRole('status').filter({ hasText: 'Kent Police leaves Chiltern Transport Consortium on 1 April 2028.' }).waitFor();
    await expect.poll(() => ctc.locator('tr[data-member="kent"]').innerText()).toContain('1 April 2028');
    expect(await seriousAccessibilityViolations(p)).toEqual([]);
    await screenshot(p, 'collaborations');
  });

  it('lets the programme officer retire a line, asking first, and keeps its history', async () => {
    const p = page();
    await signIn(p, url, OFFICER);
    await p.goto(`${url}/functions/joint-protective-services`);
    await p.getByText('Retire this function or one of its lines').click();
    await p.getByLabel('What to retire').selectOption({ label: 'The line Vehicle fleet' });
    await p.getByLabel('Retired from (its first day retired)').fill('2027-04-01');
    await p.getByLabel('Why', { exact: true }).fill('Fleet moved to the Chiltern Transport Consortium');
    await p.getByRole('button', { name: 'Retire…' }).click();
    const ask = p.getByRole('group', { name: 'Retire Vehicle fleet?' });
    await ask.waitFor();
    await ask.getByRole('button', { name: 'Retire it' }).click();
    await p.getByTestId('line-variances').getByText('Retired on 1 April 2027').waitFor();
    // Staff savings carries the May 2026 actual; retiring the function from before it is refused, in words.
    await p.getByLabel('What to retire').selectOption({ label: 'The whole function' });
    await p.getByLabel('Retired from (its first day retired)').fill('2026-04-01');
    await p.getByRole('button', { name: 'Retire…' }).click();
    await p.getByRole('group', { name: 'Retire Joint Protective Services?' }).getByRole('button', { name: 'Retire it' }).click();
    await p.getByRole('alert').filter({ hasText: 'Joint Protective Services has 1 figure recorded for periods from 1 April 2026.' }).waitFor();
  });

  it('shows a Chief Finance Officer what the Seven Force programme costs each force by NRE, and what if Kent left', async () => {
    const p = page();
    await signIn(p, url, OFFICER);
    await p.goto(`${url}/collaborations`);
    await p.locator('section[data-collaboration="seven-force"]').getByRole('link', { name: 'What its programme costs each force' }).click();
    await p.getByRole('heading', { name: 'What it costs each force', level: 1 }).waitFor();
    await p.getByLabel('Financial year').selectOption({ label: 'FY 2018/19' });
    await expect.poll(() => p.getByTestId('costs-basis').innerText()).toContain('split equally: Realise’s assumption');
    // The year's NRE, typed in as a programme officer would (test values, not from the papers).
    const nre: Record<string, string> = {
      'Bedfordshire Police': '103.2m',
      'Cambridgeshire Constabulary': '132.6m',
      'Essex Police': '277,000,000',
      'Hertfordshire Constabulary': '179.9m',
      'Kent Police': '291.5m',
      'Norfolk Constabulary': '154.3m',
      'Suffolk Constabulary': '113.6m',
    };
    for (const [force, amount] of Object.entries(nre)) await p.getByLabel(`${force} (£)`).fill(amount);
    await p.getByLabel('Where the figures come from').fill('Test figures typed in for the end-to-end test');
    await p.getByRole('button', { name: 'Enter the NRE' }).click();
    await p.getByRole('status').filter({ hasText: 'Entered the Net Revenue Expenditure of 7 forces for FY 2018/19.' }).waitFor();
    await expect.poll(() => p.getByTestId('costs-basis').innerText()).toContain('Split by each force’s Net Revenue Expenditure for FY 2018/19, to one decimal place');
    const kent = p.locator('tr[data-force="kent"]');
    await expect.poll(() => kent.innerText()).toContain('23.3%');
    expect(await kent.innerText()).toContain('£314,550');

    await p.getByLabel('What if a force left?').selectOption({ label: 'Kent Police leaves' });
    await expect.poll(() => p.locator('tr[data-force="essex"]').innerText()).toContain('28.8%');
    expect(new URL(p.url()).searchParams.get('without')).toBe('kent');
    expect(await kent.innerText()).toContain('Leaves: pays nothing');
    // The link reopens the same what-if.
    const link = p.url();
    await p.goto(`${url}/`);
    await p.goto(link);
    await expect.poll(() => p.locator('tr[data-force="essex"]').innerText()).toContain('28.8%');
    expect(await seriousAccessibilityViolations(p)).toEqual([]);
    await screenshot(p, 'seven-force-costs-what-if');
  });

  it('sets the Seven Force costs against its savings by year, and counts a cost the programme officer records', async () => {
    const p = page();
    await signIn(p, url, OFFICER);
    await p.goto(`${url}/collaborations/seven-force/costs?year=2018-19`);
    const summary = p.getByTestId('net-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toContain('costs £8.1m');
    expect(await summary.innerText()).toContain('Neither the savings promised nor those delivered cover the costs in any year shown.');
    expect(await p.getByTestId('net-notes').innerText()).toContain('FY 2015/16 to FY 2020/21 (22 October 2015 to 31 March 2021): its reading, not the papers’ words');
    await p.getByLabel('What the cost is').fill('Programme team posts');
    await p.getByLabel('Amount (£)').fill('100,000');
    await p.getByLabel('One-off or recurring').selectOption('recurring');
    await p.getByLabel('The year it falls in (from)').selectOption('2019-20');
    await p.getByLabel('Where the figure comes from').fill('Budget monitoring, typed in for the test');
    await p.getByRole('button', { name: 'Record the cost' }).click();
    await expect.poll(() => summary.innerText()).toContain('costs £8.3m');
    expect(await p.locator('[data-testid="net-years"] tr[data-year="2020-21"]').innerText()).toMatch(/£1,450,000\s+recorded|£1,450,000/);
    expect(await p.getByTestId('net-costs').innerText()).toContain('Programme team posts: £100,000 a year from FY 2019/20');
    expect(await seriousAccessibilityViolations(p)).toEqual([]);
    await screenshot(p, 'seven-force-net-benefit');

    // What it costs Kent and saves it, on Kent's own page: the Seven Force row is Kent's part of the above.
    const kentPart = (await (await p.request.get(`${url}/api/collaborations/seven-force/net-benefit`)).json()).forces.find((f: { force: string }) => f.force === 'kent');
    await p.goto(`${url}/forces/kent`);
    const row = p.locator('[data-testid="force-net-benefit"] tr[data-force-net="seven-force"]');
    await row.waitFor();
    expect(await row.innerText()).toContain(formatPounds(kentPart.costsPence));
    expect(await row.innerText()).toContain(formatPounds(kentPart.netPlannedPence));
    expect(await p.getByTestId('force-net-benefit').locator('caption').innerText()).toContain('Kent Police’s part of each collaboration’s savings');
    expect(await seriousAccessibilityViolations(p)).toEqual([]);
    await screenshot(p, 'kent-net-benefit');

    // A cost typed in error is withdrawn, after saying yes to what it is.
    await p.goto(`${url}/collaborations/seven-force/costs`);
    await p.getByRole('button', { name: /^Withdraw Programme team posts/ }).click();
    const confirm = p.getByRole('group', { name: /^Withdraw Programme team posts, £100,000 a year from FY 2019\/20\?/ });
    await confirm.getByRole('button', { name: 'Keep it' }).click();
    expect(await p.getByTestId('net-costs').innerText()).toContain('Programme team posts');
    await p.getByRole('button', { name: /^Withdraw Programme team posts/ }).click();
    await confirm.getByRole('button', { name: 'Yes, withdraw it' }).click();
    await p.getByTestId('cost-withdrawn').filter({ hasText: 'Withdrawn: Programme team posts' }).waitFor();
    await expect.poll(() => p.getByTestId('net-summary').innerText()).toContain('costs £8.1m');
    expect(await p.getByTestId('net-costs').innerText()).not.toContain('Programme team posts');
  });

  it('checks a business-case workbook before adding it, naming each problem by sheet and cell', async () => {
    const p = page();
    await signIn(p, url, OFFICER);
    await p.goto(`${url}/functions/new`);
    await p.getByRole('heading', { name: 'Or from the business-case template' }).waitFor();
    // The template as downloaded, not filled in: every required cell is named.
    const template = await p.evaluate(async () => Array.from(new Uint8Array(await (await fetch('/api/business-case/template')).arrayBuffer())));
    await p.getByLabel('The filled template').setInputFiles({ name: 'business-case.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(template) });
    await p.getByRole('button', { name: 'Check it' }).click();
    const check = p.getByTestId('business-case-check');
    await check.waitFor();
    expect(await check.innerText()).toMatch(/^Nothing was added: \d+ problems/);
    expect(await check.innerText()).toContain('Function sheet, cell B2: Fill this in');
    await screenshot(p, 'business-case-check');
  });

  // Last in the file: it leaves the portfolio server with 30 more functions.
  it('pages a portfolio of dozens of functions and draws the most off track, the rest added together', async () => {
    const p = page();
    await signIn(p, url, OFFICER);
    const added = await p.evaluate(async () => {
      const { csrfToken } = await (await fetch('/api/auth/session')).json();
      const statuses: number[] = [];
      for (let i = 1; i <= 30; i += 1) {
        const slug = `scale-test-${String(i).padStart(2, '0')}`;
        const response = await fetch('/api/functions', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
          body: JSON.stringify({
            slug,
            name: `Scale test ${i}`,
            collaboration: 'bch',
            leadForce: 'bedfordshire',
            agreement: null,
            description: 'One of many, to see a portfolio at scale.',
            toleranceTenthsPercent: 50,
            businessCase: { title: `Scale test ${i} business case`, date: '2018-03', paragraph: '1.1', quote: 'savings' },
            headline: null,
            lines: [{ name: 'Savings', category: 'payroll', driver: 'Scale', kind: 'cashable', recurrence: 'recurring', targets: [{ fiscalYear: '2017-18', amountPence: 1_000_000 * i }] }],
          }),
        });
        statuses.push(response.status);
      }
      return statuses;
    });
    expect(added.every((status) => status === 201), `statuses ${added.join(', ')}`).toBe(true);
    await p.goto(`${url}/?period=2017-18`);
    const table = p.getByTestId('functions-table');
    await table.locator('tr[data-function]').first().waitFor();
    expect(await table.locator('tbody tr').count()).toBe(25);
    const paging = p.getByRole('navigation', { name: 'Pages of functions', exact: true });
    const total = Number(/of (\d+) functions/.exec(await paging.innerText())![1]);
    expect(total).toBeGreaterThanOrEqual(34);
    expect(await paging.innerText()).toContain(`Showing 1 to 25 of ${total} functions.`);
    await paging.getByRole('button', { name: /^Next/ }).click();
    expect(await paging.innerText()).toContain(`Showing 26 to ${Math.min(50, total)} of ${total} functions.`);
    expect(await table.locator('tbody tr').count()).toBe(Math.min(25, total - 25));
    await paging.getByRole('button', { name: `Show all ${total}` }).click();
    expect(await table.locator('tbody tr').count()).toBe(total);
    // The chart: twelve functions one by one and the others added together, never dozens of bars.
    const chart = p.locator('figure').filter({ hasText: 'Target against delivered, by function' });
    await chart.locator('.recharts-bar-rectangle').first().waitFor();
    const ticks = await chart.locator('.recharts-xAxis-tick-labels text').allTextContents();
    expect(ticks).toHaveLength(12);
    expect(await chart.locator('figcaption').innerText()).toMatch(/The 12 most off track of \d+ functions, one bar each; the other \d+ with something due are added together below the chart/);
    expect(await chart.getByTestId('chart-rest').innerText()).toMatch(/^The other \d+ functions with something due, added together: target £[\d.]+[mk]?, delivered £/);
    expect(await seriousAccessibilityViolations(p)).toEqual([]);
    await screenshot(p, 'portfolio-at-scale');
  });

  it('shows AOJ’s recurring £654K carried as the same saving kept, and lets its owner carry it a year further', async () => {
    const p = page();
    const OWNER = { email: 'aoj.owner@example.org', password: 'a recurring saving kept' };
    await signIn(p, url, admin);
    expect(await addPerson(p, { ...OWNER, displayName: 'AOJ Owner', grants: [{ role: 'function-owner', force: null, function: 'aoj' }] })).toBe(201);
    await signIn(p, url, OWNER);
    await p.goto(`${url}/functions/aoj`);
    const carry = p.getByTestId('carry-aoj-blueprint');
    await carry.getByText('Carried to FY 2019/20 as the same saving kept, not a new one (from FY 2017/18).').waitFor();
    expect(await carry.innerText()).toContain('paper 004, 3.4');
    const lines = p.locator('tr[data-line="aoj-blueprint"]');
    expect(await lines.innerText()).toContain('carried from FY 2017/18');
    await carry.getByRole('button', { name: /Change how far it is carried/ }).click();
    await p.getByLabel('Carry Administration of Justice blueprint’s target to').selectOption({ label: 'FY 2020/21' });
    await carry.getByRole('button', { name: 'Save' }).click();
    await carry.getByText(/Carried to FY 2020\/21 .* Set by aoj\.owner@example\.org/).waitFor();
    const year = p.locator('tr[data-year="2020-21"]');
    await year.waitFor();
    expect((await year.innerText()).replace(/\s+/g, ' ')).toContain('of which £654,000 carried, the same saving kept');
    expect(await seriousAccessibilityViolations(p)).toEqual([]);
    await screenshot(p, 'function-carried');
  });

  it('lets the programme officer correct a function after adding it, and says who did', async () => {
    const p = page();
    await signIn(p, url, OFFICER);
    await p.goto(`${url}/functions/joint-protective-services`);
    await p.getByText('Correct this function’s particulars').click();
    const form = p.getByTestId('edit-particulars');
    await form.getByLabel('Name').fill('Joint Protective Services (armed policing, roads, dogs)');
    await form.getByLabel('Lead force').selectOption({ label: 'Bedfordshire Police' });
    await form.getByLabel('Its business case states a headline saving').check();
    await form.getByRole('button', { name: 'Save the corrections' }).click();
    // A headline with no amount is refused on the screen, at its field, before anything is sent.
    await form.getByRole('alert').getByRole('link', { name: /Headline saving/ }).waitFor();
    await form.getByLabel('Headline saving (£)').fill('1,250,000');
    await form.getByLabel('The figure as written').fill('£1.25m');
    await form.getByLabel('Its paragraph').fill('1.3');
    await form.getByLabel('Its words').fill('savings of about £1.25m a year');
    await form.getByRole('button', { name: 'Save the corrections' }).click();
    await form.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await p.getByRole('heading', { level: 1, name: 'Joint Protective Services (armed policing, roads, dogs)' }).waitFor();
    await p.getByTestId('provenance').filter({ hasText: 'Led by Bedfordshire Police.' }).waitFor();
    expect(await p.getByTestId('provenance').innerText()).toContain('Its particulars last corrected by programme.office@example.org');
    expect(await p.locator('[data-figure="headline"]').innerText()).toContain('£1.25m');
    expect(await seriousAccessibilityViolations(p)).toEqual([]);
  });
});
