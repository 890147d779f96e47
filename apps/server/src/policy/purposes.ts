/**
 * The one purpose lookup: what a purpose id means under a policy version. Every place that states or
 * applies a purpose's terms (the consent prompt, the request form, ingest's retention, who may watch)
 * goes through here, so they cannot disagree. A purpose the version does not list is refused, never
 * stated or kept as some other purpose's terms: nobody agreed to a guess.
 */
import type { OrganisationPolicy, OrganisationPolicyInput, PurposePolicy } from '@assent/shared';
import { AppError } from '../http/app-error';

type PolicyOrVersion = OrganisationPolicy | OrganisationPolicyInput;

const inputOf = (policy: PolicyOrVersion): OrganisationPolicyInput =>
  'policy' in policy ? policy.policy : policy;

/** The purpose as the version lists it, or undefined when it does not list it. */
export function findPurpose(policy: PolicyOrVersion, purposeId: string): PurposePolicy | undefined {
  return inputOf(policy).purposes.find((p) => p.id === purposeId);
}

/** The purpose as the version lists it; refused with 409 `purpose_unknown` when it does not list it. */
export function requirePurpose(policy: PolicyOrVersion, purposeId: string): PurposePolicy {
  const found = findPurpose(policy, purposeId);
  if (found) return found;
  const version = 'version' in policy ? `Policy version ${policy.version}` : 'The policy';
  throw new AppError(
    409,
    'purpose_unknown',
    `${version} does not list the purpose “${purposeId}”, so its viewers and retention are not known.`,
  );
}

/** "quality_assurance" reads "Quality assurance": for ids no policy version labels. */
export function humanPurpose(purpose: string): string {
  const words = purpose.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The words for a purpose in a list of records (a deletion request, a report's recordings): its label
 * where the version lists it, its id in words otherwise. Only a name: terms always come from
 * `requirePurpose`.
 */
export function purposeLabel(policy: PolicyOrVersion, purposeId: string): string {
  return findPurpose(policy, purposeId)?.label ?? humanPurpose(purposeId);
}
