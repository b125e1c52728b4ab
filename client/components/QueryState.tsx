import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'wouter';
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
  if (query.isError) return <LoadFailure error={query.error} what={what} retry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}

/**
 * Why something could not be loaded, in words a person can act on: what they asked for that does
 * not exist (with a way to what does), a fault of Realise's own, or a server that cannot be reached;
 * never a browser's raw "Failed to fetch".
 */
export function LoadFailure({ error, what, retry }: { error: Error; what: string; retry: () => void }) {
  const title = `${what[0]?.toUpperCase() + what.slice(1)} could not be loaded`;
  const again = (
    <button type="button" className="link-button" onClick={retry}>
      try again
    </button>
  );
  if (error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429) {
    return (
      <div role="alert" className="error-summary" data-testid="load-failure">
        <h2>{title}</h2>
        <p>{error.message}</p>
        <p>
          Go to the <Link href="/">portfolio of collaborated functions</Link> to see what there is.
        </p>
      </div>
    );
  }
  if (error instanceof ApiError) {
    return (
      <div role="alert" className="error-summary" data-testid="load-failure">
        <h2>{title}</h2>
        <p>
          {error.status === 503 || error.status === 429
            ? 'Realise is busy for a moment.'
            : 'Realise had a fault of its own, which it has logged; it was not anything you did.'}{' '}
          Wait a moment, then {again}.
        </p>
      </div>
    );
  }
  return (
    <div role="alert" className="error-summary" data-testid="load-failure">
      <h2>{title}</h2>
      <p>
        Realise could not be reached: the server may be stopped, or the network connection lost. Check the connection (or that the Realise server is
        running), then {again}.
      </p>
    </div>
  );
}
