import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import Provider from 'oidc-provider';

// A real OpenID Connect provider (oidc-provider, the certified Node implementation) on loopback,
// for the tests: test people with groups, the login and consent given at once for whoever the test
// says is signing in, and in front of it a pass-through proxy that can hand the relying party a
// bad ID token instead (tampered, for another nonce or audience, or expired), re-signed with the
// provider's own key where the test means a well-signed token that is wrong in another way.

export type TestPerson = { sub: string; email: string; name: string; groups: string[] };
export type Tamper = 'none' | 'tampered' | 'wrong-nonce' | 'wrong-audience' | 'expired';

const listen = (server: Server) =>
  new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
const body = (req: IncomingMessage) =>
  new Promise<Buffer>((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
  });

export async function startTestProvider(options: { clientId: string; clientSecret: string; redirectUris: string[]; postLogoutRedirectUris?: string[] }) {
  const people = new Map<string, TestPerson>();
  let signingIn: string | null = null;
  let tamper: Tamper = 'none';

  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk: JWK = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const key = await importJWK(jwk, 'RS256');

  // The front: the issuer's address, passing everything to the provider behind it.
  const front = createServer();
  const frontPort = await listen(front);
  const issuer = `http://127.0.0.1:${frontPort}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: options.redirectUris,
        post_logout_redirect_uris: options.postLogoutRedirectUris ?? [],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: { keys: [jwk] },
    claims: { openid: ['sub', 'groups'], email: ['email', 'email_verified'], profile: ['name'] },
    // The person's claims in the ID token itself, as Entra ID puts them.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, sub) => {
      const person = people.get(sub);
      return person ? { accountId: sub, claims: () => ({ sub, email: person.email, email_verified: true, name: person.name, groups: person.groups }) } : undefined;
    },
  });
  const back = createServer(async (req, res) => {
    if (req.url?.startsWith('/interaction/')) {
      // Whoever the test says is signing in logs in and consents at once.
      const details = await provider.interactionDetails(req, res);
      const accountId = signingIn ?? 'nobody';
      const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
      grant.addOIDCScope(String(details.params.scope));
      const grantId = await grant.save();
      await provider.interactionFinished(req, res, { login: { accountId }, consent: { grantId } }, { mergeWithLastSubmission: false });
      return;
    }
    provider.callback()(req, res);
  });
  const backPort = await listen(back);

  front.on('request', async (req, res) => {
    const payload = await body(req);
    const forwarded = request({ host: '127.0.0.1', port: backPort, path: req.url, method: req.method, headers: req.headers }, async (answer) => {
      const out = await body(answer);
      if (req.url?.startsWith('/token') && tamper !== 'none' && answer.statusCode === 200) {
        const tokens = JSON.parse(out.toString('utf8')) as { id_token: string };
        tokens.id_token = await mistreat(tokens.id_token, tamper);
        const rewritten = Buffer.from(JSON.stringify(tokens));
        res.writeHead(200, { ...answer.headers, 'content-length': String(rewritten.length) });
        res.end(rewritten);
        return;
      }
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      res.end(out);
    });
    forwarded.end(payload);
  });

  async function mistreat(idToken: string, how: Tamper): Promise<string> {
    const claims = decodeJwt(idToken);
    if (how === 'tampered') {
      // Another person's subject, the signature left as it was.
      const [header, , signature] = idToken.split('.');
      const forged = Buffer.from(JSON.stringify({ ...claims, sub: 'someone-else', groups: ['Realise-Admins'] })).toString('base64url');
      return `${header}.${forged}.${signature}`;
    }
    const now = Math.floor(Date.now() / 1000);
    const changed =
      how === 'wrong-nonce' ? { ...claims, nonce: 'not-the-nonce-sent' } : how === 'wrong-audience' ? { ...claims, aud: 'another-client' } : { ...claims, iat: now - 7200, exp: now - 3600 };
    return new SignJWT(changed).setProtectedHeader(decodeProtectedHeader(idToken) as { alg: string; kid?: string }).sign(key);
  }

  return {
    issuer,
    addPerson: (person: TestPerson) => people.set(person.sub, person),
    /** The next sign-in at the provider is this person's. */
    signInAs: (sub: string) => void (signingIn = sub),
    setGroups: (sub: string, groups: string[]) => void (people.get(sub)!.groups = groups),
    /** The next token responses carry a bad ID token, until set back to 'none'. */
    tamperWith: (how: Tamper) => void (tamper = how),
    stop: async () => {
      await new Promise<void>((resolve) => front.close(() => resolve()));
      await new Promise<void>((resolve) => back.close(() => resolve()));
    },
  };
}

export type TestProvider = Awaited<ReturnType<typeof startTestProvider>>;
