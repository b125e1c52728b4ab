import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ADMINISTRATOR, createUser, FORCE_EDITOR, FUNCTION_OWNER, signIn, type Signed } from './accounts';
import { seededApp } from './seeded-app';

// Malformed and hostile input thrown at every state-changing route by someone with every role, so
// no refusal is for want of permission: the answer is always a 4xx in the error shape, never a
// 5xx, and nothing is written.

const { app, db, errors } = seededApp({ publicRead: false, now: () => new Date('2018-05-10T09:00:00Z') });
let signed: Signed;
let userId: number;
const statuses = new Map<number, number>();
let requests = 0;

const snapshot = () =>
  db
    .prepare(
      `SELECT (SELECT count(*) FROM ledger_entries) AS entries, (SELECT total(amount_pence) FROM ledger_entries) AS pence,
              (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM user_roles) AS grants,
              (SELECT group_concat(password_hash) FROM users) AS hashes,
              (SELECT group_concat(rag_tolerance_tenths_percent || description) FROM functions) AS plans,
              (SELECT count(*) FROM setup_tokens) AS setupTokens, (SELECT count(*) FROM benefit_measurements) AS measures,
              (SELECT count(*) FROM reports) AS reports`,
    )
    .get();

beforeAll(async () => {
  userId = await createUser(db, 'everyone@example.org', [ADMINISTRATOR, FUNCTION_OWNER('aoj'), FUNCTION_OWNER('ict'), FORCE_EDITOR('bedfordshire'), { role: 'programme-officer', force: null, function: null }]);
  signed = await signIn(app, 'everyone@example.org');
});

