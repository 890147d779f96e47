/** Participants' rights and safeguarding: access requests, concern reports, research consent and exports. */

export interface AccessRequestsTable {
  id: string;
  requester_user_id: string;
  subject_kind: 'self' | 'student';
  subject_user_id: string | null;
  subject_student_id: string | null;
  subject_name: string;
  status: 'received' | 'answered';
  created_at: string;
  answered_at: string | null;
  answered_by_user_id: string | null;
  /** JSON snapshot of what was held about the subject when answered (a draft until released). */
  answer: string | null;
  /** When an admin released the answer to the requester; until then they see it as received. */
  released_at: string | null;
  released_by_user_id: string | null;
  /** JSON `AccessWithheld`: what the answer leaves out and why, for admins only. */
  withheld: string | null;
}

export type ConcernCategory = 'safeguarding' | 'conduct' | 'technical' | 'other';

export interface ConcernReportsTable {
  id: string;
  session_id: string;
  reporter_user_id: string | null;
  reporter_person_id: string | null;
  reporter_name: string;
  reporter_role: string;
  category: ConcernCategory;
  description: string;
  /** 1 when made from the call with an invite token. */
  during_call: number;
  /** An open report holds every recording of its session (retention paused). */
  status: 'open' | 'closed';
  created_at: string;
  closed_at: string | null;
  closed_by_user_id: string | null;
  outcome: string | null;
  corrective_actions: string | null;
  reporter_told_at: string | null;
  /** The chat message the report is about, when it was made from one in the call. */
  chat_message_id: string | null;
}

export type ResearchDecision = 'agree' | 'refuse' | 'withdraw';

export interface ResearchConsentsTable {
  id: string;
  session_id: string;
  /** The seat whose recordings and data would be shared. */
  person_id: string;
  /** Who decided: the seat itself, or a guardian's seat for a minor. */
  decided_by_person_id: string;
  decided_by_user_id: string | null;
  decision: ResearchDecision;
  at: string;
}

export interface ResearchExportsTable {
  id: string;
  created_by_user_id: string;
  created_at: string;
  /** JSON array of session ids. */
  session_ids: string;
  /** JSON array of recording ids. */
  recording_ids: string;
}

export interface RightsTables {
  access_requests: AccessRequestsTable;
  concern_reports: ConcernReportsTable;
  research_consents: ResearchConsentsTable;
  research_exports: ResearchExportsTable;
}
