/**
 * Loading what the guardian-presence rule judges: seats, guardian links and LiveKit presence for many
 * sessions at once (one query each, however many sessions), and the admin's paged list of sessions.
 */
import type { GuardianPresenceSession, MinorInCall, SessionGuardianPresence } from '@assent/shared';
import type { DbOrTrx } from '../db/database';
import {
  defaultGuardianWindowMinutes,
  judgeGuardianPresence,
  type PresenceSpan,
  type SeatLink,
  type SessionPresenceFacts,
  type SessionSeat,
} from './guardian-presence';

interface LoadedFacts extends SessionPresenceFacts {
  seats: SessionSeat[];
  links: SeatLink[];
  presence: PresenceSpan[];
}

/** Each session's seats, links and presence, keyed by session id (every id present, even if empty). */
export async function loadPresenceFacts(
  db: DbOrTrx,
  sessionIds: readonly string[],
): Promise<Map<string, SessionPresenceFacts>> {
  const facts = new Map<string, LoadedFacts>(
    sessionIds.map((sessionId) => [sessionId, { sessionId, seats: [], links: [], presence: [] }]),
  );
  if (sessionIds.length === 0) return facts;
  const ids = [...sessionIds];
  const [seats, links, presence, times] = await Promise.all([
    db
      .selectFrom('people')
      .select(['id', 'session_id', 'name', 'role', 'minor', 'user_id'])
      .where('session_id', 'in', ids)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('guardian_links')
      .select(['session_id', 'guardian_person_id', 'student_person_id'])
      .where('session_id', 'in', ids)
      .execute(),
    db
      .selectFrom('participant_presence')
      .select(['session_id', 'person_id', 'kind', 'joined_at', 'left_at'])
      .where('session_id', 'in', ids)
      .execute(),
    db
      .selectFrom('sessions')
      .select(['id', 'starts_at', 'duration_minutes'])
      .where('id', 'in', ids)
      .where('starts_at', 'is not', null)
      .execute(),
  ]);
  const of = (sessionId: string | null) => (sessionId === null ? undefined : facts.get(sessionId));
  for (const s of seats) {
    of(s.session_id)?.seats.push({
      personId: s.id,
      name: s.name,
      role: s.role,
      minor: s.minor === 1,
      userId: s.user_id,
    });
  }
  for (const l of links) {
    of(l.session_id)?.links.push({
      guardianPersonId: l.guardian_person_id,
      studentPersonId: l.student_person_id,
    });
  }
  for (const t of times) {
    const session = facts.get(t.id);
    if (!session || t.starts_at === null || t.duration_minutes === null) continue;
    const start = Date.parse(t.starts_at);
    session.scheduled = {
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + Number(t.duration_minutes) * 60 * 1000).toISOString(),
    };
  }
  for (const p of presence) {
    of(p.session_id)?.presence.push({
      personId: p.person_id,
      kind: p.kind,
      joinedAt: p.joined_at,
      leftAt: p.left_at,
    });
  }
  return facts;
}

/** A session's verdicts with the facts behind them (to narrow who sees which child). */
export interface JudgedSession {
  facts: SessionPresenceFacts;
  verdict: SessionGuardianPresence;
}

/** The verdicts of each session, keyed by id, with the policy's `guardianPresenceMinutes`. */
export async function judgeSessions(
  db: DbOrTrx,
  sessionIds: readonly string[],
  windowMinutes: number = defaultGuardianWindowMinutes,
): Promise<Map<string, JudgedSession>> {
  const facts = await loadPresenceFacts(db, sessionIds);
  const windowMs = windowMinutes * 60 * 1000;
  return new Map(
    [...facts].map(([id, f]) => [id, { facts: f, verdict: judgeGuardianPresence(f, windowMs) }]),
  );
}

/** The minors of a session and their guardians, for the host's in-call notice. */
export async function minorsInCall(db: DbOrTrx, sessionId: string): Promise<MinorInCall[]> {
  const facts = (await loadPresenceFacts(db, [sessionId])).get(sessionId);
  if (!facts) return [];
  return facts.seats
    .filter((s) => s.role === 'student' && s.minor)
    .map((s) => ({
      personId: s.personId,
      name: s.name,
      guardianPersonIds: facts.links
        .filter((l) => l.studentPersonId === s.personId)
        .map((l) => l.guardianPersonId),
    }));
}

export interface GuardianPresenceListing {
  missedOnly: boolean;
  /** The policy's `guardianPresenceMinutes`. */
  windowMinutes?: number;
  limit: number;
  /** The last session of the previous page. */
  before?: string | undefined;
}

/** How many sessions one request looks through at most for missed ones, so a page stays cheap. */
const maxScanned = 1000;

interface Cursor {
  createdAt: string;
  id: string;
}

async function sessionsWithMinors(db: DbOrTrx, after: Cursor | undefined, limit: number) {
  let query = db
    .selectFrom('sessions')
    .select(['sessions.id', 'sessions.title', 'sessions.created_at'])
    .select((eb) =>
      eb
        .selectFrom('people')
        .select('people.name')
        .whereRef('people.session_id', '=', 'sessions.id')
        .where('people.role', '=', 'tutor')
        .orderBy('people.position')
        .limit(1)
        .as('tutor_name'),
    )
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('people')
          .select('people.id')
          .whereRef('people.session_id', '=', 'sessions.id')
          .where('people.role', '=', 'student')
          .where('people.minor', '=', 1),
      ),
    );
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb('sessions.created_at', '<', after.createdAt),
        eb.and([eb('sessions.created_at', '=', after.createdAt), eb('sessions.id', '<', after.id)]),
      ]),
    );
  }
  return query.orderBy('sessions.created_at', 'desc').orderBy('sessions.id', 'desc').limit(limit).execute();
}

/**
 * Sessions with minors, newest first, each with its verdicts; with `missedOnly`, only those where a
 * guardian was missing. Looks through sessions a batch at a time until the page is full; `nextBefore`
 * says where to go on (also when the look-through limit stopped it short of a full page).
 */
export async function listGuardianPresence(
  db: DbOrTrx,
  listing: GuardianPresenceListing,
): Promise<{ sessions: GuardianPresenceSession[]; nextBefore: string | null }> {
  let after: Cursor | undefined;
  if (listing.before !== undefined) {
    const row = await db
      .selectFrom('sessions')
      .select(['id', 'created_at'])
      .where('id', '=', listing.before)
      .executeTakeFirst();
    if (!row) return { sessions: [], nextBefore: null };
    after = { createdAt: row.created_at, id: row.id };
  }
  const page: GuardianPresenceSession[] = [];
  const batchSize = listing.limit;
  let scanned = 0;
  while (scanned < maxScanned) {
    const batch = await sessionsWithMinors(db, after, batchSize);
    const judged = await judgeSessions(
      db,
      batch.map((s) => s.id),
      listing.windowMinutes,
    );
    for (const session of batch) {
      after = { createdAt: session.created_at, id: session.id };
      scanned += 1;
      const verdict = judged.get(session.id)?.verdict as SessionGuardianPresence;
      if (listing.missedOnly && !verdict.missed) continue;
      page.push({
        ...verdict,
        title: session.title,
        tutorName: session.tutor_name ?? null,
        createdAt: session.created_at,
      });
      if (page.length === listing.limit) return { sessions: page, nextBefore: session.id };
    }
    if (batch.length < batchSize) return { sessions: page, nextBefore: null };
  }
  return { sessions: page, nextBefore: after?.id ?? null };
}
