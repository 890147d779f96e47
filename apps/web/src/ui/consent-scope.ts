import type { InvitePreview } from '@assent/shared';

/** Whose consent a person's counts with, as their invite preview says (rule 3). */
export type ConsentScope = Pick<InvitePreview, 'consentsFor' | 'needsGuardian'>;

/**
 * Rule 3 as a minor student reads it, in the call and on their home page alike: their own yes counts, and
 * only together with a parent's or guardian's (given in the call or in advance).
 */
export const minorConsentRule =
  "Your consent counts together with a parent's or guardian's: both of you must say yes before you are recorded.";

/** "Ana", "Ana and Ben", "Ana, Ben and Cleo". */
export function listOfNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * The sentence that tells a guardian whom their consent covers, or a minor student that theirs needs a
 * guardian's; null for everyone else, whose consent counts for themselves alone.
 */
export function consentScopeText({ consentsFor, needsGuardian }: ConsentScope): string | null {
  if (consentsFor.length > 0) return `Your consent also counts for ${listOfNames(consentsFor)}.`;
  if (needsGuardian) return minorConsentRule;
  return null;
}
