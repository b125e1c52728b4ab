import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiError } from '../api/client';

/**
 * Loading and error states that say what is happening and what to do. A 404 shows `notFound`, with
 * the server's message, where the view has its own words for a thing that does not exist.
 */
export function QueryState<T>({
  query,
  what,
  children,
  notFound,
}: {
  query: UseQueryResult<T>;
  what: string;
  children: (data: T) => ReactNode;
  notFound?: (message: string) => ReactNode;
}) {
  if (notFound && query.isError && query.error instanceof ApiError && query.error.status === 404) {
    return <>{notFound(query.error.message)}</>;
  }
  if (query.isPending) {
    return (
      <p role="status" className="loading">
        Loading {what}…
      </p>
    );
  }
  if (query.isError) {
    return (
      <div role="alert" className="error-summary">
        <h2>{what[0]?.toUpperCase() + what.slice(1)} could not be loaded</h2>
        <p>{query.error.message}</p>
        <p>
          Check that the Realise server is running, then{' '}
          <button type="button" className="link-button" onClick={() => query.refetch()}>
            try again
          </button>
          .
        </p>
      </div>
    );
  }
  return <>{children(query.data)}</>;
}
