import type { ChatMessage } from '@assent/shared';
import { type FormEvent, useState } from 'react';
import { reportConcernFromCall } from '../api/concerns';
import { failureSentence } from '../api/failure-words';
import { type ConcernDraft, ConcernFields, draftReady, emptyDraft } from '../rights/concerns/ConcernFields';
import { CallDialog } from './CallDialog';
import { useCallSession } from './call-session';
import './report-concern.css';

type Sending =
  | { kind: 'editing' }
  | { kind: 'sending' }
  | { kind: 'failed'; message: string }
  | { kind: 'sent' };

/**
 * Reporting a concern from the call. Only this person's screen changes: the report goes to the
 * safeguarding team and nothing about it is sent to the room.
 */
export function ReportConcernDialog({
  onClose,
  chatMessage,
}: {
  onClose: () => void;
  /** The chat message the report is about, attached to it when reported from the chat. */
  chatMessage?: ChatMessage;
}) {
  const { inviteToken } = useCallSession();
  const [draft, setDraft] = useState<ConcernDraft>(emptyDraft);
  const [sending, setSending] = useState<Sending>({ kind: 'editing' });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!draftReady(draft) || sending.kind === 'sending') return;
    setSending({ kind: 'sending' });
    try {
      await reportConcernFromCall(
        inviteToken,
        chatMessage ? { ...draft, chatMessageId: chatMessage.id } : draft,
      );
      setSending({ kind: 'sent' });
    } catch (error) {
      setSending({ kind: 'failed', message: failureSentence(error, 'call-report') });
    }
  };

  return (
    <CallDialog title="Report a concern" onClose={onClose} className="report-concern-dialog">
      {sending.kind === 'sent' ? (
        <>
          <p role="status">
            Thank you. Your report went to the safeguarding team. Nobody else in the call can see that you
            reported.
          </p>
          <div className="call-dialog__actions">
            <button type="button" className="lk-button call-dialog__primary" onClick={onClose}>
              Close
            </button>
          </div>
        </>
      ) : (
        <form onSubmit={submit}>
          <p className="call-dialog__hint">
            Your report goes only to the safeguarding team. Nobody else in the call is told.
          </p>
          {chatMessage && (
            <figure className="report-concern__message">
              <figcaption>About this message from {chatMessage.senderName}:</figcaption>
              <blockquote>{chatMessage.text}</blockquote>
            </figure>
          )}
          <ConcernFields draft={draft} onChange={setDraft} disabled={sending.kind === 'sending'} />
          {sending.kind === 'failed' && (
            <p className="call-dialog__error" role="alert">
              Your report was not sent. {sending.message}
            </p>
          )}
          <div className="call-dialog__actions">
            <button
              type="submit"
              className="lk-button call-dialog__primary"
              aria-busy={sending.kind === 'sending'}
              disabled={sending.kind === 'sending' || !draftReady(draft)}
            >
              Send report
            </button>
            <button type="button" className="lk-button" onClick={onClose}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </CallDialog>
  );
}
