import { useQueryClient } from '@tanstack/react-query';
import { useLocation } from 'wouter';
import { api, setCsrfToken } from '../../api/client';

/**
 * Signs out of Realise and, for a person signed in with their force's account, at the provider too
 * (where it allows RP-initiated logout); otherwise to the sign-in page.
 */
export function useSignOut() {
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  return async () => {
    const out = await api.api.auth['sign-out'].$post();
    const provider = out.ok ? ((await out.json()) as { providerSignOutUrl: string | null }).providerSignOutUrl : null;
    setCsrfToken(null);
    if (provider) {
      window.location.assign(provider);
      return;
    }
    queryClient.clear();
    navigate('/sign-in');
  };
}
