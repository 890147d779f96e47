import type { RouteCase } from '../route-matrix';

/**
 * The access-requests routes in the route × caller matrix. Cases whose answer is a 404 are left out:
 * a missing request is refused with an audited 404, which the matrix does not count as a refusal. A
 * request about a student needs the student's id in the body, which the matrix cannot give; the
 * route tests cover it.
 */
export const accessRequestCases: RouteCase[] = [
  {
    // Each caller asks once; asking again while it is open would answer 200 with the same request.
    name: 'request my own data',
    method: 'POST',
    path: () => '/api/me/access-requests',
    body: () => ({ subject: { kind: 'self' } }),
    allowed: { admin: 201, reviewer: 201, tutor: 201, guardian: 201, student: 201 },
  },
  {
    name: 'my access requests',
    method: 'GET',
    path: () => '/api/me/access-requests',
    allowed: { admin: 200, reviewer: 200, tutor: 200, guardian: 200, student: 200 },
  },
  {
    name: 'access requests to answer',
    method: 'GET',
    path: () => '/api/admin/access-requests',
    allowed: { admin: 200 },
  },
  {
    name: 'answer an access request that does not exist',
    method: 'POST',
    path: () => '/api/admin/access-requests/areq_missing/answer',
    body: () => ({}),
    allowed: { admin: 404 },
  },
  {
    name: 'read a compiled access answer that does not exist',
    method: 'GET',
    path: () => '/api/admin/access-requests/areq_missing',
    allowed: { admin: 404 },
  },
  {
    name: 'release an access answer that does not exist',
    method: 'POST',
    path: () => '/api/admin/access-requests/areq_missing/release',
    body: () => ({}),
    allowed: { admin: 404 },
  },
];
