/**
 * What a guardian agrees to, and when a new policy version asks them to agree again.
 *
 * The rule: a guardian's agreement to one version covers another when both state the same agreement —
 * the organisation's agreement text, its name and contact, and the facts generated from the policy
 * (each purpose's retention and viewers, the playback window, the withdrawal rule, what else is kept).
 * A change to any of these changes what the guardian read and agreed to, so re-agreement is needed and,
 * until one of their guardians agrees, a child cannot join. A change to anything else (the cool-down
 * after a no, whether adult guests may be invited, the order purposes are offered in, the in-call
 * notice, advance consent being offered) leaves the agreement standing.
 */
import type { OrganisationPolicyInput } from '@assent/shared';
import type { PolicyBook } from './policy-book';
import { policyFacts } from './policy-facts';

/** Everything a guardian reads and agrees to, as one comparable value. */
export function agreedTerms(policy: OrganisationPolicyInput) {
  const facts = policyFacts(policy);
  // The order purposes are offered in is not something guardians agree to.
  const purposes = [...facts.purposes].sort((a, b) => a.label.localeCompare(b.label));
  return { agreementText: policy.agreementText, facts: { ...facts, purposes } };
}

export function sameAgreement(a: OrganisationPolicyInput, b: OrganisationPolicyInput): boolean {
  return JSON.stringify(agreedTerms(a)) === JSON.stringify(agreedTerms(b));
}

/**
 * The policy versions an agreement to which covers the version in force: the current version and every
 * earlier one that states the same agreement.
 */
export async function versionsCoveringCurrent(policies: PolicyBook): Promise<number[]> {
  const current = await policies.current();
  const covering = [current.version];
  for (let version = current.version - 1; version >= 1; version -= 1) {
    const earlier = await policies.version(version);
    if (earlier && sameAgreement(earlier.policy, current.policy)) covering.push(version);
  }
  return covering;
}
