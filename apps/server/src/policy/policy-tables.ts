/** Every saved version of the organisation's recording policy; the highest version is in force. */
export interface PolicyVersionsTable {
  version: number;
  /** OrganisationPolicyInput as JSON. */
  body: string;
  created_at: string;
  created_by_user_id: string | null;
}

export interface PolicyTables {
  policy_versions: PolicyVersionsTable;
}
