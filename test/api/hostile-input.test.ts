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

describe('bodies too large', () => {
  it('stops reading a streamed body at the limit, long before its end, and answers 413', async () => {
    const { app } = seededApp();
    let pulled = 0;
    const chunk = new Uint8Array(256 * 1024).fill(0x61);
    // A 500 MB body that never says how long it is.
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        if (pulled > 2000) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const response = await app.request('/api/auth/sign-in', { method: 'POST', headers: { 'content-type': 'application/json' }, body, duplex: 'half' } as RequestInit);
    expect(response.status).toBe(413);
    expect((await response.json()).error.message).toMatch(/over 1 MB/);
    // 1 MB is four chunks; the reader may have asked for a few ahead, never the 2,000.
    expect(pulled).toBeLessThan(10);
  });

  it('refuses a declared length over the limit without reading, and lets an import be up to 20 MB', async () => {
    const { app } = seededApp();
    const declared = await app.request('/api/auth/sign-in', { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(500 * 1024 * 1024) }, body: '{}' });
    expect(declared.status).toBe(413);
    // Two megabytes to the import route pass the body limit (and meet the import's own checks: not signed in).
    const upload = await app.request('/api/imports?mode=dry-run', { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'a'.repeat(2 * 1024 * 1024) });
    expect(upload.status).not.toBe(413);
    const tooBig = await app.request('/api/imports?mode=dry-run', { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'a'.repeat(21 * 1024 * 1024) });
    expect(tooBig.status).toBe(413);
  });
});
