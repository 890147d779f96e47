import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/client';
import { describeFailure, type FailureContext, type FailureMessage } from '../api/failure-words';
import { type FieldErrors, fieldErrorsFrom } from './field-errors';

export type FormSubmit =
  | { kind: 'editing' }
  | { kind: 'sending' }
  | { kind: 'refused'; attempt: number; failure: FailureMessage; fields: FieldErrors };

/**
 * A form that sends one request: busy while sending, and when refused, the failure in words plus the
 * server's field issues keyed by path. `attempt` counts refusals so the alert re-announces each one.
 */
export function useFormSubmit<T>(
  send: () => Promise<T>,
  onSent: (result: T) => void,
  context?: FailureContext,
) {
  const [submit, setSubmit] = useState<FormSubmit>({ kind: 'editing' });
  const fields = submit.kind === 'refused' ? submit.fields : {};

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const attempt = submit.kind === 'refused' ? submit.attempt + 1 : 1;
    setSubmit({ kind: 'sending' });
    try {
      const result = await send();
      setSubmit({ kind: 'editing' });
      onSent(result);
    } catch (error) {
      // Field issues come with validation_failed, and with refusals that name a field (a start in the past).
      const issues = error instanceof ApiError ? error.issues : [];
      setSubmit({
        kind: 'refused',
        attempt,
        failure: describeFailure(error, context),
        fields: fieldErrorsFrom(issues),
      });
    }
  };

  return { submit, fields, onSubmit };
}
