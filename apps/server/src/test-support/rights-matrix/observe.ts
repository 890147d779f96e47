import type { RouteCase } from '../route-matrix';

/**
 * Live observers in the route × caller matrix. Nobody is in the matrix organisation's calls, so staff
 * who may observe get 409 session_not_live: past every check, with nothing to join.
 */
export const observeCases: RouteCase[] = [
  {
    name: 'sessions in a call now',
    method: 'GET',
    path: () => '/api/live-sessions',
    allowed: { admin: 200, reviewer: 200 },
  },
  {
    name: 'observe own session',
    whose: 'own',
    method: 'POST',
    path: (v) => `/api/sessions/${v.ownSession}/observe`,
    allowed: { admin: 409, reviewer: 409 },
  },
  {
    name: "observe another tutor's session",
    whose: 'other',
    method: 'POST',
    path: (v) => `/api/sessions/${v.otherSession}/observe`,
    allowed: { admin: 409, reviewer: 409 },
  },
];
