import { useEffect } from 'react';

/** Each view names itself in the browser's title, which a screen reader reads on arrival. */
export function usePageTitle(title: string) {
  useEffect(() => {
    document.title = `${title} – Realise`;
  }, [title]);
}
