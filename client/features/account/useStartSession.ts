import { useQueryClient } from '@tanstack/react-query';
import { useLocation } from 'wouter';
import type { SessionState } from '../../../server/contracts/auth';
import { setCsrfToken } from '../../api/client';
import { sessionKeys } from '../../api/queries';

/** After signing in (or creating the first administrator): keep the new session, refetch what it may see, go on. */
export function useStartSession() {
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  return async (state: SessionState, next: string) => {
    setCsrfToken(state.csrfToken);
    queryClient.setQueryData(sessionKeys.all, state);
    await queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
    // Only a path on this site: a next= that points elsewhere is ignored.
    navigate(next.startsWith('/') && !next.startsWith('//') ? next : '/');
  };
}
