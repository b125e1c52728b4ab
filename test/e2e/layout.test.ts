import { describe, expect, inject, it } from 'vitest';
import { useBrowserPage } from './session';

// On a 1366×768 laptop and a 1920×1080 room screen: no view scrolls sideways, and the content uses
// the screen rather than leaving a third of it empty.
const demoUrl = inject('demoUrl');
const session = useBrowserPage();
const page = () => session.page();
const VIEWS = ['/?period=2017-18', '/functions/ict?period=2017-18', '/forces/hertfordshire', '/reports', '/reports/draft?collaboration=bch&half=2017-18-H1', '/benefits', '/present/ict?period=2017-18'];

describe('layout', () => {
  it.each([
    [1366, 768],
    [1920, 1080],
  ])('at %i×%i no view scrolls sideways, and the content fills the screen', async (width, height) => {
    await page().setViewportSize({ width, height });
    for (const view of VIEWS) {
      await page().goto(`${demoUrl}${view}`);
      await page().locator('main h1').first().waitFor();
      await page().waitForFunction(() => document.querySelector('.loading, .chart-loading') === null);
      const { scroll, main } = await page().evaluate(() => ({ scroll: document.documentElement.scrollWidth, main: document.querySelector('main')!.getBoundingClientRect().width }));
      expect(scroll, `${view} is ${scroll}px wide at ${width}`).toBeLessThanOrEqual(width);
      expect(main, `${view}'s content is ${main}px of ${width}`).toBeGreaterThan(width * 0.85);
    }
  }, 90_000);

  it.each([
    [1366, 768],
    [1920, 1080],
  ])('fits a presentation slide on a %i×%i screen: chart, where it falls short and the buttons, axis text readable from the back', async (width, height) => {
    await page().setViewportSize({ width, height });
    // All years too: there ICT's gap is "approximately £642k", a longer headline that once pushed the chart under the buttons.
    for (const view of ['/present/ict?period=2017-18', '/present/ict']) {
      await page().goto(`${demoUrl}${view}`);
      const why = page().locator('.slide-why');
      await why.waitFor();
      await page().locator('.recharts-text').first().waitFor();
      const nav = (await page().locator('.slide-nav').boundingBox())!;
      expect(nav.y + nav.height, `${view}: the slide buttons`).toBeLessThanOrEqual(height);
      const whyBox = (await why.boundingBox())!;
      expect(whyBox.y + whyBox.height, `${view}: where it falls short`).toBeLessThanOrEqual(nav.y);
      const legend = (await page().locator('.slide-body .recharts-legend-wrapper').boundingBox())!;
      expect(legend.y + legend.height, `${view}: the chart and its key`).toBeLessThanOrEqual(nav.y);
      const tick = await page().locator('.recharts-text').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      expect(tick).toBeGreaterThanOrEqual(width >= 1600 ? 20 : 18);
    }
  });
});
