/**
 * Letting someone share their screen (and stopping them): the tutor's call, carried out by LiveKit
 * itself through the participant's permitted sources, so a client that ignores the web app is refused
 * by the SFU too. It leaves publishing as it is: someone held back by the consent rules (rule 5) stays
 * held back, allowed to share or not. Lasts for that person's connection; each grant and stop is audited.
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
  await appendAudit(db, {
    actor,
    action: 'call.let_share',
    target,
    detail: { sessionId: session.id, personId: change.personId, mayShare: change.mayShare },
    at: now(),
  });
  return { personId: change.personId, mayShare: change.mayShare };
}

function unavailable(): never {
  throw new AppError(503, 'livekit_unavailable', 'The call service did not answer; try again.');
}
