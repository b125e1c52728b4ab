import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from './client';

// One key factory per resource, general to specific, so a mutation can invalidate by prefix.
export const functionKeys = {
  all: ['functions'] as const,
  list: (asAt: string | undefined) => [...functionKeys.all, 'list', { asAt }] as const,
  detail: (slug: string, asAt: string | undefined) => [...functionKeys.all, 'detail', slug, { asAt }] as const,
};

export const sourceKeys = { all: ['sources'] as const };
export const forceKeys = { all: ['forces'] as const };

const asAtQuery = (asAt: string | undefined) => (asAt ? { asAt } : {});

export const functionsQuery = (asAt?: string) =>
  queryOptions({
    queryKey: functionKeys.list(asAt),
    queryFn: async () => unwrap(await api.api.functions.$get({ query: asAtQuery(asAt) })),
  });

export const functionQuery = (slug: string, asAt?: string) =>
  queryOptions({
    queryKey: functionKeys.detail(slug, asAt),
    queryFn: async () => unwrap(await api.api.functions[':slug'].$get({ param: { slug }, query: asAtQuery(asAt) })),
  });

export const sourcesQuery = () =>
  queryOptions({
    queryKey: sourceKeys.all,
    queryFn: async () => unwrap(await api.api.sources.$get()),
    // The papers do not change while the page is open.
    staleTime: Infinity,
  });

export const forcesQuery = () =>
  queryOptions({
    queryKey: forceKeys.all,
    queryFn: async () => unwrap(await api.api.forces.$get()),
    staleTime: Infinity,
  });

export const collaborationKeys = { all: ['collaborations'] as const };

export const collaborationsQuery = () =>
  queryOptions({
    queryKey: collaborationKeys.all,
    queryFn: async () => unwrap(await api.api.collaborations.$get()),
    staleTime: Infinity,
  });
