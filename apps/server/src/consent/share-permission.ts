/**
 * Letting someone share their screen (and stopping them): the tutor's call, carried out by LiveKit
 * itself through the participant's permitted sources, so a client that ignores the web app is refused
 * by the SFU too. It leaves publishing as it is: someone held back by the consent rules (rule 5) stays
 * held back, allowed to share or not. The grant is kept on the seat, so a reload (a new connection, a
 * new token) keeps it until the tutor stops it; each grant and stop is audited with it.
 */
import type { SharePermissionResponse } from '@assent/shared';
import { appendAudit, auditDenied } from '../audit/audit-log';
import type { DbOrTrx } from '../db/database';
import { AppError } from '../http/app-error';
import type { RoomService } from '../livekit/room-service';
import { call, can, seatActor } from '../people/can';
import type { ResolvedInvite } from '../sessions/resolve-invite';
import { findPersonInSession } from '../sessions/session-repository';

export interface SharePermissionDeps {
  db: DbOrTrx;
  roomService: RoomService;
  now: () => Date;
}

export async function setSharePermission(
  deps: SharePermissionDeps,
  caller: ResolvedInvite,
  change: { personId: string; mayShare: boolean },
): Promise<SharePermissionResponse> {
  const { db, roomService, now } = deps;
  const { session, person: tutor } = caller;
  const actor = seatActor(tutor);
  const target = { type: 'person', id: change.personId };
  if (!can(actor, 'call.let_share', call)) {
    await auditDenied(db, {
      actor,
      action: 'call.let_share',
      target,
      detail: { reason: 'not_tutor' },
      at: now(),
    });
    throw new AppError(403, 'forbidden', 'Only the tutor can let someone share their screen.');
  }
  const found = await findPersonInSession(db, session.id, change.personId);
  if (!found) throw new AppError(404, 'not_found', 'That person is not in this session.');
  if (found.person.role === 'tutor') {
    throw new AppError(409, 'conflict', 'The tutor may always share their screen.');
  }
  const identity = found.person.livekitIdentity;
  const present = await roomService.listParticipants(session.roomName).then(
    (listed) => listed.some((p) => p.identity === identity),
    () => unavailable(),
  );
  if (!present) throw new AppError(409, 'not_in_call', `${found.person.name} is not in the call.`);
  await roomService.setMayShare(session.roomName, identity, change.mayShare).catch(() => unavailable());
  const at = now();
  await inTransaction(db, async (trx) => {
    await trx
      .updateTable('people')
      .set({ may_share_at: change.mayShare ? at.toISOString() : null })
      .where('id', '=', change.personId)
      .execute();
    await appendAudit(trx, {
      actor,
      action: 'call.let_share',
      target,
      detail: { sessionId: session.id, personId: change.personId, mayShare: change.mayShare },
      at,
    });
  });
  return { personId: change.personId, mayShare: change.mayShare };
}

/** Whether the tutor has let this seat share (and not stopped it since): a new token carries it. */
export async function shareGranted(db: DbOrTrx, personId: string): Promise<boolean> {
  const row = await db
    .selectFrom('people')
    .select('may_share_at')
    .where('id', '=', personId)
    .executeTakeFirst();
  return row?.may_share_at != null;
}

function inTransaction(db: DbOrTrx, work: (trx: DbOrTrx) => Promise<void>): Promise<void> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

function unavailable(): never {
  throw new AppError(503, 'livekit_unavailable', 'The call service did not answer; try again.');
}
