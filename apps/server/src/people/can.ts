/**
 * The one place that decides who may do what. Routes describe the resource they act on and call
 * `authorize` (which audits refusals); nothing else checks roles. `can` is pure so its whole table is
 * tested as a matrix (`can.test.ts`) and again against the real routes.
 */
import type { AccountRole, RecordingAccessBasis, SessionRole, StaffRole } from '@assent/shared';

/** An account's role, or in a call the seat's: `observer` is a reviewer or admin watching live. */
export type ActorRole = AccountRole | 'observer';

export interface CanActor {
  userId: string;
  role: ActorRole;
}

/** Something that belongs to the organisation as a whole (policy, audit log, staff). */
export interface OrganisationResource {
  kind: 'organisation';
}

/** A tutoring session and who is in it. */
export interface SessionResource {
  kind: 'session';
  ownerUserId: string | null;
  /** Accounts of people in the session (tutor, students with a sign-in, guardians). */
  attendeeUserIds: readonly string[];
  /** Accounts in the session's tutor seat (usually the owner's). */
  tutorUserIds?: readonly string[];
}

/** An enrolled student and the accounts responsible for them. */
export interface StudentResource {
  kind: 'student';
  minor: boolean;
  /** The student's own sign-in, if they have one. */
  studentUserId: string | null;
  guardianUserIds: readonly string[];
  /**
   * Who enrolled them: the tutor, admin or guardian who named them, and the guardian who registered
   * from the enrolment that named them. Only these (and admins) give an adult student a sign-in.
   */
  enrolledByUserIds?: readonly string[];
}

/** A stored recording, with what the organisation's policy says about who may watch it. */
export interface RecordingResource {
  kind: 'recording';
  ownerUserId: string | null;
  /** Accounts that were in the call (LiveKit presence), not merely invited. */
  attendedUserIds: readonly string[];
  /** Staff roles allowed for the recording's purpose, by the policy it was made under and the one in force. */
  viewerRoles: readonly StaffRole[];
  /** Whether students and guardians may still play it back (the policy allows it and the window is open). */
  participantWindowOpen: boolean;
  /** An open concern or safeguarding report about the session (VTO: reported sessions may be reviewed). */
  underInvestigation: boolean;
  /** Guardians of the students who attended: they may ask for deletion for their child. */
  attendeeGuardianUserIds: readonly string[];
}

/** Who was really in a session's call (LiveKit presence), for things only attendees may do. */
export interface AttendanceResource {
  kind: 'attendance';
  /** Accounts LiveKit saw in the room, and the guardians of students it saw (a child tells a parent). */
  presentUserIds: readonly string[];
}

/** One seat in a session (a person row), for choices made per seat such as research sharing. */
export interface SeatResource {
  kind: 'seat';
  seatUserId: string | null;
  minor: boolean;
  /** Guardians linked to this seat (guardian links of the session). */
  guardianUserIds: readonly string[];
}

/**
 * A live call, as someone in it acts there: through their join link, by their seat's role (see
 * `seatActor`), whatever their account may do elsewhere.
 */
export interface CallResource {
  kind: 'call';
  /** The account role behind the acting seat, where it matters: an admin present as an observer. */
  seatAccountRole?: AccountRole | undefined;
}

/**
 * A session's chat log read afterwards, with whom the policy in force lets read it: staff by role (a
 * tutor only their own session's), students and guardians only where the policy allows participants.
 */
export interface ChatLogResource {
  kind: 'chat_log';
  /** The session's owner and the accounts in its tutor seat. */
  tutorUserIds: readonly string[];
  /** Accounts seated in the session, and the guardians of its students. */
  participantUserIds: readonly string[];
  readerRoles: readonly StaffRole[];
  participantsRead: boolean;
}

/**
 * One seat's join link, to replace it: whose seat it is (a guest's: no account and no enrolled student
 * behind it), the guardians linked to it, and the session's owner.
 */
export interface SeatLinkResource {
  kind: 'seat_link';
  seatRole: SessionRole;
  guest: boolean;
  guardianUserIds: readonly string[];
  sessionOwnerUserId: string | null;
}

