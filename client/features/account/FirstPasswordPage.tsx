import { useQuery, useQueryClient } from '@tanstack/react-query';
import { sessionKeys, sessionQuery } from '../../api/queries';
import { usePageTitle } from '../../lib/page';
import { ChangePasswordForm } from './AccountPage';
import { useSignOut } from './useSignOut';

/**
 * The first thing a person sees when an administrator chose their password (a new account, or a
 * reset): they set their own before anything else, as the server insists.
 */
export function FirstPasswordPage() {
  usePageTitle('Choose your own password');
  const queryClient = useQueryClient();
  const session = useQuery(sessionQuery());
  const signOut = useSignOut();
  return (
    <div className="narrow">
      <h1>Choose your own password</h1>
      <p>
        An administrator set the password you signed in with{session.data?.user ? ` as ${session.data.user.email}` : ''}, so they know it. Choose
        your own before you go on: Realise shows nothing else until you do.
      </p>
      <ChangePasswordForm currentLabel="Password you were given" onChanged={() => void queryClient.invalidateQueries({ queryKey: sessionKeys.all })} />
      <p>
        <button
          type="button"
          className="link-button"
          onClick={() => void signOut()}
        >
          Sign out instead
        </button>
      </p>
    </div>
  );
}
