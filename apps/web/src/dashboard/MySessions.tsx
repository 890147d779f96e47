import type { AccountRole, MySession, MySessionList, OrganisationPolicy } from '@assent/shared';
import { fetchPolicy } from '../api/people';
import { SessionChatLink } from '../chat/SessionChatLink';
import { RemoteFailure } from '../people/RemoteFailure';
import { SessionReportLink } from '../rights/concerns/SessionReportLink';
import { GuardianPresenceLines } from '../rights/presence/GuardianPresenceLines';
import { ReplaceableLink } from '../sessions/ReplaceableLink';
import { AppLink } from '../ui/AppLink';
import { type RemoteHandle, useRemote } from '../ui/useRemote';
import { AdvanceConsent } from './AdvanceConsent';
import { formatSessionDate, peopleLine } from './session-summary';

const emptyHint: Partial<Record<AccountRole, string>> = {
  tutor: 'Create one below: pick your students, and their guardians are added for you.',
  admin: 'Create one below: pick your students, and their guardians are added for you.',
  guardian: "When a tutor adds your child to a session, it shows here with your child's join link.",
  student: 'When a tutor adds you to a session, it shows here.',
};

/** "Your sessions": each with the person's own Join link and, for guardians, their children's links. */
export function MySessions({ sessions, role }: { sessions: RemoteHandle<MySessionList>; role: AccountRole }) {
  const { state } = sessions;
  // Guardians may consent ahead of a session where the policy allows it.
  const policy = useRemote(role === 'guardian' ? fetchPolicy : noPolicy);
  const advance = policy.state.kind === 'ready' && policy.state.data?.policy.advanceGuardianConsent;
  const purposes =
    advance && policy.state.kind === 'ready' ? (policy.state.data?.policy.purposes ?? []) : null;
  return (
    <section className="card" aria-labelledby="sessions-heading" aria-busy={state.kind === 'loading'}>
      <h2 id="sessions-heading">Your sessions</h2>
      {state.kind === 'loading' && <p className="muted">Loading your sessions…</p>}
      {state.kind === 'failed' && (
        <RemoteFailure error={state.error} what="your sessions" onRetry={sessions.reload} />
      )}
      {state.kind === 'ready' && state.data.sessions.length === 0 && (
        <p className="muted">No sessions yet. {emptyHint[role]}</p>
      )}
      {state.kind === 'ready' && state.data.sessions.length > 0 && (
        <ul className="session-list">
          {state.data.sessions.map((session) => (
            <SessionItem key={session.sessionId} session={session} purposes={purposes} />
          ))}
        </ul>
      )}
    </section>
  );
}

const noPolicy = async (): Promise<OrganisationPolicy | null> => null;

function SessionItem({
  session,
  purposes,
}: {
  session: MySession;
  /** The policy's purposes when guardians may consent in advance; null when they may not. */
  purposes: OrganisationPolicy['policy']['purposes'] | null;
}) {
  return (
    <li className="session-item">
      <h3 className="session-item__title">{session.title}</h3>
      <p className="muted session-item__meta">
        {formatSessionDate(session.createdAt)}
        {session.people.length > 0 && ` · ${peopleLine(session.people)}`}
      </p>
      <GuardianPresenceLines presence={session.guardianPresence} />
      {session.joinUrl && (
        <AppLink className="button button--primary" href={session.joinUrl}>
          Join {session.title}
        </AppLink>
      )}
      {!session.joinUrl && session.refusal && <p className="refusal">{session.refusal}</p>}
      <SessionReportLink sessionId={session.sessionId} title={session.title} />
      <SessionChatLink session={session} />
      {session.children.length > 0 && (
        <div className="session-item__children">
          <p className="muted">
            Open your child's link on the device they will use. It is theirs alone: please don't share it.
          </p>
          {session.children.map((child) =>
            child.joinUrl ? (
              <ReplaceableLink
                key={child.personId}
                sessionId={session.sessionId}
                personId={child.personId}
                name={child.name}
                label={`Join link for ${child.name}`}
                url={child.joinUrl}
              />
            ) : (
              <p key={child.name} className="refusal">
                <strong>{child.name}:</strong> {child.refusal ?? 'cannot join this session yet.'}
              </p>
            ),
          )}
          {purposes &&
            session.children.map((child) => (
              <AdvanceConsent
                key={child.personId}
                sessionId={session.sessionId}
                child={child}
                purposes={purposes}
              />
            ))}
        </div>
      )}
    </li>
  );
}
