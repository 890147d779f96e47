/**
 * Deletion requests as people read them: the requester's own (with the admin's answer) and the admin's
 * list to decide from (what each covers, how long it has waited, whether a safeguarding hold blocks it).
 */

import type { AccountRole, AdminDeletionRequest, CoveredRecording, MyDeletionRequest } from '@assent/shared';
import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../../db/database';
import type { PolicyBook } from '../../policy/policy-book';
import { purposeLabel } from '../../policy/purposes';
import { heldSessionIds } from '../../vault/lifetime/holds';
import type { DeletionRequestsTable, RecordingsTable } from '../../vault/vault-tables';

const dayMs = 86_400_000;

type RequestRow = Selectable<DeletionRequestsTable>;
type RecordingRow = Pick<Selectable<RecordingsTable>, 'id' | 'started_at' | 'created_at'>;

/**
 * Whether a request covers a recording of its session: the one it names, or (asked from the call) every
 * recording that started before the request was made.
 */
export function coversRecording(
  request: Pick<RequestRow, 'recording_id' | 'created_at'>,
  recording: RecordingRow,
): boolean {
  if (request.recording_id) return recording.id === request.recording_id;
  return (recording.started_at ?? recording.created_at) < request.created_at;
}

function toMine(row: RequestRow & { session_title: string; recorded_at: string | null }): MyDeletionRequest {
  return {
    id: row.id,
    sessionTitle: row.session_title,
    origin: row.origin,
    recordingId: row.recording_id,
    recordedAt: row.recorded_at,
    reason: row.reason,
    createdAt: row.created_at,
    status: row.status,
    decidedAt: row.decided_at,
    decisionReason: row.decision_reason,
  };
}

function requestsWithTitles(db: DbOrTrx) {
  return db
    .selectFrom('deletion_requests')
    .innerJoin('sessions', 'sessions.id', 'deletion_requests.session_id')
    .leftJoin('recordings', 'recordings.id', 'deletion_requests.recording_id')
    .selectAll('deletion_requests')
    .select(['sessions.title as session_title', 'recordings.started_at as recorded_at']);
}

/** The caller's own requests, newest first: made while signed in, or from the call by one of their seats. */
export async function myDeletionRequests(db: DbOrTrx, userId: string): Promise<MyDeletionRequest[]> {
  const rows = await requestsWithTitles(db)
    .where((eb) =>
      eb.or([
        eb('deletion_requests.requester_user_id', '=', userId),
        eb(
          'deletion_requests.requester_person_id',
          'in',
          eb.selectFrom('people').select('people.id').where('people.user_id', '=', userId),
        ),
      ]),
    )
    .orderBy('deletion_requests.created_at', 'desc')
    .execute();
  return rows.map(toMine);
}

/** Every request (or the one named), open first and oldest first, then the decided, latest decision first. */
export async function adminDeletionRequests(
  deps: { db: DbOrTrx; policies: PolicyBook },
  at: Date,
  onlyId?: string,
): Promise<AdminDeletionRequest[]> {
  const { db } = deps;
  const rows = await requestsWithTitles(db)
    .leftJoin('users as requester', 'requester.id', 'deletion_requests.requester_user_id')
    .leftJoin('people as seat', 'seat.id', 'deletion_requests.requester_person_id')
    .leftJoin('users as decider', 'decider.id', 'deletion_requests.decided_by_user_id')
    .select(['requester.role as account_role', 'seat.role as seat_role', 'decider.name as decided_by_name'])
    .$if(onlyId !== undefined, (qb) => qb.where('deletion_requests.id', '=', onlyId ?? ''))
    .execute();
  const sessionIds = [...new Set(rows.map((r) => r.session_id))];
  if (sessionIds.length === 0) return [];
  const recordings = await db
    .selectFrom('recordings')
    .select(['id', 'session_id', 'purpose', 'status', 'started_at', 'created_at'])
    .where('session_id', 'in', sessionIds)
    .orderBy('created_at')
    .execute();
  const held = await heldSessionIds(db);
  const policy = await deps.policies.current();
  const labelOf = (purpose: string) => purposeLabel(policy, purpose);

  const requests = rows.map((row): AdminDeletionRequest => {
    const covered = recordings
      .filter((r) => r.session_id === row.session_id && coversRecording(row, r))
      .map(
        (r): CoveredRecording => ({
          id: r.id,
          purpose: r.purpose,
          purposeLabel: labelOf(r.purpose),
          recordedAt: r.started_at,
          status: r.status,
        }),
      );
    const until = row.decided_at ? Date.parse(row.decided_at) : at.getTime();
    return {
      ...toMine(row),
      sessionId: row.session_id,
      requesterName: row.requester_name,
      requesterRole: (row.seat_role ?? row.account_role ?? 'student') as AccountRole,
      recordings: covered,
      openDays: Math.max(0, Math.floor((until - Date.parse(row.created_at)) / dayMs)),
      onHold: held.has(row.session_id),
      decidedByName: row.decided_by_name,
    };
  });
  const open = requests.filter((r) => r.status === 'open').sort((a, b) => cmp(a.createdAt, b.createdAt));
  const decided = requests
    .filter((r) => r.status !== 'open')
    .sort((a, b) => cmp(b.decidedAt ?? '', a.decidedAt ?? ''));
  return [...open, ...decided];
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
