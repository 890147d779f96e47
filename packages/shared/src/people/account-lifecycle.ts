/** An administrator ending or restoring someone's access on People; every action carries its reason. */
import { z } from 'zod';
import { StaffRole } from './roles';

/** Why: kept in the audit log with who acted. */
export const AccountActionReason = z
  .string()
  .trim()
  .min(1, 'Say why (it is kept in the audit log)')
  .max(500, 'At most 500 characters');

/** Disable, enable, sign out everywhere, withdraw an invitation. */
export const AccountActionRequest = z.object({ reason: AccountActionReason });
export type AccountActionRequest = z.infer<typeof AccountActionRequest>;

/** Move a staff account between staff roles (administrator, reviewer, tutor). */
export const ChangeRoleRequest = z.object({ role: StaffRole, reason: AccountActionReason });
export type ChangeRoleRequest = z.infer<typeof ChangeRoleRequest>;

export const AccountActionResult = z.object({
  userId: z.string(),
  role: z.string(),
  /** When the account was disabled; null while it may sign in. */
  disabledAt: z.string().nullable(),
  /** Sign-ins (sessions) ended by this action. */
  sessionsEnded: z.number().int().nonnegative(),
  /** Participants LiveKit had in live calls for this account and removed. */
  removedFromCalls: z.number().int().nonnegative(),
  /** Rooms LiveKit could not be asked about or removed from (the join links are refused anyway). */
  callRemovalFailures: z.number().int().nonnegative(),
});
export type AccountActionResult = z.infer<typeof AccountActionResult>;

export const InvitationRevoked = z.object({ invitationId: z.string(), revokedAt: z.string() });
export type InvitationRevoked = z.infer<typeof InvitationRevoked>;
