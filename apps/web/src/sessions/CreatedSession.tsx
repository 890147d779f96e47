import type { CreateSessionResponse } from '@assent/shared';
import { useEffect, useRef } from 'react';
import { AppLink } from '../ui/AppLink';
import { OverlapWarning } from './OverlapWarning';
import { ReplaceableLink } from './ReplaceableLink';
import { spanInWords } from './zoned-time';

/**
 * After creating: when it takes place (each occurrence, in the tutor's zone), any overlap with their
 * other sessions, the tutor's own way in, and a link to send each guest.
 */
export function CreatedSession({
  session,
  timeZone,
  onAnother,
}: {
  session: CreateSessionResponse;
  timeZone: string;
  onAnother: () => void;
}) {
  const occurrences = session.occurrences ?? [];
  // Each occurrence of a series is a session of its own, with its own guest links: `invites` holds only
  // the first one's, so a series lists every guest's link per occurrence.
  const perOccurrence = occurrences.length > 1 && occurrences.some((o) => (o.invites?.length ?? 0) > 1);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const [tutor, ...guests] = session.invites;

  return (
    <div className="created-session">
      <h3 ref={headingRef} tabIndex={-1}>
        “{session.title}” is ready
      </h3>
      {occurrences.length > 0 && (
        <>
          <p>
            {occurrences.length === 1 ? 'It takes place on:' : `A weekly series of ${occurrences.length}:`}
          </p>
          <ol className="occurrence-list" aria-label="When it takes place">
            {occurrences.map((o) => (
              <li key={o.sessionId}>{spanInWords(o.startsAt, o.endsAt, timeZone)}</li>
            ))}
          </ol>
        </>
      )}
      <OverlapWarning overlaps={session.overlaps ?? []} timeZone={timeZone} />
      <p>
        Your students and their guardians will find it under “Your sessions” when they sign in.
        {guests.length > 0 &&
          ' Send each guest their own link: it tells Assent who they are, so never share one link between people.'}
      </p>
      {guests.length > 0 && !perOccurrence && (
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
      {perOccurrence &&
        guests.map((guest, index) => (
          <section key={guest.personId} aria-label={`Invite links for ${guest.name}`}>
            <h4>
              {guest.name} <span className="badge">Guest</span>: one link for each session
            </h4>
            <ul className="link-list">
              {occurrences.map((o) => {
                const invite = o.invites?.[index + 1];
                const url = invite?.name === guest.name ? invite.url : undefined;
                const when = spanInWords(o.startsAt, o.endsAt, timeZone);
                return invite && url ? (
                  <li key={o.sessionId}>
                    <ReplaceableLink
                      sessionId={o.sessionId}
                      personId={invite.personId}
                      name={`${guest.name}, ${when}`}
                      label={`Invite link for ${guest.name}, ${when}`}
                      visibleLabel={when}
                      url={url}
                    />
                  </li>
                ) : null;
              })}
            </ul>
          </section>
        ))}
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
