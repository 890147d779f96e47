import type { RouteCase } from '../route-matrix';

/**
 * Account lifecycle on People in the route × caller matrix. The matrix has no account to spare, so each
 * route names one that does not exist: an admin is told it is missing, everyone else is refused (and
 * audited) before anything is looked up. The route tests act on real accounts.
 */
const reason = () => ({ reason: 'Route matrix' });

export const accountLifecycleCases: RouteCase[] = [
  {
    name: 'disable an account',
    method: 'POST',
    path: () => '/api/admin/people/user_missing/disable',
    body: reason,
    allowed: { admin: 404 },
  },
  {
    name: 'enable an account',
    method: 'POST',
    path: () => '/api/admin/people/user_missing/enable',
    body: reason,
    allowed: { admin: 404 },
  },
  {
    name: 'sign someone out everywhere',
    method: 'POST',
    path: () => '/api/admin/people/user_missing/sign-out',
    body: reason,
    allowed: { admin: 404 },
  },
  {
    name: "change someone's staff role",
    method: 'PUT',
    path: () => '/api/admin/people/user_missing/role',
    body: () => ({ role: 'reviewer', reason: 'Route matrix' }),
    allowed: { admin: 404 },
  },
  {
    name: 'withdraw a pending invitation',
    method: 'POST',
    path: () => '/api/admin/invitations/inv_missing/revoke',
    body: reason,
    allowed: { admin: 404 },
  },
];
