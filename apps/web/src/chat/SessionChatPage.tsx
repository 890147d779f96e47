import type { SessionChatLog } from '@assent/shared';
import { fetchSessionChatLog } from '../api/chat';
import { describeFailure } from '../api/failure-words';
import { roleLabel } from '../call/ParticipantTileWithRole';
import { ErrorAlert } from '../ui/ErrorAlert';
import { formatDateTime } from '../ui/format';
import { PageHeading } from '../ui/PageHeading';
import { PageLoading } from '../ui/PageLoading';
import { usePageTitle } from '../ui/usePageTitle';
import { useRemote } from '../ui/useRemote';
import '../styles/signed-in.css';

function MessageText({ message }: { message: SessionChatLog['messages'][number] }) {
  if (message.erasedAt !== undefined) {
    return (
      <span className="chat-log__text">
        <em>Message erased at the sender’s request</em>
      </span>
    );
  }
  if (message.removedAt === null) return <span className="chat-log__text">{message.text}</span>;
  return (
    <span className="chat-log__text">
      <em>Message removed</em>
      {message.removedText !== null && <> (removed by the tutor; it said: “{message.removedText}”)</>}
    </span>
  );
}

/**
 * `/sessions/:id/chat`: a session's chat log afterwards, for the readers the policy names. The server
 * decides who may read it and audits every reading; addresses in messages stay plain text.
 */
export function SessionChatPage({ sessionId }: { sessionId: string }) {
  usePageTitle('Chat log');
  const { state } = useRemote(() => fetchSessionChatLog(sessionId));
  return (
    <section className="card" aria-labelledby="chat-log-heading">
      <PageHeading id="chat-log-heading">Chat log</PageHeading>
      {state.kind === 'loading' && <PageLoading />}
      {state.kind === 'failed' && (
        <ErrorAlert title={describeFailure(state.error, 'admin').title}>
          <p>{describeFailure(state.error, 'admin').detail}</p>
        </ErrorAlert>
      )}
      {state.kind === 'ready' && (
        <>
          <p className="muted">
            Kept for {state.data.keptDays} days after its last message, whether or not the session was
            recorded. Your reading is recorded in the audit log.
          </p>
          {state.data.messages.length === 0 ? (
            <p>There are no messages: nobody wrote in the chat, or the log has been destroyed.</p>
          ) : (
            <table className="chat-log">
              <thead>
                <tr>
                  <th scope="col">Sent</th>
                  <th scope="col">From</th>
                  <th scope="col">Message</th>
                </tr>
              </thead>
              <tbody>
                {state.data.messages.map((m) => (
                  <tr key={m.id}>
                    <td>{formatDateTime(m.sentAt)}</td>
                    <td>
                      {m.senderName} ({roleLabel(m.senderRole)})
                    </td>
                    <td>
                      <MessageText message={m} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
