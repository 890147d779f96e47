import type {
  FamilyList,
  FamilyMoved,
  PendingEnrolment,
  PendingEnrolmentList,
  ReplacedLink,
  RequestEnrolmentRequest,
} from '@assent/shared';
import { config } from '../config';
import { requestJson } from './client';

// Families that grow: another child for a guardian who has an account (asked by staff, answered by the
// guardian), moving a family to another tutor (admins), and replacing a seat's join link.

const api = config.apiBase;
const post = (body?: unknown) => ({
  method: 'POST',
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});

export function requestEnrolment(body: RequestEnrolmentRequest): Promise<PendingEnrolmentList> {
  return requestJson(`${api}/families/enrolments`, post(body));
}

/** The requests waiting for the signed-in guardian's answer. */
export function fetchMyEnrolments(): Promise<PendingEnrolmentList> {
  return requestJson(`${api}/me/enrolments`);
}

export function answerEnrolment(id: string, answer: 'confirm' | 'decline'): Promise<PendingEnrolment> {
  return requestJson(`${api}/me/enrolments/${encodeURIComponent(id)}/${answer}`, post());
}

export function fetchFamilies(): Promise<FamilyList> {
  return requestJson(`${api}/admin/families`);
}

export function moveFamily(guardianUserId: string, tutorUserId: string): Promise<FamilyMoved> {
  return requestJson(
    `${api}/admin/families/${encodeURIComponent(guardianUserId)}/tutor`,
    post({ tutorUserId }),
  );
}

/** A new join link for the seat; every earlier one stops working. */
export function replaceSeatLink(sessionId: string, personId: string): Promise<ReplacedLink> {
  return requestJson(
    `${api}/sessions/${encodeURIComponent(sessionId)}/seats/${encodeURIComponent(personId)}/link`,
    post(),
  );
}
