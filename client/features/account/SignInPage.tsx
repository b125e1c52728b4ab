import { useState } from 'react';
import { ApiError, api, unwrap } from '../../api/client';
import { ErrorSummary, TextField } from '../../components/Form';
import { useStartSession } from './useStartSession';
import { usePageTitle } from '../../lib/page';

export function SignInPage({ next, setupNeeded }: { next: string; setupNeeded: boolean }) {
  const startSession = useStartSession();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  usePageTitle('Sign in');
  return (
    <div className="narrow">
      <h1>Sign in to Realise</h1>
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
