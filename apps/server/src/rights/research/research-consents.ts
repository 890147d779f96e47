/**
 * Research sharing decisions per seat: who decides for which seat, what each currently says, and the
 * append-only record of a new decision (with its audit entry in the same transaction). A decision here
 * touches nothing else: recording consent, playback and the recordings themselves stay as they are.
 */
import { randomBytes } from 'node:crypto';
import type {
  ResearchChoice,
  ResearchConsentState,
  ResearchExportMedia,
  ResearchSeat,
  ResearchSession,
} from '@assent/shared';
import { appendAudit } from '../../audit/audit-log';
import type { Db, DbOrTrx } from '../../db/database';
import { listPeople, type Person, type Session } from '../../sessions/session-repository';
import { decisionToStore, latestResearchDecisions, type ResearchDecisionRow } from './research-eligibility';

/** A seat someone decides for, and which decision of it theirs is. */
export interface SeatChoice {
  person: Person;
  decidesAs: ResearchSeat['decidesAs'];
  /** The seat the decision is recorded as coming from: the seat itself, or the guardian's seat. */
  deciderPersonId: string;
}

export interface GuardianLinkRow {
  guardian_person_id: string;
  student_person_id: string;
}

export async function guardianLinksOf(db: DbOrTrx, sessionId: string): Promise<GuardianLinkRow[]> {
  return db
    .selectFrom('guardian_links')
    .select(['guardian_person_id', 'student_person_id'])
    .where('session_id', '=', sessionId)
    .execute();
}

/**
 * Whether a guardian's say counts for a seat: always for a minor (as well as the child's own); for an
 * adult only when they have no sign-in of their own, and then on their behalf (as preferences work).
 */
export const guardianSpeaksFor = (seat: Person) => seat.minor || seat.userId === null;

/** The seats `decider` decides for: their own, then each linked child they speak for, in seat order. */
export function choicesOf(
  decider: Person,
  people: readonly Person[],
  links: readonly GuardianLinkRow[],
): SeatChoice[] {
  const children = new Set(
    links.filter((l) => l.guardian_person_id === decider.id).map((l) => l.student_person_id),
  );
  const childChoices = people
    .filter((p) => children.has(p.id) && guardianSpeaksFor(p))
    .map(
      (p): SeatChoice =>
        p.minor
          ? { person: p, decidesAs: 'guardian', deciderPersonId: decider.id }
          : { person: p, decidesAs: 'self', deciderPersonId: p.id },
    );
  return [{ person: decider, decidesAs: 'self', deciderPersonId: decider.id }, ...childChoices];
}

export async function researchRowsOf(db: DbOrTrx, sessionIds: readonly string[]) {
  if (sessionIds.length === 0) return [];
  const rows = await db
    .selectFrom('research_consents')
    .selectAll()
    .where('session_id', 'in', sessionIds)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    sessionId: r.session_id,
    personId: r.person_id,
    decidedByPersonId: r.decided_by_person_id,
    decision: r.decision,
    at: r.at,
    id: r.id,
  }));
}

/** The seat as the decider sees it now. */
export function seatState(choice: SeatChoice, rows: readonly ResearchDecisionRow[]): ResearchSeat {
  const latest = latestResearchDecisions(rows).get(`${choice.person.id}\u0000${choice.deciderPersonId}`);
  return {
    personId: choice.person.id,
    name: choice.person.name,
    role: choice.person.role,
    minor: choice.person.minor,
    decidesAs: choice.decidesAs,
    decision: latest?.decision ?? 'none',
    decidedAt: latest?.at ?? null,
  };
}

/** One session's seats that `decider` decides for, with what each says now. */
export async function researchSessionFor(
  db: DbOrTrx,
  session: Session,
  decider: Person,
  exportMedia: ResearchExportMedia,
): Promise<ResearchSession> {
  const [people, links, rows] = await Promise.all([
    listPeople(db, session.id),
    guardianLinksOf(db, session.id),
    researchRowsOf(db, [session.id]),
  ]);
  const seats = choicesOf(decider, people, links).map((choice) => seatState(choice, rows));
  return { sessionId: session.id, title: session.title, createdAt: session.createdAt, seats, exportMedia };
}

