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

/** Adds a person through the API as the administrator signed in on the page; the Users page has its own tests. */
export async function addPerson(page: Page, person: Account & { displayName: string; grants: NewGrant[] }): Promise<number> {
  return page.evaluate(async (body) => {
    const state = await (await fetch('/api/auth/session')).json();
    const response = await fetch('/api/users', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': state.csrfToken },
      body: JSON.stringify(body),
    });
    return response.status;
  }, person);
}
