import type { InvitationCreated, PendingEnrolment } from '@assent/shared';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client';
import { requestEnrolment } from '../api/families';
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

/**
 * Tutors and admins send a guardian an enrolment link, naming the children they expect. When the guardian
 * already has an account, they ask that guardian to confirm the children instead (nothing is enrolled
 * until the guardian does, on their own page).
 */
export function EnrolFamilyForm({ onEnrolled }: { onEnrolled: () => void }) {
  const [draft, setDraft] = useState<FamilyDraft>(initialFamilyDraft);
  const [sent, setSent] = useState<InvitationCreated | null>(null);
  const [asked, setAsked] = useState<PendingEnrolment[] | null>(null);
  // The address that turned out to be an existing guardian's (the last refusal said so).
  const [existing, setExisting] = useState<string | null>(null);
  const { submit, fields, onSubmit } = useFormSubmit(
    async () => {
      try {
        return await inviteFamily(toInviteFamilyRequest(draft));
      } catch (error) {
        setExisting(error instanceof ApiError && error.code === 'email_taken' ? draft.guardianEmail : null);
        throw error;
      }
    },
    (result) => {
      setSent(result);
      setDraft(initialFamilyDraft());
      onEnrolled();
    },
    'enrol-family',
  );
  const askExisting = useFormSubmit(
    async () => (await requestEnrolment(toInviteFamilyRequest(draft))).enrolments,
    (result) => {
      setAsked(result);
      setExisting(null);
      setDraft(initialFamilyDraft());
    },
  );
  const mayAsk = existing !== null && existing === draft.guardianEmail && draft.children.length > 0;
  const reset = () => {
    setSent(null);
    setAsked(null);
  };

  return (
    <FormCard
      headingId="enrol-heading"
      title="Enrol a family"
      replacedBy={
        (sent && <EnrolmentSent sent={sent} onAnother={reset} />) ||
        (asked && <EnrolmentAsked asked={asked} onAnother={reset} />)
      }
      intro={
        <p className="muted">
          The guardian gets a link to register, confirm they are an adult, agree to the policy and add their
          children. Their children can join sessions once that is done.
        </p>
      }
      failure={submit.kind === 'refused' ? submit.failure : null}
      failureKey={submit.kind === 'refused' ? submit.attempt : undefined}
      failureMore={
        <>
          {unplacedErrors(fields, isFamilyFieldPath).map((message) => (
            <p key={message}>{message}</p>
          ))}
          {existing !== null && draft.children.length === 0 && <p>Name the children to ask about first.</p>}
          {mayAsk && (
            <button
              type="button"
              className="button button--primary"
              disabled={askExisting.submit.kind === 'sending'}
              onClick={askExisting.onSubmit}
            >
              Ask the guardian to confirm
            </button>
          )}
          {askExisting.submit.kind === 'refused' && (
            <p>
              <strong>{askExisting.submit.failure.title}.</strong> {askExisting.submit.failure.detail}
            </p>
          )}
        </>
      }
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

function EnrolmentAsked({ asked, onAnother }: { asked: PendingEnrolment[]; onAnother: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const first = asked[0];
  const names = asked.map((e) => e.childName).join(' and ');
  return (
    <div ref={ref} tabIndex={-1} className="enrolment-sent">
      <p role="status">
        Asked {first?.guardianName} to confirm enrolling {names}. Nothing is enrolled until they confirm on
        their page{first?.mailed ? '; they were sent an email about it' : ''}.
      </p>
      <div className="actions">
        <button type="button" className="button button--quiet" onClick={onAnother}>
          Enrol another family
        </button>
      </div>
    </div>
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
