import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearch } from 'wouter';
import { ApiError, api, unwrap } from '../../api/client';
import { sessionQuery } from '../../api/queries';
import { ErrorSummary, TextField } from '../../components/Form';
import { useStartSession } from './useStartSession';
import { usePageTitle } from '../../lib/page';

/** What went wrong on the way to a provider and back (the server's ?problem=), in words a person can act on. */
const PROBLEMS: Record<string, string> = {
  'provider-unreachable': 'Your organisation’s sign-in could not be reached just now. Try again in a few minutes; an administrator with a Realise password can still sign in below.',
  'sign-in-expired': 'That sign-in took too long, or was started in another browser or tab. Start it again.',
  'sign-in-refused': 'Realise could not check the answer from your organisation’s sign-in, so it did not sign you in. Try again; if it happens again, tell an administrator (the reason is in the audit log).',
  'provider-said-no': 'Your organisation’s sign-in did not sign you in (perhaps it was cancelled). Try again.',
  'no-email': 'Your organisation’s account gave Realise no email address, so it cannot make an account for you. Ask your IT team to send the email claim.',
  'email-taken': 'Realise already has an account with your email address that is not linked to your organisation’s sign-in. Ask an administrator to sort it out.',
  'account-disabled': 'Your Realise account is disabled. Ask an administrator if you need it again.',
  'unknown-provider': 'Realise does not know that organisation’s sign-in. Choose one below.',
};

export function SignInPage({ next, setupNeeded }: { next: string; setupNeeded: boolean }) {
  const startSession = useStartSession();
  const session = useQuery(sessionQuery());
  const providers = session.data?.providers ?? [];
  const problem = new URLSearchParams(useSearch()).get('problem');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  usePageTitle('Sign in');
  return (
    <div className="narrow">
      <h1>Sign in to Realise</h1>
      {problem ? (
        <div role="alert" className="error-summary" data-testid="sign-in-problem">
          <h2>You are not signed in</h2>
          <p>{PROBLEMS[problem] ?? 'Something went wrong with the sign-in. Try again.'}</p>
        </div>
      ) : null}
      {providers.length > 0 ? (
        <section aria-labelledby="sso-heading" className="sso">
          <h2 id="sso-heading">With your force’s account</h2>
          <ul className="sso-list">
            {providers.map((p) => (
              <li key={p.id}>
                {/* A full page load: the provider's sign-in is another site. */}
                <a className="button" href={`/api/auth/oidc/${p.id}/start?next=${encodeURIComponent(next)}`}>
                  Sign in with {p.name}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {setupNeeded ? (
        <div className="callout" data-testid="setup-needed">
          <h2>First time here?</h2>
          <p>
            No administrator exists yet. When Realise started it printed a one-time link in its log, beginning{' '}
            <code>/setup?token=</code>: open it to create the first administrator. On the server you can also run{' '}
            <code>npm run create-admin -- --email you@example.org --name "Your Name"</code>.
          </p>
        </div>
      ) : null}
      {providers.length > 0 ? <h2>With a Realise password</h2> : null}
      <ErrorSummary errors={errors} fieldIds={{ email: 'sign-in-email', password: 'sign-in-password' }} />
      <form
        noValidate
        onSubmit={async (event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const email = String(form.get('email') ?? '').trim();
          const password = String(form.get('password') ?? '');
          const problems: Record<string, string> = {};
          if (!email) problems.email = 'Enter your email address';
          if (!password) problems.password = 'Enter your password';
          setErrors(problems);
          if (Object.keys(problems).length > 0) return;
          setBusy(true);
          try {
            await startSession(await unwrap(await api.api.auth['sign-in'].$post({ json: { email, password } })), next);
          } catch (error) {
            setErrors({ form: error instanceof ApiError ? error.message : 'Realise could not be reached. Check your connection and try again.' });
          } finally {
            setBusy(false);
          }
        }}
      >
        <TextField id="sign-in-email" label="Email address" name="email" type="email" autoComplete="username" spellCheck={false} error={errors.email} />
        <TextField id="sign-in-password" label="Password" name="password" type="password" autoComplete="current-password" error={errors.password} />
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p className="hint">Forgotten your password? Ask an administrator to set a new one.</p>
    </div>
  );
}
