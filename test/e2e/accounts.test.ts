import { describe, expect, inject, it } from 'vitest';
import { screenshot, seriousAccessibilityViolations } from './browser';
import { useBrowserPage } from './session';

// A newcomer's first minutes on a server as `npm start` leaves it, then a force editor's work:
// sign in, record for their own force, be refused another, sign out. The tests run in order and
// share the server's state.
const closedUrl = inject('closedUrl');
const setupLink = inject('closedSetupLink');
const session = useBrowserPage();
const page = () => session.page();

const ADMIN = { email: 'chief@example.org', name: 'Chief Finance Officer', password: 'seven force savings ledger' };
const EDITOR = { email: 'beds.finance@example.org', name: 'Beds Finance', password: 'bedfordshire actuals monthly' };
/** What the administrator types for them, and tells them; they choose their own at their first sign-in. */
const GIVEN = 'told over the telephone';

async function signInAs(who: { email: string; password: string }) {
  await page().goto(`${closedUrl}/sign-in`);
  await page().getByLabel('Email address').fill(who.email);
  await page().getByLabel('Password').fill(who.password);
  await page().getByRole('button', { name: 'Sign in' }).click();
}

describe('a newcomer on a fresh database', () => {
  it('is led from the sign-in page to the setup link', async () => {
    await page().goto(closedUrl);
    await page().getByRole('heading', { name: 'Sign in to Realise' }).waitFor();
    expect(await page().getByTestId('setup-needed').innerText()).toContain('npm run create-admin');
    expect(await seriousAccessibilityViolations(page())).toEqual([]);
    await screenshot(page(), 'sign-in-first-run');
  });

  it('creates the first administrator through the one-time link, which then dies', async () => {
    await page().goto(setupLink);
    await page().getByRole('heading', { name: 'Create the first administrator' }).waitFor();
    await page().getByLabel('Email address').fill(ADMIN.email);
    await page().getByLabel('Your name').fill(ADMIN.name);
    await page().getByLabel('Password', { exact: true }).fill('too short');
    await page().getByLabel('Password again').fill('too short');
    await page().getByRole('button', { name: 'Create the administrator' }).click();
    expect(await page().getByRole('alert').innerText()).toContain('Use at least 12 characters');

    await page().getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page().getByLabel('Password again').fill(ADMIN.password);
    await page().getByRole('button', { name: 'Create the administrator' }).click();
    await page().getByRole('heading', { name: 'Users and roles' }).waitFor();

    const again = await session.browser().newPage();
    await again.goto(setupLink);
    await again.getByLabel('Email address').fill('intruder@example.org');
    await again.getByLabel('Your name').fill('Intruder');
    await again.getByLabel('Password', { exact: true }).fill('an intruder passphrase');
    await again.getByLabel('Password again').fill('an intruder passphrase');
    await again.getByRole('button', { name: 'Create the administrator' }).click();
    expect(await again.getByRole('alert').innerText()).toContain('has been used');
    await again.close();
  });

  it('lets the administrator add a force editor for Bedfordshire, and shows it in the audit log', async () => {
    await signInAs(ADMIN);
    const nav = page().getByRole('navigation', { name: 'Account and tools' });
    await nav.getByRole('link', { name: 'Users' }).click();
    await page().getByRole('heading', { name: 'Add a person' }).waitFor();
    await page().locator('#new-email').fill(EDITOR.email);
    await page().locator('#new-name').fill(EDITOR.name);
    await page().locator('#new-password').fill(GIVEN);
    const form = page().locator('form', { has: page().locator('#new-email') });
    await form.getByRole('button', { name: /Remove Viewer/ }).click();
    await form.getByLabel('Add a role').selectOption({ label: 'Force editor' });
    await form.getByLabel('for the force').selectOption({ label: 'Bedfordshire Police' });
    await form.getByRole('button', { name: 'Add', exact: true }).click();
    await form.getByRole('button', { name: 'Add the person' }).click();
    await page().getByRole('status').filter({ hasText: `${EDITOR.email} can now sign in` }).waitFor();
    expect(await page().locator(`tr[data-user="${EDITOR.email}"]`).innerText()).toContain('Force editor: records actuals and forecasts for Bedfordshire Police');
    expect(await seriousAccessibilityViolations(page())).toEqual([]);
    await screenshot(page(), 'admin-users');

    await nav.getByRole('link', { name: 'Audit log' }).click();
    const created = page().locator('tr[data-audit-action="create-user"]');
    await created.first().waitFor();
    expect(await created.first().innerText()).toContain(ADMIN.email);
    expect(await seriousAccessibilityViolations(page())).toEqual([]);
    await screenshot(page(), 'admin-audit');
  });
});

