import type { GuardianPresencePage } from '@assent/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchGuardianPresence } from '../../api/guardian-presence';
import type { Remote } from '../../ui/useRemote';

export type OlderPages = { kind: 'idle' } | { kind: 'loading' } | { kind: 'failed'; error: unknown };

/**
 * The admin's list of sessions with children: loaded afresh whenever the filter changes, with older
 * pages appended on request. An answer for a filter no longer shown is dropped.
 */
export function useGuardianPresence(missedOnly: boolean) {
  const [state, setState] = useState<Remote<GuardianPresencePage>>({ kind: 'loading' });
  const [older, setOlder] = useState<OlderPages>({ kind: 'idle' });
  const [attempt, setAttempt] = useState(0);
  const generation = useRef(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the reload trigger.
  useEffect(() => {
    const mine = ++generation.current;
    setState({ kind: 'loading' });
    setOlder({ kind: 'idle' });
    fetchGuardianPresence({ missedOnly }).then(
      (data) => mine === generation.current && setState({ kind: 'ready', data }),
      (error: unknown) => mine === generation.current && setState({ kind: 'failed', error }),
    );
  }, [missedOnly, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  const before = state.kind === 'ready' ? state.data.nextBefore : null;
  const loadOlder = useCallback(() => {
    if (!before) return;
    const mine = generation.current;
    setOlder({ kind: 'loading' });
    fetchGuardianPresence({ missedOnly, before }).then(
      (page) => {
        if (mine !== generation.current) return;
        setState((s) =>
          s.kind === 'ready'
            ? {
                kind: 'ready',
                data: { sessions: [...s.data.sessions, ...page.sessions], nextBefore: page.nextBefore },
              }
            : s,
        );
        setOlder({ kind: 'idle' });
      },
      (error: unknown) => mine === generation.current && setOlder({ kind: 'failed', error }),
    );
  }, [missedOnly, before]);

  return { state, older, reload, loadOlder };
}
