import type { Student, StudentList } from '@assent/shared';
import type { Dispatch, SetStateAction } from 'react';
import { RemoteFailure } from '../people/RemoteFailure';
import { CheckboxField } from '../ui/CheckboxField';
import type { FieldErrors } from '../ui/field-errors';
import type { RemoteHandle } from '../ui/useRemote';
import { type SessionDraft, studentErrors, unavailableReason, withStudent } from './session-form';

interface StudentPickerProps {
  students: RemoteHandle<StudentList>;
  draft: SessionDraft;
  errors: FieldErrors;
  onChange: Dispatch<SetStateAction<SessionDraft>>;
}

/** One checkbox per student; those not enrolled yet are shown, disabled, with the reason. */
export function StudentPicker({ students, draft, errors, onChange }: StudentPickerProps) {
  const problems = studentErrors(errors);
  const { state } = students;
  return (
    <fieldset className="choices" aria-describedby={problems.length > 0 ? 'students-error' : undefined}>
      <legend>Students</legend>
      {state.kind === 'loading' && <p className="muted">Loading students…</p>}
      {state.kind === 'failed' && (
        <RemoteFailure error={state.error} what="the students" onRetry={students.reload} />
      )}
      {state.kind === 'ready' && state.data.students.length === 0 && (
        <p className="muted">No students yet. Enrol a family below: their children appear here.</p>
      )}
      {state.kind === 'ready' &&
        state.data.students.map((student) => (
          <CheckboxField
            key={student.id}
            id={`pick-${student.id}`}
            label={student.name}
            checked={draft.studentIds.includes(student.id) && student.enrolled}
            disabled={!student.enrolled}
            description={describeStudent(student)}
            onChange={(picked) => onChange((d) => withStudent(d, student.id, picked))}
          />
        ))}
      {problems.length > 0 && (
        <div id="students-error">
          {problems.map((message) => (
            <p className="field__error" key={message}>
              {message}
            </p>
          ))}
        </div>
      )}
    </fieldset>
  );
}

function describeStudent(student: Student): string {
  const parts = [unavailableReason(student)];
  if (student.minor && student.guardians.length > 0) {
    parts.push(`Guardian: ${student.guardians.map((g) => g.name).join(', ')}`);
  }
  if (student.doNotRecord) parts.push('Not to be recorded');
  return parts.filter(Boolean).join(' · ');
}