/**
 * A session's talk time read afterwards, with whom the policy in force lets see it: the staff roles it
 * names (a tutor only their own session's), and, where it lets learners see their own share, the session's
 * students and the guardians who speak for them (see `talkTimeView`).
 */
export interface TalkTimeResource {
  kind: 'talk_time';
  /** The session's owner and the accounts in its tutor seat. */
  tutorUserIds: readonly string[];
  readerRoles: readonly StaffRole[];
  learnersSeeOwn: boolean;
  /** Accounts of the session's student seats. */
  learnerUserIds: readonly string[];
  /** Guardians who speak for a student seated in it: a minor's, or an adult's without a sign-in. */
  learnerGuardianUserIds: readonly string[];
}

/** A tutor's talk time across their sessions (the trend), with the staff roles the policy names. */
export interface TalkTrendResource {
  kind: 'talk_trend';
  tutorUserId: string;
  readerRoles: readonly StaffRole[];
}

export type Resource =
  | TalkTimeResource
  | TalkTrendResource
  | SeatLinkResource
  | ChatLogResource
  | CallResource
  | OrganisationResource
  | SessionResource
  | StudentResource
  | RecordingResource
  | AttendanceResource
  | SeatResource;

export const organisation: OrganisationResource = { kind: 'organisation' };
export const call: CallResource = { kind: 'call' };

/**
 * The actor for something done in a call by join link: the seat's role, not the account's. A seat without
 * an account (a session made before accounts) stands for itself; call actions never look at the id.
 */
export function seatActor(seat: { id: string; role: SessionRole; userId: string | null }): CanActor {
  return { userId: seat.userId ?? seat.id, role: seat.role };
}

/** Every action, with the resource kind it applies to. */
export const actions = {
  'policy.update': 'organisation',
  'policy.history': 'organisation',
  'policy.review': 'organisation',
  'first_run.read': 'organisation',
  'audit.read': 'organisation',
  'staff.invite': 'organisation',
  'people.list': 'organisation',
  'accounts.manage': 'organisation',
  'family.invite': 'organisation',
  'agreement.give': 'organisation',
  'student.add': 'organisation',
  'students.list': 'organisation',
  'students.all': 'organisation',
  'session.create': 'organisation',
  'student.read': 'student',
  'student.set_preference': 'student',
  'student.invite': 'student',
  'student.invite_guardian': 'student',
  'student.replace_email': 'student',
  'session.read': 'session',
  'session.join': 'session',
  'session.reschedule': 'session',
  'session.cancel': 'session',
  'session.oversee': 'session',
  'session.observe': 'session',
  'sessions.list_live': 'organisation',
  'call.request_recording': 'call',
  'call.cancel_request': 'call',
  'call.read_session_log': 'call',
  'call.remove_chat_message': 'call',
  'session.read_chat': 'chat_log',
  'call.let_share': 'call',
  'call.mute_participant': 'call',
  'call.remove_participant': 'call',
  'call.readmit_participant': 'call',
  'call.end_session': 'call',
  'call.raise_hand': 'call',
  'call.open_board': 'call',
  'call.lock_board': 'call',
  'call.draw_on_locked_board': 'call',
  'recording.watch': 'recording',
  'recording.request_deletion': 'recording',
  'deletions.read': 'organisation',
  'student.request_access': 'student',
  'access_requests.manage': 'organisation',
  'deletion_requests.manage': 'organisation',
  'session.report_concern': 'attendance',
  'concerns.handle': 'organisation',
  'guardian_presence.read': 'organisation',
  'seat.research_consent': 'seat',
  'research.export': 'organisation',
  'consent_refusals.read': 'organisation',
  'enrolment.request': 'organisation',
  'enrolment.answer': 'organisation',
  'family.move': 'organisation',
  'seat.replace_link': 'seat_link',
  'insights.read': 'talk_time',
  'insights.trend': 'talk_trend',
} as const satisfies Record<string, Resource['kind']>;

export type Action = keyof typeof actions;

type ResourceFor<A extends Action> = Extract<Resource, { kind: (typeof actions)[A] }>;

