/** Who is signed in, invitation links (first administrator, staff, families) and the staff list. */

import {
  AcceptInvitationRequest,
  InvitationCreated,
  InvitationPreview,
  InviteStaffRequest,
  LinkToken,
  MeResponse,
  PeopleList,
} from '@assent/shared';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { acceptInvitation, createInvitation, usableInvitation } from '../enrolment/invitations';
import type { AppEnv } from '../http/app-env';
import { AppError } from '../http/app-error';
import { clientHeaders } from '../http/client-address';
import { validationHook } from '../middleware/error-handling';
import { currentActor, requireActor } from '../people/actor';
import { authorize } from '../people/authorize';
import { organisation } from '../people/can';
import { findStudentAccess, latestAgreement, studentsOfInvitation } from '../people/family-repository';
import { listPendingInvitations } from '../people/invitation-repository';
import { adminExists, findUser, listUsers } from '../people/user-repository';
import { versionsCoveringCurrent } from '../policy/agreement-terms';
import { errorResponse } from './error-responses';

const cookieAuth = { security: [{ sessionCookie: [] }] };
const json = <T>(schema: T) => ({ 'application/json': { schema } });

const me = createRoute({
  method: 'get',
  path: '/me',
  tags: ['people'],
  summary: 'Who is signed in (null when nobody), and a guardian’s agreement status',
  responses: { 200: { description: 'The caller', content: json(MeResponse) } },
});

const previewInvitation = createRoute({
  method: 'get',
  path: '/invitations/{token}',
  tags: ['people'],
  summary: 'What an invitation link offers, before the account is created',
  request: { params: z.object({ token: LinkToken }) },
  responses: {
    200: { description: 'The invitation', content: json(InvitationPreview) },
    400: errorResponse('validation_failed'),
    404: errorResponse('link_invalid'),
    409: errorResponse('link_used or setup_done'),
    410: errorResponse('link_expired'),
  },
});

const accept = createRoute({
  method: 'post',
  path: '/invitations/{token}/accept',
  tags: ['people'],
  summary: 'Create the account an invitation offers and sign it in (sets the session cookie)',
  request: {
    params: z.object({ token: LinkToken }),
    body: { required: true, content: json(AcceptInvitationRequest) },
  },
  responses: {
    201: { description: 'Account created and signed in', content: json(MeResponse) },
    400: errorResponse('validation_failed'),
    404: errorResponse('link_invalid'),
    409: errorResponse('link_used, setup_done or email_taken'),
    410: errorResponse('link_expired'),
  },
});

const inviteStaff = createRoute({
  method: 'post',
  path: '/admin/invitations',
  tags: ['people'],
  summary: 'Invite an administrator, reviewer or tutor by email (admins only)',
  ...cookieAuth,
  request: { body: { required: true, content: json(InviteStaffRequest) } },
  responses: {
    201: {
      description: 'Invitation created (mailed, or its link returned to copy)',
      content: json(InvitationCreated),
    },
    400: errorResponse('validation_failed'),
    401: errorResponse('unauthorized'),
    403: errorResponse('forbidden'),
    409: errorResponse('email_taken'),
  },
});

const listPeople = createRoute({
  method: 'get',
  path: '/admin/people',
  tags: ['people'],
  summary: 'Every account and every pending invitation (admins only)',
  ...cookieAuth,
  responses: {
    200: { description: 'People', content: json(PeopleList) },
    401: errorResponse('unauthorized'),
    403: errorResponse('forbidden'),
  },
});

async function meOf(c: Context<AppEnv>, userId: string | undefined): Promise<MeResponse> {
  const { db } = c.var.deps;
  const [user, setupDone] = await Promise.all([userId ? findUser(db, userId) : undefined, adminExists(db)]);
  let agreement: MeResponse['agreement'] = null;
  if (user?.role === 'guardian') {
    const [latest, covering] = await Promise.all([
      latestAgreement(db, user.id),
      versionsCoveringCurrent(c.var.deps.consent.policies),
    ]);
    agreement = {
      agreedVersion: latest?.policyVersion ?? null,
      agreedAt: latest?.agreedAt ?? null,
      currentVersion: covering[0] ?? 1,
      covers: latest !== undefined && covering.includes(latest.policyVersion),
    };
  }
  return {
    user: user ? { id: user.id, name: user.name, email: user.email, role: user.role } : null,
    agreement,
    setupPending: !setupDone,
  };
}

export const peopleRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(me, async (c) => {
    const actor = await currentActor(c);
    return c.json(await meOf(c, actor?.userId), 200);
  })
  .openapi(previewInvitation, async (c) => {
    const { db, now } = c.var.deps;
    const invitation = await usableInvitation(db, c.req.valid('param').token, now());
    const [inviter, named, forStudent] = await Promise.all([
      invitation.invitedByUserId ? findUser(db, invitation.invitedByUserId) : undefined,
      invitation.kind === 'family' ? studentsOfInvitation(db, invitation.id) : [],
      // A further guardian's child, or the student whose own sign-in this is.
      invitation.studentId ? findStudentAccess(db, invitation.studentId) : undefined,
    ]);
    const children = forStudent ? [...named, forStudent] : named;
    return c.json(
      {
        kind: invitation.kind,
        role: invitation.role,
        email: invitation.email,
        invitedBy: inviter?.name ?? null,
        children: children.map((child) => ({ id: child.id, name: child.name, minor: child.minor })),
        additionalGuardian: invitation.kind === 'family' && invitation.studentId !== null,
        expiresAt: invitation.expiresAt,
      },
      200,
    );
  })
  .openapi(accept, async (c) => {
    const deps = c.var.deps;
    const input = c.req.valid('json');
    const { userId, email } = await acceptInvitation(
      { ...deps, logger: c.var.logger },
      c.req.valid('param').token,
      input,
    );
    // better-auth makes the session and its cookie, exactly as a password sign-in would.
    const signedIn = await deps.auth.api.signInEmail({
      body: { email, password: input.password },
      headers: clientHeaders(c),
      asResponse: true,
    });
    if (!signedIn.ok)
      throw new AppError(500, 'internal', 'The account was created but could not be signed in.');
    for (const cookie of signedIn.headers.getSetCookie()) c.header('set-cookie', cookie, { append: true });
    return c.json(await meOf(c, userId), 201);
  })
  .openapi(inviteStaff, async (c) => {
    const actor = await requireActor(c);
    await authorize(c, actor, 'staff.invite', organisation);
    const { email, role } = c.req.valid('json');
    const created = await createInvitation(
      { ...c.var.deps, logger: c.var.logger },
      { kind: 'staff', role, email, invitedBy: actor },
    );
    return c.json(created, 201);
  })
  .openapi(listPeople, async (c) => {
    const actor = await requireActor(c);
    await authorize(c, actor, 'people.list', organisation);
    const { db, now } = c.var.deps;
    const [users, pending] = await Promise.all([
      listUsers(db),
      listPendingInvitations(db, now().toISOString()),
    ]);
    return c.json(
      {
        people: users.map((u) => ({
          id: u.id,
          name: u.name,
          email: u.email,
          role: u.role,
          createdAt: u.createdAt,
          disabledAt: u.disabledAt,
        })),
        pendingInvitations: pending.map((i) => ({
          id: i.id,
          email: i.email,
          role: i.role,
          kind: i.kind,
          expiresAt: i.expiresAt,
        })),
      },
      200,
    );
  });
