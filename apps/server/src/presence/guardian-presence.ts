/**
 * VTO: "a parent/guardian is present at the start and end of a lesson session". Judged from LiveKit
 * presence around each minor's own arrival and departure, since that is when a parent must be there.
 * Pure: the repository loads the rows, this decides.
 */
import type { AccountRole, MinorGuardianPresence, SessionGuardianPresence } from '@assent/shared';
import { can, type SessionResource } from '../people/can';

/**
 * How long "the start" and "the end" last by default (the policy's `guardianPresenceMinutes`; older
 * versions read as 5). VTO asks for the first and last minutes, not the whole lesson; five minutes lets
 * a parent settle the child in (or arrive on a slow connection) and come back to say goodbye, without
 * counting a parent who only turns up halfway through.
 */
export const defaultGuardianWindowMinutes = 5;
export const guardianWindowMs = defaultGuardianWindowMinutes * 60 * 1000;

/** The recorder joins as a participant too; it is nobody's guardian. */
const recorderKind = 'EGRESS';

export interface PresenceSpan {
  /** Null for an identity we never issued: it counts for nobody. */
  personId: string | null;
  kind: string;
  joinedAt: string | null;
  leftAt: string | null;
}

export interface SessionSeat {
  personId: string;
  name: string;
  role: 'tutor' | 'student' | 'guardian' | 'observer';
  minor: boolean;
  /** The account that sits in this seat, if any. */
  userId: string | null;
}

export interface SeatLink {
  guardianPersonId: string;
  studentPersonId: string;
}

export interface SessionPresenceFacts {
  sessionId: string;
  seats: readonly SessionSeat[];
  links: readonly SeatLink[];
  presence: readonly PresenceSpan[];
  /** The lesson's scheduled start and end (ISO UTC); null or absent for a session without a time. */
  scheduled?: { startsAt: string; endsAt: string } | null;
}

interface Interval {
  from: number;
  /** Infinity while the person is still in the room. */
  to: number;
}

/**
 * A person's time in the room. A leave whose join was never delivered (webhooks are not guaranteed)
 * still proves they were there at that moment, so it counts as an instant.
 */
function intervalsByPerson(presence: readonly PresenceSpan[]): Map<string, Interval[]> {
  const byPerson = new Map<string, Interval[]>();
  for (const span of presence) {
    if (span.personId === null || span.kind === recorderKind) continue;
    const from = span.joinedAt ?? span.leftAt;
    if (from === null) continue;
    const interval = {
      from: Date.parse(from),
      to: span.leftAt === null ? Number.POSITIVE_INFINITY : Date.parse(span.leftAt),
    };
    byPerson.set(span.personId, [...(byPerson.get(span.personId) ?? []), interval]);
  }
  return byPerson;
}

/** In the room at some moment within [from, to]. */
const overlaps = (intervals: readonly Interval[], from: number, to: number) =>
  intervals.some((i) => i.from <= to && i.to >= from);

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The session's record: the call's span and, for each minor student, a guardian at start and end.
 * VTO (seed 004): "a parent/guardian is present at the start and end of a lesson session". The start is
 * judged at the child's arrival and, when the child was there before the lesson began, at the
 * scheduled start too (a parent who settled the child in and left before the lesson began was not
 * there at its start); the end at the child's departure and, when the child stayed past it, at the
 * scheduled end. Each moment counts a guardian in the room within `windowMs` of it (after a start,
 * before an end); every moment that applies must have one.
 */
