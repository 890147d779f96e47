/**
 * Sessions with people in the call now, for the staff who may observe them: by the consent machine's own
 * record of who is present (kept true by webhooks and the reconciler), never by anything a browser said.
 */
import { type ConsentState, countedParticipants, type LiveSession } from '@assent/shared';
import { listLiveConsent, readConsent } from '../consent/consent-repository';
import type { DbOrTrx } from '../db/database';
import { listPeople, toSession } from '../sessions/session-repository';

const presentPersonIds = (state: ConsentState) =>
  new Set(countedParticipants(state).flatMap((p) => (p.personId ? [p.personId] : [])));

/** Whether anyone (other than the recorder) is in the session's call now. */
export async function isLive(db: DbOrTrx, sessionId: string): Promise<boolean> {
  const stored = await readConsent(db, sessionId);
  return stored !== undefined && countedParticipants(stored.state).length > 0;
}

export async function listLiveSessions(db: DbOrTrx, now: Date): Promise<LiveSession[]> {
  // Every session whose stored state has someone in it; a `recentSince` in the future adds no others.
  const stored = await listLiveConsent(db, { recentSince: new Date(now.getTime() + 1000).toISOString() });
  const live = new Map(
    stored.filter((s) => countedParticipants(s.state).length > 0).map((s) => [s.sessionId, s.state]),
  );
  if (live.size === 0) return [];
  const rows = await db
    .selectFrom('sessions')
    .selectAll()
    .where('id', 'in', [...live.keys()])
    .orderBy('created_at', 'desc')
    .execute();
  return Promise.all(
    rows.map(async (row) => {
      const session = toSession(row);
      const present = presentPersonIds(live.get(session.id) as ConsentState);
      const people = await listPeople(db, session.id);
      return {
        sessionId: session.id,
        title: session.title,
        createdAt: session.createdAt,
        people: people.map((p) => ({ name: p.name, role: p.role, inCall: present.has(p.id) })),
      };
    }),
  );
}
