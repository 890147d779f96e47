/**
 * Whether an account may act at all. An admin can disable an account (people/account-lifecycle.ts):
 * from then on better-auth refuses it a session, a request still carrying an old cookie is treated as
 * signed out, and the join links of its seats are refused. Every way in checks here.
 */
import type { BetterAuthPlugin } from 'better-auth';
import { APIError } from 'better-auth/api';
import { auditDenied } from '../audit/audit-log';
import type { Db, DbOrTrx } from '../db/database';
import { AppError } from '../http/app-error';

export const accountDisabledMessage =
  'This account has been disabled by an administrator. Ask your organisation if you think this is wrong.';

/** Whether the account exists and is disabled. */
export async function isDisabled(db: DbOrTrx, userId: string): Promise<boolean> {
  const row = await db.selectFrom('users').select('disabled_at').where('id', '=', userId).executeTakeFirst();
  return row?.disabled_at != null;
}

/** Refuses a join link (or a yes from one) whose seat belongs to a disabled account. */
export async function refuseDisabledSeat(db: DbOrTrx, seat: { userId: string | null }): Promise<void> {
  if (seat.userId && (await isDisabled(db, seat.userId))) {
    throw new AppError(403, 'account_disabled', accountDisabledMessage);
  }
}

/**
 * better-auth plugin: no new session (password, passkey or any later method) for a disabled account.
 * The refusal is audited; the sign-in entry better-auth's own hook writes never happens.
 */
export function refuseDisabledSignIn(db: Db, now: () => Date): BetterAuthPlugin {
  return {
    id: 'assent-account-state',
    init() {
      return {
        options: {
          databaseHooks: {
            session: {
              create: {
                async before(session: { userId: string }) {
                  const user = await db
                    .selectFrom('users')
                    .select(['role', 'disabled_at'])
                    .where('id', '=', session.userId)
                    .executeTakeFirst();
                  if (user?.disabled_at == null) return;
                  await auditDenied(db, {
                    actor: { userId: session.userId, role: user.role },
                    action: 'auth.sign_in',
                    target: { type: 'user', id: session.userId },
                    detail: { reason: 'account_disabled' },
                    at: now(),
                  });
                  throw APIError.from('FORBIDDEN', {
                    message: accountDisabledMessage,
                    code: 'ACCOUNT_DISABLED',
                  });
                },
              },
            },
          },
        },
      };
    },
  };
}
