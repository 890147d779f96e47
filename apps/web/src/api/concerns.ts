import type {
  CloseConcernBody,
  ConcernReceipt,
  ConcernReportBody,
  MyConcernReportList,
  SafeguardingReportDetail,
  SafeguardingReportList,
} from '@assent/shared';
import { config } from '../config';
import { requestJson } from './client';

// Concerns and safeguarding reports: made from the call (the invite token is the credential) or after a
// session (signed in); the reporter's own list; the safeguarding staff's list, one report, closing it.
// Types only from @assent/shared, so the call page does not carry the schemas.

const api = config.apiBase;
const reportUrl = (id: string) => `${api}/safeguarding/reports/${encodeURIComponent(id)}`;

/** From the call: nothing is sent to the room, so nobody else in the call learns of it. */
export function reportConcernFromCall(inviteToken: string, body: ConcernReportBody): Promise<ConcernReceipt> {
  return requestJson(`${api}/call/concern`, {
    method: 'POST',
    body: JSON.stringify(body),
    bearer: inviteToken,
  });
}

/** The reports this invite holder made from the call (people without an account learn the outcome here). */
export function reportsFromCall(inviteToken: string): Promise<MyConcernReportList> {
  return requestJson(`${api}/call/concerns`, { bearer: inviteToken });
}

/** After a session; 403 `not_attended` when neither the caller nor a child of theirs was in the call. */
export function reportConcernAbout(sessionId: string, body: ConcernReportBody): Promise<ConcernReceipt> {
  return requestJson(`${api}/sessions/${encodeURIComponent(sessionId)}/concerns`, {
    method: 'POST',
    body: JSON.stringify(body),
  });
}

export function fetchMyReports(): Promise<MyConcernReportList> {
  return requestJson(`${api}/me/concerns`);
}

export function fetchSafeguardingReports(): Promise<SafeguardingReportList> {
  return requestJson(`${api}/safeguarding/reports`);
}

export function fetchSafeguardingReport(id: string): Promise<SafeguardingReportDetail> {
  return requestJson(reportUrl(id));
}

/** 409 `already_decided` when someone closed it meanwhile. */
export function closeSafeguardingReport(
  id: string,
  body: CloseConcernBody,
): Promise<SafeguardingReportDetail> {
  return requestJson(`${reportUrl(id)}/close`, { method: 'POST', body: JSON.stringify(body) });
}
