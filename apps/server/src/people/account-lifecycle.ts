/**
 * Access that ends when it should: an administrator disables or re-enables an account, signs someone
 * out everywhere, or moves a staff account to another staff role. Each change, the sign-ins it ends
 * and its audit entry (who, why) are one transaction; taking a disabled account out of live calls
 * follows the commit (LiveKit is not part of the transaction, and the join links are refused already).
 */
import type { AccountActionResult, StaffRole } from '@assent/shared';
import type { Logger } from 'pino';
import { appendAudit } from '../audit/audit-log';
import type { Db, DbOrTrx } from '../db/database';
import { AppError } from '../http/app-error';
import { removeAccountFromCalls } from '../livekit/remove-from-calls';
import type { RoomService } from '../livekit/room-service';
import type { Actor } from './actor';

export interface LifecycleDeps {
  db: Db;
  roomService: RoomService;
  logger: Logger;
  now: () => Date;
}

const staffRoles: readonly string[] = ['admin', 'reviewer', 'tutor'] satisfies StaffRole[];

interface Account {
  id: string;
  role: string;
  disabledAt: string | null;
}

async function accountOr404(trx: DbOrTrx, userId: string): Promise<Account> {
  const row = await trx
    .selectFrom('users')
    .select(['id', 'role', 'disabled_at'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!row) throw new AppError(404, 'not_found', 'There is no such account.');
  return { id: row.id, role: row.role, disabledAt: row.disabled_at };
}

/** An organisation must keep an administrator who can sign in. */
async function refuseLosingLastAdmin(trx: DbOrTrx, account: Account, what: string): Promise<void> {
  if (account.role !== 'admin' || account.disabledAt) return;
  const others = await trx
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'admin')
    .where('disabled_at', 'is', null)
    .where('id', '!=', account.id)
    .limit(1)
    .executeTakeFirst();
  if (!others) {
    throw new AppError(409, 'conflict', `This is the only administrator who can sign in; ${what}.`);
  }
}

async function endSessions(trx: DbOrTrx, userId: string): Promise<number> {
  const result = await trx.deleteFrom('auth_sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

const result = (account: Account, sessionsEnded: number): AccountActionResult => ({
  userId: account.id,
  role: account.role,
  disabledAt: account.disabledAt,
  sessionsEnded,
  removedFromCalls: 0,
  callRemovalFailures: 0,
});

/** Refuses sign-in from now on, ends every sign-in, then takes the account out of live calls. */
export async function disableAccount(
  deps: LifecycleDeps,
  actor: Actor,
  userId: string,
  reason: string,
): Promise<AccountActionResult> {
  if (userId === actor.userId) {
    throw new AppError(409, 'conflict', 'You cannot disable your own account.');
  }
  const at = deps.now();
  const done = await deps.db.transaction().execute(async (trx) => {
    const account = await accountOr404(trx, userId);
    if (account.disabledAt) throw new AppError(409, 'conflict', 'This account is already disabled.');
    await refuseLosingLastAdmin(trx, account, 'invite or enable another first');
    await trx.updateTable('users').set({ disabled_at: at.toISOString() }).where('id', '=', userId).execute();
    const sessionsEnded = await endSessions(trx, userId);
    await appendAudit(trx, {
      actor,
      action: 'account.disable',
      target: { type: 'user', id: userId },
      detail: { reason, role: account.role, sessionsEnded },
      at,
    });
    return result({ ...account, disabledAt: at.toISOString() }, sessionsEnded);
  });
  const calls = await removeAccountFromCalls(deps, userId);
  if (calls.removed > 0 || calls.failed > 0) {
    deps.logger.info({ userId, ...calls }, 'disabled account taken out of live calls');
  }
  return { ...done, removedFromCalls: calls.removed, callRemovalFailures: calls.failed };
}

/** Lets a disabled account sign in again (its old sign-ins stay ended). */
export async function enableAccount(
  deps: LifecycleDeps,
  actor: Actor,
  userId: string,
  reason: string,
): Promise<AccountActionResult> {
  const at = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const account = await accountOr404(trx, userId);
    if (!account.disabledAt) throw new AppError(409, 'conflict', 'This account is not disabled.');
    await trx.updateTable('users').set({ disabled_at: null }).where('id', '=', userId).execute();
    await appendAudit(trx, {
      actor,
      action: 'account.enable',
      target: { type: 'user', id: userId },
      detail: { reason, role: account.role, disabledSince: account.disabledAt },
      at,
    });
    return result({ ...account, disabledAt: null }, 0);
  });
}

/** Ends every sign-in of the account on every device; it may sign in again. */
export async function signOutEverywhere(
  deps: LifecycleDeps,
  actor: Actor,
  userId: string,
  reason: string,
): Promise<AccountActionResult> {
  const at = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const account = await accountOr404(trx, userId);
    const sessionsEnded = await endSessions(trx, userId);
    await appendAudit(trx, {
      actor,
      action: 'account.sign_out_everywhere',
      target: { type: 'user', id: userId },
      detail: { reason, sessionsEnded },
      at,
    });
    return result(account, sessionsEnded);
  });
}

/**
 * Moves a staff account to another staff role. What the account may do follows at once: roles are
 * read afresh on every request, so a former tutor's next request (a recording's media included) is
 * decided as a reviewer or administrator.
 */
export async function changeStaffRole(
  deps: LifecycleDeps,
  actor: Actor,
  userId: string,
  role: StaffRole,
  reason: string,
): Promise<AccountActionResult> {
  const at = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const account = await accountOr404(trx, userId);
    if (!staffRoles.includes(account.role)) {
      throw new AppError(
        409,
        'conflict',
        'Only staff accounts (administrator, reviewer, tutor) change role; families keep theirs.',
      );
    }
    if (account.role === role) throw new AppError(409, 'conflict', `This account is already a ${role}.`);
    await refuseLosingLastAdmin(trx, account, 'make someone else an administrator first');
    await trx.updateTable('users').set({ role }).where('id', '=', userId).execute();
    await appendAudit(trx, {
      actor,
      action: 'account.role_change',
      target: { type: 'user', id: userId },
      detail: { reason, from: account.role, to: role },
      at,
    });
    return result({ ...account, role }, 0);
  });
}
