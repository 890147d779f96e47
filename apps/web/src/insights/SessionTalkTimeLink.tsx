import type { AccountRole, MySession } from '@assent/shared';
import { joinWindow } from '../dashboard/session-groups';
import { AppLink } from '../ui/AppLink';
import { sessionInsightsPath } from './paths';

type Session = Pick<MySession, 'sessionId' | 'title' | 'role' | 'time' | 'mayReadTalkTime'>;

/**
 * Whether "Your sessions" offers a session's talk time: once it has begun (live or past, not cancelled),
 * to those the server says may read it; from a server that does not say, to its tutor and the staff who
 * oversee sessions (the policy's default readers). The server decides again, and audits, on reading.
 */
export function offersTalkTime(session: Session, accountRole: AccountRole, now: Date): boolean {
  const window = joinWindow(session.time, now);
  if (window === 'cancelled' || window === 'not_yet') return false;
  if (session.mayReadTalkTime !== undefined) return session.mayReadTalkTime;
  return session.role === 'tutor' || accountRole === 'admin' || accountRole === 'reviewer';
}

/** The "Talk time" link of a live or past session in "Your sessions". */
export function SessionTalkTimeLink({
  session,
  accountRole,
  now,
}: {
  session: Session;
  accountRole: AccountRole;
  now: Date;
}) {
  if (!offersTalkTime(session, accountRole, now)) return null;
  return (
    <p className="session-item__report">
      {/* Named as SPEC.md says; the session's heading in its list item says which session. */}
      <AppLink href={sessionInsightsPath(session.sessionId)}>Talk time</AppLink>
    </p>
  );
}
