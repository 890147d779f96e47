/** Every saved version of the organisation's recording policy; the highest version is in force. */
export interface PolicyVersionsTable {
  version: number;
  /** OrganisationPolicyInput as JSON. */
  body: string;
  created_at: string;
  created_by_user_id: string | null;
}

/** An administrator's word that they read a version and keep it as it is (once per admin and version). */
export interface PolicyReviewsTable {
  policy_version: number;
  reviewed_by_user_id: string;
  reviewed_at: string;
}

export interface PolicyTables {
  policy_versions: PolicyVersionsTable;
  policy_reviews: PolicyReviewsTable;
}
