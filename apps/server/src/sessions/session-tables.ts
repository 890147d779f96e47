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
  /** Scheduled start (ISO UTC); null for a session made to start at once, without a time. */
  starts_at: ColumnType<string | null, string | null | undefined, string | null>;
  duration_minutes: ColumnType<number | null, number | null | undefined, number | null>;
  /** The organiser's IANA time zone, e.g. Europe/London, that the wall-clock times were chosen in. */
  time_zone: ColumnType<string | null, string | null | undefined, string | null>;
  /** The weekly series this occurrence belongs to; null for a single session. */
  series_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** 0-based position in its series. */
  occurrence_index: ColumnType<number | null, number | null | undefined, number | null>;
  /** iCalendar SEQUENCE: raised by one on every move or cancellation mailed to people. */
  calendar_sequence: ColumnType<number, number | undefined, number>;
  /** When this occurrence was cancelled; nobody may join it and nobody is reminded of it. */
  cancelled_at: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A weekly series: its rule and first wall-clock start; each occurrence is a `sessions` row. */
export interface SessionSeriesTable {
  id: string;
  owner_user_id: string | null;
  title: string;
  time_zone: string;
  /** RFC 5545 RRULE without DTSTART, e.g. FREQ=WEEKLY;BYDAY=MO,TH;COUNT=6. */
  rule: string;
  /** The first occurrence's start as the organiser's wall clock, e.g. 2026-12-14T16:30. */
  local_start: string;
  duration_minutes: number;
  created_at: string;
  cancelled_at: ColumnType<string | null, string | null | undefined, string | null>;
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
  session_series: SessionSeriesTable;
  people: PeopleTable;
  guardian_links: GuardianLinksTable;
}
