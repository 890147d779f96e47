/**
 * Participants' requests for early deletion. Received here (with the audit entry in the same
 * transaction); deciding them is an admin's, case by case (Hearken; `rights/deletion/deletion-decision.ts`).
 * One open request per person and thing asked about: asking again returns the one already open.
 */
import type { DeletionRequestOrigin, DeletionRequestReceipt } from '@assent/shared';
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

export interface DeletionRequestInput {
  origin: DeletionRequestOrigin;
  /** One recording (from its page); null: every recording of the session made before the request. */
  recordingId?: string | null;
  /** The requester's own words, if any. */
  reason?: string | null;
}

/** Audit actions: the call's one click is "received"; a request from a recording's page is "created". */
const auditActionOf: Record<DeletionRequestOrigin, string> = {
  withdrawal: 'deletion_request.receive',
  recordings_page: 'deletion_request.create',
};

export async function receiveDeletionRequest(
  deps: { db: Db; now: () => Date },
  requester: DeletionRequester,
  input: DeletionRequestInput | DeletionRequestOrigin,
): Promise<{ receipt: DeletionRequestReceipt; created: boolean }> {
  const { origin, recordingId = null, reason = null } = typeof input === 'string' ? { origin: input } : input;
  return deps.db.transaction().execute(async (trx) => {
    const open = await trx
      .selectFrom('deletion_requests')
      .select(['id', 'status', 'created_at'])
      .where('session_id', '=', requester.sessionId)
      .where('status', '=', 'open')
      .where((eb) => (recordingId ? eb('recording_id', '=', recordingId) : eb('recording_id', 'is', null)))
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
        recording_id: recordingId,
        requester_person_id: requester.personId,
        requester_user_id: requester.userId,
        requester_name: requester.name,
        origin,
        status: 'open',
        reason: reason || null,
        created_at: at.toISOString(),
      })
      .execute();
    await appendAudit(trx, {
      actor: { userId: requester.userId, role: requester.role },
      action: auditActionOf[origin],
      target: recordingId
        ? { type: 'recording', id: recordingId }
        : { type: 'session', id: requester.sessionId },
      detail: { requestId: id, origin, personId: requester.personId, sessionId: requester.sessionId },
      at,
    });
    return { receipt: { id, status: 'open', receivedAt: at.toISOString() }, created: true };
  });
}
