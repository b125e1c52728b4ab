import { describe, expect, inject, it } from 'vitest';
import { screenshot, seriousAccessibilityViolations } from './browser';
import { addPerson, signIn as signInPage, useBrowserPage, type Account } from './session';

const baseUrl = inject('baseUrl');
const admin = inject('baseAdmin');
const session = useBrowserPage();
const page = () => session.page();
const OWNER = { email: 'ict.head@example.org', password: 'ict head of function passphrase' };

const signIn = (who: Account) => signInPage(page(), baseUrl, who);

describe('the benefits register', () => {
  it('shows every benefit the papers name, filters by function in the URL, and exports', async () => {
    await page().goto(`${baseUrl}/benefits`);
    const rows = page().locator('tr[data-benefit]');
    await expect.poll(() => rows.count()).toBe(16);
    const admin4 = await page().locator('tr[data-benefit="ICT-B4"]').innerText();
    expect(admin4).toContain('25% of time');
    expect(admin4).toContain('12.5% of time');
    expect(admin4).toContain('Not yet measured');
    expect(admin4).toContain('lower is better');
    expect(await page().locator('tr[data-benefit="SOH-B4"]').innerText()).toContain('27,000 reports');
    await screenshot(page(), 'benefits-register');

    await page().getByLabel('Function').selectOption({ label: 'ICT' });
    await expect.poll(() => rows.count()).toBe(5);
    expect(new URL(page().url()).searchParams.get('function')).toBe('ict');

    const [download] = await Promise.all([page().waitForEvent('download'), page().getByRole('link', { name: 'Excel (.xlsx)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^realise-benefits-register-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(await seriousAccessibilityViolations(page())).toEqual([]);
  });

  it('shows ICT’s benefits beside its savings', async () => {
    await page().goto(`${baseUrl}/functions/ict`);
    const section = page().locator('section', { has: page().getByRole('heading', { name: 'Benefits beyond savings' }) });
    await section.locator('tr[data-benefit]').first().waitFor();
    expect(await section.locator('tr[data-benefit]').count()).toBe(5);
  });

  it('lets the head of ICT record this quarter’s measure and see the benefit’s profile change', async () => {
    // The administrator (made by npm run create-admin) makes the head of ICT a function owner.
    await signIn(admin);
    expect(await addPerson(page(), { ...OWNER, displayName: 'Head of ICT', grants: [{ role: 'function-owner', force: null, function: 'ict' }] })).toBe(201);

    await signIn(OWNER);
    await page().goto(`${baseUrl}/benefits/ICT-B4`);
    await page().getByRole('heading', { level: 1, name: /ICT-B4/ }).waitFor();
    expect(await page().locator('[data-benefit-status]').first().innerText()).toContain('Not yet measured');
    expect(await page().getByTestId('measurements-table').innerText()).toContain('25% of time');

    const form = page().getByTestId('measure-form');
    await form.getByLabel('Date the measure is for').fill('2017-03-31');
    await form.getByLabel(/^Value/).fill('20');
    await form.getByLabel('Data source').fill('Activity sampling survey, BCH');
    await form.getByRole('button', { name: 'Record the measure' }).click();
    await page().getByRole('status').filter({ hasText: 'Recorded 20% of time for 31 March 2017' }).waitFor();

    await expect.poll(() => page().locator('[data-benefit-status]').first().innerText()).toContain('Off track');
    const table = await page().getByTestId('measurements-table').innerText();
    expect(table).toMatch(/25 February 2016\s+25% of time/);
    expect(table).toMatch(/31 March 2017\s+20% of time\s+Activity sampling survey, BCH/);
    expect(await page().locator('h1 ~ p').first().innerText()).toContain('40% of the way from baseline to target');
    await page().locator('figure .recharts-surface').first().waitFor();
    // The axis says its unit, and its dates as the papers write them, not ISO.
    await page().locator('figure .recharts-text').first().waitFor();
    const axis = (await page().locator('figure .recharts-text').evaluateAll((texts) => texts.map((t) => t.textContent ?? ''))).join(' ');
    expect(axis).toContain('31 March 2017');
    expect(axis).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(axis).toContain('% of time');
    expect(await seriousAccessibilityViolations(page())).toEqual([]);
    await screenshot(page(), 'benefit-ict-b4');
  });
});
