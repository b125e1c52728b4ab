import { useSearchParams } from 'wouter';
import { useMemo } from 'react';

// The view's filters live in the URL, so back, forward and a pasted link all reopen the same view:
// ?asAt=2017-03-31 (the ledger as it stood then), ?period=2017-18-H1 (all, a year, a range
// 2016-17..2018-19, a half or a quarter) and ?collaboration=bch.

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const PERIOD = /^(all|\d{4}-\d{2}(\.\.\d{4}-\d{2}|-H[12]|-Q[1-4])?)$/;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** 2017-03-31, and a day that exists (not 2017-02-30). */
const isDate = (text: string) => {
  const date = new Date(`${text}T00:00:00Z`);
  return ISO_DATE.test(text) && !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
};

export type ViewParams = { asAt?: string; period?: string; collaboration?: string };

/** The filters the whole dashboard shares, read from the URL; what is malformed is ignored. */
export function useViewParams(): ViewParams {
  const [params] = useSearchParams();
  const asAt = params.get('asAt');
  const period = params.get('period');
  const collaboration = params.get('collaboration');
  // The same object while the filters stay the same, so a view drawn from them is not drawn again for nothing.
  return useMemo(
    () => ({
      ...(asAt && isDate(asAt) ? { asAt } : {}),
      ...(period && PERIOD.test(period) && period !== 'all' ? { period } : {}),
      ...(collaboration && SLUG.test(collaboration) && collaboration !== 'all' ? { collaboration } : {}),
    }),
    [asAt, period, collaboration],
  );
}

/** A link to another view that keeps the shared filters, so the chosen period follows the user. */
export function withView(path: string, view: ViewParams, extra: Record<string, string> = {}): string {
  const [pathname, hash] = path.split('#') as [string, string | undefined];
  const search = new URLSearchParams();
  if (view.collaboration) search.set('collaboration', view.collaboration);
  if (view.period) search.set('period', view.period);
  if (view.asAt) search.set('asAt', view.asAt);
  for (const [key, value] of Object.entries(extra)) search.set(key, value);
  const query = search.toString();
  return `${pathname}${query ? `?${query}` : ''}${hash ? `#${hash}` : ''}`;
}

export type AddressProblem = { param: 'asAt' | 'period' | 'collaboration'; value: string; message: string };

/** The filters in the URL that are not written as Realise reads them, each with what it shows instead. */
export function useAddressProblems(): AddressProblem[] {
  const [params] = useSearchParams();
  const problems: AddressProblem[] = [];
  const asAt = params.get('asAt');
  if (asAt !== null && asAt !== '' && !isDate(asAt)) {
    problems.push({ param: 'asAt', value: asAt, message: `“${asAt}” is not a date (write it as 2017-03-31), so the ledger is shown as it stands today.` });
  }
  const period = params.get('period');
  if (period !== null && period !== '' && !PERIOD.test(period)) {
    problems.push({
      param: 'period',
      value: period,
      message: `“${period}” is not a period (write a year as 2017-18, a half as 2017-18-H1, a quarter as 2017-18-Q3, or years as 2016-17..2018-19), so all years are shown.`,
    });
  }
  const collaboration = params.get('collaboration');
  if (collaboration !== null && collaboration !== '' && !SLUG.test(collaboration)) {
    problems.push({ param: 'collaboration', value: collaboration, message: `“${collaboration}” is not a collaboration’s id, so every collaboration is shown.` });
  }
  return problems;
}
