/** The vault's facts in the words the recordings pages use. */
import {
  type AccountRole,
  accountRoleLabels,
  type DeletionReason,
  type RecordingConsent,
  type RecordingSummary,
  type RecordingsNotShown,
  type StaffRole,
} from '@assent/shared';
import { listInWords } from '../ui/format';

/** Why the reader may see a recording, said to them. */
export function accessInWords(recording: Pick<RecordingSummary, 'access' | 'purposeLabel'>): string {
  switch (recording.access) {
    case 'purpose_viewer':
      return `Your role may watch recordings made for ${recording.purposeLabel.toLowerCase()}`;
    case 'own_session':
      return 'You tutored this session';
    case 'investigation':
      return 'A report about this session is being investigated';
    case 'attended':
      return 'You took part in this session';
  }
}

const consentKinds: Readonly<Record<RecordingConsent['kind'], string>> = {
  request: 'Asked to record',
  consent: 'Consented',
  decline: 'Declined',
  withdraw: 'Withdrew consent',
  cancel: 'Cancelled the request',
};

export function consentKindInWords(kind: RecordingConsent['kind']): string {
  return consentKinds[kind];
}

/** Account roles by their label; a role the page does not know is shown as it came. */
export function roleInWords(role: string): string {
  return role in accountRoleLabels ? accountRoleLabels[role as AccountRole] : role;
}

const deletionReasons: Readonly<Record<DeletionReason, string>> = {
  retention: 'Its retention period ended',
  withdrawal: 'Consent was withdrawn, and the policy erases on withdrawal',
  decision: 'An administrator decided a deletion request',
};

export function deletionReasonInWords(reason: DeletionReason): string {
  return deletionReasons[reason];
}

/** Where the audit log shows every view and refused view of one recording. */
export function recordingAuditPath(recordingId: string): string {
  const query = new URLSearchParams({ targetType: 'recording', targetId: recordingId });
  return `/admin/audit?${query.toString()}`;
}

const staffPlural: Readonly<Record<StaffRole, string>> = {
  tutor: 'tutors',
  reviewer: 'reviewers',
  admin: 'administrators',
};

/**
 * Why a tutor's page lacks recordings of their own sessions: how many, made for what, and who the policy
 * lets watch them instead.
 */
export function notShownInWords({ count, purposeLabel, viewerRoles }: RecordingsNotShown): string {
  const what =
    count === 1
      ? `1 recording of your sessions made for ${purposeLabel.toLowerCase()} is not shown`
      : `${count} recordings of your sessions made for ${purposeLabel.toLowerCase()} are not shown`;
  const who =
    viewerRoles.length === 0
      ? 'your organisation’s recording policy lets nobody watch them now'
      : `your organisation’s recording policy lets only ${listInWords(viewerRoles.map((r) => staffPlural[r]))} watch them`;
  return `${what}: ${who}.`;
}
