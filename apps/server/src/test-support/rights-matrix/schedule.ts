import type { RouteCase } from '../route-matrix';

/**
 * Moving and cancelling a scheduled occurrence in the route × caller matrix. The matrix organisation's
 * sessions have no time, so whoever may change one gets 409 not_scheduled: past every check, with
 * nothing to move or cancel (and nothing changed for the next caller).
 */
export const scheduleCases: RouteCase[] = [
  {
    name: 'move own session',
    whose: 'own',
    method: 'PATCH',
    path: (v) => `/api/sessions/${v.ownSession}/schedule`,
    body: () => ({ startsAt: '2099-01-05T16:30', timeZone: 'Europe/London' }),
    allowed: { admin: 409, tutor: 409 },
  },
  {
    name: "move another tutor's session",
    whose: 'other',
    method: 'PATCH',
    path: (v) => `/api/sessions/${v.otherSession}/schedule`,
    body: () => ({ startsAt: '2099-01-05T16:30', timeZone: 'Europe/London' }),
    allowed: { admin: 409 },
  },
  {
    name: 'cancel own session',
    whose: 'own',
    method: 'POST',
    path: (v) => `/api/sessions/${v.ownSession}/cancel`,
    allowed: { admin: 409, tutor: 409 },
  },
  {
    name: "cancel another tutor's session",
    whose: 'other',
    method: 'POST',
    path: (v) => `/api/sessions/${v.otherSession}/cancel`,
    allowed: { admin: 409 },
  },
];
