import type { ChatMessage } from '@assent/shared';
import { create } from 'zustand';
import { roleLabel } from '../call/ParticipantTileWithRole';

/** The call's chat on this screen: its own small store, apart from the consent state. */
export interface ChatState {
  messages: ChatMessage[];
  open: boolean;
  /** Messages from others that arrived while the panel was closed. */
  unread: number;
  /** What the polite live region says about the newest message from someone else. */
  announcement: string;
  setOpen: (open: boolean) => void;
  /** The history from the server: merged with anything that arrived meanwhile, by id. */
  loaded: (messages: ChatMessage[]) => void;
  /** A message from the room or from this person's own send; `mine` never counts as unread. */
  received: (message: ChatMessage, mine: boolean) => void;
  removed: (id: string, removedAt: string) => void;
  /** The sender withdrew under the "erase" rule: these messages lose their text on every screen. */
  erased: (ids: readonly string[], erasedAt: string) => void;
  reset: () => void;
}

const bySent = (a: ChatMessage, b: ChatMessage) =>
  a.sentAt === b.sentAt ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.sentAt < b.sentAt ? -1 : 1;

/** A removal or an erasure wins over an older copy of the same message, whichever arrived first. */
function merge(current: ChatMessage[], incoming: ChatMessage[]): ChatMessage[] {
  const byId = new Map(current.map((m) => [m.id, m]));
  for (const m of incoming) {
    const had = byId.get(m.id);
    byId.set(m.id, had?.removedAt || had?.erasedAt ? had : m);
  }
  return [...byId.values()].sort(bySent);
}

/** What a message without its text says instead. */
export const missingText = (m: ChatMessage) =>
  m.erasedAt ? 'Message erased at the sender’s request' : 'Message removed';

export const announcementOf = (m: ChatMessage) =>
  `${m.senderName} (${roleLabel(m.senderRole)}): ${m.text ?? missingText(m)}`;

const empty = { messages: [], open: false, unread: 0, announcement: '' };

export const useChatStore = create<ChatState>()((set) => ({
  ...empty,
  setOpen: (open) => set(open ? { open, unread: 0 } : { open }),
  loaded: (messages) => set((s) => ({ messages: merge(s.messages, messages) })),
  received: (message, mine) =>
    set((s) => {
      if (s.messages.some((m) => m.id === message.id)) return {};
      return {
        messages: merge(s.messages, [message]),
        unread: mine || s.open ? s.unread : s.unread + 1,
        announcement: mine ? s.announcement : announcementOf(message),
      };
    }),
  removed: (id, removedAt) =>
    set((s) => ({
      messages: s.messages.map((m) => (m.id === id ? { ...m, text: null, removedAt } : m)),
    })),
  erased: (ids, erasedAt) =>
    set((s) => ({
      messages: s.messages.map((m) => (ids.includes(m.id) ? { ...m, text: null, erasedAt } : m)),
    })),
  reset: () => set(empty),
}));
