/** Tables behind the per-account sign-in limit and the per-source budget of security audit entries. */

export interface AuthAttemptsTable {
  id: string;
  kind: 'sign_in_failure' | 'password_reset';
  account_key: string;
  at: string;
}

export interface SecurityEventBudgetsTable {
  source: string;
  window_started_at: string;
  written: number;
  suppressed: number;
}

export interface AuthGuardTables {
  auth_attempts: AuthAttemptsTable;
  security_event_budgets: SecurityEventBudgetsTable;
}
