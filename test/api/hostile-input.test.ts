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

  it('answers the report routes’ hostile ids and queries with 2xx or 4xx, for 300 generated requests', async () => {
    const value = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('bch', '2017-18-H1', '2017-18-H3', '2017-19-H1', '..2017-18-H1', '1', '0', '-1', '1e999', 'pdf', 'csv', "bch' --", '%00'));
    const url = fc.oneof(
      value.map((id) => `/api/reports/${encodeURIComponent(id)}`),
      fc.tuple(value, value).map(([c, h]) => `/api/reports/draft?collaboration=${encodeURIComponent(c)}&half=${encodeURIComponent(h)}`),
      fc.tuple(value, value).map(([a, b]) => `/api/reports/compare?from=${encodeURIComponent(a)}&to=${encodeURIComponent(b)}`),
      fc.tuple(value, value).map(([id, f]) => `/api/reports/${encodeURIComponent(id)}/export?format=${encodeURIComponent(f)}`),
      fc.tuple(value, value).map(([h, f]) => `/api/reports/draft/export?collaboration=bch&half=${encodeURIComponent(h)}&format=${encodeURIComponent(f)}`),
    );
    await fc.assert(
      fc.asyncProperty(url, async (path) => {
        const response = await app.request(path);
        expect(response.status, path).toBeLessThan(500);
        if (response.status >= 400) {
          const text = await response.text();
          expect(text).not.toMatch(/SqliteError|SQLITE_|\.ts:\d+|node_modules/);
          expect(JSON.parse(text).error.message.length).toBeGreaterThan(10);
        }
      }),
      { numRuns: 300 },
    );
    expect(errors).toEqual([]);
    expect(countRows()).toEqual(before);
  });
});

describe('answers no cache keeps', () => {
  it('marks every API answer Cache-Control: no-store, figures and errors alike', async () => {
    const { app } = seededApp();
    for (const path of ['/api/functions', '/api/functions/ict', '/api/auth/session', '/api/functions/nothing-here']) {
      expect((await app.request(path)).headers.get('cache-control'), path).toBe('no-store');
    }
  });
});
