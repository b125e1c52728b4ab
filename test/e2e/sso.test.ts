import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestProvider, type TestProvider } from '../oidc/provider';
import { screenshot, seriousAccessibilityViolations } from './browser';
import { startServer } from './global-setup';
import { useBrowserPage } from './session';

// Signing in with the force's own account, end to end: Chromium, the real Realise server started
// as `npm start` does with a provider in its settings, and a real OpenID provider on loopback.
const session = useBrowserPage();
const page = () => session.page();
const CLIENT = { clientId: 'realise-e2e', clientSecret: 'an e2e client secret' };
let op: TestProvider;
let realise: Awaited<ReturnType<typeof startServer>>;
let dataDir: string;

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

beforeAll(async () => {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  op = await startTestProvider({ ...CLIENT, redirectUris: [`${url}/api/auth/oidc/herts/callback`], postLogoutRedirectUris: [`${url}/sign-in`] });
  op.addPerson({ sub: 'herts-e2e-1', email: 'pat.finance@herts.police.uk', name: 'Pat Finance', groups: ['Realise-Finance-Herts'] });
  dataDir = mkdtempSync(join(tmpdir(), 'realise-sso-'));
  const providers = [
    {
      id: 'herts',
      name: 'Hertfordshire Constabulary',
      issuer: op.issuer,
      clientId: CLIENT.clientId,
      clientSecretEnv: 'REALISE_E2E_HERTS_SECRET',
      forces: ['hertfordshire'],
      roleMap: { 'Realise-Finance-Herts': [{ role: 'force-editor', force: 'hertfordshire' }] },
    },
  ];
  realise = await startServer(dataDir, 'sso', {
    PORT: String(port),
    PUBLIC_URL: url,
    OIDC_PROVIDERS: JSON.stringify(providers),
    REALISE_E2E_HERTS_SECRET: CLIENT.clientSecret,
  });
}, 60_000);
afterAll(async () => {
  await realise?.stop();
  await op?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('single sign-on', () => {
  it('signs a Hertfordshire officer in with their force account, as a force editor, and signs them out at the provider too', async () => {
    op.signInAs('herts-e2e-1');
    await page().goto(`${realise.url}/my-figures`);
    await page().getByRole('heading', { name: 'Sign in to Realise' }).waitFor();
    const button = page().getByRole('link', { name: 'Sign in with Hertfordshire Constabulary' });
    expect(await seriousAccessibilityViolations(page())).toEqual([]);
    await screenshot(page(), 'sign-in-sso');
    await button.click();
    // To the provider and back, to where they set out for.
    await page().getByRole('heading', { name: 'My figures' }).waitFor();
    expect(new URL(page().url()).pathname).toBe('/my-figures');
    await page().getByRole('navigation', { name: 'Account and tools' }).getByRole('link', { name: 'Pat Finance' }).click();
    expect(await page().getByTestId('my-roles').innerText()).toContain('Force editor: records actuals and forecasts for hertfordshire');
    expect(realise.log()).not.toContain(CLIENT.clientSecret);

    await page().getByRole('button', { name: 'Sign out' }).click();
    await page().waitForURL((url) => url.href.startsWith(`${op.issuer}/session/end`));
    expect(new URL(page().url()).searchParams.get('id_token_hint')).toMatch(/^ey/);
    expect(new URL(page().url()).searchParams.get('post_logout_redirect_uri')).toBe(`${realise.url}/sign-in`);
  });

  it('says plainly when the answer from the provider cannot be trusted, and local sign-in stays', async () => {
    op.signInAs('herts-e2e-1');
    op.tamperWith('tampered');
    try {
      await page().goto(`${realise.url}/sign-in`);
      await page().getByRole('link', { name: 'Sign in with Hertfordshire Constabulary' }).click();
      const problem = page().getByTestId('sign-in-problem');
      await problem.waitFor();
      expect(await problem.innerText()).toContain('could not check the answer from your organisation’s sign-in');
      expect(await page().getByLabel('Email address').count()).toBe(1);
      expect(await seriousAccessibilityViolations(page())).toEqual([]);
    } finally {
      op.tamperWith('none');
    }
  });
});
