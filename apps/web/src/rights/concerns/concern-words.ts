/** Concerns and reports in the words their pages use. */
import { type AccountRole, accountRoleLabels, type ConcernCategory } from '@assent/shared';
import { ApiError } from '../../api/client';
import { describeAccountFailure, type FailureMessage } from '../../api/failure-message';
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

/** Why a report could not be sent, in words; "you were not in it" said plainly. */
export function reportFailure(error: unknown): FailureMessage {
  if (error instanceof ApiError && error.code === 'not_attended') {
    return {
      title: 'You can report a concern only about a session you were in',
      detail:
        'Assent has no record of you (or your child) joining this session’s call. If you are worried about something else, contact your organisation.',
      retryable: false,
    };
  }
  return describeAccountFailure(error);
}

/** "Open for 3 days" (whole days since it was received: 0 on the first day). */
export function openFor(days: number): string {
  return `Open for ${daysCount(days)}`;
}
