import type { InvitationCreated } from '@assent/shared';
import { useEffect, useRef, useState } from 'react';
import { inviteFamily } from '../api/people';
import { FormCard } from '../ui/FormCard';
import { unplacedErrors } from '../ui/field-errors';
import { LinkField } from '../ui/LinkField';
import { TextField } from '../ui/TextField';
import { useFormSubmit } from '../ui/useFormSubmit';
import { ChildRows } from './ChildRows';
import {
  type FamilyDraft,
  initialFamilyDraft,
  isFamilyFieldPath,
  toInviteFamilyRequest,
} from './enrol-family-form';

/** Tutors and admins send a guardian an enrolment link, naming the children they expect. */
export function EnrolFamilyForm({ onEnrolled }: { onEnrolled: () => void }) {
  const [draft, setDraft] = useState<FamilyDraft>(initialFamilyDraft);
  const [sent, setSent] = useState<InvitationCreated | null>(null);
  const { submit, fields, onSubmit } = useFormSubmit(
    () => inviteFamily(toInviteFamilyRequest(draft)),
    (result) => {
      setSent(result);
      setDraft(initialFamilyDraft());
      onEnrolled();
    },
  );

  return (
    <FormCard
      headingId="enrol-heading"
      title="Enrol a family"
      replacedBy={sent && <EnrolmentSent sent={sent} onAnother={() => setSent(null)} />}
      intro={
        <p className="muted">
          The guardian gets a link to register, confirm they are an adult, agree to the policy and add their
          children. Their children can join sessions once that is done.
        </p>
      }
      failure={submit.kind === 'refused' ? submit.failure : null}
      failureKey={submit.kind === 'refused' ? submit.attempt : undefined}
      failureMore={unplacedErrors(fields, isFamilyFieldPath).map((message) => <p key={message}>{message}</p>)}
      onSubmit={onSubmit}
      submitLabel="Send enrolment link"
      busy={submit.kind === 'sending'}
    >
      <TextField
        id="guardian-email"
        label="Guardian's email"
        type="email"
        value={draft.guardianEmail}
        error={fields.guardianEmail}
        onChange={(guardianEmail) => setDraft((d) => ({ ...d, guardianEmail }))}
      />
      <ChildRows draft={draft} errors={fields} onChange={setDraft} />
    </FormCard>
  );
}

function EnrolmentSent({ sent, onAnother }: { sent: InvitationCreated; onAnother: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} tabIndex={-1} className="enrolment-sent">
      {sent.link ? (
        <>
          <p>Email is not set up here, so send this link to {sent.email} yourself. It works once.</p>
          <LinkField label="Enrolment link" url={sent.link} />
        </>
      ) : (
        <p role="status">Enrolment link sent to {sent.email}</p>
      )}
      <div className="actions">
        <button type="button" className="button button--quiet" onClick={onAnother}>
          Enrol another family
        </button>
      </div>
    </div>
  );
}
