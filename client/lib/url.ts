import { useSearchParams } from 'wouter';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The "as at" date of the view, from ?asAt= in the URL; undefined means today. */
export function useAsAt(): string | undefined {
  const [params] = useSearchParams();
  const asAt = params.get('asAt');
  return asAt && ISO_DATE.test(asAt) ? asAt : undefined;
}

/** Keeps ?asAt= on links between views, so a chosen date follows the user. */
export function withAsAt(path: string, asAt: string | undefined): string {
  return asAt ? `${path}${path.includes('?') ? '&' : '?'}asAt=${asAt}` : path;
}
