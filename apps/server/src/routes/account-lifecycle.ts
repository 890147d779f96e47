/**
 * People, for administrators: disable or enable an account, sign someone out everywhere, change a
 * staff role, withdraw a pending invitation. Each needs a reason and is audited with who gave it.
 */
import {
  AccountActionRequest,
  AccountActionResult,
  ChangeRoleRequest,
  InvitationRevoked,
} from '@assent/shared';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { revokeInvitation } from '../enrolment/invitation-revoke';
import type { AppEnv } from '../http/app-env';
import { validationHook } from '../middleware/error-handling';
import {
  changeStaffRole,
  disableAccount,
  enableAccount,
  signOutEverywhere,
} from '../people/account-lifecycle';
import { requireActor } from '../people/actor';
import { authorize } from '../people/authorize';
import { organisation } from '../people/can';
import { cookieAuth, errorResponse, json, signedInErrors } from './error-responses';

const Id = z.object({ id: z.string().min(1).max(64) });

const accountResponses = {
  200: { description: 'Done', content: json(AccountActionResult) },
  ...signedInErrors,
  404: errorResponse('not_found'),
  409: errorResponse('conflict (already so, your own account, or the last administrator)'),
};
const reasonBody = { params: Id, body: { required: true, content: json(AccountActionRequest) } };

const disable = createRoute({
  method: 'post',
  path: '/admin/people/{id}/disable',
  tags: ['people'],
  summary:
    'Disable an account: sign-in refused, every sign-in ended, removed from live calls, join links refused',
  ...cookieAuth,
  request: reasonBody,
  responses: accountResponses,
});

const enable = createRoute({
  method: 'post',
  path: '/admin/people/{id}/enable',
  tags: ['people'],
  summary: 'Let a disabled account sign in again',
  ...cookieAuth,
  request: reasonBody,
  responses: accountResponses,
});

const signOut = createRoute({
  method: 'post',
  path: '/admin/people/{id}/sign-out',
  tags: ['people'],
  summary: 'End every sign-in of an account on every device',
  ...cookieAuth,
  request: reasonBody,
  responses: accountResponses,
});

const changeRole = createRoute({
  method: 'put',
  path: '/admin/people/{id}/role',
  tags: ['people'],
  summary: 'Move a staff account to another staff role (administrator, reviewer, tutor)',
  ...cookieAuth,
  request: { params: Id, body: { required: true, content: json(ChangeRoleRequest) } },
  responses: accountResponses,
});

const revoke = createRoute({
  method: 'post',
  path: '/admin/invitations/{id}/revoke',
  tags: ['people'],
  summary: 'Withdraw a pending invitation: its link stops working',
  ...cookieAuth,
  request: { params: Id, body: { required: true, content: json(AccountActionRequest) } },
  responses: {
    200: { description: 'Withdrawn', content: json(InvitationRevoked) },
    ...signedInErrors,
    404: errorResponse('not_found'),
    409: errorResponse('link_used or conflict (already withdrawn)'),
  },
});

async function admin(c: Context<AppEnv>) {
  const actor = await requireActor(c);
  await authorize(c, actor, 'accounts.manage', organisation);
  return actor;
}

const lifecycleDeps = (c: Context<AppEnv>) => ({ ...c.var.deps, logger: c.var.logger });

export const accountLifecycleRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(disable, async (c) => {
    const actor = await admin(c);
    const { reason } = c.req.valid('json');
    return c.json(await disableAccount(lifecycleDeps(c), actor, c.req.valid('param').id, reason), 200);
  })
  .openapi(enable, async (c) => {
    const actor = await admin(c);
    const { reason } = c.req.valid('json');
    return c.json(await enableAccount(lifecycleDeps(c), actor, c.req.valid('param').id, reason), 200);
  })
  .openapi(signOut, async (c) => {
    const actor = await admin(c);
    const { reason } = c.req.valid('json');
    return c.json(await signOutEverywhere(lifecycleDeps(c), actor, c.req.valid('param').id, reason), 200);
  })
  .openapi(changeRole, async (c) => {
    const actor = await admin(c);
    const { role, reason } = c.req.valid('json');
    const id = c.req.valid('param').id;
    return c.json(await changeStaffRole(lifecycleDeps(c), actor, id, role, reason), 200);
  })
  .openapi(revoke, async (c) => {
    const actor = await admin(c);
    const { reason } = c.req.valid('json');
    return c.json(await revokeInvitation(c.var.deps, actor, c.req.valid('param').id, reason), 200);
  });
