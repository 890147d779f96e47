/** Access requests and their answers in the words the requests pages use. */
import type { AccessRequest, AccountRole, AnswerRecording } from '@assent/shared';
import { actionInWords } from '../../admin/audit-query';
import { roleLabel } from '../../people/role-labels';
import { formatDate } from '../../ui/format';

/** "Received on 3 Mar 2026 — waiting for an administrator", or "Answered on 5 Mar 2026". */
export function accessStatusInWords(request: Pick<AccessRequest, 'status' | 'receivedAt' | 'answeredAt'>) {
  return request.status === 'answered' && request.answeredAt
    ? `Answered on ${formatDate(request.answeredAt)}`
    : `Received on ${formatDate(request.receivedAt)} — waiting for an administrator`;
}

/** Whether the subject may watch a recording under the policy, and until when or why not. */
export function watchingInWords(recording: AnswerRecording): string {
  switch (recording.access) {
    case 'attended':
      return recording.playableUntil
        ? `May be watched until ${formatDate(recording.playableUntil)}, because you took part`
        : 'May be watched, because you took part';
    case 'purpose_viewer':
      return `May be watched: your role may watch recordings made for ${recording.purposeLabel.toLowerCase()}`;
    case 'own_session':
      return 'May be watched: you tutored this session';
    case 'investigation':
      return 'May be watched while a report about this session is investigated';
    case null:
      break;
  }
  switch (recording.whyNot) {
    case 'not_stored':
      return 'Cannot be watched: it is no longer kept';
    case 'no_sign_in':
      return 'Cannot be watched: there is no sign-in for this person';
    case 'not_for_participants':
      return 'Cannot be watched: the policy does not let participants watch recordings';
    case 'window_closed':
      return 'Cannot be watched: the time for watching it has passed';
    default:
      return 'Cannot be watched under the policy';
  }
}

const statusWords: Readonly<Record<AnswerRecording['status'], string>> = {
  pending: 'Being stored',
  stored: 'Kept',
  destroyed: 'Destroyed',
  lost: 'Lost before it could be stored',
};

export const recordingStatusInWords = (status: AnswerRecording['status']) => statusWords[status];

const basisWords: Readonly<Record<string, string>> = {
  purpose_viewer: 'Their role may watch recordings for this purpose',
  own_session: 'They tutored the session',
  investigation: 'Investigating a report about the session',
  attended: 'They took part in the session',
};

export const viewBasisInWords = (basis: string) => basisWords[basis] ?? 'Allowed under the policy';

const moreActions: Readonly<Record<string, string>> = {
  'access_request.create': 'Ask for their data',
  'access_request.answer': 'Answer a request for data',
  'access_request.read': 'Read a request for data',
  'access_request.download': 'Download the answer to a request for data',
  'student.request_access': 'Ask for a student’s data',
  'recording.read': 'Look at a recording',
  'recording.media': 'Play a recording',
  'recording.request_deletion': 'Ask for a recording to be deleted',
  'deletion_request.receive': 'Ask for recordings to be deleted',
  'recording.stored': 'Store a recording in the vault',
  'recording.destroyed': 'Destroy a recording',
  'recording.lost': 'Record that a recording was lost',
  'recording.hold_deferred': 'Hold a recording while a report is open',
  'session.advance_consent': 'Consent ahead of a session',
  'session.guardian_seated': 'Give a guardian a seat in a session',
  'session.report_concern': 'Report a concern about a session',
  'concern.report': 'Report a concern',
  'concern.close': 'Close a report',
  'deletion_request.create': 'Ask for recordings to be deleted',
  'research.consent': 'Decide about research sharing',
  'student.invite_guardian': 'Invite another guardian',
};

/** The audit action in words; one the page has no words for yet is spelled out from its name. */
export function auditActionInWords(action: string): string {
  const known = moreActions[action] ?? actionInWords(action);
  if (known !== action) return known;
  const spelled = action.replace(/[._]+/g, ' ').trim();
  return spelled.charAt(0).toUpperCase() + spelled.slice(1);
}

const decisionWords = { agree: 'Agreed', refuse: 'Refused', withdraw: 'Withdrew' } as const;
export const researchDecisionInWords = (decision: keyof typeof decisionWords) => decisionWords[decision];

/** A role as it reads beside a name ("Reviewer", "Parent or guardian"). */
export function roleBesideName(role: string): string {
  if (role === 'system') return 'Assent itself';
  return role in roleLabel ? roleLabel[role as AccountRole] : 'Someone else';
}
