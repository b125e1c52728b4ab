import { queryOptions } from '@tanstack/react-query';
import type { ViewParams } from '../lib/url';
import { api, setCsrfToken, unwrap } from './client';

// One key factory per resource, general to specific, so a mutation can invalidate by prefix.
export const functionKeys = {
  all: ['functions'] as const,
  list: (view: ViewParams) => [...functionKeys.all, 'list', view] as const,
  detail: (slug: string, view: ViewParams) => [...functionKeys.all, 'detail', slug, view] as const,
};
export const forceKeys = {
  all: ['forces'] as const,
  list: () => [...forceKeys.all, 'list'] as const,
  detail: (slug: string, view: ViewParams) => [...forceKeys.all, 'detail', slug, view] as const,
};
export const sourceKeys = { all: ['sources'] as const };
export const collaborationKeys = { all: ['collaborations'] as const };

const viewQuery = ({ asAt, period, collaboration }: ViewParams) => ({
  ...(asAt ? { asAt } : {}),
  ...(period ? { period } : {}),
  ...(collaboration ? { collaboration } : {}),
});
const periodQuery = ({ asAt, period }: ViewParams) => viewQuery({ asAt, period });

export const functionsQuery = (view: ViewParams = {}) =>
  queryOptions({
    queryKey: functionKeys.list(view),
    queryFn: async () => unwrap(await api.api.functions.$get({ query: viewQuery(view) })),
  });

export const functionQuery = (slug: string, view: ViewParams = {}) =>
  queryOptions({
    queryKey: functionKeys.detail(slug, { asAt: view.asAt, period: view.period }),
    queryFn: async () => unwrap(await api.api.functions[':slug'].$get({ param: { slug }, query: periodQuery(view) })),
  });

/** Each function's status at the quarter ends of the period, then now. */
export const statusHistoryQuery = (view: ViewParams = {}) =>
  queryOptions({
    queryKey: [...functionKeys.all, 'status-history', view] as const,
    queryFn: async () => unwrap(await api.api['status-history'].$get({ query: viewQuery(view) })),
  });

export const forcesQuery = () =>
  queryOptions({
    queryKey: forceKeys.list(),
    queryFn: async () => unwrap(await api.api.forces.$get()),
    staleTime: Infinity,
  });

export const forceQuery = (slug: string, view: ViewParams = {}) =>
  queryOptions({
    queryKey: forceKeys.detail(slug, { asAt: view.asAt, period: view.period }),
    queryFn: async () => unwrap(await api.api.forces[':slug'].$get({ param: { slug }, query: periodQuery(view) })),
  });

export const sourcesQuery = () =>
  queryOptions({
    queryKey: sourceKeys.all,
    queryFn: async () => unwrap(await api.api.sources.$get()),
    // The papers do not change while the page is open.
    staleTime: Infinity,
  });

export const collaborationsQuery = () =>
  queryOptions({
    queryKey: collaborationKeys.all,
    queryFn: async () => unwrap(await api.api.collaborations.$get()),
    staleTime: Infinity,
  });

export const sessionKeys = { all: ['session'] as const };

export const sessionQuery = () =>
  queryOptions({
    queryKey: sessionKeys.all,
    queryFn: async () => {
      const state = await unwrap(await api.api.auth.session.$get());
      setCsrfToken(state.csrfToken);
      return state;
    },
    staleTime: 60_000,
  });

export const ledgerEntryKeys = {
  all: ['ledger-entries'] as const,
  byFunction: (slug: string) => [...ledgerEntryKeys.all, slug] as const,
};

export const ledgerEntriesQuery = (slug: string) =>
  queryOptions({
    queryKey: ledgerEntryKeys.byFunction(slug),
    queryFn: async () => unwrap(await api.api['ledger-entries'].$get({ query: { function: slug } })),
  });

export const userKeys = { all: ['users'] as const };

export const usersQuery = () =>
  queryOptions({
    queryKey: userKeys.all,
    queryFn: async () => unwrap(await api.api.users.$get()),
  });

