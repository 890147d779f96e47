/**
 * A reviewer or admin joins a live call as an Observer: a seat of their own in the session (made once,
 * used again on later visits), which every screen in the call labels Observer and the consent gate counts
 * like anyone present. Nothing is hidden: the seat is in the session's people and the call's tiles.
 */
import type { ObserveResponse } from '@assent/shared';
import { appendAudit } from '../audit/audit-log';
import type { Config } from '../config';
import type { Db } from '../db/database';
import { AppError } from '../http/app-error';
import { signInvite } from '../invites/invite-token';
import { newParticipantIdentity, newPersonId } from '../opaque-ids';
import type { Actor } from '../people/actor';
import { insertPeople, listPeople, type Person, type Session } from '../sessions/session-repository';
import { isLive } from './live-sessions';

interface Deps {
  db: Db;
  config: Config;
  now: () => Date;
}

/** The caller may observe (checked by the route through `can`); this finds or makes the seat and audits it. */
export async function observeSession(deps: Deps, actor: Actor, session: Session): Promise<ObserveResponse> {
  if (!(await isLive(deps.db, session.id))) {
    throw new AppError(409, 'session_not_live', 'Nobody is in this session’s call now.');
  }
  const at = deps.now();
  const seat = await deps.db.transaction().execute(async (trx) => {
    const people = await listPeople(trx, session.id);
    const existing = people.find((p) => p.role === 'observer' && p.userId === actor.userId);
    const person: Person = existing ?? {
      id: newPersonId(),
      sessionId: session.id,
      name: actor.name,
      role: 'observer',
      minor: false,
      livekitIdentity: newParticipantIdentity(),
      createdAt: at.toISOString(),
      userId: actor.userId,
      studentId: null,
    };
    if (!existing) await insertPeople(trx, [person], people.length);
    await appendAudit(trx, {
      actor,
      action: 'session.observe',
      target: { type: 'session', id: session.id },
      detail: { personId: person.id, newSeat: !existing },
      at,
    });
    return person;
  });
  const expiresAt = new Date(Math.floor(at.getTime() / 1000 + deps.config.inviteTtlHours * 3600) * 1000);
  const token = await signInvite(
    deps.config.inviteSecret,
    { sid: session.id, pid: seat.id, role: 'observer' },
    expiresAt,
  );
  return { joinUrl: `${deps.config.publicUrl}/join/${token}` };
}