/**
 * "Research sharing" on the dashboard: every session where the account has a seat, newest first, once
 * it could have been recorded: not an occurrence still to come (a weekly series would otherwise fill
 * the card with a year of choices about recordings that do not exist; the call asks in time) and not a
 * cancelled one.
 */
export async function myResearchSessions(
  db: Db,
  userId: string,
  exportMedia: ResearchExportMedia,
  now: Date,
  limit = 50,
): Promise<ResearchSession[]> {
  const seats = await db
    .selectFrom('people')
    .innerJoin('sessions', 'sessions.id', 'people.session_id')
    .select(['people.id as person_id', 'sessions.id', 'sessions.title', 'sessions.created_at'])
    .select(['sessions.room_name', 'sessions.owner_user_id'])
    .where('people.user_id', '=', userId)
    .where('sessions.cancelled_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('sessions.starts_at', 'is', null),
        eb('sessions.starts_at', '<=', new Date(now.getTime() + joinOpensAtMostMs).toISOString()),
      ]),
    )
    .orderBy('sessions.created_at', 'desc')
    .orderBy('sessions.id')
    .limit(limit)
    .execute();
  const sessions: ResearchSession[] = [];
  for (const seat of seats) {
    if (sessions.some((s) => s.sessionId === seat.id)) continue;
    const people = await listPeople(db, seat.id);
    const decider = people.find((p) => p.id === seat.person_id) as Person;
    const session: Session = {
      id: seat.id,
      title: seat.title,
      roomName: seat.room_name,
      createdAt: seat.created_at,
      ownerUserId: seat.owner_user_id,
    };
    sessions.push(await researchSessionFor(db, session, decider, exportMedia));
  }
  return sessions;
}

/** A session whose Join may already be open (the policy's most, two hours before) may be recorded soon. */
const joinOpensAtMostMs = 2 * 60 * 60 * 1000;

export interface ResearchDecider {
  userId: string | null;
  role: string;
  via: 'account' | 'invite';
}

/**
 * Records `choice` for the seat (a later "no" becomes a withdrawal) with its audit entry, and answers
 * the seat as it now stands. Choosing what already stands writes nothing.
 */
export async function decideResearchSharing(
  deps: { db: Db; now: () => Date },
  choice: SeatChoice,
  decision: ResearchChoice,
  decider: ResearchDecider,
): Promise<ResearchConsentState> {
  const { person } = choice;
  return deps.db.transaction().execute(async (trx) => {
    const rows = (await researchRowsOf(trx, [person.sessionId])).filter(
      (r) => r.personId === person.id && r.decidedByPersonId === choice.deciderPersonId,
    );
    const current = latestResearchDecisions(rows).values().next().value;
    const stored = decisionToStore(decision, current?.decision);
    if (stored) {
      // The latest row counts, so a decision must sort after the one it replaces even when the clock
      // has not moved on (two clicks in one millisecond).
      const after = current ? Date.parse(current.at) + 1 : 0;
      const at = new Date(Math.max(deps.now().getTime(), after));
      const id = `rcon_${randomBytes(16).toString('base64url')}`;
      await trx
        .insertInto('research_consents')
        .values({
          id,
          session_id: person.sessionId,
          person_id: person.id,
          decided_by_person_id: choice.deciderPersonId,
          decided_by_user_id: decider.userId,
          decision: stored,
          at: at.toISOString(),
        })
        .execute();
      await appendAudit(trx, {
        actor: { userId: decider.userId, role: decider.role },
        action: 'research.consent',
        target: { type: 'session', id: person.sessionId },
        detail: {
          personId: person.id,
          decidedByPersonId: choice.deciderPersonId,
          decidesAs: choice.decidesAs,
          decision: stored,
          via: decider.via,
        },
        at,
      });
      rows.push({
        sessionId: person.sessionId,
        personId: person.id,
        decidedByPersonId: choice.deciderPersonId,
        decision: stored,
        at: at.toISOString(),
        id,
      });
    }
    return { sessionId: person.sessionId, ...seatState(choice, rows) };
  });
}
