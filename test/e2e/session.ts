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