export function judgeGuardianPresence(
  facts: SessionPresenceFacts,
  windowMs: number = guardianWindowMs,
): SessionGuardianPresence {
  const byPerson = intervalsByPerson(facts.presence);
  const all = [...byPerson.values()].flat();
  const inProgress = all.some((i) => i.to === Number.POSITIVE_INFINITY);
  const callStart = all.length > 0 ? Math.min(...all.map((i) => i.from)) : null;
  const callEnd = all.length > 0 && !inProgress ? Math.max(...all.map((i) => i.to)) : null;
  const nameOf = new Map(facts.seats.map((s) => [s.personId, s.name]));

  const minors = facts.seats
    .filter((seat) => seat.role === 'student' && seat.minor)
    .map((student): MinorGuardianPresence => {
      const own = byPerson.get(student.personId) ?? [];
      const none = { guardiansAtStart: [], guardiansAtEnd: [] };
      const base = { personId: student.personId, name: student.name };
      if (own.length === 0) return { ...base, start: 'not_joined', end: 'not_joined', ...none };
      const guardians = facts.links
        .filter((l) => l.studentPersonId === student.personId)
        .map((l) => l.guardianPersonId);
      const thereWithin = (from: number, to: number) =>
        guardians.filter((g) => overlaps(byPerson.get(g) ?? [], from, to));
      /** Present when every window has a guardian; named: everyone seen in any of them. */
      const judge = (windows: [number, number][]) => {
        const seen = windows.map(([from, to]) => thereWithin(from, to));
        const names = [...new Set(seen.flat())].map((g) => nameOf.get(g) ?? 'A guardian');
        return { present: seen.every((s) => s.length > 0), names };
      };
      const arrived = Math.min(...own.map((i) => i.from));
      const left = Math.max(...own.map((i) => i.to));
      const plannedStart = facts.scheduled ? Date.parse(facts.scheduled.startsAt) : null;
      const plannedEnd = facts.scheduled ? Date.parse(facts.scheduled.endsAt) : null;
      // Judged as far as it has gone: while the child's first minutes still run without a guardian,
      // that is a miss for now (the host's call shows the same notice at that moment).
      const startWindows: [number, number][] = [[arrived, arrived + windowMs]];
      if (plannedStart !== null && arrived < plannedStart && left > plannedStart) {
        startWindows.push([plannedStart, plannedStart + windowMs]);
      }
      const start = judge(startWindows);
      const atStart = start.names;
      // While anyone is still in the call the child may come back, so their end is not judged yet.
      if (inProgress) {
        return {
          ...base,
          start: start.present ? 'present' : 'missed',
          end: 'in_progress',
          guardiansAtStart: atStart,
          guardiansAtEnd: [],
        };
      }
      const endWindows: [number, number][] = [[left - windowMs, left]];
      if (plannedEnd !== null && arrived < plannedEnd && left > plannedEnd) {
        endWindows.push([plannedEnd - windowMs, plannedEnd]);
      }
      const end = judge(endWindows);
      const atEnd = end.names;
      return {
        ...base,
        start: start.present ? 'present' : 'missed',
        end: end.present ? 'present' : 'missed',
        guardiansAtStart: atStart,
        guardiansAtEnd: atEnd,
      };
    });

  return {
    sessionId: facts.sessionId,
    callStartedAt: callStart === null ? null : iso(callStart),
    callEndedAt: callEnd === null ? null : iso(callEnd),
    inProgress,
    missed: minors.some((m) => m.start === 'missed' || m.end === 'missed'),
    minors,
  };
}

export interface PresenceViewer {
  userId: string;
  role: AccountRole;
}

/**
 * Which children's verdicts `viewer` may see: every minor for admins, reviewers and the session's tutor;
 * a guardian only the children linked to their own seat; nobody else any (undefined).
 */
export function minorsVisibleTo(
  viewer: PresenceViewer,
  ownerUserId: string | null,
  facts: SessionPresenceFacts,
  verdict: SessionGuardianPresence,
): MinorGuardianPresence[] | undefined {
  const accounts = (seats: readonly SessionSeat[]) => seats.flatMap((s) => (s.userId ? [s.userId] : []));
  const session: SessionResource = {
    kind: 'session',
    ownerUserId,
    attendeeUserIds: accounts(facts.seats),
    tutorUserIds: accounts(facts.seats.filter((s) => s.role === 'tutor')),
  };
  if (can(viewer, 'session.oversee', session)) return verdict.minors;
  const mySeats = facts.seats.filter((s) => s.userId === viewer.userId);
  const guardianSeats = new Set(mySeats.filter((s) => s.role === 'guardian').map((s) => s.personId));
  if (guardianSeats.size === 0) return undefined;
  const children = new Set(
    facts.links.filter((l) => guardianSeats.has(l.guardianPersonId)).map((l) => l.studentPersonId),
  );
  return verdict.minors.filter((m) => children.has(m.personId));
}
