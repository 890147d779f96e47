/** Compiles the answer to an access request: everything held about its subject, section by section. */
import type { AccessAnswer } from '@assent/shared';
import {
  advanceConsentSection,
  consentLogSection,
  preferenceSection,
  researchConsentSection,
} from './access-answer-consents';
import {
  accountSection,
  agreementSection,
  guardianshipSection,
  sessionSection,
  studentSection,
} from './access-answer-people';
import {
  type AnswerDeps,
  deletionRecordSection,
  recordingSection,
  recordingsOf,
  viewSection,
} from './access-answer-recordings';
import { auditSection, concernReportSection, deletionRequestSection } from './access-answer-records';
import type { AccessRequestRow } from './access-repository';
import { scopeOf } from './access-subject';

export async function compileAccessAnswer(
  deps: AnswerDeps,
  request: AccessRequestRow,
  at: Date,
): Promise<AccessAnswer> {
  const { db } = deps;
  const scope = await scopeOf(db, request);
  const recordings = await recordingsOf(db, scope);
  return {
    compiledAt: at.toISOString(),
    subject: scope.subject,
    account: await accountSection(db, scope),
    student: await studentSection(db, scope),
    guardianships: await guardianshipSection(db, scope),
    agreements: await agreementSection(db, scope),
    sessions: await sessionSection(db, scope),
    consents: {
      log: await consentLogSection(db, scope),
      inAdvance: await advanceConsentSection(db, scope),
      research: await researchConsentSection(db, scope),
      doNotRecord: await preferenceSection(db, scope),
    },
    recordings: await recordingSection(deps, scope, recordings, at),
    views: await viewSection(db, recordings),
    audit: await auditSection(db, scope, recordings),
    deletionRecords: await deletionRecordSection(db, recordings),
    deletionRequests: await deletionRequestSection(db, scope),
    concernReports: await concernReportSection(db, scope),
  };
}
