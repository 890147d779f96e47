import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/client';
import { describeFailure, type FailureMessage } from '../api/failure-words';
import { changePassword } from '../api/passwords';
import { FormCard } from '../ui/FormCard';
import { type FieldErrors, fieldErrorsFrom } from '../ui/field-errors';
import { TextField } from '../ui/TextField';

/** The account page's "Change password": the current one first; every other device is signed out. */
export function ChangePassword() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [failure, setFailure] = useState<FailureMessage | null>(null);
  const [fields, setFields] = useState<FieldErrors>({});

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: FieldErrors = {};
    if (!current) missing.currentPassword = 'Enter your current password';
    if (next.length < 10) missing.newPassword = 'Use at least 10 characters';
    setFields(missing);
    setDone(false);
    setFailure(null);
    if (Object.keys(missing).length > 0) return;
    setBusy(true);
    try {
      await changePassword(current, next);
      setCurrent('');
      setNext('');
      setDone(true);
    } catch (error) {
      const issues = error instanceof ApiError ? error.issues : [];
      if (issues.length > 0) setFields(fieldErrorsFrom(issues));
      else setFailure(describeFailure(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormCard
      headingId="change-password-heading"
      title="Change password"
      before={
        <>
          <p>Changing your password signs you out on every other device.</p>
          {done && (
            <p className="notice-line" role="status">
              Your password is changed. Every other device is signed out.
            </p>
          )}
        </>
      }
      failure={failure}
      onSubmit={onSubmit}
      submitLabel="Change password"
      submitClassName="button button--secondary"
      busy={busy}
    >
      <TextField
        id="current-password"
        label="Current password"
        type="password"
        autoComplete="current-password"
        value={current}
        onChange={setCurrent}
        error={fields.currentPassword}
      />
      <TextField
        id="new-password"
        label="New password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters. A few unrelated words are easy to remember and hard to guess."
        value={next}
        onChange={setNext}
        error={fields.newPassword}
      />
    </FormCard>
  );
}
