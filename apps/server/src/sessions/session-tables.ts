import type { ColumnType, Generated } from 'kysely';

/** Timestamps are ISO-8601 UTC text and booleans are 0/1 integers, so SQLite and PostgreSQL agree. */
export interface SessionsTable {
  id: string;
  title: string;
  /** Opaque LiveKit room name; never derived from the title. */
  room_name: string;
  created_at: string;
  /** The tutor who owns it; null for sessions made before accounts. */
  owner_user_id: string | null;
}

export interface PeopleTable {
  id: string;
  session_id: string;
  name: string;
  /** 'observer': a reviewer or admin watching a live call, in a seat everyone in the call sees. */
  role: 'tutor' | 'student' | 'guardian' | 'observer';
  minor: number;
  /** Opaque LiveKit identity; never the person's name. */
  livekit_identity: string;
  /** Order people were listed in when the session was created (tutor first). */
  position: Generated<number>;
  created_at: string;
  /** The account this person signs in with, when they have one. */
  user_id: string | null;
  /** The enrolled student this person is, for students picked from the organisation's families. */
  student_id: string | null;
  /** When the tutor removed this seat from the call; it may not join again until let back in (null). */
  removed_at: ColumnType<string | null, string | null | undefined, string | null>;
  /** When the tutor let this seat share its screen (null: not let); each new LiveKit token carries it. */
  may_share_at: ColumnType<string | null, string | null | undefined, string | null>;
}

/**
 * A guardian may consent for this student (rule 3); written with the session, and added when a guardian
 * joins a family after it (sessions/guardian-seats.ts). Never changed or removed.
 */
export interface GuardianLinksTable {
  session_id: string;
  guardian_person_id: string;
  student_person_id: string;
}

export interface SessionTables {
  sessions: SessionsTable;
  people: PeopleTable;
  guardian_links: GuardianLinksTable;
}
