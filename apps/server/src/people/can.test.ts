/**
 * The whole authorisation table: every role × every action × every relation of the actor to the
 * resource, against an explicit list of what is allowed. Anything not listed must be refused.
 */
import type { AccountRole, StaffRole } from '@assent/shared';
import { describe, expect, it } from 'vitest';
import { type Action, actions, call, can, type Resource, seatActor, talkTimeView } from './can';

const roles: AccountRole[] = ['admin', 'reviewer', 'tutor', 'guardian', 'student'];
const me = 'u-me';
const someone = 'u-someone';

/** How the actor stands to the resource, and the resource built for that standing. */
const relations: Record<Resource['kind'], Record<string, Resource>> = {
  organisation: { org: { kind: 'organisation' } },
  call: { 'in-call': { kind: 'call' } },
  // relation: whose session (own: the actor is its tutor; in: seated or a guardian of a student; other)
  // : the policy's readers (default: tutor and reviewers; staff: every staff role; +participants).
  chat_log: {
    'own:default': chatLog([me], [me], ['tutor', 'reviewer'], false),
    'in:default': chatLog([someone], [someone, me], ['tutor', 'reviewer'], false),
    'in:+participants': chatLog([someone], [someone, me], ['tutor', 'reviewer'], true),
    'other:staff+participants': chatLog([someone], [someone], ['tutor', 'reviewer', 'admin'], true),
    'own:none': chatLog([me], [me], [], false),
  },
  // relation: whose session (own: the actor is its tutor; learner: seated as a student; guardian: speaks
  // for a student in it; other) : the policy's readers (default: every staff role, learners not; +own:
  // learners see their own share; reviewers: reviewers only).
  talk_time: {
    'own:default': talkTime([me], [], [], ['admin', 'reviewer', 'tutor'], false),
    'learner:default': talkTime([someone], [me], [], ['admin', 'reviewer', 'tutor'], false),
    'learner:+own': talkTime([someone], [me], [], ['admin', 'reviewer', 'tutor'], true),
    'guardian:+own': talkTime([someone], [someone], [me], ['admin', 'reviewer', 'tutor'], true),
    'guardian:default': talkTime([someone], [someone], [me], ['admin', 'reviewer', 'tutor'], false),
    'other:+own': talkTime([someone], [someone], [someone], ['admin', 'reviewer', 'tutor'], true),
    'own:reviewers': talkTime([me], [], [], ['reviewer'], true),
  },
  // relation: whose trend (own: the actor is the tutor; other) : the policy's readers.
  talk_trend: {
    'own:default': { kind: 'talk_trend', tutorUserId: me, readerRoles: ['admin', 'reviewer', 'tutor'] },
    'other:default': {
      kind: 'talk_trend',
      tutorUserId: someone,
      readerRoles: ['admin', 'reviewer', 'tutor'],
    },
    'own:reviewers': { kind: 'talk_trend', tutorUserId: me, readerRoles: ['reviewer'] },
  },
  session: {
    owner: { kind: 'session', ownerUserId: me, attendeeUserIds: [me] },
    attendee: { kind: 'session', ownerUserId: someone, attendeeUserIds: [someone, me] },
    other: { kind: 'session', ownerUserId: someone, attendeeUserIds: [someone] },
    // Sitting in the tutor seat of someone else's session.
    'tutor-seat': {
      kind: 'session',
      ownerUserId: someone,
      attendeeUserIds: [someone, me],
      tutorUserIds: [me],
    },
  },
  student: {
    'minor:guardian': { kind: 'student', minor: true, studentUserId: null, guardianUserIds: [me] },
    'minor:self': { kind: 'student', minor: true, studentUserId: me, guardianUserIds: [someone] },
    'minor:other': { kind: 'student', minor: true, studentUserId: null, guardianUserIds: [someone] },
    // A further guardian of an adult without a sign-in, who did not enrol them.
    'adult:guardian': { kind: 'student', minor: false, studentUserId: null, guardianUserIds: [me] },
    'adult:guardian-enroller': {
      kind: 'student',
      minor: false,
      studentUserId: null,
      guardianUserIds: [me],
      enrolledByUserIds: [me],
    },
    'adult:guardian-of-signed-in': {
      kind: 'student',
      minor: false,
      studentUserId: someone,
      guardianUserIds: [me],
      enrolledByUserIds: [me],
    },
    'adult:self': { kind: 'student', minor: false, studentUserId: me, guardianUserIds: [someone] },
    // Another family's adult student (enrolled by someone else).
    'adult:other': {
      kind: 'student',
      minor: false,
      studentUserId: null,
      guardianUserIds: [someone],
      enrolledByUserIds: [someone],
    },
    // An adult of another family whom the actor enrolled (a tutor naming them in the enrolment).
    'adult:enrolled-by-me': {
      kind: 'student',
      minor: false,
      studentUserId: null,
      guardianUserIds: [someone],
      enrolledByUserIds: [me],
    },
  },
  recording: {
    'own:all-staff:open': recording(me, [me], ['tutor', 'reviewer', 'admin'], true),
    'own:reviewers:open': recording(me, [me], ['reviewer'], true),
    'attended:all-staff:open': recording(someone, [someone, me], ['tutor', 'reviewer', 'admin'], true),
    'attended:all-staff:closed': recording(someone, [someone, me], ['tutor', 'reviewer', 'admin'], false),
    'other:all-staff:open': recording(someone, [someone], ['tutor', 'reviewer', 'admin'], true),
    'other:reviewers:closed': recording(someone, [someone], ['reviewer'], false),
    'other:no-staff:open': recording(someone, [someone], [], true),
    'other:no-staff:reported': recording(someone, [someone], [], false, { underInvestigation: true }),
    'child-attended:no-staff:closed': recording(someone, [someone], [], false, {
      attendeeGuardianUserIds: [me],
    }),
  },
  attendance: {
    present: { kind: 'attendance', presentUserIds: [someone, me] },
    absent: { kind: 'attendance', presentUserIds: [someone] },
  },
  seat: {
    'own:adult': { kind: 'seat', seatUserId: me, minor: false, guardianUserIds: [] },
    'own:minor': { kind: 'seat', seatUserId: me, minor: true, guardianUserIds: [someone] },
    'child:minor': { kind: 'seat', seatUserId: null, minor: true, guardianUserIds: [me] },
    'other:minor': { kind: 'seat', seatUserId: someone, minor: true, guardianUserIds: [someone] },
  },
  // relation: whose seat (my child's, another child's, a guest's, a tutor's) : whose session (own, other).
  seat_link: {
    'child:other': seatLink('student', false, [me], someone),
    'other-child:own': seatLink('student', false, [someone], me),
    'guest:own': seatLink('student', true, [], me),
    'guest:other': seatLink('student', true, [], someone),
    'tutor:own': seatLink('tutor', false, [], me),
    // A guardian's own seat in a session: guardian links point from it, never to it.
    'guardian:other': seatLink('guardian', false, [], someone),
  },
};

