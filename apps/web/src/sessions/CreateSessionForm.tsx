import type { CreateSessionResponse, StudentList } from '@assent/shared';
import { useState } from 'react';
import { fetchPolicy } from '../api/people';
import { createSession } from '../api/sessions';
import { FormCard } from '../ui/FormCard';
import { unplacedErrors } from '../ui/field-errors';
import { TextField } from '../ui/TextField';
import { useFormSubmit } from '../ui/useFormSubmit';
import { type RemoteHandle, useRemote } from '../ui/useRemote';
import { CreatedSession } from './CreatedSession';
import { GuestList } from './GuestList';
import { StudentPicker } from './StudentPicker';
import {
  initialSessionDraft,
  isSessionFieldPath,
  type SessionDraft,
  toCreateSessionRequest,
} from './session-form';

interface CreateSessionFormProps {
  students: RemoteHandle<StudentList>;
  onCreated: () => void;
}

/**
 * Tutors and admins: a title, enrolled students (their guardians follow) and any adult guests, where
 * the organisation's policy allows them. Until the policy is read the guest list shows: the server
 * refuses guests the policy forbids anyway.
 */
export function CreateSessionForm({ students, onCreated }: CreateSessionFormProps) {
  const [draft, setDraft] = useState<SessionDraft>(initialSessionDraft);
  const [created, setCreated] = useState<CreateSessionResponse | null>(null);
  const policy = useRemote(fetchPolicy);
  const guestsAllowed = policy.state.kind !== 'ready' || policy.state.data.policy.adultGuestsAllowed;
  const listed = students.state.kind === 'ready' ? students.state.data.students : [];
  const { submit, fields, onSubmit } = useFormSubmit(
    () => createSession(toCreateSessionRequest(draft, listed, guestsAllowed)),
    (result) => {
      setCreated(result);
      setDraft(initialSessionDraft());
      onCreated();
    },
  );

  return (
    <FormCard
      headingId="create-session-heading"
      title="Create a session"
      replacedBy={created && <CreatedSession session={created} onAnother={() => setCreated(null)} />}
      intro={
        <p className="muted">
          Pick your students: their guardians are added for you, and everyone joins from their own “Your
          sessions”. Nothing is recorded unless everyone in the call agrees.
        </p>
      }
      failure={submit.kind === 'refused' ? submit.failure : null}
      failureKey={submit.kind === 'refused' ? submit.attempt : undefined}
      failureMore={unplacedErrors(fields, isSessionFieldPath).map((message) => (
        <p key={message}>{message}</p>
      ))}
      onSubmit={onSubmit}
      submitLabel="Create session"
      busy={submit.kind === 'sending'}
    >
      <TextField
        id="session-title"
        label="Session title"
        value={draft.title}
        error={fields.title}
        onChange={(title) => setDraft((d) => ({ ...d, title }))}
      />
      <StudentPicker students={students} draft={draft} errors={fields} onChange={setDraft} />
      <GuestList allowed={guestsAllowed} draft={draft} errors={fields} onChange={setDraft} />
    </FormCard>
  );
}
