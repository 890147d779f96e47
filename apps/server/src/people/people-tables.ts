/**
 * Accounts (the tables better-auth reads and writes, in our naming) and the organisation's people:
 * invitations, students, who is guardian of whom, guardians' agreements and recording preferences.
 * Our own timestamps are ISO-8601 UTC text and booleans 0/1 on both databases; better-auth's columns
 * are native timestamps and booleans on PostgreSQL.
 */
import type { AccountRole } from '@assent/shared';

type AuthTime = string | Date;
type AuthBool = number | boolean;

export interface UsersTable {
  id: string;
  name: string;
  email: string;
  email_verified: AuthBool;
  image: string | null;
  role: AccountRole;
  created_at: AuthTime;
  updated_at: AuthTime;
  /** Ours, not better-auth's: when an admin disabled the account (ISO text); null while it may sign in. */
  disabled_at: string | null;
}

export interface AuthSessionsTable {
  id: string;
  token: string;
  user_id: string;
  expires_at: AuthTime;
  ip_address: string | null;
  user_agent: string | null;
  created_at: AuthTime;
  updated_at: AuthTime;
}

export interface AuthAccountsTable {
  id: string;
  account_id: string;
  provider_id: string;
  user_id: string;
  access_token: string | null;
  refresh_token: string | null;
  id_token: string | null;
  access_token_expires_at: AuthTime | null;
  refresh_token_expires_at: AuthTime | null;
  scope: string | null;
  password: string | null;
  created_at: AuthTime;
  updated_at: AuthTime;
}

export interface AuthVerificationsTable {
  id: string;
  identifier: string;
  value: string;
  expires_at: AuthTime;
  created_at: AuthTime;
  updated_at: AuthTime;
}

export interface PasskeysTable {
  id: string;
  name: string | null;
  public_key: string;
  user_id: string;
  credential_id: string;
  counter: number;
  device_type: string;
  backed_up: AuthBool;
  transports: string | null;
  aaguid: string | null;
  created_at: AuthTime | null;
}

export interface AuthRateLimitsTable {
  id: string;
  key: string;
  count: number;
  last_request: number | string;
}

export type InvitationKind = 'first_run' | 'staff' | 'family' | 'student';

/** One-time links: the first administrator's, staff invitations, family enrolments (guardians), students' own sign-ins. */
export interface InvitationsTable {
  id: string;
  kind: InvitationKind;
  /** SHA-256 of the link's token; the token itself is never stored. */
  token_hash: string;
  email: string | null;
  role: AccountRole;
  invited_by_user_id: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  used_by_user_id: string | null;
  /** `student` invitations: the student the sign-in is for; a further guardian's `family` one: their child. */
  student_id: string | null;
  /** When an admin withdrew the invitation before it was used; a withdrawn link no longer works. */
  revoked_at: string | null;
}

export interface StudentsTable {
  id: string;
  name: string;
  minor: number;
  user_id: string | null;
  invitation_id: string | null;
  created_by_user_id: string | null;
  created_at: string;
  /** The address on record for the student's own sign-in (adults: the only address it may go to). */
  email: string | null;
}

export interface GuardianshipsTable {
  guardian_user_id: string;
  student_id: string;
  created_at: string;
}

export interface GuardianAgreementsTable {
  id: string;
  user_id: string;
  policy_version: number;
  adult_confirmed: number;
  agreed_at: string;
}

export interface RecordingPreferenceChangesTable {
  id: string;
  student_id: string;
  do_not_record: number;
  changed_by_user_id: string;
  at: string;
}

export interface PeopleTables {
  users: UsersTable;
  auth_sessions: AuthSessionsTable;
  auth_accounts: AuthAccountsTable;
  auth_verifications: AuthVerificationsTable;
  passkeys: PasskeysTable;
  auth_rate_limits: AuthRateLimitsTable;
  invitations: InvitationsTable;
  students: StudentsTable;
  guardianships: GuardianshipsTable;
  guardian_agreements: GuardianAgreementsTable;
  recording_preference_changes: RecordingPreferenceChangesTable;
}
