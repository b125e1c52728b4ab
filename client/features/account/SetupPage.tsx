import { useState } from 'react';
import { useSearchParams } from 'wouter';
import { ApiError, api, unwrap } from '../../api/client';
import { ErrorSummary, TextField } from '../../components/Form';
import { useStartSession } from './useStartSession';
import { usePageTitle } from '../../lib/page';

/** The one-time link's page: create the first administrator. */
export function SetupPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  usePageTitle('Set up');
  const startSession = useStartSession();
  const [errors, setErrors] = useState<Record<string, string>>({});
  if (!token) {
    return (
      <div className="narrow">
        <h1>Set up Realise</h1>
        <p>This page needs the one-time link Realise printed in its log when it started. Open that link, or sign in.</p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>Create the first administrator</h1>
      <p>This link works once. The administrator you create here can add everyone else and give them their roles.</p>
      <ErrorSummary errors={errors} fieldIds={{ email: 'setup-email', displayName: 'setup-name', password: 'setup-password', confirm: 'setup-confirm' }} />
      <form
        noValidate
        onSubmit={async (event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const email = String(form.get('email') ?? '').trim();
          const displayName = String(form.get('displayName') ?? '').trim();
          const password = String(form.get('password') ?? '');
          const problems: Record<string, string> = {};
          if (!email.includes('@')) problems.email = 'Enter an email address, like name@police.uk';
          if (!displayName) problems.displayName = 'Enter your name';
          if (password.length < 12) problems.password = 'Use at least 12 characters';
          if (password !== form.get('confirm')) problems.confirm = 'The two passwords are not the same';
          setErrors(problems);
          if (Object.keys(problems).length > 0) return;
          try {
            await startSession(await unwrap(await api.api.auth.setup.$post({ json: { token, email, displayName, password } })), '/admin/users');
          } catch (error) {
            setErrors({ form: error instanceof ApiError ? error.message : 'Realise could not be reached. Try again.' });
          }
        }}
      >
        <TextField id="setup-email" label="Email address" name="email" type="email" autoComplete="username" error={errors.email} />
        <TextField id="setup-name" label="Your name" name="displayName" autoComplete="name" error={errors.displayName} />
        <TextField
          id="setup-password"
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          hint="At least 12 characters. A few unrelated words make a strong password that is easy to remember."
          error={errors.password}
        />
        <TextField id="setup-confirm" label="Password again" name="confirm" type="password" autoComplete="new-password" error={errors.confirm} />
        <button type="submit" className="button">
          Create the administrator
        </button>
      </form>
    </div>
  );
}
