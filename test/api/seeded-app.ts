import { createApp } from '../../server/app';
import { openDatabase } from '../../server/db/connection';
import { loadDemoData, seedDemo } from '../../server/db/demo';
import { migrate } from '../../server/db/migrate';
import { loadPaperData, seedFromPapers } from '../../server/db/seed';

export const SEEDED_AT = new Date('2026-11-25T09:00:00Z');

/** A migrated in-memory database seeded from data/papers, and the real app on top of it. */
/** A cheap scrypt for tests: the same code path, a thousandth of the work. */
export const TEST_HASH_COST = { N: 2 ** 10, r: 8, p: 1 };

/**
 * Reads here run with PUBLIC_READ on, as the read tests are about figures; the access tests
 * (access.test.ts) run with it off.
 */
export function seededApp(options: { now?: () => Date; demo?: boolean; publicRead?: boolean } = {}) {
  const db = openDatabase(':memory:');
  migrate(db);
  seedFromPapers(db, loadPaperData(), SEEDED_AT);
  if (options.demo) seedDemo(db, loadDemoData(), SEEDED_AT);
  const errors: unknown[] = [];
  const app = createApp({
    db,
    now: options.now ?? (() => SEEDED_AT),
    publicRead: options.publicRead ?? true,
    hashCost: TEST_HASH_COST,
    logError: (_m, e) => errors.push(e),
  });
  return { db, app, errors };
}

export async function getJson(app: ReturnType<typeof createApp>, path: string) {
  const response = await app.request(path);
  return { status: response.status, body: (await response.json()) as any, headers: response.headers };
}
