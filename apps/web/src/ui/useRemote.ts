import { useCallback, useEffect, useState } from 'react';

export type Remote<T> = { kind: 'loading' } | { kind: 'failed'; error: unknown } | { kind: 'ready'; data: T };

/**
 * Loads something from the API when the component mounts, and again on `reload()`. An answer that
 * arrives after unmounting (or after a newer load started) is dropped.
 */
export interface RemoteHandle<T> {
  state: Remote<T>;
  reload: () => void;
  /** Puts an answer the page already has (a created item) in place without asking again. */
  replace: (data: T) => void;
}

export function useRemote<T>(load: () => Promise<T>): RemoteHandle<T> {
  const [state, setState] = useState<Remote<T>>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the reload trigger; `load` is read once per attempt.
  useEffect(() => {
    let current = true;
    setState((s) => (s.kind === 'ready' ? s : { kind: 'loading' }));
    load().then(
      (data) => current && setState({ kind: 'ready', data }),
      (error: unknown) => current && setState({ kind: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const replace = useCallback((data: T) => setState({ kind: 'ready', data }), []);
  return { state, reload, replace };
}
