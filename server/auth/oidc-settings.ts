import { readFileSync } from 'node:fs';
import { z } from 'zod';

// The OpenID Connect providers Realise accepts, one per force or tenant, from a settings file
// (OIDC_PROVIDERS_FILE) or the environment (OIDC_PROVIDERS, the same JSON). A client secret is read
// from a file or an environment variable named in the settings, never written in them, never logged.

const Grant = z.object({
  role: z.enum(['viewer', 'force-editor', 'function-owner', 'programme-officer', 'administrator']),
  force: z.string().nullable().default(null),
  function: z.string().nullable().default(null),
});

const ProviderSettings = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a provider id is lower-case words joined by hyphens, like bedfordshire'),
    name: z.string().min(1).describe('as the sign-in button says it: "Sign in with <name>"'),
    issuer: z.url(),
    clientId: z.string().min(1),
    clientSecretFile: z.string().optional(),
    clientSecretEnv: z.string().optional(),
    forces: z.array(z.string()).default([]),
    /** The claim that lists the person's groups or app roles: "groups" (Entra ID's group claim) or "roles" (app roles). */
    groupsClaim: z.string().default('groups'),
    /** Group or role value → Realise grants. With none, a new person is a viewer until an administrator grants more. */
    roleMap: z.record(z.string(), z.array(Grant)).optional(),
  })
  .refine((p) => p.clientSecretFile === undefined || p.clientSecretEnv === undefined, 'give the client secret as a file or an environment variable, not both');

export type OidcProvider = Omit<z.infer<typeof ProviderSettings>, 'clientSecretFile' | 'clientSecretEnv'> & { clientSecret: string | null };

/** The providers in the settings, with their secrets read; [] when none is configured. Throws, saying what is wrong, on bad settings. */
export function readOidcProviders(env: NodeJS.ProcessEnv = process.env): OidcProvider[] {
  const text = env.OIDC_PROVIDERS_FILE ? readFileSync(env.OIDC_PROVIDERS_FILE, 'utf8') : env.OIDC_PROVIDERS;
  if (!text) return [];
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${env.OIDC_PROVIDERS_FILE ? `OIDC_PROVIDERS_FILE (${env.OIDC_PROVIDERS_FILE})` : 'OIDC_PROVIDERS'} is not JSON`);
  }
  const parsed = z.array(ProviderSettings).safeParse(json);
  if (!parsed.success) throw new Error(`The OpenID Connect providers' settings will not do: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const ids = new Set<string>();
  return parsed.data.map(({ clientSecretFile, clientSecretEnv, ...provider }) => {
    if (ids.has(provider.id)) throw new Error(`Two OpenID Connect providers have the id "${provider.id}"`);
    ids.add(provider.id);
    let clientSecret: string | null = null;
    if (clientSecretFile) clientSecret = readFileSync(clientSecretFile, 'utf8').trim();
    else if (clientSecretEnv) {
      clientSecret = env[clientSecretEnv] ?? null;
      if (!clientSecret) throw new Error(`The client secret of provider "${provider.id}" should be in ${clientSecretEnv}, which is not set`);
    }
    return { ...provider, clientSecret };
  });
}
