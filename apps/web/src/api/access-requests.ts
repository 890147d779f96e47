import {
  AccessRequest,
  AccessRequestDetail,
  AccessRequestList,
  type AccessSubject,
  AdminAccessRequest,
  AdminAccessRequestDetail,
  AdminAccessRequestList,
} from '@assent/shared';
import { config } from '../config';
import { requestParsed } from './parsed';

// Access requests: asking for everything Assent holds about you (or your child), reading the answer,
// and, for admins, answering them. Only the requests pages load this module.

const api = config.apiBase;

const ownUrl = (id: string) => `${api}/me/access-requests/${encodeURIComponent(id)}`;

export function fetchMyAccessRequests(): Promise<AccessRequestList> {
  return requestParsed(AccessRequestList, `${api}/me/access-requests`);
}

/** Asks for the data; a request about the same person still open is answered with that one. */
export function requestAccess(subject: AccessSubject): Promise<AccessRequest> {
  return requestParsed(AccessRequest, `${api}/me/access-requests`, {
    method: 'POST',
    body: JSON.stringify({ subject }),
  });
}

/** One of the caller's requests, with its answer once there is one; 404 for anyone else's. */
export function fetchAccessRequest(id: string): Promise<AccessRequestDetail> {
  return requestParsed(AccessRequestDetail, ownUrl(id));
}

/** Where the browser downloads the answer as a zip archive (with the session cookie). */
export const accessArchiveUrl = (id: string) => `${ownUrl(id)}/archive`;

export function fetchAdminAccessRequests(): Promise<AdminAccessRequestList> {
  return requestParsed(AdminAccessRequestList, `${api}/admin/access-requests`);
}

const adminUrl = (id: string) => `${api}/admin/access-requests/${encodeURIComponent(id)}`;

/** Compiles the answer as a draft for the admins; the requester sees nothing until it is released. */
export function answerAccessRequest(id: string): Promise<AdminAccessRequest> {
  return requestParsed(AdminAccessRequest, `${adminUrl(id)}/answer`, { method: 'POST', body: '{}' });
}

/** A request with its compiled answer and what the answer leaves out (admins). */
export function fetchAdminAccessRequest(id: string): Promise<AdminAccessRequestDetail> {
  return requestParsed(AdminAccessRequestDetail, adminUrl(id));
}

/** Releases the compiled answer to the requester, who is then mailed. */
export function releaseAccessRequest(id: string): Promise<AdminAccessRequest> {
  return requestParsed(AdminAccessRequest, `${adminUrl(id)}/release`, { method: 'POST', body: '{}' });
}
