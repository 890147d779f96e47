import type { RouteCase } from '../route-matrix';

const everyone = { admin: 200, reviewer: 200, tutor: 200, guardian: 200, student: 200 };

/**
 * The concerns routes in the route × caller matrix. Reporting about a session is not here: nobody in
 * the matrix's organisation was in a call, and its refusal is the plain-words 403 `not_attended`
 * (tested in routes/concerns.test.ts), not `forbidden`.
 */
export const concernCases: RouteCase[] = [
  { name: 'my reports', method: 'GET', path: () => '/api/me/concerns', allowed: everyone },
  {
    name: 'safeguarding reports',
    method: 'GET',
    path: () => '/api/safeguarding/reports',
    allowed: { admin: 200, reviewer: 200 },
  },
  {
    // The safeguarding staff learn it does not exist; everyone else is refused first.
    name: 'a safeguarding report that does not exist',
    method: 'GET',
    path: () => '/api/safeguarding/reports/rpt_missing',
    allowed: { admin: 404, reviewer: 404 },
  },
  {
    name: 'close a safeguarding report that does not exist',
    method: 'POST',
    path: () => '/api/safeguarding/reports/rpt_missing/close',
    body: () => ({ outcome: 'Looked into it', correctiveActions: '' }),
    allowed: { admin: 404, reviewer: 404 },
  },
];
