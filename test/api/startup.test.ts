import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadMigrations } from '../../server/db/migrate';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Starts `node --import tsx server/main.ts` as npm start does, waits until it serves, then stops it. */
async function startServer(databasePath: string): Promise<{ log: string; functions: any }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: projectRoot,
    env: { ...process.env, PORT: '0', DATABASE_PATH: databasePath, PUBLIC_READ: 'true' },
  });
  let log = '';
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start:\n${log}`)), 30_000);
      const onData = (chunk: Buffer) => {
        log += chunk.toString();
        const match = log.match(/on (http:\/\/\S+)/);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${log}`)));
    });
    const functions = await (await fetch(`${url}/api/functions`)).json();
    return { log, functions };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

describe('server start-up', () => {
  it('creates, migrates and seeds a new database at DATABASE_PATH, and never reseeds it', async () => {
    const databasePath = join(mkdtempSync(join(tmpdir(), 'realise-start-')), 'ledger.db');
    const first = await startServer(databasePath);
    const newest = loadMigrations().length;
    expect(first.log).toContain(`schema version 0 → ${newest}`);
    expect(first.log).toMatch(/seeded from data\/papers: 6 functions/);
    expect(first.log).toMatch(/one-time link to create the first: http:\/\/127\.0\.0\.1:\d+\/setup\?token=[\w-]{43}/);
    expect(first.functions.functions).toHaveLength(4);

    const second = await startServer(databasePath);
    expect(second.log).toContain(`schema version ${newest} → ${newest}`);
    expect(second.log).not.toMatch(/seeded/);
    expect(second.functions.functions).toHaveLength(4);
  }, 60_000);
});
