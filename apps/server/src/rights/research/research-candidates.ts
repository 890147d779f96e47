/**
 * Which sessions may go to researchers: those whose recordings the vault still holds, each with the
 * research sharing rule applied to who LiveKit saw in the call and what each of them decided.
 */
import type { ResearchCandidate, ResearchEligibility } from '@assent/shared';
import type { DbOrTrx } from '../../db/database';
import { researchRowsOf } from './research-consents';
import { type ResearchSeatFacts, researchEligibility } from './research-eligibility';

/** The research rule for each session, from presence, seats, guardian links and decisions. */
export async function eligibilityOf(
  db: DbOrTrx,
  sessionIds: readonly string[],
): Promise<Map<string, ResearchEligibility>> {
  const result = new Map<string, ResearchEligibility>();
  if (sessionIds.length === 0) return result;
  // One after another: this also runs inside a transaction, which holds a single connection.
  const presence = await db
    .selectFrom('participant_presence')
    .select(['session_id', 'person_id', 'identity'])
    .where('session_id', 'in', sessionIds)
    // The recorder is LiveKit's own participant, not a person in the call.
    .where('kind', '!=', 'EGRESS')
    .execute();
  const people = await db
    .selectFrom('people')
    .select(['id', 'session_id', 'minor'])
    .where('session_id', 'in', sessionIds)
    .execute();
  const links = await db
    .selectFrom('guardian_links')
    .select(['session_id', 'guardian_person_id', 'student_person_id'])
    .where('session_id', 'in', sessionIds)
    .execute();
  const decisions = await researchRowsOf(db, sessionIds);
  for (const sessionId of sessionIds) {
    const here = presence.filter((p) => p.session_id === sessionId);
    const seen = new Set(here.flatMap((p) => (p.person_id ? [p.person_id] : [])));
    const unknown = new Set(here.filter((p) => p.person_id === null).map((p) => p.identity));
    const present: ResearchSeatFacts[] = people
      .filter((p) => p.session_id === sessionId && seen.has(p.id))
      .map((p) => ({
        personId: p.id,
        minor: p.minor === 1,
        guardianPersonIds: links
          .filter((l) => l.session_id === sessionId && l.student_person_id === p.id)
          .map((l) => l.guardian_person_id),
      }));
    result.set(
      sessionId,
      researchEligibility(
        { present, unknownParticipants: unknown.size },
        decisions.filter((d) => d.sessionId === sessionId),
      ),
    );
  }
  return result;
}

/** Sessions with stored recordings, newest first, with their eligibility. */
export async function researchCandidates(db: DbOrTrx): Promise<ResearchCandidate[]> {
  const rows = await db
    .selectFrom('recordings')
    .innerJoin('sessions', 'sessions.id', 'recordings.session_id')
    .select(['sessions.id', 'sessions.title', 'sessions.created_at'])
    .select((eb) => eb.fn.countAll<number | string>().as('recordings'))
    .where('recordings.status', '=', 'stored')
    .groupBy(['sessions.id', 'sessions.title', 'sessions.created_at'])
    .orderBy('sessions.created_at', 'desc')
    .orderBy('sessions.id')
    .execute();
  const eligibility = await eligibilityOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    sessionId: r.id,
    title: r.title,
    createdAt: r.created_at,
    recordings: Number(r.recordings),
    eligibility: eligibility.get(r.id) as ResearchEligibility,
  }));
}
