import {
  AdminDeletionRequestList,
  type DeletionDecisionBody,
  DeletionDecisionResult,
  DeletionRequestReceipt,
  MyDeletionRequestList,
} from '@assent/shared';
import { config } from '../config';
import { requestParsed } from './parsed';

// Deletion requests: asking from a recording's page, one's own requests with their answers, and the
// admin's list and decision. Only the pages that use them load this module (and its schemas).

const api = config.apiBase;

/** Asks for one recording to be deleted; asking again while it is open returns the same request. */
export function requestRecordingDeletion(
  recordingId: string,
  reason: string,
): Promise<DeletionRequestReceipt> {
  const body = reason.trim() ? { reason: reason.trim() } : {};
  return requestParsed(
    DeletionRequestReceipt,
    `${api}/recordings/${encodeURIComponent(recordingId)}/deletion-request`,
    {
      method: 'POST',
      body: JSON.stringify(body),
    },
  );
}

/** The signed-in person's own requests, newest first, with the admin's answers. */
export function fetchMyDeletionRequests(): Promise<MyDeletionRequestList> {
  return requestParsed(MyDeletionRequestList, `${api}/me/deletion-requests`);
}

/** Admins: every request, open first. */
export function fetchAdminDeletionRequests(): Promise<AdminDeletionRequestList> {
  return requestParsed(AdminDeletionRequestList, `${api}/admin/deletion-requests`);
}

/** Admins: approve (the recordings are destroyed) or refuse, always with a reason. */
export function decideDeletionRequest(
  id: string,
  body: DeletionDecisionBody,
): Promise<DeletionDecisionResult> {
  return requestParsed(
    DeletionDecisionResult,
    `${api}/admin/deletion-requests/${encodeURIComponent(id)}/decision`,
    {
      method: 'POST',
      body: JSON.stringify(body),
    },
  );
}
