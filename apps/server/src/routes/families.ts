/**
 * Families: enrolment links for guardians, the guardian's agreement to the policy, their children,
 * students' own sign-ins, and standing "do not record" preferences.
 */
import {
  AddChildRequest,
  GiveAgreementRequest,
  InvitationCreated,
  InviteFamilyRequest,
  InviteStudentRequest,
  MeResponse,
  RecordingPreference,
  SetRecordingPreferenceRequest,
  Student,
  StudentList,
} from '@assent/shared';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { appendAudit } from '../audit/audit-log';
import type { AppEnv } from '../http/app-env';
import { AppError } from '../http/app-error';
import { validationHook } from '../http/error-handling';
import { type Actor, requireActor } from '../people/actor';
import { authorize } from '../people/authorize';
import { organisation } from '../people/can';
import {
  findStudentAccess,
  insertAgreement,
  insertGuardianships,
  insertPreferenceChange,
  insertStudents,
  latestAgreement,
  listStudentViews,
  preferenceHistory,
} from '../people/family-repository';
import { createInvitation } from '../people/invitations';
import { latestPolicyVersion } from '../policy/policy-repository';
import { errorResponse } from './error-responses';

const cookieAuth = { security: [{ sessionCookie: [] }] };
const json = <T>(schema: T) => ({ 'application/json': { schema } });
const denied = {
  400: errorResponse('validation_failed'),
  401: errorResponse('unauthorized'),
  403: errorResponse('forbidden'),
};
const StudentParam = z.object({ id: z.string().min(1).max(64) });

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

const allStudents = createRoute({
  method: 'get',
  path: '/students',
  tags: ['families'],
  summary: 'Every student, to pick from when creating a session (tutors and admins)',
  ...cookieAuth,
  responses: { 200: { description: 'Students', content: json(StudentList) }, ...denied },
});

const inviteStudent = createRoute({
  method: 'post',
  path: '/students/{id}/invitations',
  tags: ['families'],
  summary: "Give an enrolled student a sign-in of their own (the student's guardian)",
  ...cookieAuth,
  request: { params: StudentParam, body: { required: true, content: json(InviteStudentRequest) } },
  responses: {
    201: { description: 'Invitation created', content: json(InvitationCreated) },
    ...denied,
    404: errorResponse('not_found'),
    409: errorResponse('email_taken or conflict (the student already has a sign-in)'),
  },
});

const readPreference = createRoute({
  method: 'get',
  path: '/students/{id}/recording-preference',
  tags: ['families'],
  summary: 'A student’s standing recording preference and its history',
  ...cookieAuth,
  request: { params: StudentParam },
  responses: {
    200: { description: 'Preference', content: json(RecordingPreference) },
    ...denied,
    404: errorResponse('not_found'),
  },
});

const setPreference = createRoute({
  method: 'put',
  path: '/students/{id}/recording-preference',
  tags: ['families'],
  summary: 'Set "do not record my sessions" (a guardian for their child, or an adult student)',
  ...cookieAuth,
  request: { params: StudentParam, body: { required: true, content: json(SetRecordingPreferenceRequest) } },
  responses: {
    200: { description: 'Preference', content: json(RecordingPreference) },
    ...denied,
    404: errorResponse('not_found'),
  },
});

async function studentOr404(c: Context<AppEnv>, id: string) {
  const student = await findStudentAccess(c.var.deps.db, id);
  if (!student) throw new AppError(404, 'not_found', 'There is no such student.');
  return student;
}

async function preferenceOf(c: Context<AppEnv>, studentId: string): Promise<RecordingPreference> {
  const history = await preferenceHistory(c.var.deps.db, studentId);
  return { studentId, doNotRecord: history[0]?.doNotRecord ?? false, history };
}

function studentsFor(c: Context<AppEnv>, actor: Actor) {
  const { db } = c.var.deps;
  if (actor.role === 'guardian') return listStudentViews(db, { guardianUserId: actor.userId });
  if (actor.role === 'student') return listStudentViews(db, { studentUserId: actor.userId });
  return Promise.resolve([]);
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
    return c.json({ agreedVersion: policyVersion, agreedAt: at, currentVersion: policyVersion }, 201);
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
      await insertGuardianships(trx, actor.userId, [id], at.toISOString());
      await appendAudit(trx, {
        actor,
        action: 'student.add',
        target: { type: 'student', id },
        detail: { minor },
        at,
      });
    });
    const [student] = await listStudentViews(db, { ids: [id] });
    if (!student) throw new AppError(500, 'internal', 'The child was added but could not be read back.');
    return c.json(student, 201);
  })
  .openapi(allStudents, async (c) => {
    const actor = await requireActor(c);
    await authorize(c, actor, 'students.list', organisation);
    return c.json({ students: await listStudentViews(c.var.deps.db, { all: true }) }, 200);
  })
  .openapi(inviteStudent, async (c) => {
    const actor = await requireActor(c);
    const student = await studentOr404(c, c.req.valid('param').id);
    await authorize(
      c,
      actor,
      'student.invite',
      { kind: 'student', ...student },
      { type: 'student', id: student.id },
    );
    if (student.studentUserId) throw new AppError(409, 'conflict', `${student.name} already has a sign-in.`);
    const created = await createInvitation(
      { ...c.var.deps, logger: c.var.logger },
      {
        kind: 'student',
        role: 'student',
        email: c.req.valid('json').email,
        invitedBy: actor,
        studentId: student.id,
      },
    );
    return c.json(created, 201);
  })
  .openapi(readPreference, async (c) => {
    const actor = await requireActor(c);
    const student = await studentOr404(c, c.req.valid('param').id);
    await authorize(
      c,
      actor,
      'student.read',
      { kind: 'student', ...student },
      { type: 'student', id: student.id },
    );
    return c.json(await preferenceOf(c, student.id), 200);
  })
  .openapi(setPreference, async (c) => {
    const actor = await requireActor(c);
    const student = await studentOr404(c, c.req.valid('param').id);
    await authorize(
      c,
      actor,
      'student.set_preference',
      { kind: 'student', ...student },
      { type: 'student', id: student.id },
    );
    const { doNotRecord } = c.req.valid('json');
    const { db, now } = c.var.deps;
    const at = now();
    await db.transaction().execute(async (trx) => {
      await insertPreferenceChange(trx, {
        id: crypto.randomUUID(),
        studentId: student.id,
        doNotRecord,
        changedByUserId: actor.userId,
        at: at.toISOString(),
      });
      await appendAudit(trx, {
        actor,
        action: 'preference.set',
        target: { type: 'student', id: student.id },
        detail: { doNotRecord },
        at,
      });
    });
    return c.json(await preferenceOf(c, student.id), 200);
  });
