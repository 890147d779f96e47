/**
 * Talk time read afterwards, under the default policy: every staff role reads (a tutor only their own
 * sessions and their own trend); learners and guardians do not, as the policy does not let learners see
 * their own share by default. The world's sessions were never measured: readers get `measured: false`.
 */
import type { RouteCase } from '../route-matrix';

export const insightsCases: RouteCase[] = [
  {
    name: "read own session's talk time",
    whose: 'own',
    method: 'GET',
    path: (v) => `/api/sessions/${v.ownSession}/insights`,
    allowed: { admin: 200, reviewer: 200, tutor: 200 },
  },
  {
    name: "read another tutor's session's talk time",
    whose: 'other',
    method: 'GET',
    path: (v) => `/api/sessions/${v.otherSession}/insights`,
    allowed: { admin: 200, reviewer: 200 },
  },
  {
    name: 'read own talk-time trend',
    whose: 'own',
    method: 'GET',
    path: (v) => `/api/insights/tutors/${v.ownTutor}`,
    allowed: { admin: 200, reviewer: 200, tutor: 200 },
  },
  {
    name: "read another tutor's talk-time trend",
    whose: 'other',
    method: 'GET',
    path: (v) => `/api/insights/tutors/${v.otherTutor}`,
    allowed: { admin: 200, reviewer: 200 },
  },
];
