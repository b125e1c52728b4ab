import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { createApp } from './app';
import { openDatabase } from './db/connection';
import { loadDemoData, seedDemo } from './db/demo';
import { migrate } from './db/migrate';
import { isEmpty, loadPaperData, seedFromPapers } from './db/seed';
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
}

const app = createApp({ db });

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
  console.log(`Realise is serving the dashboard and API on http://${settings.host === '0.0.0.0' ? 'localhost' : settings.host}:${info.port}`);
});

const shutdown = () => {
  server.close(() => {
    db.close();
    process.exit(0);
  });
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