function seatLink(
  seatRole: 'student' | 'tutor' | 'guardian',
  guest: boolean,
  guardianUserIds: string[],
  sessionOwnerUserId: string,
): Resource {
  return { kind: 'seat_link', seatRole, guest, guardianUserIds, sessionOwnerUserId };
}

function recording(
  ownerUserId: string,
  attendedUserIds: string[],
  viewerRoles: StaffRole[],
  participantWindowOpen: boolean,
  extra: { underInvestigation?: boolean; attendeeGuardianUserIds?: string[] } = {},
): Resource {
  return {
    kind: 'recording',
    ownerUserId,
    attendedUserIds,
    viewerRoles,
    participantWindowOpen,
    underInvestigation: extra.underInvestigation ?? false,
    attendeeGuardianUserIds: extra.attendeeGuardianUserIds ?? [],
  };
}

function talkTime(
  tutorUserIds: string[],
  learnerUserIds: string[],
  learnerGuardianUserIds: string[],
  readerRoles: StaffRole[],
  learnersSeeOwn: boolean,
): Resource {
  return {
    kind: 'talk_time',
    tutorUserIds,
    learnerUserIds,
    learnerGuardianUserIds,
    readerRoles,
    learnersSeeOwn,
  };
}

function chatLog(
  tutorUserIds: string[],
  participantUserIds: string[],
  readerRoles: StaffRole[],
  participantsRead: boolean,
): Resource {
  return { kind: 'chat_log', tutorUserIds, participantUserIds, readerRoles, participantsRead };
}

const every = (rels: string[]) => (role: string) => rels.map((r) => `${role}@${r}`);
const studentRels = Object.keys(relations.student);

