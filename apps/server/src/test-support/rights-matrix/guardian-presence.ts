import type { RouteCase } from '../route-matrix';

/** The guardian-presence routes in the route × caller matrix. */
export const guardianPresenceCases: RouteCase[] = [
  {
    name: 'guardian presence in own session',
    whose: 'own',
    method: 'GET',
    path: (v) => `/api/sessions/${v.ownSession}/guardian-presence`,
    allowed: { admin: 200, reviewer: 200, tutor: 200, guardian: 200, student: 200 },
  },
  {
    name: "guardian presence in another tutor's session",
    whose: 'other',
    method: 'GET',
    path: (v) => `/api/sessions/${v.otherSession}/guardian-presence`,
    allowed: { admin: 200, reviewer: 200 },
  },
  {
    name: 'sessions where a guardian was missing',
    method: 'GET',
    path: () => '/api/admin/guardian-presence?missedOnly=false',
    allowed: { admin: 200 },
  },
];
