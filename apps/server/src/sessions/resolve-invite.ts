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

export interface ResolveOptions extends VerifyOptions {
  /**
   * Accept a link made before the seat's link was replaced. SECURITY: only for saying no (decline,
   * withdraw) and reading the consent state: someone in the call when their guardian replaced the link
   * must still be able to stop the recording (saying no is never harder than saying yes), and a leaked
   * old link can do no more than stop it. Everything else (joining, requests, rights) is refused.
   */
  allowReplaced?: boolean;
}

/**
 * Verifies an invite token and loads who it admits. A valid token for a deleted session or person is 404;
 * one made before the seat's link was replaced is 410 link_replaced, unless it is only saying no.
 */
export async function resolveInvite(
  db: Db,
  secret: string,
  token: string,
  now: Date,
  options: ResolveOptions = {},
): Promise<ResolvedInvite> {
  const invite = await verifyInvite(secret, token, now, options);
  const found = await findPersonInSession(db, invite.sid, invite.pid);
  if (!found) throw new AppError(404, 'not_found', 'This session no longer exists.');
  if (!options.allowReplaced) {
    const versions = await seatLinkVersions(db, [found.person.id]);
    refuseReplacedLink(invite.v, versions.get(found.person.id) ?? 0);
  }
  return { ...found, expiresAt: invite.expiresAt };
}
