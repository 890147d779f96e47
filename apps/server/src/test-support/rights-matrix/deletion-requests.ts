import type { RouteCase } from '../route-matrix';

const signedIn = { admin: 200, reviewer: 200, tutor: 200, guardian: 200, student: 200 };

/** The deletion-requests routes in the route × caller matrix. */
export const deletionRequestCases: RouteCase[] = [
  {
    // Missing and not allowed answer alike (and both are audited), so every signed-in caller gets 404.
    name: 'ask to delete a recording that does not exist',
    method: 'POST',
    path: () => '/api/recordings/rec_missing/deletion-request',
    body: () => ({ reason: 'Please delete it' }),
    allowed: { admin: 404, reviewer: 404, tutor: 404, guardian: 404, student: 404 },
  },
  {
    name: 'my deletion requests',
    method: 'GET',
    path: () => '/api/me/deletion-requests',
    allowed: signedIn,
  },
  {
    name: 'deletion requests to decide',
    method: 'GET',
    path: () => '/api/admin/deletion-requests',
    allowed: { admin: 200 },
  },
  {
    name: 'decide a deletion request that does not exist',
    method: 'POST',
    path: () => '/api/admin/deletion-requests/dreq_missing/decision',
    body: () => ({ decision: 'refuse', reason: 'No such request to decide' }),
    allowed: { admin: 404 },
  },
];
