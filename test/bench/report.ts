// Times the six-monthly report on the demo data set: drafting it, publishing it, and building its
// PDF and .xlsx, each the median of several runs; and the size of what is stored and sent.
// Prints the figures; asserts nothing.
import { createApp } from '../../server/app';
import { hashPassword } from '../../server/auth/passwords';
import { openDatabase } from '../../server/db/connection';
import { loadDemoData, seedDemo } from '../../server/db/demo';
import { migrate } from '../../server/db/migrate';
import { createAccountRepository } from '../../server/db/repositories/accounts';
import { loadPaperData, seedFromPapers } from '../../server/db/seed';

const RUNS = 15;
const db = openDatabase(':memory:');
migrate(db);
seedFromPapers(db, loadPaperData(), new Date());
seedDemo(db, loadDemoData(), new Date());
const accounts = createAccountRepository(db);
const id = accounts.insertUser({ email: 'bench@example.org', displayName: 'Bench', passwordHash: await hashPassword('bench passphrase here'), at: new Date().toISOString() });
accounts.replaceGrants(id, [{ role: 'programme-officer', force: null, function: null }]);

const app = createApp({ db });
const signIn = await app.request('/api/auth/sign-in', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'bench@example.org', password: 'bench passphrase here' }) });
const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
const { csrfToken } = (await signIn.json()) as { csrfToken: string };

async function median(what: () => Response | Promise<Response>): Promise<{ ms: number; bytes: number }> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    const response = await what();
    bytes = (await response.arrayBuffer()).byteLength;
    times.push(performance.now() - start);
    if (response.status >= 300) throw new Error(`answered ${response.status}`);
  }
  times.sort((a, b) => a - b);
  return { ms: Math.round(times[Math.floor(RUNS / 2)]!), bytes };
}

const get = (path: string) => () => app.request(path, { headers: { cookie } });
const query = 'collaboration=bch&half=2017-18-H1';
const draft = await median(get(`/api/reports/draft?${query}`));
const publish = await median(() => app.request('/api/reports', { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }, body: JSON.stringify({ collaboration: 'bch', half: '2017-18-H1' }) }));
const opened = await median(get('/api/reports/1'));
const pdf = await median(get('/api/reports/1/export?format=pdf'));
const xlsx = await median(get('/api/reports/1/export?format=xlsx'));
const stored = db.prepare('SELECT length(content) AS n FROM reports WHERE id = 1').get() as { n: number };
const heap = process.memoryUsage();

console.log(`BCH's report for H1 2017/18 on the demo data set, in process, on this machine (median of ${RUNS}):`);
console.log(`  draft:               ${draft.ms} ms  (${(draft.bytes / 1024).toFixed(1)} KB of JSON)`);
console.log(`  publish:             ${publish.ms} ms  (draft, hash, store, audit; ${(stored.n / 1024).toFixed(1)} KB stored a version)`);
console.log(`  open a published one: ${opened.ms} ms  (parse and check its hash)`);
console.log(`  PDF:                 ${pdf.ms} ms  (${(pdf.bytes / 1024).toFixed(1)} KB)`);
console.log(`  .xlsx:               ${xlsx.ms} ms  (${(xlsx.bytes / 1024).toFixed(1)} KB)`);
console.log(`  resident memory after: ${(heap.rss / 1024 / 1024).toFixed(0)} MB (heap used ${(heap.heapUsed / 1024 / 1024).toFixed(0)} MB)`);
