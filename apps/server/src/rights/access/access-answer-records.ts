/** The answer's records of what was done: audit entries about the subject's data, their requests and reports. */
import type { AccessAnswer } from '@assent/shared';
import type { DbOrTrx } from '../../db/database';
import type { Recording } from '../../vault/recording-repository';
import type { AuditFacts } from './access-exemptions';
import { type AnswerScope, idsOrNone } from './access-subject';

/** Entries the subject's account made, and entries whose target is one of the subject's ids. */
export async function auditSection(
  db: DbOrTrx,
  scope: AnswerScope,
  recordings: readonly Recording[],
  shown: (entry: AuditFacts) => boolean = () => true,
): Promise<{ entries: AccessAnswer['audit']; leftOut: number }> {
  const { userId, studentId } = scope.subject;
  const targets = [
    ...(userId ? [userId] : []),
    ...(studentId ? [studentId] : []),
    ...scope.seats.map((s) => s.id),
    ...recordings.map((r) => r.id),
  ];
  const rows = await db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_user_id')
    .select([
      'audit_log.seq',
      'audit_log.at',
      'users.name',
      'audit_log.actor_role',
      'audit_log.action',
      'audit_log.target_type',
      'audit_log.target_id',
      'audit_log.outcome',
      'audit_log.actor_user_id',
    ])
    .where((eb) =>
      eb.or([
        eb('audit_log.target_id', 'in', idsOrNone(targets)),
        ...(userId ? [eb('audit_log.actor_user_id', '=', userId)] : []),
      ]),
    )
    .orderBy('audit_log.seq')
    .execute();
  const kept = rows.filter((r) =>
    shown({
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
      actorUserId: r.actor_user_id,
    }),
  );
  const entries = kept.map((r) => ({
    seq: Number(r.seq),
    at: r.at,
    actorName: r.name ?? null,
    actorRole: r.actor_role,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    outcome: r.outcome,
  }));
  return { entries, leftOut: rows.length - kept.length };
}

/** Deletion requests the subject made (status and dates only). */
export async function deletionRequestSection(
  db: DbOrTrx,
  scope: AnswerScope,
): Promise<AccessAnswer['deletionRequests']> {
  const { userId } = scope.subject;
  const rows = await db
    .selectFrom('deletion_requests')
    .innerJoin('sessions', 'sessions.id', 'deletion_requests.session_id')
    .select([
      'sessions.title',
      'deletion_requests.status',
      'deletion_requests.created_at',
      'deletion_requests.decided_at',
    ])
    .where((eb) =>
      eb.or([
        eb('deletion_requests.requester_person_id', 'in', idsOrNone(scope.seats.map((s) => s.id))),
        ...(userId ? [eb('deletion_requests.requester_user_id', '=', userId)] : []),
      ]),
    )
    .orderBy('deletion_requests.created_at')
    .execute();
  return rows.map((r) => ({
    sessionTitle: r.title,
    status: r.status,
    createdAt: r.created_at,
    decidedAt: r.decided_at,
  }));
}

/** Concern reports the subject made (status and dates only: what was reported stays with the reviewers). */
export async function concernReportSection(
  db: DbOrTrx,
  scope: AnswerScope,
): Promise<AccessAnswer['concernReports']> {
  const { userId } = scope.subject;
  const rows = await db
    .selectFrom('concern_reports')
    .innerJoin('sessions', 'sessions.id', 'concern_reports.session_id')
    .select([
      'sessions.title',
      'concern_reports.status',
      'concern_reports.created_at',
      'concern_reports.closed_at',
    ])
    .where((eb) =>
      eb.or([
        eb('concern_reports.reporter_person_id', 'in', idsOrNone(scope.seats.map((s) => s.id))),
        ...(userId ? [eb('concern_reports.reporter_user_id', '=', userId)] : []),
      ]),
    )
    .orderBy('concern_reports.created_at')
    .execute();
  return rows.map((r) => ({
    sessionTitle: r.title,
    status: r.status,
    createdAt: r.created_at,
    closedAt: r.closed_at,
  }));
}
