import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_PATH } from './browser';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

declare module 'vitest' {
  export interface ProvidedContext {
    /** A server on a new database seeded from the papers only, readable without signing in (PUBLIC_READ). */
    baseUrl: string;
    /** The same with the illustrative demo data set. */
    demoUrl: string;
    /** A server as `npm start` leaves it: reading needs a sign-in, and no administrator exists yet. */
    closedUrl: string;
    /** The one-time setup link that server printed in its log. */
    closedSetupLink: string;
    /** An administrator of the baseUrl server, made with `npm run create-admin` as a scripted install would. */
    baseAdmin: { email: string; password: string };
    /** A server of its own for the six-monthly report, whose tests record figures the others must not see; reading needs a sign-in. */
    reportsUrl: string;
    reportsAdmin: { email: string; password: string };
    /** A server of its own with the demo data set, for a finance officer's month: its figures change under the tests. */
    recordingUrl: string;
    recordingAdmin: { email: string; password: string };
    /** A server of its own where a programme officer adds a function: the portfolio grows under its tests. */
    portfolioUrl: string;
    portfolioAdmin: { email: string; password: string };
  }
}

/** Starts server/main.ts as `npm start` does, on a free port; resolves with its URL and a stop function. */
export async function startServer(dataDir: string, name: string, env: Record<string, string> = {}) {
  const server: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: projectRoot,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_PATH: join(dataDir, `${name}.db`), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the ${name} server did not start in 30 s:\n${log}`)), 30_000);
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      const match = log.match(/on (http:\/\/\S+)/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    server.stdout!.on('data', onData);
    server.stderr!.on('data', onData);
    server.once('exit', (code) => reject(new Error(`the ${name} server exited with ${code}:\n${log}`)));
  });
  const stop = async () => {
    server.kill('SIGTERM');
    await new Promise((resolve) => (server.exitCode !== null ? resolve(null) : server.once('exit', resolve)));
  };
  return { url, stop, log: () => log };
}

/**
 * Builds the dashboard as `npm start` does and starts the real server twice, each on a new database in
 * a temporary folder and a free port: one seeded from the papers, one with the demo data set too.
 */
export default async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`The browser tests need Chromium at ${CHROMIUM_PATH}: install it with \`apt-get install -y chromium\`.`);
  }
  // A production build, as `npm start` makes: in this process NODE_ENV is 'test', which would give React's development build.
  const built = spawnSync(process.execPath, [join(projectRoot, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: projectRoot,
    env: { ...process.env, NODE_ENV: 'production' },
    encoding: 'utf8',
  });
  if (built.status !== 0) throw new Error(`the dashboard did not build:\n${built.stdout}${built.stderr}`);

  const dataDir = mkdtempSync(join(tmpdir(), 'realise-e2e-'));
  const baseAdmin = { email: 'admin@example.org', password: 'a scripted install passphrase' };
  const createAdmin = (database: string, who: { email: string; password: string }) => {
    const admin = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/create-admin.ts', '--email', who.email, '--name', 'Scripted Admin'], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_PATH: join(dataDir, database), REALISE_ADMIN_PASSWORD: who.password },
      encoding: 'utf8',
    });
    if (admin.status !== 0) throw new Error(`create-admin failed:\n${admin.stdout}${admin.stderr}`);
  };
  createAdmin('papers.db', baseAdmin);
  const reportsAdmin = { email: 'reports.admin@example.org', password: 'another scripted passphrase' };
  createAdmin('reports.db', reportsAdmin);
  const portfolioAdmin = { email: 'portfolio.admin@example.org', password: 'a fourth scripted passphrase' };
  createAdmin('portfolio.db', portfolioAdmin);

  const papers = await startServer(dataDir, 'papers', { PUBLIC_READ: 'true' });
  const reports = await startServer(dataDir, 'reports');
  const demo = await startServer(dataDir, 'demo', { PUBLIC_READ: 'true', DEMO_DATA: 'true' });
  const closed = await startServer(dataDir, 'closed');
  const recording = await startServer(dataDir, 'recording', { DEMO_DATA: 'true' });
  const portfolio = await startServer(dataDir, 'portfolio');
  // After the server has seeded the demo data set (create-admin on an empty database seeds the papers alone).
  const recordingAdmin = { email: 'recording.admin@example.org', password: 'a third scripted passphrase' };
  createAdmin('recording.db', recordingAdmin);
  project.provide('baseUrl', papers.url);
  project.provide('demoUrl', demo.url);
  project.provide('closedUrl', closed.url);
  project.provide('baseAdmin', baseAdmin);
  project.provide('reportsUrl', reports.url);
  project.provide('reportsAdmin', reportsAdmin);
  project.provide('recordingUrl', recording.url);
  project.provide('recordingAdmin', recordingAdmin);
  project.provide('portfolioUrl', portfolio.url);
  project.provide('portfolioAdmin', portfolioAdmin);
  await new Promise((resolve) => setTimeout(resolve, 200));
  const link = /(http:\/\/\S+\/setup\?token=[\w-]+)/.exec(closed.log());
  if (!link) throw new Error(`the closed server printed no setup link:\n${closed.log()}`);
  project.provide('closedSetupLink', link[1]!);

  return async () => {
    await Promise.all([papers.stop(), demo.stop(), closed.stop(), reports.stop(), recording.stop(), portfolio.stop()]);
    rmSync(dataDir, { recursive: true, force: true });
  };
}
