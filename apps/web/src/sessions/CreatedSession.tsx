import type { CreateSessionResponse } from '@assent/shared';
import { useEffect, useRef } from 'react';
import { AppLink } from '../ui/AppLink';
import { ReplaceableLink } from './ReplaceableLink';

/** After creating: the tutor's own way in, and a link to send each guest. */
export function CreatedSession({
  session,
  onAnother,
}: {
  session: CreateSessionResponse;
  onAnother: () => void;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const [tutor, ...guests] = session.invites;

  return (
    <div className="created-session">
      <h3 ref={headingRef} tabIndex={-1}>
        “{session.title}” is ready
      </h3>
      <p>
        Your students and their guardians will find it under “Your sessions” when they sign in.
        {guests.length > 0 &&
          ' Send each guest their own link: it tells Assent who they are, so never share one link between people.'}
      </p>
      {guests.length > 0 && (
        <ul className="link-list">
          {guests.map((invite) => (
            <li key={invite.personId}>
              <ReplaceableLink
                sessionId={session.sessionId}
                personId={invite.personId}
                name={invite.name}
                label={`Invite link for ${invite.name}`}
                visibleLabel={
                  <>
                    {invite.name} <span className="badge">Guest</span>
                  </>
                }
                url={invite.url}
              />
            </li>
          ))}
        </ul>
      )}
      <div className="actions">
        {tutor && (
          <AppLink className="button button--primary" href={tutor.url}>
            Join as tutor
          </AppLink>
        )}
        <button type="button" className="button button--quiet" onClick={onAnother}>
          Create another session
        </button>
      </div>
    </div>
  );
}
