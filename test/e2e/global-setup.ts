import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_PATH } from './browser';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

declare module 'vitest' {
  export interface ProvidedContext {
    /** A server on a new database seeded from the papers only. */
    baseUrl: string;
    /** A server on a new database seeded from the papers and the illustrative demo data set. */
    demoUrl: string;
  }
}

/** Starts server/main.ts as `npm start` does, on a free port; resolves with its URL and a stop function. */
async function startServer(dataDir: string, name: string, env: Record<string, string> = {}) {
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
  return { url, stop };
}

/**
 * Builds the dashboard as `npm start` does and starts the real server twice, each on a new database in
 * a temporary folder and a free port: one seeded from the papers, one with the demo data set too.
 */
export default async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`The browser tests need Chromium at ${CHROMIUM_PATH}: install it with \`apt-get install -y chromium\`.`);
  }
  await build({ configFile: join(projectRoot, 'vite.config.ts'), logLevel: 'warn' });

  const dataDir = mkdtempSync(join(tmpdir(), 'realise-e2e-'));
  const papers = await startServer(dataDir, 'papers');
  const demo = await startServer(dataDir, 'demo', { DEMO_DATA: 'true' });
  project.provide('baseUrl', papers.url);
  project.provide('demoUrl', demo.url);

  return async () => {
    await Promise.all([papers.stop(), demo.stop()]);
    rmSync(dataDir, { recursive: true, force: true });
  };
}
