/**
 * Sessions have an absolute lifetime: better-auth slides a session's expiry forward while it is used,
 * so without a cap a session used once a week would never end. Every write of a session's expiry is
 * capped at its creation plus SESSION_MAX_AGE_DAYS.
 */
import { addDays } from '@assent/shared';
import type { Db } from '../db/database';

/** The latest a session created at `createdAt` may expire. */
export function sessionDeadline(createdAt: Date, maxAgeDays: number): Date {
  return addDays(createdAt, maxAgeDays);
}

/** The expiry a new session gets: better-auth's, or the absolute deadline if that comes first. */
export function cappedExpiry(expiresAt: Date, createdAt: Date, maxAgeDays: number): Date {
  const deadline = sessionDeadline(createdAt, maxAgeDays);
  return expiresAt > deadline ? deadline : expiresAt;
}

/** After better-auth extends a session, pulls its expiry back to the deadline if it went past it. */
export async function capRefreshedSession(
  db: Db,
  session: { id: string; createdAt: Date; expiresAt: Date },
  maxAgeDays: number,
): Promise<void> {
  const capped = cappedExpiry(new Date(session.expiresAt), new Date(session.createdAt), maxAgeDays);
  if (capped.getTime() === new Date(session.expiresAt).getTime()) return;
  await db
    .updateTable('auth_sessions')
    .set({ expires_at: capped.toISOString() })
    .where('id', '=', session.id)
    .execute();
}
