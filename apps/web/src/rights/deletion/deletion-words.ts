/** Deletion requests in plain words, for the requester's and the admin's pages. */
import type { CoveredRecording, DeletionRequestOrigin, MyDeletionRequest } from '@assent/shared';
import { formatDate, formatDateTime } from '../../ui/format';

/** Where the request came from, as the admin reads it. */
export const originInWords: Readonly<Record<DeletionRequestOrigin, string>> = {
  withdrawal: 'after withdrawing in the call',
  recordings_page: 'from the recordings page',
};

/** What a request covers: one recording, or every recording of the session made before it was asked. */
export function coverageInWords(
  request: Pick<MyDeletionRequest, 'recordingId' | 'recordedAt' | 'createdAt'>,
) {
  if (request.recordingId) {
    return request.recordedAt ? `the recording made ${formatDateTime(request.recordedAt)}` : 'one recording';
  }
  return `every recording made before ${formatDateTime(request.createdAt)}`;
}

/** The answer as the requester reads it. */
export function statusInWords(request: Pick<MyDeletionRequest, 'status' | 'decidedAt' | 'decisionReason'>) {
  const on = request.decidedAt ? formatDate(request.decidedAt) : '';
  switch (request.status) {
    case 'open':
      return 'Waiting for an administrator';
    case 'approved':
      return `Approved on ${on}: the recordings were deleted.`;
    case 'refused':
      return `Refused on ${on}: ${request.decisionReason ?? ''}`;
  }
}

export const recordingStatusInWords: Readonly<Record<CoveredRecording['status'], string>> = {
  pending: 'Being stored',
  stored: 'Kept',
  destroyed: 'Deleted',
  lost: 'Lost before it was stored',
};
