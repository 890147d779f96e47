/**
 * Who is calling from inside a call: the chat and the whiteboard identify callers by
 * `Authorization: Bearer <invite token>`, the token of their seat. Reading also works for someone still in
 * the call after their invite expired; changing anything needs a live invite, an account not disabled and
 * a seat the tutor has not removed from the call.
 */
import type { Context } from 'hono';
import { isRemovedFromCall } from '../call/remove-participant';
import type { AppEnv } from '../http/app-env';
import { AppError } from '../http/app-error';
import { refuseDisabledSeat } from '../people/account-state';
import { type ResolvedInvite, resolveInvite } from '../sessions/resolve-invite';

export async function inCallCaller(
  c: Context<AppEnv>,
  options: { reading?: boolean } = {},
): Promise<ResolvedInvite> {
  const token = c.req.header('Authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!token) throw new AppError(401, 'unauthorized', 'Send your invite token as a Bearer token.');
  const { config, db, now } = c.var.deps;
  const invite = await resolveInvite(db, config.inviteSecret, token, now(), {
    allowExpired: options.reading === true,
  });
  if (!options.reading) {
    await refuseDisabledSeat(db, invite.person);
    if (await isRemovedFromCall(db, invite.person.id)) {
      throw new AppError(403, 'removed_from_call', 'The tutor removed you from this call.');
    }
  }
  return invite;
}
