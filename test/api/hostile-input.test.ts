import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededApp } from './seeded-app';

// Whatever a person or a script sends to a read route, the answer is a 2xx or a 4xx in the error
// shape: never a 5xx, never a stack trace or SQL.
describe('read routes under hostile input', () => {
  const { app, db, errors } = seededApp();
  const countRows = () => db.prepare('SELECT (SELECT count(*) FROM ledger_entries) + (SELECT count(*) FROM audit_log) AS n').get();
  const before = countRows();

  const segment = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.constantFrom('ict', "ict' OR 1=1 --", '../../etc/passwd', '%00', '%E0%A4%A', 'ICT', 'a'.repeat(500), '🚓', '{slug}'),
  );
  const query = fc.oneof(
    fc.constant(''),
    fc.string({ maxLength: 30 }).map((v) => `?asAt=${encodeURIComponent(v)}`),
    fc.constantFrom('?asAt=', '?asAt=2017-02-29', '?asAt=9999-99-99', '?asAt[]=1', '?asAt=2016-01-01&asAt=2017-01-01', '?x=1'),
  );
  const path = fc.tuple(fc.constantFrom('/api/functions/', '/api/functions', '/api/forces', '/api/'), segment, query);

  it('answers 2xx or 4xx in the error shape, for 500 generated requests', async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(path, async ([prefix, raw, q]) => {
        const url = `${prefix}${prefix.endsWith('/') ? encodeURIComponent(raw) : ''}${q}`;
        const response = await app.request(url);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        expect(response.status, url).toBeLessThan(500);
        const text = await response.text();
        expect(text).not.toMatch(/SqliteError|SQLITE_|\.ts:\d+|node_modules/);
        if (response.status >= 400) {
          const body = JSON.parse(text);
          expect(typeof body.error.code).toBe('string');
          expect(body.error.message.length).toBeGreaterThan(10);
        }
      }),
      { numRuns: 500 },
    );
    expect(errors).toEqual([]);
    expect(countRows()).toEqual(before);
    // Both kinds of answer were exercised, not only one.
    expect([...statuses.keys()].some((s) => s >= 400)).toBe(true);
    expect([...statuses.keys()].some((s) => s < 300)).toBe(true);
  });
});
