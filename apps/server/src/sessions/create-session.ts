/**
 * A tutor's new session: the tutor, the enrolled students they picked, every guardian of those students
 * (linked to their own children for consent rule 3), and any adult guests where the organisation's
 * policy allows them. Enrolled people join from their dashboards; only the tutor's and the guests'
 * links are handed back. With a schedule it has a time, and a weekly series makes one session per
 * occurrence, each with seats, links and a room of its own (nothing carries over but the people).
 */
import type { CreateSessionRequest, CreateSessionResponse, Invite } from '@assent/shared';
import { appendAudit } from '../audit/audit-log';
import { queueCalendarChange } from '../calendar/calendar-queue';
import type { Config } from '../config';
import type { Db } from '../db/database';
import { AppError } from '../http/app-error';
import { signInvite } from '../invites/invite-token';
import { newParticipantIdentity, newPersonId, newRoomName, newSeriesId, newSessionId } from '../opaque-ids';
import type { Actor } from '../people/actor';
import { can, organisation } from '../people/can';
import { taughtBy } from '../people/family-repository';
import type { PolicyBook } from '../policy/policy-book';
import type { GuardianLink } from './guardian-links';
import { type PlannedOccurrence, planOccurrences } from './recurrence';
import {
  findOverlaps,
  insertScheduledSession,
  insertSeries,
  type ScheduledSession,
} from './schedule-repository';
import { insertGuardianLinks, insertPeople, type Person } from './session-repository';

interface PickedStudent {
  id: string;
  name: string;
  minor: boolean;
  userId: string | null;
  guardians: { userId: string; name: string }[];
}

async function loadPicked(db: Db, actor: Actor, ids: readonly string[]): Promise<PickedStudent[]> {
  if (ids.length === 0) return [];
  // A tutor picks from their own students (the picker's list); another family's child is, to them,
  // no such student. Admins pick any enrolled student.
  const students = await db
    .selectFrom('students')
    .selectAll()
    .where('id', 'in', ids)
    .$if(!can(actor, 'students.all', organisation), (qb) => qb.where(taughtBy(actor.userId)))
    .execute();
  const missing = ids.filter((id) => !students.some((s) => s.id === id));
  if (missing.length > 0) {
    throw new AppError(
      400,
      'validation_failed',
      'The request is not valid',
      missing.map((id) => ({ path: `studentIds.${ids.indexOf(id)}`, message: 'There is no such student' })),
    );
  }
  const guardians = await db
    .selectFrom('guardianships')
    .innerJoin('users', 'users.id', 'guardianships.guardian_user_id')
    .select(['guardianships.student_id', 'users.id', 'users.name'])
    .where('guardianships.student_id', 'in', ids)
    .orderBy('users.name')
    .execute();
  // In the order the tutor picked them.
  return ids.map((id) => {
    const s = students.find((row) => row.id === id) as (typeof students)[number];
    return {
      id: s.id,
      name: s.name,
      minor: s.minor === 1,
      userId: s.user_id,
      guardians: guardians.filter((g) => g.student_id === id).map((g) => ({ userId: g.id, name: g.name })),
    };
  });
}

/** Guests have no account and no guardian: only the policy in force lets a tutor invite them. */
async function refuseGuestsUnlessAllowed(policies: PolicyBook, input: CreateSessionRequest) {
  if (input.guests.length === 0) return;
  const { policy } = await policies.current();
  if (!policy.adultGuestsAllowed) {
    throw new AppError(
      403,
      'guests_not_allowed',
      "Your organisation's policy does not allow guests without an account. Invite enrolled students only.",
    );
  }
}

/** One occurrence's seats: the same people in every occurrence, each with seats and links of its own. */
function seatsFor(
  sessionId: string,
  at: string,
  actor: Actor,
  picked: PickedStudent[],
  input: CreateSessionRequest,
) {
  const person = (p: Pick<Person, 'name' | 'role' | 'minor' | 'userId' | 'studentId'>): Person => ({
    ...p,
    id: newPersonId(),
    sessionId,
    livekitIdentity: newParticipantIdentity(),
    createdAt: at,
  });

  const tutor = person({
    name: actor.name,
    role: 'tutor',
    minor: false,
    userId: actor.userId,
    studentId: null,
  });
  const students = picked.map((s) =>
    person({ name: s.name, role: 'student', minor: s.minor, userId: s.userId, studentId: s.id }),
  );
  // One seat per guardian, however many of their children are in the session.
  const guardianSeats = new Map<string, Person>();
  const links: GuardianLink[] = [];
  picked.forEach((s, index) => {
    for (const g of s.guardians) {
      let seat = guardianSeats.get(g.userId);
      if (!seat) {
        seat = person({ name: g.name, role: 'guardian', minor: false, userId: g.userId, studentId: null });
        guardianSeats.set(g.userId, seat);
      }
      links.push({
        sessionId,
        guardianPersonId: seat.id,
        studentPersonId: (students[index] as Person).id,
      });
    }
  });
  const guests = input.guests.map((g) =>
    person({ name: g.name, role: 'student', minor: false, userId: null, studentId: null }),
  );
  return {
    tutor,
    guests,
    guardians: guardianSeats.size,
    people: [tutor, ...students, ...guardianSeats.values(), ...guests],
    links,
  };
}

