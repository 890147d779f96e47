import type { Student } from '@assent/shared';
import { useState } from 'react';
import { describeFailure } from '../api/failure-words';
import { setRecordingPreference } from '../api/people';
import { CheckboxField } from '../ui/CheckboxField';

interface RecordingPreferenceToggleProps {
  student: Student;
  /** "Do not record Ana's sessions", or "Do not record my sessions" for the student themselves. */
  label: string;
  onSaved: (student: Student) => void;
}

/** A standing "do not record": recording requests in this student's sessions are refused up front. */
export function RecordingPreferenceToggle({ student, label, onSaved }: RecordingPreferenceToggleProps) {
  const [saving, setSaving] = useState<boolean | null>(null);
  const [error, setError] = useState<string | undefined>(undefined);
  const checked = saving ?? student.doNotRecord;

  const onChange = async (doNotRecord: boolean) => {
    setSaving(doNotRecord);
    setError(undefined);
    try {
      const saved = await setRecordingPreference(student.id, doNotRecord);
      onSaved({ ...student, doNotRecord: saved.doNotRecord });
    } catch (failure) {
      const message = describeFailure(failure);
      setError(`Not saved. ${message.title}. ${message.detail}`);
    } finally {
      setSaving(null);
    }
  };

  return (
    <CheckboxField
      id={`no-record-${student.id}`}
      label={label}
      checked={checked}
      disabled={saving !== null}
      description={
        checked
          ? 'Recording is refused in these sessions, whatever anyone asks.'
          : 'Recording can be asked for; it only happens if everyone in the call agrees.'
      }
      error={error}
      onChange={onChange}
    />
  );
}
