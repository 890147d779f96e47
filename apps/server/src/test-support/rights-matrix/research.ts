import type { RouteCase } from '../route-matrix';

const signedIn = { admin: 200, reviewer: 200, tutor: 200, guardian: 200, student: 200 };
const everyoneSignedIn = (status: number) => ({
  admin: status,
  reviewer: status,
  tutor: status,
  guardian: status,
  student: status,
});

/** The research routes in the route × caller matrix. */
export const researchCases: RouteCase[] = [
  {
    name: 'research sharing choices',
    method: 'GET',
    path: () => '/api/me/research',
    allowed: signedIn,
  },
  {
    // Whether a seat may be decided for depends on the seat; one that is not in the session is 404 for all.
    name: 'research sharing for a seat not in the session',
    whose: 'own',
    method: 'PUT',
    path: (v) => `/api/sessions/${v.ownSession}/research-consent`,
    body: () => ({ personId: 'per_missing', decision: 'agree' }),
    allowed: everyoneSignedIn(404),
  },
  {
    name: 'research sharing overview',
    method: 'GET',
    path: () => '/api/admin/research',
    allowed: { admin: 200 },
  },
  {
    name: 'create a research export',
    method: 'POST',
    path: () => '/api/admin/research/exports',
    allowed: { admin: 201 },
  },
  {
    name: 'download a research export that does not exist',
    method: 'GET',
    path: () => '/api/admin/research/exports/rexp_missing/archive',
    allowed: { admin: 404 },
  },
];
