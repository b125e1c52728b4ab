// Measures the portfolio's largest contentful paint, and how long the dashboard takes to redraw
// after a filter changes (from the change event to the new figures on screen), in Chromium, against
// the real server: on a new demo database, or with --database PATH on the national ledger that
// `npm run bench:national` builds (300 functions, 43 forces). Prints medians and the slowest; it
// asserts nothing (the targets: paint within 1 s, a filter change within 200 ms).
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { launchChromium } from '../e2e/browser';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const ROUNDS = 15;
const { values: args } = parseArgs({ options: { database: { type: 'string' } } });
const national = args.database !== undefined;

const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
  cwd: projectRoot,
  env: national
    ? { ...process.env, PORT: '0', PUBLIC_READ: 'true', DATABASE_PATH: args.database }
    : { ...process.env, PORT: '0', DEMO_DATA: 'true', PUBLIC_READ: 'true', DATABASE_PATH: join(mkdtempSync(join(tmpdir(), 'realise-bench-')), 'bench.db') },
});
const url = await new Promise<string>((resolve, reject) => {
  let log = '';
  server.stdout.on('data', (chunk: Buffer) => {
    log += chunk.toString();
    const match = log.match(/on (http:\/\/\S+)/);
    if (match) resolve(match[1]!);
  });
  server.once('exit', () => reject(new Error(`server exited:\n${log}`)));
});

const browser = await launchChromium();

/** The portfolio's largest contentful paint on a fresh page (no cache), from navigation start. */
async function largestContentfulPaint(path: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const fresh = await context.newPage();
  await fresh.goto(`${url}${path}`);
  await fresh.locator('tr[data-function]').first().waitFor();
  await fresh.locator('figure .recharts-surface').first().waitFor();
  const lcp = await fresh.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list) => {
          const entries = list.getEntries();
          resolve(entries[entries.length - 1]!.startTime);
        }).observe({ type: 'largest-contentful-paint', buffered: true });
      }),
  );
  await context.close();
  return lcp;
}
const paints: number[] = [];
for (let round = 0; round < 5; round += 1) paints.push(await largestContentfulPaint(national ? '/?period=2020-21' : '/?period=2017-18'));

const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
// tsx keeps function names with a __name helper that the page does not have; give it one.
await page.addInitScript('window.__name = (f) => f');
await page.goto(`${url}/?period=${national ? '2020-21' : '2017-18'}`);
await page.locator('tr[data-function]').first().waitFor();
await page.locator('figure .recharts-surface').first().waitFor();

/**
 * Changes a select in the page and waits, frame by frame, until the scope line reads `expected`
 * (the new figures on screen), then until no section says it is loading (history, changes, the
 * split by force, fetched after the figures).
 */
async function timeChange(label: string, value: string, expected: string): Promise<{ figures: number; everything: number }> {
  return page.evaluate(
    ({ label, value, expected }) =>
      new Promise<{ figures: number; everything: number }>((resolve) => {
        const select = [...document.querySelectorAll('label')].find((l) => l.textContent === label)!.control as HTMLSelectElement;
        const start = performance.now();
        let figures: number | null = null;
        select.value = value;
        select.dispatchEvent(new Event('change', { bubbles: true }));
        const check = () => {
          const scope = document.querySelector('[data-testid="view-scope"]')?.textContent ?? '';
          if (figures === null && scope.includes(expected)) figures = performance.now() - start;
          if (figures !== null && document.querySelector('[role="status"].loading') === null) resolve({ figures, everything: performance.now() - start });
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
    { label, value, expected },
  );
}

const stats = (times: number[], what = 'changes') => {
  const sorted = [...times].sort((a, b) => a - b);
  return `median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0)} ms, slowest ${sorted.at(-1)!.toFixed(0)} ms (${times.length} ${what})`;
};

const firstTime: { figures: number; everything: number }[] = [];
const cached: { figures: number; everything: number }[] = [];
for (let round = 0; round < ROUNDS; round += 1) {
  // The first visit to a year fetches it; going back to one already seen is answered from the cache.
  const year = (national ? ['2016-17', '2017-18', '2018-19', '2019-20', '2021-22'] : ['2014-15', '2015-16', '2016-17', '2017-18', '2019-20'])[round % 5]!;
  const target = round < 5 ? firstTime : cached;
  target.push(await timeChange('Year', year, `FY ${year.slice(0, 4)}/${year.slice(5)}`));
}
const collaboration: { figures: number; everything: number }[] = [];
for (let round = 0; round < ROUNDS; round += 1) {
  const [value, words] = national
    ? round % 2 === 0
      ? ['region-01', 'Region 1 collaboration']
      : ['region-02', 'Region 2 collaboration']
    : round % 2 === 0
      ? ['ctc', 'Chiltern Transport Consortium']
      : ['bch', 'Bedfordshire, Cambridgeshire'];
  collaboration.push(await timeChange('Collaboration', value, words));
}
console.log(national ? `On the national ledger at ${args.database}:` : 'On the demo data set:');
console.log(`Largest contentful paint of the portfolio (fresh page, 1366×768): ${stats(paints, 'loads')} (target: within 1 s)`);
const both = (times: { figures: number; everything: number }[]) =>
  `new figures on screen ${stats(times.map((t) => t.figures))}; every section loaded ${stats(times.map((t) => t.everything))}`;
console.log(`Redraw after changing the year, first time (fetch + draw): ${both(firstTime)}`);
console.log(`Redraw after changing the year, seen before (cached):     ${both(cached)}`);
console.log(`Redraw after changing the collaboration:                  ${both(collaboration)}`);
console.log('Target: within 200 ms.');
await browser.close();
server.kill('SIGTERM');
