import type { CreateSessionResponse, StudentList } from '@assent/shared';
import { useState } from 'react';
import { ApiError } from '../api/client';
import { fetchPolicy } from '../api/people';
import { createSession } from '../api/sessions';
import { FormCard } from '../ui/FormCard';
import { unplacedErrors } from '../ui/field-errors';
import { TextField } from '../ui/TextField';
import { useFormSubmit } from '../ui/useFormSubmit';
import { type RemoteHandle, useRemote } from '../ui/useRemote';
import { CreatedSession } from './CreatedSession';
import { GuestList } from './GuestList';
import { ScheduleFields } from './ScheduleFields';
import { StudentPicker } from './StudentPicker';
import {
  initialScheduleDraft,
  isScheduleFieldPath,
  type ScheduleDraft,
  scheduleProblems,
  toSessionSchedule,
} from './schedule-form';
import {
  initialSessionDraft,
  isSessionFieldPath,
  type SessionDraft,
  toCreateSessionRequest,
} from './session-form';
import { viewerTimeZone } from './zoned-time';

interface CreateSessionFormProps {
  students: RemoteHandle<StudentList>;
  onCreated: () => void;
  /** The organiser's zone; the browser's own unless a test fixes it. */
  timeZone?: string;
}

/**
 * Tutors and admins: a title, when (now, or a time in the browser's zone, once or weekly), enrolled
 * students (their guardians follow) and any adult guests, where the organisation's policy allows them. Until the policy is read the guest list shows: the server
 * refuses guests the policy forbids anyway.
 */
export function CreateSessionForm({
  students,
  onCreated,
  timeZone = viewerTimeZone(),
}: CreateSessionFormProps) {
  const [draft, setDraft] = useState<SessionDraft>(initialSessionDraft);
  const [schedule, setSchedule] = useState<ScheduleDraft>(() => initialScheduleDraft(new Date(), timeZone));
  const [created, setCreated] = useState<CreateSessionResponse | null>(null);
  const policy = useRemote(fetchPolicy);
  const guestsAllowed = policy.state.kind !== 'ready' || policy.state.data.policy.adultGuestsAllowed;
  const listed = students.state.kind === 'ready' ? students.state.data.students : [];
  const { submit, fields, onSubmit } = useFormSubmit(
    () => {
      const problems = Object.entries(scheduleProblems(schedule));
      if (problems.length > 0) {
        const issues = problems.map(([path, message]) => ({ path, message }));
        return Promise.reject(new ApiError('validation_failed', 'Check the time', 400, issues));
      }
      const when = toSessionSchedule(schedule, timeZone);
      const request = toCreateSessionRequest(draft, listed, guestsAllowed);
      return createSession(when ? { ...request, schedule: when } : request);
    },
    (result) => {
      setCreated(result);
      setDraft(initialSessionDraft());
      setSchedule(initialScheduleDraft(new Date(), timeZone));
      onCreated();
    },
  );

  return (
    <FormCard
      headingId="create-session-heading"
      title="Create a session"
      replacedBy={
        created && <CreatedSession session={created} timeZone={timeZone} onAnother={() => setCreated(null)} />
      }
      intro={
        <p className="muted">
          Pick your students: their guardians are added for you, and everyone joins from their own “Your
          sessions”. Nothing is recorded unless everyone in the call agrees.
        </p>
      }
      failure={submit.kind === 'refused' ? submit.failure : null}
      failureKey={submit.kind === 'refused' ? submit.attempt : undefined}
      failureMore={unplacedErrors(
        fields,
        (path) => isSessionFieldPath(path) || isScheduleFieldPath(path),
      ).map((message) => <p key={message}>{message}</p>)}
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
      <ScheduleFields draft={schedule} timeZone={timeZone} errors={fields} onChange={setSchedule} />
      <StudentPicker students={students} draft={draft} errors={fields} onChange={setDraft} />
      <GuestList allowed={guestsAllowed} draft={draft} errors={fields} onChange={setDraft} />
    </FormCard>
  );
}
