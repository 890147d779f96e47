import type { RouteCase } from '../route-matrix';

/**
 * Adult students in the route × caller matrix. "Another family's adult student" (no sign-in, enrolled by
 * another tutor for another guardian) on every student route: nobody but an admin gives her a sign-in,
 * speaks for her or asks for her data. "An adult of the family with her own sign-in" (the caller's
 * family's adult student, who signed in herself): her guardian no longer acts for her.
 */
export const adultStudentCases: RouteCase[] = [
  {
    name: "read another family's adult student's preference",
    whose: 'other',
    method: 'GET',
    path: (v) => `/api/students/${v.otherAdultStudent}/recording-preference`,
    allowed: { admin: 200, tutor: 200 },
  },
  {
    name: "set another family's adult student's preference",
    whose: 'other',
    method: 'PUT',
    path: (v) => `/api/students/${v.otherAdultStudent}/recording-preference`,
    body: () => ({ doNotRecord: false }),
    allowed: {},
  },
  {
    name: "give another family's adult student a sign-in",
    whose: 'other',
    method: 'POST',
    path: (v) => `/api/students/${v.otherAdultStudent}/invitations`,
    body: (u) => ({ email: `adult-${u}@example.org` }),
    allowed: { admin: 201 },
  },
  {
    name: "invite a guardian for another family's adult student",
    whose: 'other',
    method: 'POST',
    path: (v) => `/api/students/${v.otherAdultStudent}/guardian-invitations`,
    body: (u) => ({ email: `adult-guardian-${u}@example.org` }),
    allowed: { admin: 201 },
  },
  {
    name: "ask for another family's adult student's data",
    whose: 'other',
    method: 'POST',
    path: () => '/api/me/access-requests',
    body: (_u, v) => ({ subject: { kind: 'student', studentId: v.otherAdultStudent } }),
    allowed: {},
  },
  {
    name: 'read the preference of an adult of the family who has her own sign-in',
    whose: 'own',
    method: 'GET',
    path: (v) => `/api/students/${v.ownAdultStudent}/recording-preference`,
    allowed: { admin: 200, tutor: 200, student: 200 },
  },
  {
    name: 'set the preference of an adult of the family who has her own sign-in',
    whose: 'own',
    method: 'PUT',
    path: (v) => `/api/students/${v.ownAdultStudent}/recording-preference`,
    body: () => ({ doNotRecord: false }),
    allowed: { student: 200 },
  },
  {
    name: 'give an adult of the family who has her own sign-in another one',
    whose: 'own',
    method: 'POST',
    path: (v) => `/api/students/${v.ownAdultStudent}/invitations`,
    body: (u) => ({ email: `second-sign-in-${u}@example.org` }),
    // Only an admin gets past the rule, to be told she has one already.
    allowed: { admin: 409 },
  },
  {
    name: 'invite a guardian for an adult of the family who has her own sign-in',
    whose: 'own',
    method: 'POST',
    path: (v) => `/api/students/${v.ownAdultStudent}/guardian-invitations`,
    body: (u) => ({ email: `late-guardian-${u}@example.org` }),
    allowed: { admin: 201 },
  },
  {
    name: 'ask for the data of an adult of the family who has her own sign-in',
    whose: 'own',
    method: 'POST',
    path: () => '/api/me/access-requests',
    body: (_u, v) => ({ subject: { kind: 'student', studentId: v.ownAdultStudent } }),
    allowed: { student: 201 },
  },
];
