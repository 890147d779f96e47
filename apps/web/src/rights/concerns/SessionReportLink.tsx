import { AppLink } from '../../ui/AppLink';

/** On each of "Your sessions": reporting a concern afterwards is always one link away. */
export function SessionReportLink({ sessionId, title }: { sessionId: string; title: string }) {
  return (
    <p className="session-item__report">
      <AppLink href={`/sessions/${encodeURIComponent(sessionId)}/report`}>
        Report a concern about {title}
      </AppLink>
    </p>
  );
}
