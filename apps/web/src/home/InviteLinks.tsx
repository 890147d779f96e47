import type { CreateSessionResponse } from '@assent/shared';
import { useEffect, useRef } from 'react';
import { CopyLinkButton } from './CopyLinkButton';

const roleLabel = { tutor: 'Tutor', student: 'Student', guardian: 'Guardian' } as const;

interface InviteLinksProps {
  session: CreateSessionResponse;
  onStartOver: () => void;
}

/** The links the tutor sends out, one per person, the tutor's own first. */
export function InviteLinks({ session, onStartOver }: InviteLinksProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const tutorInvite = session.invites[0];

  return (
    <section className="card" aria-labelledby="invite-links-heading">
      <h1 id="invite-links-heading" ref={headingRef} tabIndex={-1}>
        Invite links
      </h1>
      <p className="muted">
        “{session.title}” is ready. Send each person their own link: it tells Assent who they are, so do not
        share one link between people.
      </p>
      <ul className="invite-links">
        {session.invites.map((invite) => {
          const inputId = `invite-${invite.personId}`;
          return (
            <li key={invite.personId} className="invite-link">
              <label htmlFor={inputId} className="invite-link__label">
                <span className="visually-hidden">Invite link for {invite.name}</span>
                <span aria-hidden="true">
                  {invite.name} <span className="badge">{roleLabel[invite.role]}</span>
                  {invite.minor && <span className="badge badge--muted">Minor</span>}
                  {invite.guardianOf.length > 0 && (
                    <span className="invite-link__guardian-of">
                      Guardian of {invite.guardianOf.join(', ')}
                    </span>
                  )}
                </span>
              </label>
              <div className="invite-link__row">
                <input
                  id={inputId}
                  type="text"
                  readOnly
                  value={invite.url}
                  onFocus={(e) => e.currentTarget.select()}
                />
                <CopyLinkButton name={invite.name} url={invite.url} inputId={inputId} />
              </div>
            </li>
          );
        })}
      </ul>
      <div className="actions">
        {tutorInvite && (
          <a className="button button--primary" href={tutorInvite.url}>
            Join as tutor
          </a>
        )}
        <button type="button" className="button button--quiet" onClick={onStartOver}>
          Create another session
        </button>
      </div>
    </section>
  );
}
