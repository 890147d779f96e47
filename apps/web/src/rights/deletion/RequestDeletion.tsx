import './deletion-requests.css';
import { useEffect, useId, useRef, useState } from 'react';
import { requestRecordingDeletion } from '../../api/deletion-requests';
import { AppLink } from '../../ui/AppLink';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useFormSubmit } from '../../ui/useFormSubmit';

/**
 * "Request deletion" on a recording's page (Hearken: participants may ask for early deletion; an
 * administrator decides case by case). The dialog is not modal, like the call's: nothing is trapped.
 */
export function RequestDeletion({ recordingId }: { recordingId: string }) {
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);

  if (sent) {
    return (
      <p role="status" className="notice-line">
        Your deletion request was sent. An administrator will decide and you will see the answer under{' '}
        <AppLink href="/requests">Your requests</AppLink>.
      </p>
    );
  }
  if (!open) {
    return (
      <div className="actions">
        <button ref={opener} type="button" className="button button--secondary" onClick={() => setOpen(true)}>
          Request deletion
        </button>
      </div>
    );
  }
  return (
    <DeletionDialog
      recordingId={recordingId}
      onSent={() => setSent(true)}
      onClose={() => {
        setOpen(false);
        // The button is back after this render; give it focus again.
        requestAnimationFrame(() => opener.current?.focus());
      }}
    />
  );
}

interface DeletionDialogProps {
  recordingId: string;
  onSent: () => void;
  onClose: () => void;
}

function DeletionDialog({ recordingId, onSent, onClose }: DeletionDialogProps) {
  const headingId = useId();
  const reasonId = useId();
  const [reason, setReason] = useState('');
  const field = useRef<HTMLTextAreaElement>(null);
  const { submit, onSubmit } = useFormSubmit(() => requestRecordingDeletion(recordingId, reason), onSent);

  useEffect(() => {
    field.current?.focus();
  }, []);

  return (
    <section
      role="dialog"
      aria-modal="false"
      aria-labelledby={headingId}
      className="deletion-dialog"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <h2 id={headingId}>Request deletion</h2>
      <p>
        You can ask for this recording to be deleted before its time. An administrator decides each request
        and tells you why.
      </p>
      {submit.kind === 'refused' && (
        <ErrorAlert key={submit.attempt} title="Your request was not sent">
          <p>
            {submit.failure.title}. {submit.failure.detail}
          </p>
        </ErrorAlert>
      )}
      <form onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor={reasonId}>Why (optional)</label>
          <textarea
            id={reasonId}
            ref={field}
            rows={4}
            maxLength={2000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </div>
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={submit.kind === 'sending'}>
            Send deletion request
          </button>
          <button type="button" className="button button--quiet" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
