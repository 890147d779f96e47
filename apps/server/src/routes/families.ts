/**
 * Families: enrolment links for guardians, the guardian's agreement to the policy, and their children.
 * One student's own routes (sign-in, a further guardian, "do not record") are in students.ts.
 */

import {
  AddChildRequest,
  GiveAgreementRequest,
  InvitationCreated,
  InviteFamilyRequest,
  MeResponse,
  Student,
  StudentList,
} from '@assent/shared';
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { appendAudit } from '../audit/audit-log';
import { becomeGuardian } from '../enrolment/guardianships';
import { createInvitation } from '../enrolment/invitations';
import type { AppEnv } from '../http/app-env';
import { AppError } from '../http/app-error';
import { validationHook } from '../middleware/error-handling';
import { type Actor, requireActor } from '../people/actor';
import { authorize } from '../people/authorize';
import { organisation } from '../people/can';
import {
  insertAgreement,
  insertStudents,
  latestAgreement,
  listStudentViews,
} from '../people/family-repository';
import { versionsCoveringCurrent } from '../policy/agreement-terms';
import { latestPolicyVersion } from '../policy/policy-repository';
import { cookieAuth, errorResponse, json, signedInErrors } from './error-responses';

const denied = signedInErrors;

const inviteFamily = createRoute({
  method: 'post',
  path: '/families/invitations',
  tags: ['families'],
  summary: 'Send a guardian an enrolment link for their family (tutors and admins)',
  ...cookieAuth,
  request: { body: { required: true, content: json(InviteFamilyRequest) } },
  responses: {
    201: {
      description: 'Enrolment created (mailed, or its link returned to copy)',
      content: json(InvitationCreated),
    },
    ...denied,
    409: errorResponse('email_taken'),
  },
});

const giveAgreement = createRoute({
  method: 'post',
  path: '/me/agreement',
  tags: ['families'],
  summary: 'A guardian confirms they are 18 or over and agrees to the policy version in force',
  ...cookieAuth,
  request: { body: { required: true, content: json(GiveAgreementRequest) } },
  responses: {
    201: { description: 'Agreement kept', content: json(MeResponse.shape.agreement.unwrap()) },
    ...denied,
    409: errorResponse('policy_version_stale: the policy changed while it was being read'),
  },
});

const myStudents = createRoute({
  method: 'get',
  path: '/me/students',
  tags: ['families'],
  summary: "A guardian's children, or an adult student's own entry",
  ...cookieAuth,
  responses: {
    200: { description: 'Students', content: json(StudentList) },
    401: errorResponse('unauthorized'),
  },
});

const addChild = createRoute({
  method: 'post',
  path: '/me/students',
  tags: ['families'],
  summary: 'A guardian who has agreed to the policy adds a child',
  ...cookieAuth,
  request: { body: { required: true, content: json(AddChildRequest) } },
  responses: {
    201: { description: 'Child added', content: json(Student) },
    ...denied,
    409: errorResponse('agreement_required'),
  },
});

async function studentsFor(c: Context<AppEnv>, actor: Actor) {
  const { db, consent } = c.var.deps;
  const covering = await versionsCoveringCurrent(consent.policies);
  if (actor.role === 'guardian') return listStudentViews(db, { guardianUserId: actor.userId }, covering);
  if (actor.role === 'student') return listStudentViews(db, { studentUserId: actor.userId }, covering);
  return [];
}

export const familyRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(inviteFamily, async (c) => {
    const actor = await requireActor(c);
    await authorize(c, actor, 'family.invite', organisation);
    const { guardianEmail, children } = c.req.valid('json');
    const created = await createInvitation(
      { ...c.var.deps, logger: c.var.logger },
      { kind: 'family', role: 'guardian', email: guardianEmail, invitedBy: actor, children },
    );
    return c.json(created, 201);
  })
  .openapi(giveAgreement, async (c) => {
    const actor = await requireActor(c);
    await authorize(c, actor, 'agreement.give', organisation);
    const { policyVersion } = c.req.valid('json');
    const { db, now } = c.var.deps;
    const at = now().toISOString();
    await db.transaction().execute(async (trx) => {
      const current = await latestPolicyVersion(trx);
      if (current !== policyVersion) {
        throw new AppError(
          409,
          'policy_version_stale',
          'The policy has changed since you opened it. Please read the current version.',
        );
      }
      const id = crypto.randomUUID();
      await insertAgreement(trx, { id, userId: actor.userId, policyVersion, agreedAt: at });
      await appendAudit(trx, {
        actor,
        action: 'agreement.give',
        target: { type: 'user', id: actor.userId },
        detail: { policyVersion, adultConfirmed: true },
        at: new Date(at),
      });
    });
    return c.json(
      { agreedVersion: policyVersion, agreedAt: at, currentVersion: policyVersion, covers: true },
      201,
    );
  })
  .openapi(myStudents, async (c) => {
    const actor = await requireActor(c);
    return c.json({ students: await studentsFor(c, actor) }, 200);
  })
  .openapi(addChild, async (c) => {
    const actor = await requireActor(c);
    await authorize(c, actor, 'student.add', organisation);
    const { db, now } = c.var.deps;
    const { name, minor } = c.req.valid('json');
    const at = now();
    const id = crypto.randomUUID();
    await db.transaction().execute(async (trx) => {
      if (!(await latestAgreement(trx, actor.userId))) {
        throw new AppError(
          409,
          'agreement_required',
          'Please confirm you are 18 or over and agree to the policy before adding a child.',
        );
      }
      await insertStudents(trx, [
        {
          id,
          name,
          minor,
          userId: null,
          invitationId: null,
          createdByUserId: actor.userId,
          createdAt: at.toISOString(),
        },
      ]);
      await becomeGuardian(trx, actor, [id], at);
      await appendAudit(trx, {
        actor,
        action: 'student.add',
        target: { type: 'student', id },
        detail: { minor },
        at,
      });
    });
    const [student] = await listStudentViews(
      db,
      { ids: [id] },
      await versionsCoveringCurrent(c.var.deps.consent.policies),
    );
    if (!student) throw new AppError(500, 'internal', 'The child was added but could not be read back.');
    return c.json(student, 201);
  });
