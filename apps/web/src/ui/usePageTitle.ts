import { useEffect } from 'react';

/** The tab's title names the page, so people with many tabs (and screen readers) know where they are. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Assent`;
  }, [title]);
}