/** Everything allowed, as `action role@relation`. */
const allowed = new Set<string>(
  Object.entries({
    'policy.update': ['admin@org'],
    'policy.history': ['admin@org', 'reviewer@org'],
    'policy.review': ['admin@org'],
    'first_run.read': ['admin@org'],
    'audit.read': ['admin@org'],
    'staff.invite': ['admin@org'],
    'people.list': ['admin@org'],
    'accounts.manage': ['admin@org'],
    'family.invite': ['admin@org', 'tutor@org'],
    'agreement.give': ['guardian@org'],
    'student.add': ['guardian@org'],
    'students.list': ['admin@org', 'tutor@org'],
    'students.all': ['admin@org'],
    'student.replace_email': every(studentRels)('admin'),
    'session.create': ['admin@org', 'tutor@org'],
    // Staff who teach or run the organisation see students; a guardian their child, or an adult only
    // while the adult has no sign-in; a student themselves.
    'student.read': [
      ...every(studentRels)('admin'),
      ...every(studentRels)('tutor'),
      'guardian@minor:guardian',
      'guardian@adult:guardian',
      'guardian@adult:guardian-enroller',
      ...['reviewer', 'guardian', 'student'].flatMap((role) => [`${role}@minor:self`, `${role}@adult:self`]),
    ],
    // A guardian for their child; an adult for themselves, or their guardian while they have no sign-in.
    'student.set_preference': [
      'guardian@minor:guardian',
      'guardian@adult:guardian',
      'guardian@adult:guardian-enroller',
      ...roles.map((role) => `${role}@adult:self`),
    ],
    // A child's: their guardian. An adult's: an admin, or the tutor or guardian who enrolled them while
    // they have no sign-in; never another family's tutor or guardian.
    'student.invite': [
      'guardian@minor:guardian',
      ...every(studentRels.filter((r) => r.startsWith('adult:')))('admin'),
      'tutor@adult:guardian-enroller',
      'tutor@adult:enrolled-by-me',
      'guardian@adult:guardian-enroller',
    ],
    // A child's guardian (an adult's only while the adult has no sign-in), or an admin.
    'student.invite_guardian': [
      ...every(studentRels)('admin'),
      'guardian@minor:guardian',
      'guardian@adult:guardian',
      'guardian@adult:guardian-enroller',
    ],
    'session.read': [
      ...every(['owner', 'attendee', 'tutor-seat', 'other'])('admin'),
      ...every(['owner', 'attendee', 'tutor-seat', 'other'])('reviewer'),
      ...every(['owner', 'attendee', 'tutor-seat'])('tutor'),
      ...every(['owner', 'attendee', 'tutor-seat'])('guardian'),
      ...every(['owner', 'attendee', 'tutor-seat'])('student'),
    ],
    'session.join': roles.flatMap(every(['owner', 'attendee', 'tutor-seat'])),
    // Moving or cancelling a scheduled occurrence: admins any session's, otherwise only its owner (not a
    // tutor seated in someone else's session, not staff who only review).
    'session.reschedule': [
      ...every(['owner', 'attendee', 'tutor-seat', 'other'])('admin'),
      ...roles.filter((r) => r !== 'admin').map((role) => `${role}@owner`),
    ],
    'session.cancel': [
      ...every(['owner', 'attendee', 'tutor-seat', 'other'])('admin'),
      ...roles.filter((r) => r !== 'admin').map((role) => `${role}@owner`),
    ],
    // Every child's guardian-presence verdict: admins, reviewers, the owner and the tutor seat.
    'session.oversee': [
      ...every(['owner', 'attendee', 'tutor-seat', 'other'])('admin'),
      ...every(['owner', 'attendee', 'tutor-seat', 'other'])('reviewer'),
      ...roles.flatMap(every(['owner', 'tutor-seat'])),
    ],
    // In a call the actor's role is their seat's: only the tutor's seat asks, cancels and reads the session's log.
    'call.request_recording': ['tutor@in-call'],
    'call.cancel_request': ['tutor@in-call'],
    'call.read_session_log': ['tutor@in-call'],
    'call.remove_chat_message': ['tutor@in-call'],
    // The policy's reader roles: admins and reviewers every session's, a tutor only their own; students
    // and guardians only sessions they were in, and only where the policy lets participants read.
    'session.read_chat': [
      ...every(['own:default', 'in:default', 'in:+participants'])('reviewer'),
      ...every(['other:staff+participants'])('reviewer'),
      ...every(['other:staff+participants'])('admin'),
      'tutor@own:default',
      ...every(['in:+participants'])('guardian'),
      ...every(['in:+participants'])('student'),
    ],
    'call.let_share': ['tutor@in-call'],
    // Talk time: the policy's staff roles (a tutor only their own session's); where learners see their
    // own, a student seated in it and the guardian who speaks for one (talkTimeView says how much).
    'insights.read': [
      ...every(Object.keys(relations.talk_time).filter((r) => r !== 'own:reviewers'))('admin'),
      ...every(Object.keys(relations.talk_time))('reviewer'),
      'tutor@own:default',
      'student@learner:+own',
      'guardian@guardian:+own',
    ],
    // Across sessions: staff only, a tutor only their own trend.
    'insights.trend': [
      'admin@own:default',
      'admin@other:default',
      ...every(Object.keys(relations.talk_trend))('reviewer'),
      'tutor@own:default',
    ],
    // Quality and safeguarding staff observe any live session, as a seat everyone in the call sees.
    'sessions.list_live': ['admin@org', 'reviewer@org'],
    // The tutor runs the room (an admin present as an observer too: see seatActor below).
    'call.mute_participant': ['tutor@in-call'],
    'call.remove_participant': ['tutor@in-call'],
    'call.readmit_participant': ['tutor@in-call'],
    'call.end_session': ['tutor@in-call'],
    'call.raise_hand': ['tutor@in-call', 'guardian@in-call', 'student@in-call'],
    // The whiteboard: only whoever runs the room opens, closes and locks it, and draws while it is locked.
    'call.open_board': ['tutor@in-call'],
    'call.lock_board': ['tutor@in-call'],
    'call.draw_on_locked_board': ['tutor@in-call'],
    'session.observe': [
      ...every(['owner', 'attendee', 'other', 'tutor-seat'])('admin'),
      ...every(['owner', 'attendee', 'other', 'tutor-seat'])('reviewer'),
    ],
    // Staff by the purpose's viewer roles (tutors only their own sessions); participants only what they
    // attended, while the playback window is open.
    'recording.watch': [
      ...every([
        'own:all-staff:open',
        'attended:all-staff:open',
        'attended:all-staff:closed',
        'other:all-staff:open',
      ])('admin'),
      ...every([
        'own:all-staff:open',
        'own:reviewers:open',
        'attended:all-staff:open',
        'attended:all-staff:closed',
        'other:all-staff:open',
        'other:reviewers:closed',
      ])('reviewer'),
      // VTO: a reported session's recordings may be reviewed to investigate the report.
      ...every(['other:no-staff:reported'])('admin'),
      ...every(['other:no-staff:reported'])('reviewer'),
      'tutor@own:all-staff:open',
      ...every(['own:all-staff:open', 'own:reviewers:open', 'attended:all-staff:open'])('guardian'),
      ...every(['own:all-staff:open', 'own:reviewers:open', 'attended:all-staff:open'])('student'),
    ],
    'deletions.read': ['admin@org'],
    // Anyone who attended (whatever their role), and a guardian whose child attended.
    'recording.request_deletion': [
      ...roles.flatMap(every(['own:all-staff:open', 'own:reviewers:open'])),
      ...roles.flatMap(every(['attended:all-staff:open', 'attended:all-staff:closed'])),
      'guardian@child-attended:no-staff:closed',
    ],
    // A student (with a sign-in) for themselves; a guardian for their child or the adult they enrolled.
    'student.request_access': [
      ...roles.flatMap(every(['minor:self', 'adult:self'])),
      // For an adult only while they have no sign-in of their own (then they ask themselves).
      'guardian@minor:guardian',
      'guardian@adult:guardian',
      'guardian@adult:guardian-enroller',
    ],
    'access_requests.manage': ['admin@org'],
    'deletion_requests.manage': ['admin@org'],
    'session.report_concern': roles.map((role) => `${role}@present`),
    'concerns.handle': ['admin@org', 'reviewer@org'],
    'guardian_presence.read': ['admin@org'],
    // Each person for their own seat; a guardian also for their child's.
    'seat.research_consent': [...roles.flatMap(every(['own:adult', 'own:minor'])), 'guardian@child:minor'],
    'research.export': ['admin@org'],
    'consent_refusals.read': ['admin@org', 'reviewer@org'],
    // Another child for an existing guardian: asked by staff who enrol families, answered by the guardian.
    'enrolment.request': ['admin@org', 'tutor@org'],
    'enrolment.answer': ['guardian@org'],
    'family.move': ['admin@org'],
    // A guardian their child's link; a tutor a guest's link in their own session; an admin any seat's.
    'seat.replace_link': [
      ...every(Object.keys(relations.seat_link))('admin'),
      'guardian@child:other',
      'tutor@guest:own',
    ],
  } satisfies Record<Action, string[]>).flatMap(([action, list]) =>
    list.map((entry) => `${action} ${entry}`),
  ),
);

