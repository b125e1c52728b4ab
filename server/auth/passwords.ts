import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// Passwords are hashed with scrypt, Node's own memory-hard function: N = 2^15, r = 8 takes 32 MiB
// and about a tenth of a second a guess. The parameters are stored with each hash, so they can be
// raised later without locking anyone out.

export type HashCost = { N: number; r: number; p: number };
export const STANDARD_COST: HashCost = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 64;

function scrypt(password: string, salt: Buffer, cost: HashCost): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r };
  return new Promise((resolve, reject) =>
    scryptCallback(password.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

export async function hashPassword(password: string, cost: HashCost = STANDARD_COST): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, cost);
  return `scrypt$${cost.N}$${cost.r}$${cost.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** What is wrong with a new password, in words a person can act on; null when it will do. */
export function passwordProblem(password: string, context: { email?: string; displayName?: string } = {}): string | null {
  // ASVS 2.1: at least 12 characters, long passphrases allowed, no rules about character classes.
  if (password.length < 12) return 'Use at least 12 characters: a few words strung together is easy to remember and hard to guess.';
  if (password.length > 128) return 'Use at most 128 characters.';
  if (new Set(password).size < 4) return 'Use a password with more than a few different characters.';
  const lower = password.toLowerCase();
  for (const word of [context.email?.split('@')[0], context.displayName, 'realise', 'password']) {
    if (word && word.length >= 4 && lower.includes(word.toLowerCase())) return 'Do not build the password from your name, email or the name of this service.';
  }
  return null;
}
