/**
 * A new organisation's first steps (invite staff, review the recording policy and agreement text, enrol
 * the first family), each read from what exists so the admin's home can tick them off by itself.
 */
import type { FirstRunChecklist } from '@assent/shared';
import type { DbOrTrx } from '../db/database';
import { policyWasReviewed } from '../policy/policy-review';

const staffRoles = ['admin', 'reviewer', 'tutor'] as const;

/** The checklist as `adminUserId` sees it: staff other than themselves count as invited. */
export async function firstRunChecklist(db: DbOrTrx, adminUserId: string): Promise<FirstRunChecklist> {
  const [invitation, colleague, student, policyReviewed] = await Promise.all([
    db
      .selectFrom('invitations')
      .select('id')
      .where('kind', '=', 'staff')
      .where('revoked_at', 'is', null)
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom('users')
      .select('id')
      .where('role', 'in', staffRoles)
      .where('id', '!=', adminUserId)
      .limit(1)
      .executeTakeFirst(),
    db.selectFrom('students').select('id').limit(1).executeTakeFirst(),
    policyWasReviewed(db),
  ]);
  return {
    staffInvited: invitation !== undefined || colleague !== undefined,
    policyReviewed,
    familyEnrolled: student !== undefined,
  };
}
