import type {
  AcceptInvitationRequest,
  AddChildRequest,
  AdvanceConsentRequest,
  AdvanceConsentResponse,
  GiveAgreementRequest,
  InvitationCreated,
  InvitationPreview,
  InviteFamilyRequest,
  InviteGuardianRequest,
  InviteStudentRequest,
  MeResponse,
  OrganisationPolicy,
  RecordingPreference,
  Student,
  StudentList,
} from '@assent/shared';
import { config } from '../config';
import { requestJson } from './client';

// Invitations, families and the policy (who is signed in: me.ts, which loads with the app). Every call is made as the signed-in person: the
// session cookie goes with it (same origin). Types only from @assent/shared, as in sessions.ts.

const api = config.apiBase;
const post = (body: unknown) => ({ method: 'POST', body: JSON.stringify(body) });

export function fetchInvitation(linkToken: string): Promise<InvitationPreview> {
  return requestJson(`${api}/invitations/${encodeURIComponent(linkToken)}`);
}

/** Creates the account the invitation offers; the answer also signs it in (a session cookie). */
export function acceptInvitation(linkToken: string, body: AcceptInvitationRequest): Promise<MeResponse> {
  return requestJson(`${api}/invitations/${encodeURIComponent(linkToken)}/accept`, post(body));
}

export function inviteFamily(body: InviteFamilyRequest): Promise<InvitationCreated> {
  return requestJson(`${api}/families/invitations`, post(body));
}

export function fetchPolicy(): Promise<OrganisationPolicy> {
  return requestJson(`${api}/policy`);
}

/** Kept as given; the caller reads `/me` afterwards for where the guardian now stands. */
export function giveAgreement(body: GiveAgreementRequest): Promise<unknown> {
  return requestJson(`${api}/me/agreement`, post(body));
}

/** A guardian's children, or an adult student's own entry. */
export function fetchMyStudents(): Promise<StudentList> {
  return requestJson(`${api}/me/students`);
}

export function addChild(body: AddChildRequest): Promise<Student> {
  return requestJson(`${api}/me/students`, post(body));
}

/** The students a tutor may pick (their own; every student for an admin). */
export function fetchStudents(): Promise<StudentList> {
  return requestJson(`${api}/students`);
}

/** A guardian gives their child a sign-in of their own (mailed, or the link returned to pass on). */
export function inviteStudent(studentId: string, body: InviteStudentRequest): Promise<InvitationCreated> {
  return requestJson(`${api}/students/${encodeURIComponent(studentId)}/invitations`, post(body));
}

/** A guardian invites another parent or guardian for their child. */
export function inviteGuardian(studentId: string, body: InviteGuardianRequest): Promise<InvitationCreated> {
  return requestJson(`${api}/students/${encodeURIComponent(studentId)}/guardian-invitations`, post(body));
}

export function setRecordingPreference(
  studentId: string,
  doNotRecord: boolean,
): Promise<RecordingPreference> {
  return requestJson(`${api}/students/${encodeURIComponent(studentId)}/recording-preference`, {
    method: 'PUT',
    body: JSON.stringify({ doNotRecord }),
  });
}

/** A guardian's consent ahead of a session for their child's seat; an empty list withdraws it. */
export function giveAdvanceConsent(
  sessionId: string,
  body: AdvanceConsentRequest,
): Promise<AdvanceConsentResponse> {
  return requestJson(`${api}/sessions/${encodeURIComponent(sessionId)}/advance-consent`, {
    method: 'PUT',
    body: JSON.stringify(body),
  });
}
