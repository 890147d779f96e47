import type { Student } from '@assent/shared';
import { type FormEvent, useRef, useState } from 'react';
import { ApiError } from '../api/client';
import { describeFailure, type FailureMessage } from '../api/failure-words';
import { addChild } from '../api/people';
import { CheckboxField } from '../ui/CheckboxField';
import { ErrorAlert } from '../ui/ErrorAlert';
import { TextField } from '../ui/TextField';

/** A guardian who has agreed adds a child; children are under 18 unless the box is cleared. */
export function AddChildForm({ onAdded }: { onAdded: (student: Student) => void }) {
  const [name, setName] = useState('');
  const [minor, setMinor] = useState(true);
  const [busy, setBusy] = useState(false);
  const [nameError, setNameError] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<FailureMessage | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    setNameError(undefined);
    setAdded(null);
    try {
      const student = await addChild({ name: name.trim(), minor });
      onAdded(student);
      setAdded(student.name);
      setName('');
      setMinor(true);
    } catch (error) {
      const issue = error instanceof ApiError ? error.issues.find((i) => i.path === 'name') : undefined;
      if (issue) setNameError(issue.message);
      else setFailure(describeFailure(error));
    } finally {
      setBusy(false);
      nameRef.current?.focus();
    }
  };

  return (
    <form className="add-child" onSubmit={onSubmit} noValidate aria-labelledby="add-child-heading">
      <h3 id="add-child-heading">Add a child</h3>
      {failure && (
        <ErrorAlert title={failure.title}>
          <p>{failure.detail}</p>
        </ErrorAlert>
      )}
      <TextField
        id="add-child-name"
        label="Child's name"
        value={name}
        error={nameError}
        onChange={setName}
        inputRef={nameRef}
      />
      <CheckboxField id="add-child-minor" label="Under 18" checked={minor} onChange={setMinor} />
      <div className="actions actions--tight">
        <button type="submit" className="button button--primary" disabled={busy} aria-busy={busy}>
          Add child
        </button>
      </div>
      <p role="status" className="status-line">
        {added && `${added} added.`}
      </p>
    </form>
  );
}
