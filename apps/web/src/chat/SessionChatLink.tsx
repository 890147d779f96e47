import { AppLink } from '../ui/AppLink';

/**
 * The way to a session's chat log afterwards, for its tutor and for staff who oversee it (the default
 * readers; the server decides, by the policy, and audits every reading).
 */
export function SessionChatLink({
  sessionId,
  title,
  role,
}: {
  sessionId: string;
  title: string;
  role: string | null;
}) {
  if (role !== 'tutor' && role !== null) return null;
  return (
    <p className="session-item__report">
      <AppLink href={`/sessions/${encodeURIComponent(sessionId)}/chat`}>Chat log of {title}</AppLink>{' '}
      <AppLink href={`/sessions/${encodeURIComponent(sessionId)}/board`}>Whiteboard of {title}</AppLink>
    </p>
  );
}
