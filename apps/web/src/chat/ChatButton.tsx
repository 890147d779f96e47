import { ChatIcon } from '@livekit/components-react';
import { useChatStore } from './chat-store';

/** "Chat" in the control bar: opens and closes the panel; while closed it shows how many are unread. */
export function ChatButton() {
  const open = useChatStore((s) => s.open);
  const unread = useChatStore((s) => s.unread);
  const setOpen = useChatStore((s) => s.setOpen);
  return (
    <button
      type="button"
      className="lk-button chat-button"
      aria-expanded={open}
      aria-controls="call-chat"
      aria-label={!open && unread > 0 ? `Chat (${unread} unread)` : undefined}
      onClick={() => setOpen(!open)}
    >
      <ChatIcon aria-hidden="true" />
      <span className="control-label">Chat</span>
      {!open && unread > 0 && (
        <span className="chat-button__unread" aria-hidden="true">
          {unread}
        </span>
      )}
    </button>
  );
}