const byRoleAlone: Readonly<Partial<Record<Action, readonly ActorRole[]>>> = {
  'policy.update': ['admin'],
  'policy.history': ['admin', 'reviewer'],
  // The first-run checklist is the organisation's set-up, and confirming the policy is its admins' word.
  'policy.review': ['admin'],
  'first_run.read': ['admin'],
  'audit.read': ['admin'],
  'staff.invite': ['admin'],
  'people.list': ['admin'],
  // Disable or enable an account, end its sign-ins, change a staff role, withdraw an invitation.
  'accounts.manage': ['admin'],
  // Tutors enrol the families they teach; admins any family.
  'family.invite': ['admin', 'tutor'],
  'agreement.give': ['guardian'],
  'student.add': ['guardian'],
  // Tutors pick enrolled students when creating a session. Which students each sees is narrowed where
  // the list is read (`listStudentViews` with `taughtBy`): a tutor only the families they enrolled and
  // the students already in their sessions; whoever has 'students.all' every student.
  'students.list': ['admin', 'tutor'],
  // Every enrolled student, to list or to pick for a session; without it, only those `taughtBy` says.
  'students.all': ['admin'],
  // An adult's sign-in goes only to the address on record; only an admin may replace that address.
  'student.replace_email': ['admin'],
  'session.create': ['admin', 'tutor'],
  'deletions.read': ['admin'],
  // Hearken: access and deletion requests are answered and decided by the organisation's management.
  'access_requests.manage': ['admin'],
  'deletion_requests.manage': ['admin'],
  // The QA and safeguarding staff handle reports; admins too (a small organisation may have no reviewer).
  'concerns.handle': ['admin', 'reviewer'],
  'guardian_presence.read': ['admin'],
  'research.export': ['admin'],
  // Who declined or withdrew: in the call only the person themselves knows; afterwards the QA and
  // safeguarding staff and admins read it in a recording's consent log. Tutors and families do not.
  'consent_refusals.read': ['admin', 'reviewer'],
  // In the call the tutor asks for recording and may call the request off; everyone answers for themselves.
  'call.request_recording': ['tutor'],
  'call.cancel_request': ['tutor'],
  // The tutor sees the session's requests and cancels, and everyone else's answers only as counts;
  // everyone else sees only their own entries.
  'call.read_session_log': ['tutor'],
  // The tutor runs the room: a message they remove is removed for everyone (kept, marked, for reviewers).
  'call.remove_chat_message': ['tutor'],
  // The tutor lets a student (or guardian) share their screen, and stops them; the tutor's seat always may.
  'call.let_share': ['tutor'],
  // Quality and safeguarding staff may join a live call as an Observer, a seat everyone in it sees.
  'sessions.list_live': ['admin', 'reviewer'],
  'session.observe': ['admin', 'reviewer'],
  // Anyone in the call may raise their own hand (through the server: browsers publish no data).
  'call.raise_hand': ['tutor', 'student', 'guardian', 'observer'],
  // Another child for a guardian who already has an account: asked by a tutor or admin, answered only by
  // the guardian (each answers only their own: narrowed where the request is read).
  'enrolment.request': ['admin', 'tutor'],
  'enrolment.answer': ['guardian'],
  // Moving a family to another tutor is the organisation's decision; the sessions keep their owner.
  'family.move': ['admin'],
};

/**
 * Why `actor` may watch a recording, or undefined. Reviewers and admins by the purpose's viewer roles
 * (being an admin is not enough); a tutor only their own sessions, where tutors are viewers; students
 * and guardians only sessions they attended, inside the participant playback window (VTO: 3 months;
 * Schoolhouse: never).
 */
export function recordingAccess(
  actor: CanActor,
  recording: RecordingResource,
): RecordingAccessBasis | undefined {
  if (actor.role === 'admin' || actor.role === 'reviewer') {
    if (recording.viewerRoles.includes(actor.role)) return 'purpose_viewer';
    // VTO: sessions where anyone made a report may be reviewed to investigate it, while it is open.
    return recording.underInvestigation ? 'investigation' : undefined;
  }
  if (actor.role === 'tutor') {
    return recording.viewerRoles.includes('tutor') && recording.ownerUserId === actor.userId
      ? 'own_session'
      : undefined;
  }
  return recording.participantWindowOpen && recording.attendedUserIds.includes(actor.userId)
    ? 'attended'
    : undefined;
}

