/**
 * Participants' requests for early deletion. Received here (with the audit entry in the same
 * transaction); deciding them is an admin's, case by case (Hearken). One open request per person and
 * session: asking again returns the one already open.
 */
import type { DeletionRequestReceipt } from '@assent/shared';
import { appendAudit } from '../audit/audit-log';
import type { Db } from '../db/database';
import { newDeletionRequestId } from '../opaque-ids';

export interface DeletionRequester {
  sessionId: string;
  personId: string | null;
  userId: string | null;
  name: string;
  /** For the audit entry: the session role or account role. */
  role: string;
}

export async function receiveDeletionRequest(
  deps: { db: Db; now: () => Date },
  requester: DeletionRequester,
  origin: 'withdrawal' | 'recordings_page',
): Promise<{ receipt: DeletionRequestReceipt; created: boolean }> {
  return deps.db.transaction().execute(async (trx) => {
    const open = await trx
      .selectFrom('deletion_requests')
      .select(['id', 'status', 'created_at'])
      .where('session_id', '=', requester.sessionId)
      .where('status', '=', 'open')
      .where((eb) =>
        requester.personId
          ? eb('requester_person_id', '=', requester.personId)
          : eb('requester_user_id', '=', requester.userId ?? ''),
      )
      .executeTakeFirst();
    if (open)
      return { receipt: { id: open.id, status: open.status, receivedAt: open.created_at }, created: false };
    const at = deps.now();
    const id = newDeletionRequestId();
    await trx
      .insertInto('deletion_requests')
      .values({
        id,
        session_id: requester.sessionId,
        recording_id: null,
        requester_person_id: requester.personId,
        requester_user_id: requester.userId,
        requester_name: requester.name,
        origin,
        status: 'open',
        reason: null,
        created_at: at.toISOString(),
      })
      .execute();
    await appendAudit(trx, {
      actor: { userId: requester.userId, role: requester.role },
      action: 'deletion_request.receive',
      target: { type: 'session', id: requester.sessionId },
      detail: { requestId: id, origin, personId: requester.personId },
      at,
    });
    return { receipt: { id, status: 'open', receivedAt: at.toISOString() }, created: true };
  });
}
