/** Access requests as stored: received, then answered once with a JSON snapshot of what was held. */
import { randomBytes } from 'node:crypto';
import type { AccessRequest, AccessRequestStage, AdminAccessRequest } from '@assent/shared';
import { PostgresAdapter, type Selectable } from 'kysely';
import type { DbOrTrx } from '../../db/database';
import type { AccessRequestsTable } from '../rights-tables';

const dayMs = 86_400_000;

export type AccessRequestRow = Selectable<AccessRequestsTable>;

/** Unguessable, and says nothing about who asked. */
export const newAccessRequestId = () => `areq_${randomBytes(16).toString('base64url')}`;

/** The request as its requester sees it: answered only once an admin released the answer. */
export const toAccessRequest = (row: AccessRequestRow): AccessRequest => ({
  id: row.id,
  subjectKind: row.subject_kind,
  subjectName: row.subject_name,
  status: row.released_at ? 'answered' : 'received',
  receivedAt: row.created_at,
  answeredAt: row.released_at,
});

export const stageOf = (row: AccessRequestRow): AccessRequestStage =>
  row.released_at ? 'released' : row.status === 'answered' ? 'draft' : 'received';

/** The released answer's JSON, or null while there is none the requester may read. */
export const releasedAnswer = (row: AccessRequestRow): string | null => (row.released_at ? row.answer : null);

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

/** Every request for the admins: open ones first (unreleased drafts too), the longest waiting first; then the latest released. */
export async function listAllAccessRequests(db: DbOrTrx, now: Date): Promise<AdminAccessRequest[]> {
  const rows = await adminRows(db).execute();
  const open = rows.filter((r) => !r.released_at).sort(byOldest);
  const released = rows
    .filter((r) => r.released_at)
    .sort((a, b) => (b.released_at ?? '').localeCompare(a.released_at ?? ''));
  return [...open, ...released].map((row) => toAdminAccessRequest(row, now));
}

/** One request for the admins, or undefined. */
export async function findAdminAccessRequest(db: DbOrTrx, id: string) {
  return adminRows(db).where('access_requests.id', '=', id).executeTakeFirst();
}

const adminRows = (db: DbOrTrx) =>
  db
    .selectFrom('access_requests')
    .innerJoin('users as requester', 'requester.id', 'access_requests.requester_user_id')
    .leftJoin('users as answerer', 'answerer.id', 'access_requests.answered_by_user_id')
    .leftJoin('users as releaser', 'releaser.id', 'access_requests.released_by_user_id')
    .selectAll('access_requests')
    .select([
      'requester.name as requester_name',
      'answerer.name as answerer_name',
      'releaser.name as releaser_name',
    ]);

type AdminRow = AccessRequestRow & {
  requester_name: string;
  answerer_name: string | null;
  releaser_name: string | null;
};

export function toAdminAccessRequest(row: AdminRow, now: Date): AdminAccessRequest {
  return {
    ...toAccessRequest(row),
    requesterName: row.requester_name,
    openDays: Math.max(
      0,
      Math.floor(
        ((row.released_at ? Date.parse(row.released_at) : now.getTime()) - Date.parse(row.created_at)) /
          dayMs,
      ),
    ),
    answeredByName: row.answerer_name ?? null,
    stage: stageOf(row),
    compiledAt: row.answered_at,
    releasedAt: row.released_at,
    releasedByName: row.releaser_name ?? null,
  };
}

const byOldest = (a: AccessRequestRow, b: AccessRequestRow) =>
  a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id);

/** Records the answer, unless someone answered it first (false). */
export async function markAnswered(
  db: DbOrTrx,
  id: string,
  answer: { json: string; withheld: string; at: string; byUserId: string },
): Promise<boolean> {
  const result = await db
    .updateTable('access_requests')
    .set({
      status: 'answered',
      answered_at: answer.at,
      answered_by_user_id: answer.byUserId,
      answer: answer.json,
      withheld: answer.withheld,
    })
    .where('id', '=', id)
    .where('status', '=', 'received')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Releases a compiled answer to its requester, unless it is not compiled or was released first (false). */
export async function markReleased(db: DbOrTrx, id: string, at: string, byUserId: string): Promise<boolean> {
  const result = await db
    .updateTable('access_requests')
    .set({ released_at: at, released_by_user_id: byUserId })
    .where('id', '=', id)
    .where('status', '=', 'answered')
    .where('released_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