/**
 * Which recordings `recordingAccess` could ever grant `actor`, so a list can narrow its query before asking
 * it about each one: every session's (admins, reviewers), the sessions they own (tutors), the sessions
 * they had a seat in (everyone else). Never narrower than `recordingAccess`: recording-scope.test.ts.
 */
export type RecordingScope = 'every_session' | 'owned_sessions' | 'seated_sessions';

export function recordingScope(actor: CanActor): RecordingScope {
  if (actor.role === 'admin' || actor.role === 'reviewer') return 'every_session';
  if (actor.role === 'tutor') return 'owned_sessions';
  return 'seated_sessions';
}

/**
 * How much of a session's talk time `actor` may see, or undefined: all of it (staff roles the policy names,
 * a tutor only their own session's), or only their own share (`own`: where the policy lets learners see
 * theirs, a student seated in it, and a guardian for the child they speak for).
 */
export type TalkTimeView = 'all' | 'own';

export function talkTimeView(actor: CanActor, talk: TalkTimeResource): TalkTimeView | undefined {
  if (actor.role === 'admin' || actor.role === 'reviewer')
    return talk.readerRoles.includes(actor.role) ? 'all' : undefined;
  if (actor.role === 'tutor')
    return talk.readerRoles.includes('tutor') && talk.tutorUserIds.includes(actor.userId) ? 'all' : undefined;
  if (!talk.learnersSeeOwn) return undefined;
  if (actor.role === 'student') return talk.learnerUserIds.includes(actor.userId) ? 'own' : undefined;
  if (actor.role === 'guardian')
    return talk.learnerGuardianUserIds.includes(actor.userId) ? 'own' : undefined;
  return undefined;
}

/**
 * Whether `actor` acts for this student as their guardian: always for a minor; for an adult only while
 * the adult has no sign-in of their own (from then on the adult speaks for themselves).
 */
function guardianSpeaksFor(actor: CanActor, student: StudentResource): boolean {
  if (actor.role !== 'guardian' || !student.guardianUserIds.includes(actor.userId)) return false;
  return student.minor || student.studentUserId === null;
}