async function send(method: string, path: string, body: string | undefined, contentType = 'application/json') {
  const response = await app.request(path, {
    method,
    headers: { cookie: signed.cookie, 'x-csrf-token': signed.csrfToken, ...(body !== undefined ? { 'content-type': contentType } : {}) },
    ...(body !== undefined ? { body } : {}),
  });
  requests += 1;
  statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
  const text = await response.text();
  expect(response.status, `${method} ${path} ${body}`).toBeGreaterThanOrEqual(400);
  expect(response.status, `${method} ${path} ${body}`).toBeLessThan(500);
  expect(text).not.toMatch(/SqliteError|SQLITE_|\.ts:\d+|node_modules|at \w+ \(/);
  const parsed = JSON.parse(text);
  expect(typeof parsed.error.code).toBe('string');
  expect(parsed.error.message.length).toBeGreaterThan(10);
}

// Values that are never right for the field they replace.
const hostile = fc.constantFrom<unknown>(
  null, -1, 0.5, 1e300, -1e300, '', ' ', 'DROP TABLE users;--', "' OR 1=1 --", '<script>alert(1)</script>', '../../etc/passwd',
  '2017-13', '17-18', '2017-19', 'April', true, [], {}, [1, 2], { $gt: '' }, 'a'.repeat(5000), '\u0000', '🚓', 9007199254740993, -0.0001,
);
const validEntry = { lineId: 6, measure: 'forecast', fiscalYear: '2017-18', month: '2017-06', force: 'bedfordshire', amountPence: 100 };

/**
 * A body one step from valid (one field made hostile, or left out) or junk of any shape. `stillValid`
 * names the changes that would make a good request, which are left out.
 */
const mutated = (valid: Record<string, unknown>, stillValid: (key: string, value: unknown) => boolean = () => false) =>
  fc.oneof(
    fc.tuple(fc.constantFrom(...Object.keys(valid)), hostile).filter(([key, value]) => !stillValid(key, value)).map(([key, value]) => JSON.stringify({ ...valid, [key]: value })),
    fc.constantFrom(...Object.keys(valid)).filter((key) => !stillValid(key, undefined)).map((key) => JSON.stringify({ ...valid, [key]: undefined })),
    fc.jsonValue().map((v) => JSON.stringify(v)),
    fc.string({ maxLength: 200 }),
    fc.constantFrom('{', '{"lineId": 6,', 'null', '[]', '{"__proto__": {"admin": true}}'),
  );

/** A string that would pass as a new password. */
const goodPassword = (value: unknown) => typeof value === 'string' && value.length >= 12 && value.length <= 128 && new Set(value).size >= 4;

const ROUTES: [string, string, fc.Arbitrary<string>][] = [
  // Left out or null, a month or force is a valid whole-year or whole-function entry.
  ['POST', '/api/ledger-entries', mutated(validEntry, (key, value) => (key === 'month' || key === 'force') && (value === undefined || value === null))],
  ['PUT', '/api/ledger-entries/1', mutated({ amountPence: 5, version: 1 })],
  ['PATCH', '/api/functions/aoj', mutated({ toleranceTenthsPercent: 55.5 }, (key, value) => key === 'toleranceTenthsPercent' && value === 0)],
  ['POST', '/api/users', mutated({ email: 'someone@example.org', displayName: 'Some One', password: 'short', grants: [] }, (key, value) => key === 'password' && goodPassword(value))],
  ['PATCH', `/api/users/999`, mutated({ isActive: false })],
  ['POST', '/api/users/999/password', mutated({ password: 'a long enough passphrase' })],
  [
    'POST',
    '/api/benefits/ICT-B4/measurements',
    mutated({ measuredOn: '2017-03-31', valueMilli: 1.5, dataSource: 'Activity sampling' }, (key, value) => key === 'valueMilli' && Number.isInteger(value) && Math.abs(value as number) <= 1e15),
  ],
  // A quarter is never a half-year, so no body one step from this one publishes.
  ['POST', '/api/reports', mutated({ collaboration: 'bch', half: '2017-18-Q1' })],
  ['POST', '/api/auth/sign-in', mutated({ email: 'everyone@example.org', password: 'wrong password here' })],
  ['POST', '/api/auth/password', mutated({ currentPassword: 'wrong password here', newPassword: 'x' })],
  ['POST', '/api/auth/setup', mutated({ token: 'not a token', email: 'x@example.org', displayName: 'X', password: 'a long enough passphrase' })],
];

describe('state-changing routes under hostile input', () => {
  it.each(ROUTES)('%s %s answers 4xx in the error shape and writes nothing', async (method, path, bodies) => {
    const before = snapshot();
    await fc.assert(fc.asyncProperty(bodies, async (body) => send(method, path, body)), { numRuns: 150 });
    expect(snapshot()).toEqual(before);
    expect(errors).toEqual([]);
  });

  it('POST /api/imports?mode=apply answers hostile files with 4xx and writes nothing', async () => {
    const before = snapshot();
    const header = 'function,line,measure,fiscal_year,month,force,amount_gbp';
    const files = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.array(fc.array(fc.oneof(fc.string({ maxLength: 20 }), hostile.map(String)), { minLength: 7, maxLength: 7 }), { minLength: 1, maxLength: 5 }).map((rows) => [header, ...rows.map((r) => r.map((c) => JSON.stringify(c)).join(','))].join('\n')),
    );
    await fc.assert(fc.asyncProperty(files, async (file) => send('POST', '/api/imports?mode=apply', file, 'text/csv')), { numRuns: 150 });
    expect(snapshot()).toEqual(before);
  });

  it('refuses hostile ids, query strings and content types', async () => {
    const before = snapshot();
    for (const id of ['0', '-1', '1.5', 'abc', '1e999', '%00', '99999999999999999999']) {
      await send('PUT', `/api/ledger-entries/${id}`, JSON.stringify({ amountPence: 1, version: 1 }));
      await send('DELETE', `/api/ledger-entries/${id}?version=1`, undefined);
      await send('PATCH', `/api/users/${id}`, JSON.stringify({ isActive: false }));
    }
    await send('DELETE', '/api/ledger-entries/1?version=abc', undefined);
    await send('DELETE', '/api/ledger-entries/1', undefined);
    await send('POST', '/api/ledger-entries', 'lineId=6&amountPence=1', 'application/x-www-form-urlencoded');
    await send('POST', '/api/ledger-entries', JSON.stringify(validEntry), 'text/plain');
    await send('PATCH', '/api/functions/nope', JSON.stringify({ toleranceTenthsPercent: 10 }));
    expect(snapshot()).toEqual(before);
    expect(userId).toBeGreaterThan(0);
  });

  it('reports what it sent', () => {
    // The closing note quotes these figures.
    console.log(`hostile writes: ${requests} requests; answered ${[...statuses].sort().map(([s, n]) => `${s} ×${n}`).join(', ')}`);
    expect(requests).toBeGreaterThan(1000);
    expect([...statuses.keys()].every((s) => s >= 400 && s < 500)).toBe(true);
  });
});