const cases = (Object.keys(actions) as Action[]).flatMap((action) =>
  roles.flatMap((role) =>
    Object.entries(relations[actions[action]]).map(([relation, resource]) => ({
      action,
      role,
      relation,
      resource,
      expected: allowed.has(`${action} ${role}@${relation}`),
    })),
  ),
);

describe('can: the authorisation matrix', () => {
  it('covers every action, role and relation', () => {
    expect(cases).toHaveLength(
      (Object.keys(actions) as Action[]).reduce(
        (n, a) => n + roles.length * Object.keys(relations[actions[a]]).length,
        0,
      ),
    );
    // Every allowed entry names a real case (a typo would silently allow nothing).
    const keys = new Set(cases.map((c) => `${c.action} ${c.role}@${c.relation}`));
    expect([...allowed].filter((entry) => !keys.has(entry))).toEqual([]);
  });

  it.each(cases)('$action by $role ($relation) → $expected', ({ action, role, resource, expected }) => {
    expect(can({ userId: me, role }, action, resource as never)).toBe(expected);
  });
});

describe('seatActor: in a call the seat speaks, not the account', () => {
  it.each([
    { role: 'tutor', userId: null, allowed: true },
    { role: 'tutor', userId: 'u-tutor', allowed: true },
    { role: 'student', userId: 'u-student', allowed: false },
    { role: 'guardian', userId: null, allowed: false },
    // A reviewer or admin watching as an Observer answers for themselves, and runs nothing.
    { role: 'observer', userId: 'u-reviewer', allowed: false },
  ] as const)(
    'a $role seat (account $userId) may request recording: $allowed',
    ({ role, userId, allowed }) => {
      const actor = seatActor({ id: 'p_seat', role, userId });
      expect(can(actor, 'call.request_recording', call)).toBe(allowed);
      expect(can(actor, 'call.cancel_request', call)).toBe(allowed);
      expect(can(actor, 'call.read_session_log', call)).toBe(allowed);
      expect(can(actor, 'call.remove_chat_message', call)).toBe(allowed);
      expect(can(actor, 'call.let_share', call)).toBe(allowed);
    },
  );
});

