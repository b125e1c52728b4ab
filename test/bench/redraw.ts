// Measures how long the dashboard takes to redraw after a filter changes: from the change event to
// the new figures on screen, in Chromium, against the real server on a new demo database. Prints
// the median and the slowest of each kind of change; it asserts nothing (the target is 200 ms).
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../e2e/browser';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const ROUNDS = 15;

const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
  cwd: projectRoot,
  env: { ...process.env, PORT: '0', DEMO_DATA: 'true', PUBLIC_READ: 'true', DATABASE_PATH: join(mkdtempSync(join(tmpdir(), 'realise-bench-')), 'bench.db') },
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
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
// tsx keeps function names with a __name helper that the page does not have; give it one.
await page.addInitScript('window.__name = (f) => f');
await page.goto(`${url}/?period=2017-18`);
await page.locator('tr[data-function]').first().waitFor();
await page.locator('figure .recharts-surface').first().waitFor();

/** Changes a select in the page and waits, frame by frame, until the scope line reads `expected`. */
async function timeChange(label: string, value: string, expected: string): Promise<number> {
  return page.evaluate(
    ({ label, value, expected }) =>
      new Promise<number>((resolve) => {
        const select = [...document.querySelectorAll('label')].find((l) => l.textContent === label)!.control as HTMLSelectElement;
        const start = performance.now();
        select.value = value;
        select.dispatchEvent(new Event('change', { bubbles: true }));
        const check = () => {
          const scope = document.querySelector('[data-testid="view-scope"]')?.textContent ?? '';
          if (scope.includes(expected) && document.querySelector('[role="status"].loading') === null) resolve(performance.now() - start);
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
    { label, value, expected },
  );
}

const stats = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return `median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0)} ms, slowest ${sorted.at(-1)!.toFixed(0)} ms (${times.length} changes)`;
};

const firstTime: number[] = [];
const cached: number[] = [];
for (let round = 0; round < ROUNDS; round += 1) {
  // The first visit to a year fetches it; going back to one already seen is answered from the cache.
  const year = ['2014-15', '2015-16', '2016-17', '2017-18', '2019-20'][round % 5]!;
  const target = round < 5 ? firstTime : cached;
  target.push(await timeChange('Year', year, `FY ${year.slice(0, 4)}/${year.slice(5)}`));
}
const collaboration: number[] = [];
for (let round = 0; round < ROUNDS; round += 1) {
  const [value, words] = round % 2 === 0 ? ['ctc', 'Chiltern Transport Consortium'] : ['bch', 'Bedfordshire, Cambridgeshire'];
  collaboration.push(await timeChange('Collaboration', value, words));
}
console.log(`Redraw after changing the year, first time (fetch + draw): ${stats(firstTime)}`);
console.log(`Redraw after changing the year, seen before (cached):     ${stats(cached)}`);
console.log(`Redraw after changing the collaboration:                  ${stats(collaboration)}`);
console.log('Target: within 200 ms.');
await browser.close();
server.kill('SIGTERM');
