/** The in-call chat log: part of the session record, kept by the policy's chat-log retention. */
export interface ChatMessagesTable {
  id: string;
  session_id: string;
  /** The sender's seat (people.id) and their LiveKit identity at sending. */
  sender_person_id: string;
  sender_identity: string;
  /** Name and role at sending, kept as they were. */
  sender_name: string;
  sender_role: string;
  text: string;
  sent_at: string;
  /** Set when the tutor removed it for everyone; the text is kept for reviewers. */
  removed_at: string | null;
  removed_by_person_id: string | null;
  /** Set when the policy's "erase" withdrawal rule erased it: the text is then empty, the row kept. */
  erased_at: string | null;
}

export interface ChatTables {
  chat_messages: ChatMessagesTable;
}
