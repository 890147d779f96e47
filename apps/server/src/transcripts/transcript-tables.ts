/** Transcripts of stored recordings: a durable job per recording, the text encrypted in the vault. */
export type TranscriptState = 'queued' | 'running' | 'ready' | 'failed' | 'destroyed';

export interface TranscriptsTable {
  id: string;
  recording_id: string;
  session_id: string;
  status: TranscriptState;
  attempts: number;
  claimed_at: string | null;
  claimed_by: string | null;
  last_error: string | null;
  created_at: string;
  ready_at: string | null;
  destroyed_at: string | null;
  model: string | null;
  audio_seconds: number | null;
  transcribe_ms: number | null;
  /** The vault file holding the ciphertext. */
  blob_name: string | null;
  /** PostgreSQL returns bigint as a string. */
  cipher_bytes: number | string | null;
  word_count: number | null;
  learner_word_count: number | null;
  retain_until: string | null;
  /** JSON: a destruction deferred by a safeguarding hold. */
  destroy_after_hold: string | null;
}

/** A transcript's data key, wrapped by the key-encryption key like a recording's. */
export interface TranscriptKeysTable {
  transcript_id: string;
  kek_id: string;
  wrapped_key: string;
  wrapped_at: string;
}

export interface TranscriptTables {
  transcripts: TranscriptsTable;
  transcript_keys: TranscriptKeysTable;
}
