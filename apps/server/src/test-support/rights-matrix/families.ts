import type { RouteCase } from '../route-matrix';

/**
 * Families that grow in the route × caller matrix. The matrix organisation has no waiting enrolment and
 * knows no seat ids, so the callers allowed past `can` get the 404 of a request, family or seat that does
 * not exist; everyone else is refused first (403, audited).
 */
export const familyGrowthCases: RouteCase[] = [
  {
    name: 'ask a guardian to confirm another child',
    method: 'POST',
    path: () => '/api/families/enrolments',
    body: (u) => ({ guardianEmail: `nobody-${u}@example.org`, children: [{ name: 'Kit' }] }),
    allowed: { admin: 404, tutor: 404 },
  },
  {
    name: 'enrolments waiting for my answer',
    method: 'GET',
    path: () => '/api/me/enrolments',
    allowed: { admin: 200, reviewer: 200, tutor: 200, guardian: 200, student: 200 },
  },
  {
    name: 'confirm enrolling a child',
    method: 'POST',
    path: () => '/api/me/enrolments/no-such-request/confirm',
    allowed: { guardian: 404 },
  },
  {
    name: 'decline enrolling a child',
    method: 'POST',
    path: () => '/api/me/enrolments/no-such-request/decline',
    allowed: { guardian: 404 },
  },
  { name: 'families to move', method: 'GET', path: () => '/api/admin/families', allowed: { admin: 200 } },
  {
    name: 'move a family to another tutor',
    method: 'POST',
    path: () => '/api/admin/families/no-such-guardian/tutor',
    body: () => ({ tutorUserId: 'no-such-tutor' }),
    allowed: { admin: 404 },
  },
  {
    name: 'replace a join link',
    method: 'POST',
    path: (v) => `/api/sessions/${v.ownSession}/seats/no-such-seat/link`,
    allowed: { admin: 404, reviewer: 404, tutor: 404, guardian: 404, student: 404 },
  },
];
