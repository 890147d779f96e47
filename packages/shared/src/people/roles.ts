import { z } from 'zod';

/** What an account is in the organisation. Session roles (tutor, student, guardian) are a subset. */
export const AccountRole = z.enum(['admin', 'reviewer', 'tutor', 'guardian', 'student']);
export type AccountRole = z.infer<typeof AccountRole>;

/** Roles an admin invites by email; guardians come through enrolment links, students through guardians. */
export const StaffRole = z.enum(['admin', 'reviewer', 'tutor']);
export type StaffRole = z.infer<typeof StaffRole>;

export const accountRoleLabels: Readonly<Record<AccountRole, string>> = {
  admin: 'Administrator',
  reviewer: 'Reviewer (quality and safeguarding)',
  tutor: 'Tutor',
  guardian: 'Parent or guardian',
  student: 'Student',
};
