import { useId, useState } from 'react';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useFormSubmit } from '../ui/useFormSubmit';
import { revokeInvitation } from './admin-api';
import { ReasonField } from './ReasonField';

/** Withdraw an invitation not yet used: its link stops working. The reason goes to the audit log. */
export function WithdrawInvitation({
  invitationId,
  email,
  onWithdrawn,
}: {
  invitationId: string;
  email: string;
  onWithdrawn: () => void;
}) {
  const id = useId();
  const [reason, setReason] = useState('');
  const { submit, fields, onSubmit } = useFormSubmit(
    () => revokeInvitation(invitationId, reason),
    onWithdrawn,
  );
  return (
    <details className="account-actions">
      <summary>
        Withdraw<span className="visually-hidden"> the invitation to {email}</span>
      </summary>
      <form onSubmit={onSubmit} noValidate className="stack account-actions__form">
        <ReasonField
          id={`${id}-reason`}
          label="Reason for withdrawing"
          value={reason}
          error={fields.reason}
          onChange={setReason}
        />
        {submit.kind === 'refused' && (
          <ErrorAlert key={submit.attempt} title={submit.failure.title}>
            <p>{submit.failure.detail}</p>
          </ErrorAlert>
        )}
        <div className="actions actions--tight">
          <button
            type="submit"
            className="button button--primary"
            disabled={submit.kind === 'sending'}
            aria-busy={submit.kind === 'sending'}
          >
            Withdraw invitation
          </button>
        </div>
      </form>
    </details>
  );
}
