/**
 * Our rules on better-auth's own routes, run before its handlers: names set through `update-user` obey
 * `PersonName` (length, no control or bidi characters) like every other name in Assent; new passwords
 * (change, reset) must not be guessable; and changing a password always signs out every other session.
 */
import { PersonName } from '@assent/shared';
import { APIError, createAuthMiddleware } from 'better-auth/api';
import type { Db } from '../db/database';
import { guessablePasswordMessage, isGuessablePassword } from './password-strength';

type Body = Record<string, unknown> | undefined;

export function authRules(db: Db) {
  return createAuthMiddleware(async (ctx) => {
    const body = ctx.body as Body;
    if ((ctx.path === '/update-user' || ctx.path === '/sign-up/email') && body && 'name' in body) {
      const name = PersonName.safeParse(body.name);
      if (!name.success) {
        throw new APIError('BAD_REQUEST', {
          code: 'VALIDATION_FAILED',
          message: name.error.issues[0]?.message ?? 'The name is not valid',
        });
      }
      return { context: { body: { ...body, name: name.data } } };
    }
    if (ctx.path === '/change-password' && body) {
      const user = ctx.context.session?.user;
      await refuseGuessable(body.newPassword, user ? [user.email, user.name] : []);
      // Whoever may have learnt the old password loses every session it opened.
      return { context: { body: { ...body, revokeOtherSessions: true } } };
    }
    if (ctx.path === '/reset-password' && body) {
      const email = await emailOfResetToken(db, body.token);
      await refuseGuessable(body.newPassword, email ? [email] : []);
    }
    return;
  });
}

async function refuseGuessable(password: unknown, userInputs: string[]): Promise<void> {
  if (typeof password !== 'string') return;
  if (await isGuessablePassword(password, userInputs)) {
    throw new APIError('BAD_REQUEST', { code: 'PASSWORD_TOO_COMMON', message: guessablePasswordMessage });
  }
}

/** The address a (still stored) reset token belongs to, so a password made of it is refused too. */
async function emailOfResetToken(db: Db, token: unknown): Promise<string | undefined> {
  if (typeof token !== 'string' || !token) return undefined;
  const row = await db
    .selectFrom('auth_verifications')
    .innerJoin('users', 'users.id', 'auth_verifications.value')
    .select('users.email')
    .where('auth_verifications.identifier', '=', `reset-password:${token}`)
    .executeTakeFirst();
  return row?.email;
}
