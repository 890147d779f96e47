import type { ColumnType } from 'kysely';

export type CalendarJobKind = 'invite' | 'update' | 'cancel' | 'reminder';

/** One calendar mail to one person about one occurrence; timestamps are ISO-8601 UTC text. */
export interface CalendarJobsTable {
  id: string;
  kind: CalendarJobKind;
  session_id: string;
  recipient_user_id: string;
  /** Reminders only: minutes before the start, and the start (ISO UTC) they were planned for. */
  lead_minutes: number | null;
  planned_start: string | null;
  /** Not before this time (pushed back after a failed attempt). */
  due_at: string;
  /** Unique: the same mail is never queued twice (`reminder:<session>:<user>:<lead>:<start>`, …). */
  dedupe_key: string;
  created_at: string;
  claimed_at: string | null;
  claimed_by: string | null;
  sent_at: string | null;
  /** Finished without a mail, with the reason in `last_error`. */
  skipped_at: string | null;
  attempts: ColumnType<number, number | undefined, number>;
  last_error: string | null;
}

export interface CalendarTables {
  calendar_jobs: CalendarJobsTable;
}
