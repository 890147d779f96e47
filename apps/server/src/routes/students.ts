/**
 * One enrolled student: listing students to pick from, a student's own sign-in, a further guardian for a
 * child, and the standing "do not record" preference, which also ends any recording already asked for.
 */

import {
  InvitationCreated,
  InviteGuardianRequest,
  InviteStudentRequest,
  RecordingPreference,
  SetRecordingPreferenceRequest,
  StudentList,
} from '@assent/shared';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { appendAudit } from '../audit/audit-log';
import { honourDoNotRecord } from '../consent/honour-do-not-record';
import {
  auditGuardianAddedNotice,
  guardianAddedMail,
  guardianAddedRecipients,
  mailGuardianAddedNotice,
  type NoticeRecipient,
} from '../enrolment/guardian-added-notice';
import { createInvitation } from '../enrolment/invitations';
import type { AppEnv } from '../http/app-env';
import { AppError } from '../http/app-error';
import { validationHook } from '../middleware/error-handling';
import { requireActor } from '../people/actor';
import { authorize } from '../people/authorize';
import { organisation } from '../people/can';
import {
  findStudentAccess,
  insertPreferenceChange,
  listStudentViews,
  preferenceHistory,
  recordStudentEmail,
} from '../people/family-repository';
import { versionsCoveringCurrent } from '../policy/agreement-terms';
import { cookieAuth, errorResponse, json, signedInErrors } from './error-responses';

const denied = signedInErrors;
const StudentParam = z.object({ id: z.string().min(1).max(64) });

const allStudents = createRoute({
  method: 'get',
  path: '/students',
  tags: ['families'],
  summary:
    'Students to pick from when creating a session: a tutor’s own (families they enrolled, students in their sessions); every student for admins',
  ...cookieAuth,
  responses: { 200: { description: 'Students', content: json(StudentList) }, ...denied },
});

const inviteStudent = createRoute({
  method: 'post',
  path: '/students/{id}/invitations',
  tags: ['families'],
  summary:
    "Give an enrolled student a sign-in of their own (a child's guardian; for an adult, an admin or whoever enrolled them, to the address on record)",
  ...cookieAuth,
  request: { params: StudentParam, body: { required: true, content: json(InviteStudentRequest) } },
  responses: {
    201: { description: 'Invitation created', content: json(InvitationCreated) },
    ...denied,
    404: errorResponse('not_found'),
    409: errorResponse(
      'email_taken, email_not_on_record (an adult’s sign-in goes to the address on record) or conflict (the student already has a sign-in)',
    ),
  },
});

const inviteGuardian = createRoute({
  method: 'post',
  path: '/students/{id}/guardian-invitations',
  tags: ['families'],
  summary:
    "Invite another parent or guardian for an enrolled child (the child's guardian, or an admin); when a guardian does, the child's other guardians and the admins are told",
  ...cookieAuth,
  request: { params: StudentParam, body: { required: true, content: json(InviteGuardianRequest) } },
  responses: {
    201: {
      description: 'Invitation created (mailed, or its link returned to copy)',
      content: json(InvitationCreated),
    },
    ...denied,
    404: errorResponse('not_found'),
    409: errorResponse('email_taken'),
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

export const studentRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(allStudents, async (c) => {
    const actor = await requireActor(c);
    await authorize(c, actor, 'students.list', organisation);
    // Which students: see 'students.list' in can.ts.
    const filter = actor.role === 'admin' ? { all: true as const } : { taughtBy: actor.userId };
    return c.json(
      {
        students: await listStudentViews(
          c.var.deps.db,
          filter,
          await versionsCoveringCurrent(c.var.deps.consent.policies),
        ),
      },
      200,
    );
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
    const email = c.req.valid('json').email;
    // An adult's sign-in goes only to the address on record; the first one given by an enroller or an
    // admin becomes the record, and only an admin may replace it.
    if (!student.minor && student.email && student.email !== email && actor.role !== 'admin') {
      throw new AppError(
        409,
        'email_not_on_record',
        `${student.name}'s sign-in can only go to the address on record for them. Ask an administrator to change it.`,
      );
    }
    const created = await createInvitation(
      { ...c.var.deps, logger: c.var.logger },
      {
        kind: 'student',
        role: 'student',
        email,
        invitedBy: actor,
        studentId: student.id,
        alsoInTransaction: async (trx) => {
          if (student.email === email) return { emailOnRecord: true };
          await recordStudentEmail(trx, student.id, email);
          return { emailOnRecord: false, emailRecorded: true, replacedEmail: student.email !== null };
        },
      },
    );
    return c.json(created, 201);
  })
  .openapi(inviteGuardian, async (c) => {
    const actor = await requireActor(c);
    const student = await studentOr404(c, c.req.valid('param').id);
    await authorize(
      c,
      actor,
      'student.invite_guardian',
      { kind: 'student', ...student },
      { type: 'student', id: student.id },
    );
    const email = c.req.valid('json').email;
    const { mailer, now } = c.var.deps;
    // A guardian adding someone to the family: the other guardians and the admins are told.
    let told: NoticeRecipient[] = [];
    const created = await createInvitation(
      { ...c.var.deps, logger: c.var.logger },
      {
        kind: 'family',
        role: 'guardian',
        email,
        invitedBy: actor,
        studentId: student.id,
        alsoInTransaction: async (trx) => {
          if (actor.role !== 'guardian') return undefined;
          told = await guardianAddedRecipients(trx, student.id, actor.userId);
          await auditGuardianAddedNotice(trx, {
            actor,
            studentId: student.id,
            recipients: told,
            mailEnabled: mailer.enabled,
            at: now(),
          });
          return { notifiedUserIds: told.map((r) => r.userId) };
        },
      },
    );
    await mailGuardianAddedNotice({ mailer, logger: c.var.logger }, told, (recipient) =>
      guardianAddedMail(recipient, actor.name, student.name, email),
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
    const { db, now, consent } = c.var.deps;
    const at = now();
    const changeId = crypto.randomUUID();
    await db.transaction().execute(async (trx) => {
      await insertPreferenceChange(trx, {
        id: changeId,
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
    if (doNotRecord) {
      // Committed, so no new request can be made; now end any already made.
      const cancelled = await honourDoNotRecord({ db, consent }, student.id, changeId);
      if (cancelled.length > 0) {
        c.var.logger.info({ studentId: student.id, sessions: cancelled }, 'recording ended: do not record');
      }
    }
    return c.json(await preferenceOf(c, student.id), 200);
  });
