import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { launchChromium } from './browser';

/** One Chromium per test file and a fresh context (no cookies, no cache) for every test. */
export function useBrowserPage(): { page: () => Page; browser: () => Browser } {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce', locale: 'en-GB' });
    page = await context.newPage();
  });
  afterEach(async () => {
    await context?.close();
  });
  return { page: () => page, browser: () => browser };
}

export type Account = { email: string; password: string };
type NewGrant = { role: string; force: string | null; function: string | null };

/** Signs in through the sign-in page, as a person would, and waits for the portfolio. */
export async function signIn(page: Page, baseUrl: string, who: Account): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('Email address').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('tr[data-function]').first().waitFor();
}

/**
 * Adds a person through the API as the administrator signed in on the page (the Users page has its
 * own tests), and then, as that person would at their first sign-in, changes the password the
 * administrator gave them to their own (`person.password`); the first-password page has its own test.
 */
export async function addPerson(page: Page, person: Account & { displayName: string; grants: NewGrant[] }, options: { firstPasswordChanged?: boolean } = {}): Promise<number> {
  const given = options.firstPasswordChanged === false ? person.password : `${person.password} as given`;
  const status = await page.evaluate(async (body) => {
    const state = await (await fetch('/api/auth/session')).json();
    const response = await fetch('/api/users', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': state.csrfToken },
      body: JSON.stringify(body),
    });
    return response.status;
  }, { ...person, password: given });
  if (status === 201 && options.firstPasswordChanged !== false) {
    const origin = new URL(page.url()).origin;
    const signedIn = await fetch(`${origin}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: person.email, password: given }) });
    const cookie = signedIn.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await signedIn.json()) as { csrfToken: string };
    const changed = await fetch(`${origin}/api/auth/password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({ currentPassword: given, newPassword: person.password }),
    });
    if (changed.status !== 200) throw new Error(`first password change for ${person.email}: ${changed.status} ${await changed.text()}`);
  }
  return status;
}
