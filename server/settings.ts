import { fileURLToPath } from 'node:url';
import { readOidcProviders, type OidcProvider } from './auth/oidc-settings';

export type Settings = { port: number; host: string; databasePath: string; demoData: boolean; publicRead: boolean; trustProxy: boolean; publicUrl: string; oidcProviders: OidcProvider[] };

const defaultDatabase = fileURLToPath(new URL('../data/realise.db', import.meta.url));

/** Settings from the environment, each with a default that works on a fresh machine. */
export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, not "${env.PORT}"`);
  }
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    databasePath: env.DATABASE_PATH ?? defaultDatabase,
    // Only for a new database: adds invented monthly actuals, marked illustrative everywhere.
    demoData: env.DEMO_DATA === 'true',
    // Reading without signing in, for a Summit screen on a closed network; writes always need a session.
    publicRead: env.PUBLIC_READ === 'true',
    // Only behind a reverse proxy that sets X-Forwarded-For and -Proto itself: otherwise a client could claim any address.
    trustProxy: env.TRUST_PROXY === 'true',
    // Where people reach Realise: single sign-on providers send them back to PUBLIC_URL/api/auth/oidc/<provider>/callback.
    publicUrl: env.PUBLIC_URL ?? `http://${env.HOST ?? '127.0.0.1'}:${port}`,
    oidcProviders: readOidcProviders(env),
  };
}