export async function createSessionFor(
  deps: { db: Db; config: Config; now: () => Date; policies: PolicyBook },
  actor: Actor,
  input: CreateSessionRequest,
): Promise<CreateSessionResponse> {
  const { db, config, now } = deps;
  await refuseGuestsUnlessAllowed(deps.policies, input);
  const createdAt = now();
  const at = createdAt.toISOString();
  // Refused before anything is read or written: a start in the past, a series too long or empty.
  const plan = input.schedule ? planOccurrences(input.schedule, createdAt) : undefined;
  const picked = await loadPicked(db, actor, input.studentIds);
  const seriesId = plan?.rule ? newSeriesId() : null;
  const occurrences = (plan?.occurrences ?? [undefined]).map((time, index) => {
    const session: ScheduledSession = {
      id: newSessionId(),
      title: input.title,
      roomName: newRoomName(),
      createdAt: at,
      ownerUserId: actor.userId,
      ...(time && input.schedule
        ? {
            startsAt: time.startsAt.toISOString(),
            durationMinutes: input.schedule.durationMinutes,
            timeZone: input.schedule.timeZone,
            seriesId,
            occurrenceIndex: seriesId ? index : null,
          }
        : {}),
    };
    return { session, time, ...seatsFor(session.id, at, actor, picked, input) };
  });
  const first = occurrences[0] as (typeof occurrences)[number];

  // Whole seconds, so the expiry we show is exactly the token's `exp`. A scheduled occurrence's link
  // lives the usual time past its Join closing (the window, not the link, says when it may be used;
  // someone still in an overrunning call may reconnect with it).
  const { policy } = await deps.policies.current();
  const ttlMs = config.inviteTtlHours * 3600 * 1000;
  const expiryFor = (time: PlannedOccurrence | undefined) => {
    const closes = time ? time.endsAt.getTime() + policy.joinGraceMinutes * 60 * 1000 : createdAt.getTime();
    return new Date(Math.floor(Math.max(createdAt.getTime(), closes) / 1000 + ttlMs / 1000) * 1000);
  };
  // Sign before writing: nothing can fail after the transaction commits.
  const invitesOf = async (o: (typeof occurrences)[number]): Promise<Invite[]> => {
    const expiresAt = expiryFor(o.time);
    return Promise.all(
      [o.tutor, ...o.guests].map(async (p) => ({
        personId: p.id,
        name: p.name,
        role: p.role,
        minor: false,
        guardianOf: [],
        url: `${config.publicUrl}/join/${await signInvite(config.inviteSecret, { sid: o.session.id, pid: p.id, role: p.role }, expiresAt)}`,
        expiresAt: expiresAt.toISOString(),
      })),
    );
  };
  const invites = await Promise.all(occurrences.map(invitesOf));
  const overlaps = plan
    ? await findOverlaps(
        db,
        actor.userId,
        plan.occurrences,
        occurrences.map((o) => o.session.id),
      )
    : [];

  await db.transaction().execute(async (trx) => {
    if (seriesId && plan?.rule && input.schedule) {
      await insertSeries(trx, {
        id: seriesId,
        ownerUserId: actor.userId,
        title: input.title,
        timeZone: input.schedule.timeZone,
        rule: plan.rule,
        localStart: plan.localStart,
        durationMinutes: input.schedule.durationMinutes,
        createdAt: at,
      });
    }
    for (const o of occurrences) {
      await insertScheduledSession(trx, o.session);
      await insertPeople(trx, o.people);
      await insertGuardianLinks(trx, o.links);
    }
    await appendAudit(trx, {
      actor,
      action: 'session.create',
      target: { type: 'session', id: first.session.id },
      detail: {
        students: picked.map((s) => s.id),
        guardians: first.guardians,
        guests: first.guests.length,
        ...(plan
          ? {
              seriesId,
              occurrences: occurrences.length,
              startsAt: plan.occurrences[0]?.startsAt.toISOString(),
              timeZone: input.schedule?.timeZone,
            }
          : {}),
      },
      at: createdAt,
    });
    // Invitations and reminders for each scheduled occurrence, committed with it (none without a time).
    await queueCalendarChange(
      trx,
      { kind: 'invite', sessionIds: occurrences.map((o) => o.session.id) },
      createdAt,
    );
  });
  return {
    sessionId: first.session.id,
    title: input.title,
    invites: invites[0] ?? [],
    ...(plan
      ? {
          seriesId,
          occurrences: occurrences.map((o, index) => ({
            sessionId: o.session.id,
            startsAt: (o.time as PlannedOccurrence).startsAt.toISOString(),
            endsAt: (o.time as PlannedOccurrence).endsAt.toISOString(),
            invites: invites[index] ?? [],
          })),
          overlaps,
        }
      : {}),
  };
}
