import type { AuditEntry } from '@assent/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchAuditPage } from './admin-api';

export interface AuditEntries {
  entries: AuditEntry[];
  /** The cursor for older entries; null once the oldest has been shown. */
  nextBefore: number | null;
  status: 'loading' | 'ready' | 'loading-older' | 'failed';
  error: unknown;
}

const initial: AuditEntries = { entries: [], nextBefore: null, status: 'loading', error: null };

/**
 * Pages of entries for one query (built without `before`), newest first. A new query starts again
 * from the newest; an answer for a query no longer shown is dropped. `retry` repeats what failed.
 */
export function useAuditEntries(query: string | null) {
  const [state, setState] = useState<AuditEntries>(initial);
  const [attempt, setAttempt] = useState(0);
  const shownQuery = useRef(query);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new attempt (Try again) loads the page again.
  useEffect(() => {
    shownQuery.current = query;
    if (query === null) return;
    setState(initial);
    fetchAuditPage(query).then(
      (page) => shownQuery.current === query && setState({ ...page, status: 'ready', error: null }),
      (error: unknown) => shownQuery.current === query && setState({ ...initial, status: 'failed', error }),
    );
  }, [query, attempt]);

  const loadOlder = useCallback(() => {
    const before = state.nextBefore;
    if (query === null || before === null) return;
    setState((s) => ({ ...s, status: 'loading-older', error: null }));
    fetchAuditPage(`${query}&before=${before}`).then(
      (page) =>
        shownQuery.current === query &&
        setState((s) => ({
          entries: [...s.entries, ...page.entries],
          nextBefore: page.nextBefore,
          status: 'ready',
          error: null,
        })),
      (error: unknown) =>
        shownQuery.current === query && setState((s) => ({ ...s, status: 'failed', error })),
    );
  }, [query, state.nextBefore]);

  const retry = state.entries.length > 0 ? loadOlder : () => setAttempt((n) => n + 1);
  return { ...state, loadOlder, retry };
}
