import { describe, expect, inject, it } from 'vitest';
import { screenshot, seriousAccessibilityViolations } from './browser';
import { useBrowserPage } from './session';

// The register of section 22A agreements on the papers' data, as a programme office reads it today.
const baseUrl = inject('baseUrl');
const session = useBrowserPage();
const page = () => session.page();

describe('the agreements register', () => {
  it('lists every agreement with its dates and sources, shows where the papers disagree, and filters by collaboration', async () => {
    const p = page();
    await p.goto(`${baseUrl}/`);
    await p.getByRole('navigation', { name: 'Account and tools' }).getByRole('link', { name: 'Agreements' }).click();
    await p.getByRole('heading', { name: 'Section 22A agreements' }).waitFor();
    const seven = p.locator('tr[data-agreement="seven-force"]');
    await seven.waitFor();
    expect(await seven.innerText()).toContain('Ended 31 March 2021, unless renewed: the papers say nothing after');
    expect(await p.getByTestId('disagreement-seven-force').innerText()).toBe(
      'The papers disagree on its original end: 31 March 2017 in one, 31 March 2019 in another. Realise shows both and chooses neither.',
    );
    expect(await seven.getByText('The papers disagree').count()).toBe(3);
    // The decision to extend it is linked from its row, and the log below holds all four of paper 003.
    expect(await seven.innerText()).toContain('Decision CPCC 2019-007, 13 March 2019');
    expect(await p.getByTestId('decisions').locator('tbody tr').count()).toBe(4);
    expect(await seriousAccessibilityViolations(p)).toEqual([]);
    await screenshot(p, 'agreements-register');

    await p.locator('#ag-collaboration').selectOption({ label: 'Chiltern Transport Consortium' });
    await expect.poll(() => p.locator('tr[data-agreement]').count()).toBe(1);
    expect(new URL(p.url()).searchParams.get('collaboration')).toBe('ctc');
    expect(await p.locator('tr[data-agreement="ctc"]').innerText()).toContain('A review was due by 30 April 2022; the papers record none since.');

    // Nothing of the papers falls due after 2026: the empty state says so and how to widen it.
    await p.getByLabel('Only those with a review or end date in that time').check();
    const empty = p.getByRole('status').filter({ hasText: 'No agreement has a review or end date' });
    await empty.waitFor();
    expect(await empty.innerText()).toMatch(/^No agreement has a review or end date between \d{1,2} \w+ 20\d\d and \d{1,2} \w+ 20\d\d\. Untick/);

    // The portfolio and a force's view say what the agreements hold for them.
    await p.goto(`${baseUrl}/forces/kent`);
    const kent = p.getByTestId('agreements-due');
    await kent.waitFor();
    expect(await kent.innerText()).toContain('Seven Force Strategic Collaboration Programme (section 22A): Ended 31 March 2021, unless renewed');
  });

  it('shows the risks and dis-benefits the papers name beside the benefits', async () => {
    const p = page();
    await p.goto(`${baseUrl}/benefits`);
    const risks = p.getByTestId('risks');
    await risks.waitFor();
    expect(await risks.locator('tbody tr').count()).toBe(5);
    expect(await risks.locator('tr[data-risk="SOH-R1"]').innerText()).toContain('A rolling monthly contract is being explored.');
    expect(await p.getByText('Double keying between the Single Online Home and Athena').count()).toBeGreaterThan(0);
    expect(await seriousAccessibilityViolations(p)).toEqual([]);
    // A function's page shows its own: ICT's resourcing pressure (paper 004, 4.4).
    await p.goto(`${baseUrl}/functions/ict`);
    await p.getByTestId('risks').waitFor();
    expect(await p.getByTestId('risks').locator('tbody tr').count()).toBe(1);
    expect(await p.getByTestId('risks').innerText()).toContain('Resourcing pressure in ICT');
    await screenshot(p, 'risks');
  });

  it('measures BCH’s goals against the ledger and names what the ledger lacks', async () => {
    const p = page();
    await p.goto(`${baseUrl}/collaborations`);
    const goals = p.getByTestId('goals-bch');
    await goals.locator('table').first().waitFor();
    expect(await goals.innerText()).toContain('£5.0m includes ERSOU, which the ledger does not hold');
    expect(await goals.innerText()).toContain('from a baseline of £120m');
    expect(await seriousAccessibilityViolations(p)).toEqual([]);
    await screenshot(p, 'goals');
  });
});
