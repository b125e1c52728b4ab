import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, api, unwrap } from '../../api/client';
import { sessionQuery } from '../../api/queries';
import { ErrorSummary, TextField } from '../../components/Form';
import { describeGrant } from '../../lib/roles';
import { usePageTitle } from '../../lib/page';
import { useSignOut } from './useSignOut';

export function AccountPage() {
  const session = useQuery(sessionQuery());
  const [changed, setChanged] = useState(false);
  const signOut = useSignOut();
  usePageTitle('Your account');
  const user = session.data?.user;
  if (!user) return <p>You are not signed in.</p>;
  return (
    <div className="narrow">
      <h1>Your account</h1>
      <dl className="summary-list">
        <div>
          <dt>Name</dt>
          <dd>{user.displayName}</dd>
        </div>
        <div>
          <dt>Email</dt>
          <dd>{user.email}</dd>
        </div>
      </dl>
      <h2>Your roles</h2>
      <ul data-testid="my-roles">
        {user.grants.length === 0 ? <li>None yet: ask an administrator for one.</li> : user.grants.map((g) => <li key={`${g.role}-${g.force}-${g.function}`}>{describeGrant(g)}</li>)}
      </ul>

      <h2>Change your password</h2>
      {changed ? (
        <p role="status" className="success">
          Your password is changed. Anywhere else you were signed in has been signed out.
        </p>
      ) : null}
      <ChangePasswordForm onChanged={() => setChanged(true)} />

      <h2>Sign out</h2>
      <button
        type="button"
        className="button button-secondary"
        onClick={() => void signOut()}
      >
        Sign out
      </button>
    </div>
  );
}

/** The change of one's own password: the current one, then the new; the server checks both. */
export function ChangePasswordForm({ onChanged, currentLabel = 'Current password' }: { onChanged: () => void; currentLabel?: string }) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  return (
    <>
      <ErrorSummary errors={errors} fieldIds={{ current: 'current-password', next: 'new-password' }} />
      <form
        noValidate
        onSubmit={async (event) => {
          event.preventDefault();
          const formElement = event.currentTarget;
          const form = new FormData(formElement);
          const currentPassword = String(form.get('current') ?? '');
          const newPassword = String(form.get('next') ?? '');
          const problems: Record<string, string> = {};
          if (!currentPassword) problems.current = `Enter your ${currentLabel.toLowerCase()}`;
          if (newPassword.length < 12) problems.next = 'Use at least 12 characters for the new password';
          setErrors(problems);
          if (Object.keys(problems).length > 0) return;
          try {
            await unwrap(await api.api.auth.password.$post({ json: { currentPassword, newPassword } }));
            formElement.reset();
            onChanged();
          } catch (error) {
            setErrors({ form: error instanceof ApiError ? error.message : 'Realise could not be reached. Try again.' });
          }
        }}
      >
        <TextField id="current-password" label={currentLabel} name="current" type="password" autoComplete="current-password" error={errors.current} />
        <TextField id="new-password" label="New password" name="next" type="password" autoComplete="new-password" hint="At least 12 characters." error={errors.next} />
        <button type="submit" className="button">
          Change password
        </button>
      </form>
    </>
  );
}
