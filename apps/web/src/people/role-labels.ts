import type { AccountRole } from '@assent/shared';

/** How a role reads beside a person's name in the header (short: it shares a line with the name). */
export const roleLabel: Readonly<Record<AccountRole, string>> = {
  admin: 'Administrator',
  reviewer: 'Reviewer',
  tutor: 'Tutor',
  guardian: 'Parent or guardian',
  student: 'Student',
};
