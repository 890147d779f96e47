/**
 * The session's shared whiteboard: one row per session, made when the tutor first opens it. Booleans are
 * stored as 0/1 on both databases; the picture is bytes (SQLite blob, PostgreSQL bytea).
 */
export interface SessionBoardsTable {
  session_id: string;
  open: number;
  locked: number;
  /** Goes up by one with every accepted update that changed an element. */
  revision: number;
  /** The editor's elements, as JSON text (an array). */
  elements: string;
  /** The newest picture a browser sent (PNG), and the revision it shows. */
  image: Uint8Array | null;
  image_revision: number | null;
  updated_at: string;
  /** Set when the session ended: from then on the row is the saved board, kept with the chat log. */
  saved_at: string | null;
}

export interface BoardTables {
  session_boards: SessionBoardsTable;
}
