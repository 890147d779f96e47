/**
 * Attempts counted per account rather than per address: failed sign-ins (so one account cannot be
 * guessed at from many addresses) and password reset mails (so nobody can flood someone's inbox).
 * SECURITY: a paused account can be kept paused by someone who keeps failing on purpose; the pause is
 * short, passkey sign-in is not paused, and every refusal is audited, which we judge the lesser harm.
 */
import type { Db } from '../db/database';
import type { AuthAttemptsTable } from './auth-guard-tables';

type AttemptKind = AuthAttemptsTable['kind'];

/** The key attempts are counted under: the address as typed, trimmed and lower-cased. */
export function accountKey(email: string): string {
  return email.trim().toLowerCase();
}

export async function noteAttempt(db: Db, kind: AttemptKind, email: string, at: Date): Promise<void> {
  await db
    .insertInto('auth_attempts')
    .values({ id: crypto.randomUUID(), kind, account_key: accountKey(email), at: at.toISOString() })
    .execute();
}

/** Attempts of one kind for the account since `since`. */
export async function countAttempts(db: Db, kind: AttemptKind, email: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('auth_attempts')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('account_key', '=', accountKey(email))
    .where('kind', '=', kind)
    .where('at', '>', since.toISOString())
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Forgets the account's attempts of one kind (a successful sign-in clears its failures). */
export async function clearAttempts(db: Db, kind: AttemptKind, email: string): Promise<void> {
  await db
    .deleteFrom('auth_attempts')
    .where('account_key', '=', accountKey(email))
    .where('kind', '=', kind)
    .execute();
}

/** Drops attempts older than anything a limit still looks at. */
export async function pruneAttempts(db: Db, before: Date): Promise<void> {
  await db.deleteFrom('auth_attempts').where('at', '<', before.toISOString()).execute();
}
