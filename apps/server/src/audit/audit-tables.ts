/** The product's one append-only audit log; each entry's hash covers the previous entry's hash. */
export interface AuditLogTable {
  /** 1, 2, 3, … without gaps: assigned by the writer from the previous entry. */
  seq: number | string;
  at: string;
  actor_user_id: string | null;
  actor_role: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  outcome: 'done' | 'denied';
  /** JSON object with what the action needs to be understood later; never secrets or media. */
  detail: string;
  prev_hash: string;
  hash: string;
}

export interface AuditTables {
  audit_log: AuditLogTable;
}
