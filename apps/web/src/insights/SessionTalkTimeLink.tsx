import type { MySession } from '@assent/shared';
import { AppLink } from '../ui/AppLink';
import { sessionInsightsPath } from './paths';

type Session = Pick<MySession, 'sessionId' | 'mayReadTalkTime'>;

/**
 * The "Talk time" link of a session in "Your sessions": offered where the server says talk time was
 * measured and the caller may read it, by the same rule the insights page is read with (which checks
 * again, and audits). Nothing is guessed here: a server that does not say offers nothing.
 */
export function SessionTalkTimeLink({ session }: { session: Session }) {
  if (session.mayReadTalkTime !== true) return null;
  return (
    <p className="session-item__report">
      {/* Named as SPEC.md says; the session's heading in its list item says which session. */}
      <AppLink href={sessionInsightsPath(session.sessionId)}>Talk time</AppLink>
    </p>
  );
}
