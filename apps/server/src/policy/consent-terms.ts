/**
 * What a consent prompt states about a request (rule 1), in the words people read, from the policy
 * version the request was made under: the purpose's label, how long it is kept, who may watch, the notice.
 */
import type { OrganisationPolicyInput, StaffRole, WithdrawalRule } from '@assent/shared';
import { requirePurpose } from './purposes';

export interface ConsentTerms {
  purposeLabel: string;
  retentionDays: number;
  /** Who will be able to watch, in words. */
  viewers: string;
  noticeText: string;
  /** What a withdrawal does to the session's earlier recordings (consent rule 7). */
  withdrawalRule: WithdrawalRule;
}

const staffWords: Readonly<Record<StaffRole, string>> = {
  tutor: 'your tutor',
  reviewer: 'reviewers (quality and safeguarding)',
  admin: 'administrators',
};
const staffOrder: readonly StaffRole[] = ['tutor', 'reviewer', 'admin'];

/** "a, b and c" */
function listed(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * "Your tutor, reviewers (quality and safeguarding) and administrators; the student and their
 * guardians for 90 days", or "… only" when participants may not play recordings back.
 */
export function viewersInWords(
  viewerRoles: readonly StaffRole[],
  participantPlaybackDays: number | null,
): string {
  const staff = listed(
    staffOrder.filter((role) => viewerRoles.includes(role)).map((role) => staffWords[role]),
  );
  if (participantPlaybackDays === null) return capitalised(`${staff} only`);
  const days = participantPlaybackDays === 1 ? '1 day' : `${participantPlaybackDays} days`;
  const participants = `the student and their guardians for ${days}`;
  return staff ? capitalised(`${staff}; ${participants}`) : capitalised(`only ${participants}`);
}

/**
 * The terms of a request for `purpose` under `policy`; `noticeText` overrides the version's own notice.
 * A purpose the version does not list is refused (409 `purpose_unknown`), never stated as another's.
 */
export function consentTerms(
  policy: OrganisationPolicyInput,
  purpose: string,
  noticeText?: string,
): ConsentTerms {
  const chosen = requirePurpose(policy, purpose);
  return {
    purposeLabel: chosen.label,
    retentionDays: chosen.retentionDays,
    viewers: viewersInWords(chosen.viewerRoles, policy.participantPlaybackDays),
    noticeText: noticeText ?? policy.noticeText,
    withdrawalRule: policy.withdrawalRule,
  };
}
