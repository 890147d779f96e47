/** Compiles the answer to an access request: everything held about its subject, section by section. */
import type { AccessAnswer, AccessWithheld } from '@assent/shared';
import { boardSection } from './access-answer-board';
import { chatSection } from './access-answer-chat';
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
import { transcriptSection } from './access-answer-transcripts';
import { auditEntryShown, exemptionsFor, withoutExempted } from './access-exemptions';
import type { AccessRequestRow } from './access-repository';
import { scopeOf } from './access-subject';

export interface CompiledAnswer {
  answer: AccessAnswer;
  withheld: AccessWithheld;
}

/** The answer with the safeguarding exemptions applied, and what they left out (for the admins). */
export async function compileAccessAnswer(
  deps: AnswerDeps,
  request: AccessRequestRow,
  at: Date,
): Promise<CompiledAnswer> {
  const { db } = deps;
  const scope = await scopeOf(db, request);
  const recordings = await recordingsOf(db, scope);
  const exemptions = await exemptionsFor(db, request, scope, recordings);
  const audit = await auditSection(db, scope, recordings, (e) => auditEntryShown(exemptions, e));
  const full: AccessAnswer = {
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
    audit: audit.entries,
    deletionRecords: await deletionRecordSection(db, recordings),
    deletionRequests: await deletionRequestSection(db, scope),
    concernReports: await concernReportSection(db, scope),
    chatMessages: await chatSection(db, scope),
    boards: await boardSection(db, scope),
    transcripts: await transcriptSection(db, recordings),
  };
  return withoutExempted(full, exemptions, audit.leftOut);
}
