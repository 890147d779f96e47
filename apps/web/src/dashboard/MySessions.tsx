import type { AccountRole, MoveOccurrenceResponse, MySessionList, OrganisationPolicy } from '@assent/shared';
import { useEffect, useRef, useState } from 'react';
import { fetchPolicy } from '../api/people';
import { RemoteFailure } from '../people/RemoteFailure';
import { viewerTimeZone } from '../sessions/zoned-time';
import { type RemoteHandle, useRemote } from '../ui/useRemote';
import { SessionItem, sessionItemId } from './SessionItem';
import { groupSessions, joinWindow, nextChange } from './session-groups';
import '../sessions/schedule.css';

const emptyHint: Partial<Record<AccountRole, string>> = {
  tutor: 'Create one below: pick your students, and their guardians are added for you.',
  admin: 'Create one below: pick your students, and their guardians are added for you.',
  guardian: "When a tutor adds your child to a session, it shows here with your child's join link.",
  student: 'When a tutor adds you to a session, it shows here.',
};

/** A move or cancellation made from this page, said beside its session after the list reloads. */
export type ScheduleChange =
  | { kind: 'moved'; sessionId: string; moved: MoveOccurrenceResponse }
  | { kind: 'cancelled'; sessionId: string };

/** The longest a timer waits before the page looks at the clock again (browsers cap timers). */
const MAX_WAIT_MS = 6 * 60 * 60 * 1000;

interface MySessionsProps {
  sessions: RemoteHandle<MySessionList>;
  role: AccountRole;
  /** The viewer's zone; the browser's own unless a test fixes it. */
  timeZone?: string;
}

/**
 * "Your sessions", by when: today, this week, later (next first), those without a set time, and past
 * ones. Each with the person's own Join, open only in its window: the page's own clock opens and
 * closes it, and moves sessions between the groups, without a reload.
 */
export function MySessions({ sessions, role, timeZone = viewerTimeZone() }: MySessionsProps) {
  const { state } = sessions;
  // Guardians may consent ahead of a session where the policy allows it.
  const policy = useRemote(role === 'guardian' ? fetchPolicy : noPolicy);
  const advance = policy.state.kind === 'ready' && policy.state.data?.policy.advanceGuardianConsent;
  const purposes =
    advance && policy.state.kind === 'ready' ? (policy.state.data?.policy.purposes ?? []) : null;
  const [now, setNow] = useState(() => new Date());
  const [change, setChange] = useState<ScheduleChange | null>(null);
  const list = state.kind === 'ready' ? state.data.sessions : [];
  const next = nextChange(list, now, timeZone)?.getTime() ?? null;

  // Wake at the next change (a timer that fires early simply sets the next one).
  // biome-ignore lint/correctness/useExhaustiveDependencies: each tick (`now`) arms the next timer, even when `next` is unchanged.
  useEffect(() => {
    if (next === null) return;
    const wait = Math.min(Math.max(next - Date.now(), 0) + 250, MAX_WAIT_MS);
    const timer = setTimeout(() => setNow(new Date()), wait);
    return () => clearTimeout(timer);
  }, [next, now]);

  // A seat whose window has just opened may have been listed without its link: ask once more.
  const askedAgain = useRef(new Set<string>());
  const reload = sessions.reload;
  useEffect(() => {
    const waiting = list.filter(
      (s) =>
        s.time &&
        s.role !== null &&
        !s.joinUrl &&
        !s.refusal &&
        joinWindow(s.time, now) === 'open' &&
        !askedAgain.current.has(s.sessionId),
    );
    for (const s of waiting) askedAgain.current.add(s.sessionId);
    if (waiting.length > 0) reload();
  }, [list, now, reload]);

  // Calendar mail links here as /?session=<id>: bring that session into view, once, when it is listed.
  const [linked] = useState(linkedSessionId);
  const shown = useRef(false);
  useEffect(() => {
    if (shown.current || !linked || !list.some((s) => s.sessionId === linked)) return;
    shown.current = true;
    const item = document.getElementById(sessionItemId(linked));
    item?.scrollIntoView?.({ block: 'center' });
    item?.focus({ preventScroll: true });
  }, [linked, list]);

  const onChange = (made: ScheduleChange) => {
    setChange(made);
    sessions.reload();
  };

  return (
    <section className="card" aria-labelledby="sessions-heading" aria-busy={state.kind === 'loading'}>
      <h2 id="sessions-heading">Your sessions</h2>
      {state.kind === 'loading' && <p className="muted">Loading your sessions…</p>}
      {state.kind === 'failed' && (
        <RemoteFailure error={state.error} what="your sessions" onRetry={sessions.reload} />
      )}
      {state.kind === 'ready' && list.length === 0 && (
        <p className="muted">No sessions yet. {emptyHint[role]}</p>
      )}
      {groupSessions(list, now, timeZone).map((group) => {
        const headingId = `sessions-${group.name.toLowerCase().replace(/\s+/g, '-')}`;
        return (
          <section key={group.name} className="session-group" aria-labelledby={headingId}>
            <h3 id={headingId}>{group.name}</h3>
            <ul className="session-list" aria-labelledby={headingId}>
              {group.sessions.map((session) => (
                <SessionItem
                  key={session.sessionId}
                  session={session}
                  accountRole={role}
                  purposes={purposes}
                  now={now}
                  timeZone={timeZone}
                  change={change}
                  onChange={onChange}
                  linked={session.sessionId === linked}
                />
              ))}
            </ul>
          </section>
        );
      })}
    </section>
  );
}

/** The session a calendar mail's link names (`?session=<id>`), if any. */
function linkedSessionId(): string | null {
  return new URLSearchParams(window.location.search).get('session');
}

const noPolicy = async (): Promise<OrganisationPolicy | null> => null;
