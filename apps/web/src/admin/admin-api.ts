/** The administrator's API calls: people and invitations, the recording policy, the audit log. */
import type {
  AccountActionResult,
  AuditPage,
  AuditVerification,
  InvitationCreated,
  InvitationRevoked,
  InviteStaffRequest,
  OrganisationPolicy,
  PeopleList,
  PolicyVersionList,
  RetentionEffects,
  RetentionEffectsRequest,
  SavePolicyRequest,
  StaffRole,
} from '@assent/shared';
import { requestJson } from '../api/client';
import { config } from '../config';

const api = config.apiBase;

export function fetchPeople(): Promise<PeopleList> {
  return requestJson(`${api}/admin/people`);
}

export function inviteStaff(body: InviteStaffRequest): Promise<InvitationCreated> {
  return requestJson(`${api}/admin/invitations`, { method: 'POST', body: JSON.stringify(body) });
}

/** What an admin does to someone's account on People; each carries the reason kept in the audit log. */
export type AccountAction =
  | { kind: 'disable' | 'enable' | 'sign-out'; reason: string }
  | { kind: 'role'; role: StaffRole; reason: string };

export function changeAccount(userId: string, action: AccountAction): Promise<AccountActionResult> {
  const path = `${api}/admin/people/${encodeURIComponent(userId)}/${action.kind}`;
  const body =
    action.kind === 'role' ? { role: action.role, reason: action.reason } : { reason: action.reason };
  return requestJson(path, { method: action.kind === 'role' ? 'PUT' : 'POST', body: JSON.stringify(body) });
}

export function revokeInvitation(invitationId: string, reason: string): Promise<InvitationRevoked> {
  return requestJson(`${api}/admin/invitations/${encodeURIComponent(invitationId)}/revoke`, {
    method: 'POST',
    body: JSON.stringify({ reason }),
  });
}

export function fetchPolicy(): Promise<OrganisationPolicy> {
  return requestJson(`${api}/policy`);
}

/** Answers the version now in force; refused with 409 `policy_version_stale` if someone saved meanwhile. */
export function savePolicy(body: SavePolicyRequest): Promise<OrganisationPolicy> {
  return requestJson(`${api}/admin/policy`, { method: 'PUT', body: JSON.stringify(body) });
}

/** What saving these retentions would do to stored recordings (shorter ones reach them; longer ones do not). */
export function previewRetention(body: RetentionEffectsRequest): Promise<RetentionEffects> {
  return requestJson(`${api}/admin/policy/retention-effects`, { method: 'POST', body: JSON.stringify(body) });
}

/** Every version, newest first, each with who saved it and what it changed. */
export function fetchPolicyVersions(): Promise<PolicyVersionList> {
  return requestJson(`${api}/admin/policy/versions`);
}

/** `query` is what `auditQueryString` builds, without the leading `?`. */
export function fetchAuditPage(query: string): Promise<AuditPage> {
  return requestJson(`${api}/admin/audit?${query}`);
}

export function verifyAudit(): Promise<AuditVerification> {
  return requestJson(`${api}/admin/audit/verify`);
}
