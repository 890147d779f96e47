import type { CreateSessionResponse } from '@assent/shared';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/client';
import { describeInviteFailure } from '../api/failure-message';
import { createSession } from '../api/sessions';
import { ErrorAlert } from '../ui/ErrorAlert';
import { InviteeRow } from './InviteeRow';
import { InviteLinks } from './InviteLinks';
import {
  type FieldErrors,
  fieldErrorsFrom,
  guardianErrorsOf,
  type InviteeDraft,
  initialDraft,
  namedStudents,
  newInvitee,
  type SessionDraft,
  toRequest,
} from './session-form';

const MAX_INVITEES = 20;

type SubmitState =
  | { kind: 'editing' }
  | { kind: 'submitting' }
  | { kind: 'invalid'; fields: FieldErrors; message: string }
  | { kind: 'failed'; error: unknown };

/** The tutor's page: name the session and the people in it, get one invite link per person. */
export function HomePage() {
  const [draft, setDraft] = useState<SessionDraft>(initialDraft);
  const [submit, setSubmit] = useState<SubmitState>({ kind: 'editing' });
  const [created, setCreated] = useState<CreateSessionResponse | null>(null);

  const fields = submit.kind === 'invalid' ? submit.fields : {};
  const students = namedStudents(draft.invitees);

  const updateInvitee = (key: number, patch: Partial<InviteeDraft>) =>
    setDraft((d) => ({ ...d, invitees: d.invitees.map((p) => (p.key === key ? { ...p, ...patch } : p)) }));

  const onSubmit = async (event?: FormEvent) => {
    event?.preventDefault();
    setSubmit({ kind: 'submitting' });
    try {
      setCreated(await createSession(toRequest(draft)));
      setSubmit({ kind: 'editing' });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'validation_failed') {
        setSubmit({ kind: 'invalid', fields: fieldErrorsFrom(error.issues), message: error.message });
      } else {
        setSubmit({ kind: 'failed', error });
      }
    }
  };

  if (created) {
    return (
      <InviteLinks
        session={created}
        onStartOver={() => {
          setCreated(null);
          setDraft(initialDraft());
        }}
      />
    );
  }

  const failure = submit.kind === 'failed' ? describeInviteFailure(submit.error) : null;

  return (
    <form className="card" onSubmit={onSubmit} noValidate aria-labelledby="new-session-heading">
      <h1 id="new-session-heading">New session</h1>
      <p className="muted">
        Each person gets their own invite link. Nothing is recorded unless everyone in the call agrees.
      </p>

      {submit.kind === 'invalid' && (
        <ErrorAlert title="Some details need fixing">
          <p>{Object.keys(submit.fields).length > 0 ? 'Check the highlighted fields.' : submit.message}</p>
          {fields.participants && <p>{fields.participants}</p>}
        </ErrorAlert>
      )}
      {failure && (
        <ErrorAlert
          title={failure.title}
          actions={
            <button type="button" className="button button--secondary" onClick={() => onSubmit()}>
              Retry
            </button>
          }
        >
          <p>{failure.detail}</p>
        </ErrorAlert>
      )}

      <TextField
        id="session-title"
        label="Session title"
        value={draft.title}
        error={fields.title}
        onChange={(title) => setDraft((d) => ({ ...d, title }))}
      />
      <TextField
        id="tutor-name"
        label="Your name"
        autoComplete="name"
        value={draft.tutorName}
        error={fields.tutorName}
        onChange={(tutorName) => setDraft((d) => ({ ...d, tutorName }))}
      />

      <fieldset className="invitees">
        <legend>People to invite</legend>
        <ol className="invitee-list">
          {draft.invitees.map((invitee, index) => (
            <InviteeRow
              key={invitee.key}
              index={index}
              invitee={invitee}
              students={students}
              nameError={fields[`participants.${index}.name`]}
              guardianErrors={guardianErrorsOf(fields, index)}
              canRemove={draft.invitees.length > 1}
              onChange={(patch) => updateInvitee(invitee.key, patch)}
              onRemove={() =>
                setDraft((d) => ({ ...d, invitees: d.invitees.filter((p) => p.key !== invitee.key) }))
              }
            />
          ))}
        </ol>
        <button
          type="button"
          className="button button--secondary"
          disabled={draft.invitees.length >= MAX_INVITEES}
          onClick={() => setDraft((d) => ({ ...d, invitees: [...d.invitees, newInvitee()] }))}
        >
          Add person
        </button>
      </fieldset>

      <div className="actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={submit.kind === 'submitting'}
          aria-busy={submit.kind === 'submitting'}
        >
          Create session
        </button>
      </div>
    </form>
  );
}

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  error?: string | undefined;
  autoComplete?: string;
  onChange: (value: string) => void;
}

function TextField({ id, label, value, error, autoComplete = 'off', onChange }: TextFieldProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        value={value}
        autoComplete={autoComplete}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
