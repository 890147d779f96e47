/**
 * Who may watch which recording, worked out from the policy and the session, for `can`. The policy a
 * recording was consented under limits it for good: a later policy may narrow who watches and for how
 * long, never widen it beyond what people agreed to.
 */

import type { RecordingAccessBasis, StaffRole } from '@assent/shared';
import type { DbOrTrx } from '../db/database';
import type { CanActor, RecordingResource } from '../people/can';
import { recordingAccess } from '../people/can';
import type { PolicyBook } from '../policy/policy-book';
import { findPurpose } from '../policy/purposes';
import { isHeld } from './lifetime/holds';
import type { Recording } from './recording-repository';

const dayMs = 86_400_000;

export interface RecordingTerms {
  viewerRoles: StaffRole[];
  purposeLabel: string;
  /** Days participants may play back; null: never. */
  participantPlaybackDays: number | null;
}

// A purpose a version does not list gives nobody a role to watch: never a guess (policy/purposes.ts).
const purposeOf = findPurpose;

/** What the policy it was made under and the policy in force together allow for a recording. */
export async function recordingTerms(policies: PolicyBook, recording: Recording): Promise<RecordingTerms> {
  const current = await policies.current();
  const madeUnder = (await policies.version(recording.policyVersion)) ?? current;
  const then = purposeOf(madeUnder, recording.purpose);
  const now = purposeOf(current, recording.purpose);
  const days = [madeUnder.policy.participantPlaybackDays, current.policy.participantPlaybackDays];
  return {
    viewerRoles: (then?.viewerRoles ?? []).filter((role) => now?.viewerRoles.includes(role)),
    purposeLabel: now?.label ?? then?.label ?? recording.purpose,
    participantPlaybackDays: days.includes(null) ? null : Math.min(...(days as number[])),
  };
}

/** When participants' playback ends, or null when they may not play it back at all. */
export function playableUntil(recording: Recording, terms: RecordingTerms): string | null {
  if (terms.participantPlaybackDays === null) return null;
  const from = Date.parse(recording.endedAt ?? recording.storedAt ?? recording.createdAt);
  return new Date(from + terms.participantPlaybackDays * dayMs).toISOString();
}

/**
 * Accounts that were in the call: a seat with an account, and LiveKit saw that seat join. An invited
 * guardian who never came is not an attendee (Procept: registered attendees only).
 */
export async function attendedUserIds(db: DbOrTrx, sessionId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('people')
    .innerJoin('participant_presence', 'participant_presence.person_id', 'people.id')
    .select('people.user_id')
    .distinct()
    .where('people.session_id', '=', sessionId)
    .where('people.user_id', 'is not', null)
    .where('participant_presence.joined_at', 'is not', null)
    .execute();
  return rows.flatMap((r) => (r.user_id ? [r.user_id] : []));
}

/** Accounts of the guardians linked to students LiveKit saw in the session's call. */
export async function attendeeGuardianUserIds(db: DbOrTrx, sessionId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('guardian_links')
    .innerJoin('participant_presence', 'participant_presence.person_id', 'guardian_links.student_person_id')
    .innerJoin('people as guardian', 'guardian.id', 'guardian_links.guardian_person_id')
    .select('guardian.user_id')
    .distinct()
    .where('guardian_links.session_id', '=', sessionId)
    .where('guardian.user_id', 'is not', null)
    .where('participant_presence.joined_at', 'is not', null)
    .execute();
  return rows.flatMap((r) => (r.user_id ? [r.user_id] : []));
}

/** What `can` needs to know about a recording's session; the same for every recording of it. */
export interface SessionFacts {
  ownerUserId: string | null;
  attendedUserIds: string[];
  attendeeGuardianUserIds: string[];
  underInvestigation: boolean;
}

export type SessionFactsOf = (sessionId: string) => Promise<SessionFacts>;

async function sessionFacts(db: DbOrTrx, sessionId: string): Promise<SessionFacts> {
  const session = await db
    .selectFrom('sessions')
    .select('owner_user_id')
    .where('id', '=', sessionId)
    .executeTakeFirst();
  return {
    ownerUserId: session?.owner_user_id ?? null,
    attendedUserIds: await attendedUserIds(db, sessionId),
    attendeeGuardianUserIds: await attendeeGuardianUserIds(db, sessionId),
    underInvestigation: await isHeld(db, sessionId),
  };
}

/** Session facts fetched once per session, however many of its recordings a list looks at. */
export function sessionFactsOnce(db: DbOrTrx): SessionFactsOf {
  const known = new Map<string, Promise<SessionFacts>>();
  return (sessionId) => {
    let facts = known.get(sessionId);
    if (!facts) {
      facts = sessionFacts(db, sessionId);
      known.set(sessionId, facts);
    }
    return facts;
  };
}

export interface RecordingView {
  resource: RecordingResource;
  terms: RecordingTerms;
  playableUntil: string | null;
}

/** A recording as `can` sees it; pass `facts` (from `sessionFactsOnce`) when looking at many. */
export async function recordingResource(
  deps: { db: DbOrTrx; policies: PolicyBook; facts?: SessionFactsOf },
  recording: Recording,
  at: Date,
): Promise<RecordingView> {
  const terms = await recordingTerms(deps.policies, recording);
  const facts = await (deps.facts ?? sessionFactsOnce(deps.db))(recording.sessionId);
  const until = playableUntil(recording, terms);
  return {
    terms,
    playableUntil: until,
    resource: {
      kind: 'recording',
      ...facts,
      viewerRoles: terms.viewerRoles,
      participantWindowOpen: until !== null && at.getTime() <= Date.parse(until),
    },
  };
}

export function accessOf(actor: CanActor, view: RecordingView): RecordingAccessBasis | undefined {
  return recordingAccess(actor, view.resource);
}
