import type { AdminDeletionRequest, DeletionDecisionResult } from '@assent/shared';
import { useId, useState } from 'react';
import { ApiError } from '../../api/client';
import { decideDeletionRequest } from '../../api/deletion-requests';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorAlert } from '../../ui/ErrorAlert';
import '../../ui/controls.css';

type Decision = 'approve' | 'refuse';

const minReason = 10;

interface DecisionFormProps {
  request: AdminDeletionRequest;
  onDecided: (result: DeletionDecisionResult) => void;
}

/** The admin's decision on one open request: always with a written reason, which the requester reads. */
export function DecisionForm({ request, onDecided }: DecisionFormProps) {
  const reasonId = useId();
  const [reason, setReason] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const [sending, setSending] = useState<Decision | null>(null);
  const [failure, setFailure] = useState<{ attempt: number; message: string } | null>(null);
  const [confirming, setConfirming] = useState(false);

  const reasonGiven = () => {
    const given = reason.trim().length >= minReason;
    setTooShort(!given);
    return given;
  };

  const decide = async (decision: Decision) => {
    if (!reasonGiven()) return;
    setSending(decision);
    try {
      onDecided(await decideDeletionRequest(request.id, { decision, reason: reason.trim() }));
    } catch (error) {
      const message =
        error instanceof ApiError && error.code !== 'internal'
          ? error.message
          : 'Something went wrong. Please try again.';
      setFailure((f) => ({ attempt: (f?.attempt ?? 0) + 1, message }));
    } finally {
      setSending(null);
      setConfirming(false);
    }
  };

  return (
    <form
      aria-label={`Decide ${request.requesterName}'s request about ${request.sessionTitle}`}
      // Each button says which decision it is; Enter alone never decides.
      onSubmit={(e) => e.preventDefault()}
      noValidate
    >
      {failure && (
        <ErrorAlert key={failure.attempt} title="Your decision was not saved">
          <p>{failure.message}</p>
        </ErrorAlert>
      )}
      <div className="field">
        <label htmlFor={reasonId}>Reason for your decision</label>
        <textarea
          id={reasonId}
          rows={3}
          maxLength={2000}
          value={reason}
          aria-invalid={tooShort ? true : undefined}
          aria-describedby={`${reasonId}-hint${tooShort ? ` ${reasonId}-error` : ''}`}
          onChange={(e) => setReason(e.target.value)}
        />
        <p className="field__hint" id={`${reasonId}-hint`}>
          The requester reads this. At least {minReason} characters.
        </p>
        {tooShort && (
          <p className="field__error" id={`${reasonId}-error`}>
            Write why you decided this (at least {minReason} characters).
          </p>
        )}
      </div>
      <div className="actions">
        <button
          type="button"
          className="button button--primary"
          disabled={request.onHold || sending !== null}
          // Destroying recordings cannot be undone: asked once more, in a dialog.
          onClick={() => reasonGiven() && setConfirming(true)}
        >
          Approve deletion
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={sending !== null}
          onClick={() => decide('refuse')}
        >
          Refuse deletion
        </button>
      </div>
      {confirming && (
        <ConfirmDialog
          title="Approve this deletion?"
          confirmLabel="Approve and delete"
          busy={sending === 'approve'}
          onConfirm={() => decide('approve')}
          onCancel={() => setConfirming(false)}
        >
          <p>
            {request.recordingId ? 'The recording' : 'The recordings'} of “{request.sessionTitle}” asked for
            by {request.requesterName} will be destroyed now, and a deletion record kept. This cannot be
            undone.
          </p>
        </ConfirmDialog>
      )}
    </form>
  );
}