describe('running the room: the tutor, or an admin present as an observer', () => {
  const runs = [
    'call.mute_participant',
    'call.remove_participant',
    'call.readmit_participant',
    'call.end_session',
    'call.open_board',
    'call.lock_board',
    'call.draw_on_locked_board',
  ] as const;
  it.each([
    { role: 'tutor', account: undefined, allowed: true },
    { role: 'observer', account: 'admin', allowed: true },
    { role: 'observer', account: 'reviewer', allowed: false },
    { role: 'student', account: 'admin', allowed: false },
    { role: 'guardian', account: undefined, allowed: false },
  ] as const)('a $role seat (account role $account): $allowed', ({ role, account, allowed }) => {
    const actor = seatActor({ id: 'p_seat', role, userId: 'u-seat' });
    for (const action of runs)
      expect(can(actor, action, { kind: 'call', seatAccountRole: account })).toBe(allowed);
  });
});

describe('talkTimeView: how much of a session’s talk time each reader sees', () => {
  const rel = relations.talk_time as Record<string, Extract<Resource, { kind: 'talk_time' }>>;
  const view = (role: AccountRole, r: string) => talkTimeView({ userId: me, role }, rel[r] as never);
  it('gives staff readers everything and a learner or their guardian only their own share', () => {
    expect(view('tutor', 'own:default')).toBe('all');
    expect(view('reviewer', 'other:+own')).toBe('all');
    expect(view('admin', 'own:reviewers')).toBeUndefined();
    expect(view('student', 'learner:+own')).toBe('own');
    expect(view('guardian', 'guardian:+own')).toBe('own');
    expect(view('student', 'learner:default')).toBeUndefined();
    expect(view('guardian', 'other:+own')).toBeUndefined();
    // A tutor seated as a learner elsewhere is still no reader of another tutor's session.
    expect(view('tutor', 'learner:+own')).toBeUndefined();
  });
});
