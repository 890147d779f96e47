/** Concerns and reports in the words their pages use. */
import { type AccountRole, accountRoleLabels, type ConcernCategory } from '@assent/shared';
import { daysCount } from '../../ui/format';

/** What a report is about, as the reporter chooses it. */
export const categoryLabels: Readonly<Record<ConcernCategory, string>> = {
  safeguarding: 'Someone’s safety or wellbeing',
  conduct: 'Behaviour in the session',
  technical: 'A technical problem',
  other: 'Something else',
};

export const categories = Object.keys(categoryLabels) as ConcernCategory[];

/** A session or account role in words ("Parent or guardian"); anything else as it came. */
export function roleInWords(role: string): string {
  return accountRoleLabels[role as AccountRole] ?? role;
}

/** "Open for 3 days" (whole days since it was received: 0 on the first day). */
export function openFor(days: number): string {
  return `Open for ${daysCount(days)}`;
}
