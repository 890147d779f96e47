/** The consent machine's stored state, the append-only consent log, and the egresses that recorded. */
export interface SessionConsentTable {
  session_id: string;
  /** The machine's ConsentState as JSON; null until the first transition (a fresh state). */
  state: string | null;
  /** Bumped by every saved transition, so readers can tell whether what they saw is still current. */
  version: number;
  updated_at: string;
}

export interface ConsentLogTable {
  id: string;
  /** Order within the session: the session row's version when the entry was written. */
  seq: number;
  session_id: string;
  person_id: string;
  person_name: string;
  role: string;
  kind: 'request' | 'consent' | 'decline' | 'withdraw' | 'cancel';
  request_id: string;
  purpose: string;
  /** The recording notice version the person was shown. */
  notice_version: string;
  /** Unique per person: a retried command finds its earlier entry and writes nothing. */
  client_request_id: string;
  user_agent: string | null;
  at: string;
}

export interface RecordingSegmentsTable {
  egress_id: string;
  session_id: string;
  request_id: string | null;
  /** EgressStatus by name. */
  status: string;
  /** When egress began its work (a room composite's file starts later: `media_started_at`). */
  started_at: string | null;
  ended_at: string | null;
  /** When the file's media begins, as egress reported it; null when it never said. */
  media_started_at: string | null;
  /** What egress reported as its file name: kept for the record, never opened or deleted. */
  file_path: string | null;
  /** The path Assent chose when it started this egress; null when Assent never started it. */
  chosen_path: string | null;
  error: string | null;
  updated_at: string;
}

/** A guardian's consent ahead of a session for their child's seat; the latest row per child counts. */
export interface AdvanceConsentsTable {
  id: string;
  session_id: string;
  student_person_id: string;
  guardian_person_id: string;
  guardian_user_id: string;
  /** JSON array of purpose ids; empty when withdrawn. */
  purposes: string;
  policy_version: number;
  at: string;
}

export interface ConsentTables {
  session_consent: SessionConsentTable;
  consent_log: ConsentLogTable;
  recording_segments: RecordingSegmentsTable;
  advance_consents: AdvanceConsentsTable;
}
