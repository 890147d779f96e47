/**
 * The safeguarding exemptions of an access answer (as data-protection law expects): an answer compiled
 * for someone other than its subject (a guardian about their child) leaves out the subject's own concern
 * and safeguarding reports, since a child may report their family; and while a report about a session is
 * open, no answer shows who watched its recordings to investigate it, since that would tell the person
 * reported on that a report exists. What is left out is counted for the admin who releases the answer.
 */
import type { AccessAnswer, AccessWithheld } from '@assent/shared';
import type { DbOrTrx } from '../../db/database';
import type { Recording } from '../../vault/recording-repository';
import type { AccessRequestRow } from './access-repository';
import { type AnswerScope, idsOrNone } from './access-subject';

export interface Exemptions {
  /** The requester is not the subject: the subject's own reports stay out. */
  thirdParty: boolean;
  /** Recordings of sessions with an open report: their investigation views stay out. */
  underInvestigation: Set<string>;
  /** Who watched each of those recordings to investigate (their audit entries about it stay out too). */
  investigators: Map<string, Set<string>>;
}

export async function exemptionsFor(
  db: DbOrTrx,
  request: AccessRequestRow,
  scope: AnswerScope,
  recordings: readonly Recording[],
): Promise<Exemptions> {
  const open = await db
    .selectFrom('concern_reports')
    .select('session_id')
    .where('status', '=', 'open')
    .where('session_id', 'in', idsOrNone(recordings.map((r) => r.sessionId)))
    .execute();
  const reported = new Set(open.map((r) => r.session_id));
  const underInvestigation = new Set(recordings.filter((r) => reported.has(r.sessionId)).map((r) => r.id));
  const views = await db
    .selectFrom('recording_views')
    .select(['recording_id', 'user_id'])
    .where('access', '=', 'investigation')
    .where('recording_id', 'in', idsOrNone([...underInvestigation]))
    .execute();
  const investigators = new Map<string, Set<string>>();
  for (const v of views) {
    const set = investigators.get(v.recording_id) ?? new Set<string>();
    set.add(v.user_id);
    investigators.set(v.recording_id, set);
  }
  return {
    thirdParty: scope.subject.userId !== request.requester_user_id,
    underInvestigation,
    investigators,
  };
}

const reportActions = /^(concern\.|session\.report_concern$)/;

export interface AuditFacts {
  action: string;
  targetType: string | null;
  targetId: string | null;
  actorUserId: string | null;
}

/** Whether an audit entry stays in the answer. */
export function auditEntryShown(exemptions: Exemptions, e: AuditFacts): boolean {
  const { thirdParty, underInvestigation, investigators } = exemptions;
  if (thirdParty && reportActions.test(e.action)) return false;
  if (e.targetType !== 'recording' || !e.targetId || !underInvestigation.has(e.targetId)) return true;
  // A hold on the recording, or a reviewer's viewing of it for the investigation, tells of the report.
  if (e.action === 'recording.hold_deferred') return false;
  return !(e.actorUserId !== null && investigators.get(e.targetId)?.has(e.actorUserId));
}

/** Applies the exemptions to the sections not filtered as they were read. */
export function withoutExempted(
  answer: AccessAnswer,
  exemptions: Exemptions,
  auditLeftOut: number,
): { answer: AccessAnswer; withheld: AccessWithheld } {
  const views = answer.views.filter(
    (v) => !(v.access === 'investigation' && exemptions.underInvestigation.has(v.recordingId)),
  );
  const concernReports = exemptions.thirdParty ? [] : answer.concernReports;
  return {
    answer: { ...answer, views, concernReports },
    withheld: {
      concernReports: answer.concernReports.length - concernReports.length,
      investigationViews: answer.views.length - views.length,
      auditEntries: auditLeftOut,
    },
  };
}
