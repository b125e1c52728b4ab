import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { createApp } from './app';
import { createAuthService } from './auth/service';
import { openDatabase } from './db/connection';
import { loadDemoData, seedDemo } from './db/demo';
import { migrate } from './db/migrate';
import { createAccountRepository } from './db/repositories/accounts';
import { isEmpty, loadPaperData, seedFromPapers, topUpFromPapers } from './db/seed';
import { readSettings } from './settings';

const settings = readSettings();
const db = openDatabase(settings.databasePath);
const { from, to } = migrate(db);
console.log(`database ${settings.databasePath}: schema version ${from} → ${to}`);
if (isEmpty(db)) {
  const counts = seedFromPapers(db, loadPaperData(), new Date());
  console.log(`seeded from data/papers: ${counts.functions} functions, ${counts.targets} targets, ${counts.sources} sources`);
  if (settings.demoData) {
    const entries = seedDemo(db, loadDemoData(), new Date());
    console.log(`added the illustrative demo data set: ${entries} monthly and yearly figures, marked illustrative`);
  }
} else {
  const added = topUpFromPapers(db, loadPaperData(), new Date());
  if (added.decisions + added.risks + added.benefits > 0) {
    console.log(`added from data/papers what this database lacked: ${added.decisions} decision records, ${added.risks} risks, ${added.benefits} benefits and dis-benefits`);
  }
}

const app = createApp({ db, publicRead: settings.publicRead, trustProxy: settings.trustProxy, oidcProviders: settings.oidcProviders, publicUrl: settings.publicUrl });

const clientDir = fileURLToPath(new URL('../dist/client/', import.meta.url));
if (!existsSync(`${clientDir}index.html`)) {
  console.warn('the dashboard is not built: run `npm run build` (npm start does it for you). The API still answers.');
}
const root = relative(process.cwd(), clientDir) || '.';
app.use('/assets/*', serveStatic({ root }));
// Every other page is the single-page dashboard; it reads its view from the URL.
const dashboard = serveStatic({ root, path: 'index.html' });
app.get('*', (c, next) => (c.req.path.startsWith('/api/') ? next() : dashboard(c, next)));

const server = serve({ fetch: app.fetch, port: settings.port, hostname: settings.host }, (info) => {
  const origin = `http://${settings.host === '0.0.0.0' ? 'localhost' : settings.host}:${info.port}`;
  console.log(`Realise is serving the dashboard and API on ${origin}`);
  // Metabase and Jupyter do it this way: until an administrator exists, a one-time link to create one.
  const setupToken = createAuthService({ db, accounts: createAccountRepository(db), now: () => new Date() }).issueSetupToken();
  if (setupToken) {
    console.log(`No administrator exists yet. Open this one-time link to create the first: ${origin}/setup?token=${setupToken}`);
    console.log('(Or run `npm run create-admin -- --email you@example.org --name "Your Name"` on this machine.)');
  }
  if (settings.publicRead) console.log('PUBLIC_READ is on: anyone who can reach this address can read the dashboard; changes still need a sign-in.');
});

const shutdown = () => {
  server.close(() => {
    db.close();
    process.exit(0);
  });
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
