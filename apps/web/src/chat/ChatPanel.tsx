import type { ChatMessage } from '@assent/shared';
import { useRoomContext } from '@livekit/components-react';
import { type RemoteParticipant, RoomEvent } from 'livekit-client';
import { type FormEvent, useEffect, useState } from 'react';
import { fetchChat, removeChat, sendChat } from '../api/chat';
import { failureSentence } from '../api/failure-words';
import { ReportConcernDialog } from '../call/call-dialogs';
import { useCallSession } from '../call/call-session';
import { roleLabel } from '../call/ParticipantTileWithRole';
import { chatPacketFrom } from './chat-packet';
import { missingText, useChatStore } from './chat-store';
import './chat.css';

const timeOf = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** Keeps the chat in step with the room: the history on joining and after a reconnect, then the server's packets. */
function useChatFeed() {
  const room = useRoomContext();
  const { inviteToken, personId } = useCallSession();
  useEffect(() => {
    const store = useChatStore.getState();
    store.reset();
    let disposed = false;
    const load = () => {
      fetchChat(inviteToken).then(
        (log) => {
          if (!disposed) useChatStore.getState().loaded(log.messages);
        },
        // The next reconnect (or reload) loads it again; live messages still arrive meanwhile.
        () => {},
      );
    };
    const onData = (
      payload: Uint8Array,
      participant: RemoteParticipant | undefined,
      _kind: unknown,
      topic: string | undefined,
    ) => {
      const packet = chatPacketFrom(payload, participant, topic);
      if (!packet) return;
      const chat = useChatStore.getState();
      if (packet.type === 'message')
        chat.received(packet.message, packet.message.senderPersonId === personId);
      else if (packet.type === 'removed') chat.removed(packet.id, packet.removedAt);
      else chat.erased(packet.ids, packet.erasedAt);
    };
    load();
    room.on(RoomEvent.DataReceived, onData).on(RoomEvent.Reconnected, load);
    return () => {
      disposed = true;
      room.off(RoomEvent.DataReceived, onData).off(RoomEvent.Reconnected, load);
    };
  }, [room, inviteToken, personId]);
}

function MessageItem({
  message,
  canRemove,
  onReport,
}: {
  message: ChatMessage;
  canRemove: boolean;
  onReport: (message: ChatMessage) => void;
}) {
  const { inviteToken } = useCallSession();
  const [failure, setFailure] = useState('');
  const removed = message.removedAt !== null || message.erasedAt !== undefined;
  return (
    <li className={removed ? 'chat-message chat-message--removed' : 'chat-message'}>
      <p className="chat-message__from">
        <span className="chat-message__name">{message.senderName}</span>{' '}
        <span className="role-badge">{roleLabel(message.senderRole)}</span>{' '}
        <time className="chat-message__time" dateTime={message.sentAt}>
          {timeOf(message.sentAt)}
        </time>
      </p>
      {/* Plain text: a link shows its whole address and is never made clickable. */}
      <p className="chat-message__text">{removed ? missingText(message) : message.text}</p>
      {!removed && (
        <div className="chat-message__actions">
          {canRemove && (
            <button
              type="button"
              className="chat-message__action"
              onClick={() => {
                setFailure('');
                removeChat(inviteToken, message.id).then(
                  (m) => useChatStore.getState().removed(m.id, m.removedAt ?? new Date().toISOString()),
                  (error) => setFailure(failureSentence(error, 'call-chat')),
                );
              }}
            >
              Remove
            </button>
          )}
          <button type="button" className="chat-message__action" onClick={() => onReport(message)}>
            Report
          </button>
        </div>
      )}
      {failure && (
        <p className="chat-message__error" role="alert">
          Not removed. {failure}
        </p>
      )}
    </li>
  );
}

/**
 * The room-wide chat: everyone in the call sees every message (there are no private messages). Always
 * mounted, so messages are counted and announced while the panel is closed; shown when "Chat" is open.
 */
export function ChatPanel() {
  useChatFeed();
  const { inviteToken, personId, role } = useCallSession();
  const open = useChatStore((s) => s.open);
  const messages = useChatStore((s) => s.messages);
  const announcement = useChatStore((s) => s.announcement);
  const setOpen = useChatStore((s) => s.setOpen);
  const [draft, setDraft] = useState('');
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState('');
  const [reporting, setReporting] = useState<ChatMessage | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const text = draft.trim();
    if (!text || sending) return;
    setSending(true);
    setFailure('');
    try {
      const message = await sendChat(inviteToken, { text });
      useChatStore.getState().received(message, message.senderPersonId === personId);
      setDraft('');
    } catch (error) {
      setFailure(failureSentence(error, 'call-chat'));
    } finally {
      setSending(false);
    }
  };

  return (
    <>
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
      {open && (
        <section id="call-chat" className="chat-panel" aria-label="Chat">
          <div className="chat-panel__head">
            <h2 className="chat-panel__title">Chat</h2>
            <button type="button" className="lk-button chat-panel__close" onClick={() => setOpen(false)}>
              Close chat
            </button>
          </div>
          <p className="chat-panel__hint">
            Everyone in the call sees every message. The chat is kept with the session.
          </p>
          {messages.length === 0 ? (
            <p className="chat-panel__empty">No messages yet.</p>
          ) : (
            <ol className="chat-panel__messages">
              {messages.map((m) => (
                <MessageItem key={m.id} message={m} canRemove={role === 'tutor'} onReport={setReporting} />
              ))}
            </ol>
          )}
          <form className="chat-panel__form" onSubmit={submit}>
            <label className="visually-hidden" htmlFor="call-chat-message">
              Message
            </label>
            <textarea
              id="call-chat-message"
              className="chat-panel__input"
              rows={2}
              maxLength={2000}
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && !e.shiftKey) {
                  e.preventDefault();
                  e.currentTarget.form?.requestSubmit();
                }
              }}
            />
            <button
              type="submit"
              className="lk-button chat-panel__send"
              aria-busy={sending}
              disabled={sending || draft.trim() === ''}
            >
              Send
            </button>
          </form>
          {failure && (
            <p className="chat-panel__error" role="alert">
              Not sent. {failure}
            </p>
          )}
        </section>
      )}
      {reporting && <ReportConcernDialog chatMessage={reporting} onClose={() => setReporting(null)} />}
    </>
  );
}
