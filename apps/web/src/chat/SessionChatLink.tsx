import type { MySession } from '@assent/shared';
import { AppLink } from '../ui/AppLink';

/**
 * The way to a session's chat log afterwards, and to the whiteboard kept with it, for those the policy
 * lets read them (by default its tutor and the staff who oversee it; participants where the policy
 * allows). The server says who may, decides again on reading, and audits every reading.
 */
export function SessionChatLink({
  session,
}: {
  session: Pick<MySession, 'sessionId' | 'title' | 'mayReadChatLog' | 'hasSavedBoard'>;
}) {
  if (!session.mayReadChatLog) return null;
  const id = encodeURIComponent(session.sessionId);
  return (
    <p className="session-item__report">
      <AppLink href={`/sessions/${id}/chat`}>Chat log of {session.title}</AppLink>
      {session.hasSavedBoard && (
        <>
          {' '}
          <AppLink href={`/sessions/${id}/board`}>Whiteboard of {session.title}</AppLink>
        </>
      )}
    </p>
  );
}
