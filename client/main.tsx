import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ApiError } from './api/client';
import { sessionKeys } from './api/queries';
import './styles.css';

const queryClient: QueryClient = new QueryClient({
  // A 401 anywhere means the session has ended (timed out, signed out elsewhere): ask again who this is.
  queryCache: new QueryCache({
    onError: (error, query) => {
      if (error instanceof ApiError && error.status === 401 && query.queryKey[0] !== 'session') {
        void queryClient.invalidateQueries({ queryKey: sessionKeys.all });
      }
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 60_000,
      // A 4xx will not fix itself by asking again; a dropped connection might.
      retry: (failureCount, error) => failureCount < 2 && !('status' in error && Number(error.status) < 500),
    },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