export const auditKeys = { all: ['audit'] as const, list: (filter: Record<string, string>) => [...auditKeys.all, filter] as const };

export const auditQuery = (filter: Record<string, string>) =>
  queryOptions({
    queryKey: auditKeys.list(filter),
    queryFn: async () => unwrap(await api.api.audit.$get({ query: filter })),
  });

export const benefitKeys = {
  all: ['benefits'] as const,
  list: (filter: { collaboration?: string; function?: string }) => [...benefitKeys.all, 'list', filter] as const,
  detail: (number: string) => [...benefitKeys.all, 'detail', number] as const,
};

export const benefitsQuery = (filter: { collaboration?: string; function?: string } = {}) =>
  queryOptions({
    queryKey: benefitKeys.list(filter),
    queryFn: async () => unwrap(await api.api.benefits.$get({ query: filter })),
  });

export const benefitQuery = (number: string) =>
  queryOptions({
    queryKey: benefitKeys.detail(number),
    queryFn: async () => unwrap(await api.api.benefits[':number'].$get({ param: { number } })),
  });

/** A function's commentary on a period, and on every period within it (a year's halves and quarters), each labelled. */
export const commentaryQuery = (slug: string, period: string) =>
  queryOptions({
    queryKey: [...functionKeys.all, 'commentary', slug, period] as const,
    queryFn: async () => unwrap(await api.api.functions[':slug'].commentary.$get({ param: { slug }, query: { period, within: 'true' } })),
  });

export const reportKeys = {
  all: ['reports'] as const,
  list: () => [...reportKeys.all, 'list'] as const,
  draft: (collaboration: string, half: string) => [...reportKeys.all, 'draft', collaboration, half] as const,
  published: (id: number) => [...reportKeys.all, 'published', id] as const,
  comparison: (from: number, to: number) => [...reportKeys.all, 'compare', from, to] as const,
};

export const reportsQuery = () =>
  queryOptions({
    queryKey: reportKeys.list(),
    queryFn: async () => unwrap(await api.api.reports.$get({ query: {} })),
  });

export const draftReportQuery = (collaboration: string, half: string) =>
  queryOptions({
    queryKey: reportKeys.draft(collaboration, half),
    queryFn: async () => unwrap(await api.api.reports.draft.$get({ query: { collaboration, half } })),
  });

export const publishedReportQuery = (id: number) =>
  queryOptions({
    queryKey: reportKeys.published(id),
    queryFn: async () => unwrap(await api.api.reports[':id'].$get({ param: { id: String(id) } })),
    // A published report never changes.
    staleTime: Infinity,
  });

export const reportComparisonQuery = (from: number, to: number) =>
  queryOptions({
    queryKey: reportKeys.comparison(from, to),
    queryFn: async () => unwrap(await api.api.reports.compare.$get({ query: { from: String(from), to: String(to) } })),
    staleTime: Infinity,
  });

export const agreementKeys = { all: ['agreements'] as const };
export type AgreementFilters = { collaboration?: string | undefined; force?: string | undefined; dueWithinMonths?: number | undefined; dueOnly?: boolean | undefined };
/** The register of section 22A agreements, filtered. */
export const agreementsQuery = (filters: AgreementFilters = {}) =>
  queryOptions({
    queryKey: [...agreementKeys.all, filters] as const,
    queryFn: async () =>
      unwrap(
        await api.api.agreements.$get({
          query: {
            ...(filters.collaboration ? { collaboration: filters.collaboration } : {}),
            ...(filters.force ? { force: filters.force } : {}),
            ...(filters.dueWithinMonths ? { dueWithinMonths: String(filters.dueWithinMonths) } : {}),
            ...(filters.dueOnly ? { dueOnly: 'true' as const } : {}),
          },
        }),
      ),
  });

/** The decision log. */
export const decisionsQuery = () =>
  queryOptions({
    queryKey: ['decisions'] as const,
    queryFn: async () => unwrap(await api.api.decisions.$get()),
    staleTime: Infinity,
  });
