/** Access requests as stored: received, then answered once with a JSON snapshot of what was held. */
import { randomBytes } from 'node:crypto';
import type { AccessRequest, AdminAccessRequest } from '@assent/shared';
import { PostgresAdapter, type Selectable } from 'kysely';
import type { DbOrTrx } from '../db/database';
import type { AccessRequestsTable } from './rights-tables';

const dayMs = 86_400_000;

export type AccessRequestRow = Selectable<AccessRequestsTable>;

/** Unguessable, and says nothing about who asked. */
export const newAccessRequestId = () => `areq_${randomBytes(16).toString('base64url')}`;

export const toAccessRequest = (row: AccessRequestRow): AccessRequest => ({
  id: row.id,
  subjectKind: row.subject_kind,
  subjectName: row.subject_name,
  status: row.status,
  receivedAt: row.created_at,
  answeredAt: row.answered_at,
});

export async function findAccessRequest(
  db: DbOrTrx,
  id: string,
  options: { lock?: boolean } = {},
): Promise<AccessRequestRow | undefined> {
  const lock = options.lock && db.getExecutor().adapter instanceof PostgresAdapter;
  return db
    .selectFrom('access_requests')
    .selectAll()
    .where('id', '=', id)
    .$if(Boolean(lock), (qb) => qb.forUpdate())
    .executeTakeFirst();
}

/** The requester's still-open request about the same subject, if there is one. */
export async function findOpenAccessRequest(
  db: DbOrTrx,
  requesterUserId: string,
  studentId: string | null,
): Promise<AccessRequestRow | undefined> {
  return db
    .selectFrom('access_requests')
    .selectAll()
    .where('requester_user_id', '=', requesterUserId)
    .where('status', '=', 'received')
    .where((eb) =>
      studentId === null
        ? eb('subject_kind', '=', 'self')
        : eb.and([eb('subject_kind', '=', 'student'), eb('subject_student_id', '=', studentId)]),
    )
    .orderBy('created_at')
    .executeTakeFirst();
}

export async function insertAccessRequest(db: DbOrTrx, row: AccessRequestRow): Promise<void> {
  await db.insertInto('access_requests').values(row).execute();
}

/** The requester's own requests, newest first. */
export async function listOwnAccessRequests(db: DbOrTrx, requesterUserId: string) {
  return db
    .selectFrom('access_requests')
    .selectAll()
    .where('requester_user_id', '=', requesterUserId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** Every request for the admins: open ones first, the longest waiting first; then the latest answered. */
export async function listAllAccessRequests(db: DbOrTrx, now: Date): Promise<AdminAccessRequest[]> {
  const rows = await db
    .selectFrom('access_requests')
    .innerJoin('users as requester', 'requester.id', 'access_requests.requester_user_id')
    .leftJoin('users as answerer', 'answerer.id', 'access_requests.answered_by_user_id')
    .selectAll('access_requests')
    .select(['requester.name as requester_name', 'answerer.name as answerer_name'])
    .execute();
  const open = rows.filter((r) => r.status === 'received').sort(byOldest);
  const answered = rows
    .filter((r) => r.status === 'answered')
    .sort((a, b) => (b.answered_at ?? '').localeCompare(a.answered_at ?? ''));
  return [...open, ...answered].map((row) => ({
    ...toAccessRequest(row),
    requesterName: row.requester_name,
    openDays: Math.max(
      0,
      Math.floor(
        ((row.answered_at ? Date.parse(row.answered_at) : now.getTime()) - Date.parse(row.created_at)) /
          dayMs,
      ),
    ),
    answeredByName: row.answerer_name ?? null,
  }));
}

const byOldest = (a: AccessRequestRow, b: AccessRequestRow) =>
  a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id);

/** Records the answer, unless someone answered it first (false). */
export async function markAnswered(
  db: DbOrTrx,
  id: string,
  answer: { json: string; at: string; byUserId: string },
): Promise<boolean> {
  const result = await db
    .updateTable('access_requests')
    .set({
      status: 'answered',
      answered_at: answer.at,
      answered_by_user_id: answer.byUserId,
      answer: answer.json,
    })
    .where('id', '=', id)
    .where('status', '=', 'received')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
