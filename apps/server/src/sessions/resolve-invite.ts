import type { Db } from '../db/database';
import { AppError } from '../http/app-error';
import { type VerifyOptions, verifyInvite } from '../invites/invite-token';
import { findPersonInSession, type Person, type Session } from './session-repository';

export interface ResolvedInvite {
  session: Session;
  person: Person;
  expiresAt: Date;
}

/** Verifies an invite token and loads who it admits. A valid token for a deleted session or person is 404. */
export async function resolveInvite(
  db: Db,
  secret: string,
  token: string,
  now: Date,
  options: VerifyOptions = {},
): Promise<ResolvedInvite> {
  const invite = await verifyInvite(secret, token, now, options);
  const found = await findPersonInSession(db, invite.sid, invite.pid);
  if (!found) throw new AppError(404, 'not_found', 'This session no longer exists.');
  return { ...found, expiresAt: invite.expiresAt };
}
