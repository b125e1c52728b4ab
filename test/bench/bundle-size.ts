// Prints the gzipped size of the JavaScript the first page needs (the entry script and what it
// preloads) against the 170 KB budget, and of the chunks loaded later. Run after `npm run build`.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 170;
const dist = fileURLToPath(new URL('../../dist/client/', import.meta.url));
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
const all = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`);
const kb = (file: string) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length / 1024;

let first = 0;
console.log('First page (loaded before anything shows):');
for (const file of initial) {
  first += kb(file);
  console.log(`  ${file.padEnd(48)} ${kb(file).toFixed(1).padStart(7)} KB gzipped`);
}
console.log('Loaded later (charts, on demand):');
for (const file of all.filter((f) => !initial.includes(f))) console.log(`  ${file.padEnd(48)} ${kb(file).toFixed(1).padStart(7)} KB gzipped`);
console.log(`First-page JavaScript: ${first.toFixed(1)} KB gzipped of a ${BUDGET_KB} KB budget (${first <= BUDGET_KB ? 'within' : 'OVER'}).`);
