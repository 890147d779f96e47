/**
 * Consent without pressure: after someone declines or withdraws, the tutor may ask the call again only
 * once the policy's cool-down has passed, so nobody is asked over and over until they give in. The
 * tutor's own no starts no cool-down (it presses nobody). The time comes from the consent log, which
 * outlives the request, so a request closed some other way (the room emptied) still counts.
 */
import type { OrganisationPolicy } from '@assent/shared';
import type { DbOrTrx } from '../db/database';
import { AppError } from '../http/app-error';

const minuteMs = 60_000;

/** When the tutor may ask this session again, or null when they may ask now. */
export async function askAgainAt(
  db: DbOrTrx,
  sessionId: string,
  policy: OrganisationPolicy,
  now: Date,
): Promise<string | null> {
  // No cool-down, no query.
  const minutes = policy.policy.askAgainAfterMinutes;
  if (minutes <= 0) return null;
  const latest = await db
    .selectFrom('consent_log')
    .select((eb) => eb.fn.max('at').as('at'))
    .where('session_id', '=', sessionId)
    .where('kind', 'in', ['decline', 'withdraw'])
    .where('role', '!=', 'tutor')
    .executeTakeFirst();
  if (!latest?.at) return null;
  const until = Date.parse(String(latest.at)) + minutes * minuteMs;
  return until > now.getTime() ? new Date(until).toISOString() : null;
}

/** "9 minutes", "1 minute", "less than a minute". */
export function timeLeftInWords(until: string, now: Date): string {
  const minutes = Math.ceil((Date.parse(until) - now.getTime()) / minuteMs);
  if (minutes <= 1) return Date.parse(until) - now.getTime() < minuteMs ? 'less than a minute' : '1 minute';
  return `${minutes} minutes`;
}

/**
 * Refuses a new request during the cool-down with 409 `request_cooling_down`, saying how long is left
 * (clients show the exact time from the state's `askAgainAt`).
 */
export async function refuseDuringCooldown(
  db: DbOrTrx,
  sessionId: string,
  policy: OrganisationPolicy,
  now: Date,
): Promise<void> {
  const until = await askAgainAt(db, sessionId, policy, now);
  if (!until) return;
  throw new AppError(
    409,
    'request_cooling_down',
    `Someone said no to recording. You can ask again in ${timeLeftInWords(until, now)} (at ${until.slice(11, 16)} UTC): the organisation's policy gives people time so nobody feels pressed.`,
  );
}