describe('a force editor', () => {
  it('is asked at the first sign-in to choose their own password, before anything else', async () => {
    await signInAs({ email: EDITOR.email, password: GIVEN });
    await page().getByRole('heading', { name: 'Choose your own password' }).waitFor();
    expect(await page().locator('tr[data-function]').count()).toBe(0);
    expect(await page().getByRole('link', { name: 'Record figures' }).count()).toBe(0);
    // Anything else they try is refused until they do.
    const refused = await page().evaluate(async () => (await fetch('/api/functions')).status);
    expect(refused).toBe(403);
    await page().getByLabel('Password you were given').fill(GIVEN);
    await page().getByLabel('New password').fill(GIVEN);
    await page().getByRole('button', { name: 'Change password' }).click();
    expect(await page().getByRole('alert').innerText()).toContain('Choose a password of your own');
    expect(await seriousAccessibilityViolations(page())).toEqual([]);
    await screenshot(page(), 'first-password');
    await page().getByLabel('Password you were given').fill(GIVEN);
    await page().getByLabel('New password').fill(EDITOR.password);
    await page().getByRole('button', { name: 'Change password' }).click();
    await page().locator('tr[data-function="aoj"]').waitFor();
  });

  it('signs in, records an actual for Bedfordshire, and sees the dashboard change', async () => {
    await signInAs(EDITOR);
    await page().locator('tr[data-function="aoj"]').waitFor();
    expect(await page().locator('tr[data-function="aoj"] [data-figure="delivered"]').innerText()).toContain('none recorded');

    await page().getByRole('link', { name: 'Record figures' }).click();
    await page().getByLabel('Function', { exact: true }).selectOption({ label: 'Administration of Justice' });
    const form = page().getByTestId('record-form');
    await form.waitFor();
    expect(await form.getByLabel('For').locator('option').allInnerTexts()).toEqual(['Bedfordshire Police']);
    await form.getByLabel('Financial year').selectOption({ label: 'FY 2017/18' });
    await form.getByLabel('Month').selectOption({ label: 'Apr 2017' });
    await form.getByLabel('Amount (£)').fill('18,166.67');
    await form.getByRole('button', { name: 'Record' }).click();
    expect(await page().getByTestId('record-done').innerText()).toContain('Recorded £18,166.67 as the actual for Administration of Justice blueprint, Apr 2017, Bedfordshire Police');
    expect(await page().getByTestId('entries-table').innerText()).toContain('£18,166.67');
    expect(await seriousAccessibilityViolations(page())).toEqual([]);
    await screenshot(page(), 'record-actual');

    await page().getByRole('link', { name: 'Realise' }).click();
    await expect.poll(() => page().locator('tr[data-function="aoj"] [data-figure="delivered"]').innerText()).toContain('£18.2k');
  });

  it('is refused when recording for another force, with a message saying why', async () => {
    await signInAs(EDITOR);
    await page().locator('tr[data-function]').first().waitFor();
    // The screen offers only Bedfordshire; a hand-made request for Hertfordshire is refused by the server.
    const answer = await page().evaluate(async () => {
      const state = await (await fetch('/api/auth/session')).json();
      const response = await fetch('/api/ledger-entries', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': state.csrfToken },
        body: JSON.stringify({ lineId: 6, measure: 'actual', fiscalYear: '2017-18', month: '2017-05', force: 'hertfordshire', amountPence: 100 }),
      });
      return { status: response.status, body: await response.json() };
    });
    expect(answer.status).toBe(403);
    expect(answer.body.error.message).toContain('hertfordshire is not one of them');
  });

  it('signs out, after which the dashboard asks for a sign-in again', async () => {
    await signInAs(EDITOR);
    await page().locator('tr[data-function]').first().waitFor();
    await page().getByRole('link', { name: EDITOR.name }).click();
    await page().getByRole('button', { name: 'Sign out' }).click();
    await page().getByRole('heading', { name: 'Sign in to Realise' }).waitFor();
    await page().goto(closedUrl);
    await page().getByRole('heading', { name: 'Sign in to Realise' }).waitFor();
    expect(await page().locator('tr[data-function]').count()).toBe(0);
  });

  it('is told plainly when the password is wrong', async () => {
    await signInAs({ email: EDITOR.email, password: 'not my password at all' });
    expect(await page().getByRole('alert').innerText()).toContain('The email or password is not right');
  });
});
