/** Reads of the vault's recordings and deletion records (their keys are in `wrapped-keys.ts`). */
import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../db/database';
import type { DeletionRecordsTable, RecordingState, RecordingsTable } from './vault-tables';

export interface Recording {
  id: string;
  egressId: string;
  sessionId: string;
  requestId: string | null;
  purpose: string;
  policyVersion: number;
  status: RecordingState;
  plaintextPath: string | null;
  sizeBytes: number | null;
  cipherBytes: number | null;
  startedAt: string | null;
  endedAt: string | null;
  /** When the file's media begins: its offset 0 on the wall clock; null when egress never said. */
  mediaStartedAt: string | null;
  retainUntil: string | null;
  /** The policy version whose retention set `retainUntil`. */
  retentionPolicyVersion: number | null;
  ingestAttempts: number;
  createdAt: string;
  storedAt: string | null;
  plaintextRemovedAt: string | null;
  destroyedAt: string | null;
}

const numberOrNull = (v: number | string | null) => (v === null ? null : Number(v));

export const toRecording = (row: Selectable<RecordingsTable>): Recording => ({
  id: row.id,
  egressId: row.egress_id,
  sessionId: row.session_id,
  requestId: row.request_id,
  purpose: row.purpose,
  policyVersion: Number(row.policy_version),
  status: row.status,
  plaintextPath: row.plaintext_path,
  sizeBytes: numberOrNull(row.size_bytes),
  cipherBytes: numberOrNull(row.cipher_bytes),
  startedAt: row.started_at,
  endedAt: row.ended_at,
  mediaStartedAt: row.media_started_at,
  retainUntil: row.retain_until,
  retentionPolicyVersion: row.retention_policy_version === null ? null : Number(row.retention_policy_version),
  ingestAttempts: Number(row.ingest_attempts),
  createdAt: row.created_at,
  storedAt: row.stored_at,
  plaintextRemovedAt: row.plaintext_removed_at,
  destroyedAt: row.destroyed_at,
});

export async function findRecording(db: DbOrTrx, id: string): Promise<Recording | undefined> {
  const row = await db.selectFrom('recordings').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toRecording(row);
}

export async function recordingsWithStatus(db: DbOrTrx, status: RecordingState): Promise<Recording[]> {
  const rows = await db
    .selectFrom('recordings')
    .selectAll()
    .where('status', '=', status)
    .orderBy('created_at')
    .execute();
  return rows.map(toRecording);
}

export async function sessionRecordings(db: DbOrTrx, sessionId: string): Promise<Recording[]> {
  const rows = await db
    .selectFrom('recordings')
    .selectAll()
    .where('session_id', '=', sessionId)
    .orderBy('created_at')
    .execute();
  return rows.map(toRecording);
}

/** Stored recordings whose retention ended by `at`. */
export async function expiredRecordings(db: DbOrTrx, at: Date): Promise<Recording[]> {
  const rows = await db
    .selectFrom('recordings')
    .selectAll()
    .where('status', '=', 'stored')
    .where('retain_until', '<=', at.toISOString())
    .orderBy('retain_until')
    .execute();
  return rows.map(toRecording);
}

export type DeletionRecordRow = Selectable<DeletionRecordsTable> & { decided_by_name: string | null };

export async function listDeletionRecords(db: DbOrTrx): Promise<DeletionRecordRow[]> {
  return db
    .selectFrom('deletion_records')
    .leftJoin('users', 'users.id', 'deletion_records.decided_by_user_id')
    .selectAll('deletion_records')
    .select('users.name as decided_by_name')
    .orderBy('deletion_records.destroyed_at', 'desc')
    .execute();
}
