/**
 * Receiving, answering and releasing access requests. Each change is written with its audit entry in one
 * transaction; answering compiles the snapshot (a draft, with the safeguarding exemptions applied) inside
 * that transaction, so what the answer says and the moment it was compiled agree. An admin reads the
 * draft and releases it; only then does the requester see it, and they are mailed: a mail that fails is
 * logged and the release stands (the request page shows it either way).
 */
import type { AccessRequest, AdminAccessRequest } from '@assent/shared';
import type { Logger } from 'pino';
import { appendAudit } from '../../audit/audit-log';
import type { Config } from '../../config';
import type { Db } from '../../db/database';
import { AppError } from '../../http/app-error';
import type { Mailer } from '../../mail/mailer';
import type { Actor } from '../../people/actor';
import type { StudentAccess } from '../../people/family-repository';
import { createPolicyBook } from '../../policy/policy-book';
import { compileAccessAnswer } from './access-answer';
import { accessAnsweredMail } from './access-mail';
import {
  findAccessRequest,
  findAdminAccessRequest,
  findOpenAccessRequest,
  insertAccessRequest,
  markAnswered,
  markReleased,
  newAccessRequestId,
  toAccessRequest,
  toAdminAccessRequest,
} from './access-repository';

export type RequestedSubject = { kind: 'self' } | { kind: 'student'; student: StudentAccess };

/** Records a request, or returns the same requester's still-open one about the same subject. */
export async function receiveAccessRequest(
  deps: { db: Db; now: () => Date },
  actor: Actor,
  subject: RequestedSubject,
): Promise<{ request: AccessRequest; created: boolean }> {
  const student = subject.kind === 'student' ? subject.student : null;
  return deps.db.transaction().execute(async (trx) => {
    const open = await findOpenAccessRequest(trx, actor.userId, student?.id ?? null);
    if (open) return { request: toAccessRequest(open), created: false };
    const at = deps.now();
    const row = {
      id: newAccessRequestId(),
      requester_user_id: actor.userId,
      subject_kind: subject.kind,
      subject_user_id: student ? student.studentUserId : actor.userId,
      subject_student_id: student?.id ?? null,
      subject_name: student?.name ?? actor.name,
      status: 'received' as const,
      created_at: at.toISOString(),
      answered_at: null,
      answered_by_user_id: null,
      answer: null,
      released_at: null,
      released_by_user_id: null,
      withheld: null,
    };
    await insertAccessRequest(trx, row);
    await appendAudit(trx, {
      actor: { userId: actor.userId, role: actor.role },
      action: 'access_request.create',
      target: { type: 'access_request', id: row.id },
      detail: { subjectKind: subject.kind, ...(student ? { studentId: student.id } : {}) },
      at,
    });
    return { request: toAccessRequest(row), created: true };
  });
}

export interface AnswerServiceDeps {
  db: Db;
  config: Config;
  mailer: Mailer;
  logger: Logger;
  now: () => Date;
}

/**
 * Compiles the answer to a received request as a draft for the admins to read: 404 when there is none,
 * 409 `already_decided` when it was compiled before. The requester is told nothing until it is released.
 */
export async function answerAccessRequest(
  deps: AnswerServiceDeps,
  admin: Actor,
  id: string,
): Promise<AdminAccessRequest> {
  const { db, config, now } = deps;
  return db.transaction().execute(async (trx) => {
    const request = await findAccessRequest(trx, id, { lock: true });
    if (!request) throw new AppError(404, 'not_found', 'There is no such access request.');
    if (request.status !== 'received')
      throw new AppError(409, 'already_decided', 'This access request has already been answered.');
    const at = now();
    // Read through this transaction: the shared policy book reads outside it.
    const policies = createPolicyBook({ db: trx, defaults: config.recording, now });
    const { answer, withheld } = await compileAccessAnswer({ db: trx, policies }, request, at);
    const written = await markAnswered(trx, id, {
      json: JSON.stringify(answer),
      withheld: JSON.stringify(withheld),
      at: at.toISOString(),
      byUserId: admin.userId,
    });
    if (!written)
      throw new AppError(409, 'already_decided', 'This access request has already been answered.');
    await appendAudit(trx, {
      actor: { userId: admin.userId, role: admin.role },
      action: 'access_request.answer',
      target: { type: 'access_request', id },
      detail: {
        requesterUserId: request.requester_user_id,
        subjectKind: request.subject_kind,
        sessions: answer.sessions.length,
        recordings: answer.recordings.length,
        withheld,
      },
      at,
    });
    const row = await findAdminAccessRequest(trx, id);
    if (!row) throw new AppError(404, 'not_found', 'There is no such access request.');
    return toAdminAccessRequest(row, at);
  });
}

/**
 * Releases a compiled answer to its requester (audited), then mails them: 404 when there is no such
 * request, 409 `conflict` before it is compiled, 409 `already_decided` once released.
 */
export async function releaseAccessRequest(
  deps: AnswerServiceDeps,
  admin: Actor,
  id: string,
): Promise<AdminAccessRequest> {
  const { db, now } = deps;
  const released = await db.transaction().execute(async (trx) => {
    const request = await findAccessRequest(trx, id, { lock: true });
    if (!request) throw new AppError(404, 'not_found', 'There is no such access request.');
    if (request.released_at)
      throw new AppError(409, 'already_decided', 'This answer has already been released.');
    if (request.status !== 'answered')
      throw new AppError(409, 'conflict', 'Compile the answer and read it before releasing it.');
    const at = now();
    if (!(await markReleased(trx, id, at.toISOString(), admin.userId)))
      throw new AppError(409, 'already_decided', 'This answer has already been released.');
    await appendAudit(trx, {
      actor: { userId: admin.userId, role: admin.role },
      action: 'access_request.release',
      target: { type: 'access_request', id },
      detail: { requesterUserId: request.requester_user_id, subjectKind: request.subject_kind },
      at,
    });
    const row = await findAdminAccessRequest(trx, id);
    if (!row) throw new AppError(404, 'not_found', 'There is no such access request.');
    return row;
  });
  await tellRequester(deps, released.requester_user_id, toAccessRequest(released));
  return toAdminAccessRequest(released, now());
}

async function tellRequester(deps: AnswerServiceDeps, userId: string, request: AccessRequest) {
  try {
    const to = await deps.db
      .selectFrom('users')
      .select(['email', 'name'])
      .where('id', '=', userId)
      .executeTakeFirst();
    if (!to) return;
    await deps.mailer.send(accessAnsweredMail(deps.config, to, request));
  } catch (err) {
    deps.logger.warn({ err, accessRequestId: request.id }, 'access request answer mail could not be sent');
  }
}