/** Whether `actor` may do `action` to `resource`. Pure; no I/O. */
export function can<A extends Action>(actor: CanActor, action: A, resource: ResourceFor<A>): boolean {
  const roles = byRoleAlone[action];
  if (roles) return roles.includes(actor.role);
  switch (action) {
    case 'student.read': {
      const student = resource as StudentResource;
      return (
        actor.role === 'admin' ||
        actor.role === 'tutor' ||
        guardianSpeaksFor(actor, student) ||
        student.studentUserId === actor.userId
      );
    }
    case 'student.set_preference': {
      // Procept: a guardian speaks for their child; an adult student for themselves.
      // An adult without a sign-in of their own is spoken for by the guardian who enrolled them.
      const student = resource as StudentResource;
      if (student.minor) return guardianSpeaksFor(actor, student);
      return student.studentUserId === actor.userId || guardianSpeaksFor(actor, student);
    }
    case 'student.invite': {
      // A child's own sign-in is their guardian's decision. An adult's is made only by an admin or by
      // the tutor or guardian who enrolled them, while they have none (the address is checked where the
      // invitation is made: only the one on record). Teaching someone, or being another family's
      // tutor, is not enough: a sign-in made by a stranger would let them act as the student.
      const student = resource as StudentResource;
      if (student.minor) return guardianSpeaksFor(actor, student);
      if (actor.role === 'admin') return true;
      if (student.studentUserId !== null) return false;
      const enroller = (student.enrolledByUserIds ?? []).includes(actor.userId);
      return (
        (actor.role === 'tutor' && enroller) ||
        (actor.role === 'guardian' && enroller && student.guardianUserIds.includes(actor.userId))
      );
    }
    case 'student.invite_guardian': {
      // A second parent joins the family through a parent already in it, or through an admin.
      const student = resource as StudentResource;
      return actor.role === 'admin' || guardianSpeaksFor(actor, student);
    }
    case 'session.read': {
      const session = resource as SessionResource;
      return (
        actor.role === 'admin' ||
        actor.role === 'reviewer' ||
        session.ownerUserId === actor.userId ||
        session.attendeeUserIds.includes(actor.userId)
      );
    }
    case 'session.join': {
      const session = resource as SessionResource;
      return session.ownerUserId === actor.userId || session.attendeeUserIds.includes(actor.userId);
    }
    case 'session.reschedule':
    case 'session.cancel': {
      // Moving or cancelling one occurrence: the tutor who owns the session, or an admin.
      const session = resource as SessionResource;
      return actor.role === 'admin' || (session.ownerUserId !== null && session.ownerUserId === actor.userId);
    }
    case 'session.oversee': {
      // The session as a whole, every child's guardian-presence verdict included: staff who review, the
      // owner and whoever sits in its tutor seat. A guardian sees only their own children (narrowed where
      // the verdicts are read, presence/guardian-presence.ts).
      const session = resource as SessionResource;
      return (
        actor.role === 'admin' ||
        actor.role === 'reviewer' ||
        session.ownerUserId === actor.userId ||
        (session.tutorUserIds ?? []).includes(actor.userId)
      );
    }
    case 'recording.watch':
      return recordingAccess(actor, resource as RecordingResource) !== undefined;
    case 'session.read_chat': {
      const log = resource as ChatLogResource;
      if (actor.role === 'admin' || actor.role === 'reviewer') return log.readerRoles.includes(actor.role);
      if (actor.role === 'tutor')
        return log.readerRoles.includes('tutor') && log.tutorUserIds.includes(actor.userId);
      return log.participantsRead && log.participantUserIds.includes(actor.userId);
    }
    case 'insights.read':
      return talkTimeView(actor, resource as TalkTimeResource) !== undefined;
    case 'insights.trend': {
      // Across sessions is staff's view only: reviewers and admins as the policy names them, a tutor their own.
      const trend = resource as TalkTrendResource;
      if (actor.role === 'admin' || actor.role === 'reviewer') return trend.readerRoles.includes(actor.role);
      return (
        actor.role === 'tutor' && trend.readerRoles.includes('tutor') && trend.tutorUserId === actor.userId
      );
    }
    case 'recording.request_deletion': {
      // Hearken: participants may ask for early deletion of recordings involving them; guardians for a child.
      const recording = resource as RecordingResource;
      return (
        recording.attendedUserIds.includes(actor.userId) ||
        (actor.role === 'guardian' && recording.attendeeGuardianUserIds.includes(actor.userId))
      );
    }
    case 'student.request_access': {
      // A student asks for their own data; a guardian for their child's, or for an adult's only while
      // that adult has no sign-in of their own (then they ask themselves).
      const student = resource as StudentResource;
      return student.studentUserId === actor.userId || guardianSpeaksFor(actor, student);
    }
    case 'session.report_concern':
      return (resource as AttendanceResource).presentUserIds.includes(actor.userId);
    case 'seat.research_consent': {
      // Each person decides for their own seat; a guardian also for a minor's seat (both are needed).
      const seat = resource as SeatResource;
      return (
        (seat.seatUserId !== null && seat.seatUserId === actor.userId) ||
        (actor.role === 'guardian' && seat.guardianUserIds.includes(actor.userId))
      );
    }
    case 'seat.replace_link': {
      // A guardian replaces their child's link; a tutor a guest's link in a session they own; admins any.
      const seat = resource as SeatLinkResource;
      if (actor.role === 'admin') return true;
      if (actor.role === 'guardian')
        return seat.seatRole === 'student' && seat.guardianUserIds.includes(actor.userId);
      if (actor.role === 'tutor')
        return seat.guest && seat.sessionOwnerUserId !== null && seat.sessionOwnerUserId === actor.userId;
      return false;
    }
    case 'call.mute_participant':
    case 'call.remove_participant':
    case 'call.readmit_participant':
    case 'call.end_session':
    // The whiteboard: opening, closing and locking it, and drawing while it is locked.
    case 'call.open_board':
    case 'call.lock_board':
    case 'call.draw_on_locked_board':
      // The tutor runs the room; so does an admin present in it (in an observer seat).
      return (
        actor.role === 'tutor' ||
        (actor.role === 'observer' && (resource as CallResource).seatAccountRole === 'admin')
      );
    default:
      return false;
  }
}
