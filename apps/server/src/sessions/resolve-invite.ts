import type { Db } from '../db/database';
import { AppError } from '../http/app-error';
import { type VerifyOptions, verifyInvite } from '../invites/invite-token';
import { refuseReplacedLink, seatLinkVersions } from '../invites/seat-link-version';
import { findPersonInSession, type Person, type Session } from './session-repository';

export interface ResolvedInvite {
  session: Session;
  person: Person;
  expiresAt: Date;
}

/**
 * Verifies an invite token and loads who it admits. A valid token for a deleted session or person is 404;
 * one made before the seat's link was replaced is 410 link_replaced, whatever it is used for (saying no
 * included: the seat's holder has the newer link, and their client holds its media back on its own when
 * a withdrawal cannot be confirmed, rule 8).
 */
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
  const versions = await seatLinkVersions(db, [found.person.id]);
  refuseReplacedLink(invite.v, versions.get(found.person.id) ?? 0);
  return { ...found, expiresAt: invite.expiresAt };
}
