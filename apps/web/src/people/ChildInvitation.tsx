import type { InvitationCreated, Student } from '@assent/shared';
import { useEffect, useRef, useState } from 'react';
import { inviteGuardian, inviteStudent } from '../api/people';
import { ErrorAlert } from '../ui/ErrorAlert';
import { LinkField } from '../ui/LinkField';
import { TextField } from '../ui/TextField';
import { useFormSubmit } from '../ui/useFormSubmit';
import { type ChildInvitationKind, childInvitationWords, invitationOutcome } from './child-invitations';

type Phase = { kind: 'closed' } | { kind: 'open' } | { kind: 'sent'; sent: InvitationCreated };

const send = (kind: ChildInvitationKind, studentId: string, email: string) =>
  kind === 'guardian' ? inviteGuardian(studentId, { email }) : inviteStudent(studentId, { email });

/**
 * One action for one child (another guardian, or the child's own sign-in): a button that opens a short
 * form in place; once sent, it says it was emailed or (mail is off) shows the link to pass on.
 */
export function ChildInvitation({ kind, child }: { kind: ChildInvitationKind; child: Student }) {
  const [phase, setPhase] = useState<Phase>({ kind: 'closed' });
  const [email, setEmail] = useState('');
  const { submit, fields, onSubmit } = useFormSubmit(
    () => send(kind, child.id, email.trim()),
    (sent) => {
      setPhase({ kind: 'sent', sent });
      setEmail('');
    },
  );
  const words = childInvitationWords(kind, child);
  const id = `${kind}-invitation-${child.id}`;
  const outcomeRef = useRef<HTMLDivElement>(null);
  // The button that had focus is gone: focus moves to what replaced it.
  useEffect(() => {
    if (phase.kind === 'open') document.getElementById(`${id}-email`)?.focus();
    if (phase.kind === 'sent') outcomeRef.current?.focus();
  }, [phase.kind, id]);
  const close = () => setPhase({ kind: 'closed' });

  if (phase.kind === 'closed') {
    return (
      <button type="button" className="button button--secondary" onClick={() => setPhase({ kind: 'open' })}>
        {words.open.visible === words.open.accessible ? (
          words.open.visible
        ) : (
          <>
            <span className="visually-hidden">{words.open.accessible}</span>
            <span aria-hidden="true">{words.open.visible}</span>
          </>
        )}
      </button>
    );
  }
  if (phase.kind === 'sent') {
    const { sent } = phase;
    return (
      <div ref={outcomeRef} tabIndex={-1} className="child-invitation">
        {sent.link ? (
          <>
            <p>{invitationOutcome(sent)}</p>
            <LinkField label={words.linkLabel} url={sent.link} />
          </>
        ) : (
          <p role="status">{invitationOutcome(sent)}</p>
        )}
        <div className="actions actions--tight">
          <button type="button" className="button button--quiet" onClick={close}>
            Done
          </button>
        </div>
      </div>
    );
  }
  return (
    <form className="child-invitation" onSubmit={onSubmit} noValidate aria-label={words.open.accessible}>
      <p className="muted">{words.intro}</p>
      {submit.kind === 'refused' && !fields.email && (
        <ErrorAlert key={submit.attempt} title={submit.failure.title} focusOnMount>
          <p>{submit.failure.detail}</p>
        </ErrorAlert>
      )}
      <TextField
        id={`${id}-email`}
        label={words.emailLabel}
        type="email"
        autoComplete="email"
        value={email}
        error={fields.email}
        onChange={setEmail}
      />
      <div className="actions actions--tight">
        <button
          type="submit"
          className="button button--primary"
          disabled={submit.kind === 'sending'}
          aria-busy={submit.kind === 'sending'}
        >
          {words.submit}
        </button>
        <button type="button" className="button button--quiet" onClick={close}>
          Cancel
        </button>
      </div>
    </form>
  );
}
