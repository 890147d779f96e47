import type { Generated } from 'kysely';

/** The vault's tables: recordings, their wrapped data keys, audited views and deletion records. */
export type RecordingState = 'pending' | 'stored' | 'destroyed' | 'lost';

export interface RecordingsTable {
  id: string;
  egress_id: string;
  session_id: string;
  request_id: string | null;
  purpose: string;
  policy_version: number;
  status: RecordingState;
  /** Where egress wrote the file; cleared once the plaintext is removed. */
  plaintext_path: string | null;
  /** PostgreSQL returns bigint as a string. */
  size_bytes: number | string | null;
  cipher_bytes: number | string | null;
  started_at: string | null;
  ended_at: string | null;
  /** When the file's media begins (egress's report; later than `started_at`); null when unknown. */
  media_started_at: string | null;
  retain_until: string | null;
  /** The policy version whose retention set `retain_until` (a later, shorter one moves it earlier). */
  retention_policy_version: number | null;
  ingest_attempts: Generated<number>;
  ingest_error: string | null;
  created_at: string;
  stored_at: string | null;
  plaintext_removed_at: string | null;
  destroyed_at: string | null;
  /** JSON: a destruction (withdrawal under "erase", an approved request) deferred by a safeguarding hold. */
  destroy_after_hold: string | null;
}

export interface RecordingKeysTable {
  recording_id: string;
  kek_id: string;
  wrapped_key: string;
  wrapped_at: string;
}

export interface RecordingViewsTable {
  id: string;
  recording_id: string;
  user_id: string;
  access: string;
  created_at: string;
  expires_at: string;
}

export interface DeletionRecordsTable {
  id: string;
  recording_id: string;
  session_id: string;
  session_title: string;
  purpose: string;
  recorded_at: string | null;
  destroyed_at: string;
  reason: 'retention' | 'withdrawal' | 'decision';
  detail: string;
  decided_by_user_id: string | null;
}

export interface DeletionRequestsTable {
  id: string;
  session_id: string;
  recording_id: string | null;
  requester_person_id: string | null;
  requester_user_id: string | null;
  requester_name: string;
  origin: 'withdrawal' | 'recordings_page';
  status: 'open' | 'approved' | 'refused';
  reason: string | null;
  created_at: string;
  decided_at: string | null;
  decided_by_user_id: string | null;
  decision_reason: string | null;
}

export interface VaultTables {
  recordings: RecordingsTable;
  recording_keys: RecordingKeysTable;
  recording_views: RecordingViewsTable;
  deletion_records: DeletionRecordsTable;
  deletion_requests: DeletionRequestsTable;
}
