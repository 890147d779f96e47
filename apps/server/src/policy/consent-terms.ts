/**
 * What a consent prompt states about a request (rule 1), in the words people read, from the policy
 * version the request was made under: the purpose's label, how long it is kept, who may watch, the notice.
 */
import type { OrganisationPolicyInput, PurposePolicy, StaffRole, WithdrawalRule } from '@assent/shared';

export interface ConsentTerms {
  purposeLabel: string;
  retentionDays: number;
  /** Who will be able to watch, in words. */
  viewers: string;
  noticeText: string;
  /** What a withdrawal does to the session's earlier recordings (consent rule 7). */
  withdrawalRule: WithdrawalRule;
}

/** "quality_assurance" reads "Quality assurance": for ids no policy version labels. */
export function humanPurpose(purpose: string): string {
  const words = purpose.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
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
 * A purpose the version does not list (a request from before the policy was data, under ids since
 * removed) is stated as widely as that version allows anything: its longest retention, every viewer.
 */
function purposeOrWidest(policy: OrganisationPolicyInput, purpose: string): PurposePolicy {
  const listedPurpose = policy.purposes.find((p) => p.id === purpose);
  if (listedPurpose) return listedPurpose;
  return {
    id: purpose,
    label: humanPurpose(purpose),
    retentionDays: Math.max(...policy.purposes.map((p) => p.retentionDays)),
    viewerRoles: [...new Set(policy.purposes.flatMap((p) => p.viewerRoles))],
  };
}

/** The terms of a request for `purpose` under `policy`; `noticeText` overrides the version's own notice. */
export function consentTerms(
  policy: OrganisationPolicyInput,
  purpose: string,
  noticeText?: string,
): ConsentTerms {
  const chosen = purposeOrWidest(policy, purpose);
  return {
    purposeLabel: chosen.label,
    retentionDays: chosen.retentionDays,
    viewers: viewersInWords(chosen.viewerRoles, policy.participantPlaybackDays),
    noticeText: noticeText ?? policy.noticeText,
    withdrawalRule: policy.withdrawalRule,
  };
}
