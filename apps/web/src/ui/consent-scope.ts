import type { InvitePreview } from '@assent/shared';

/** Whose consent a person's counts with, as their invite preview says (rule 3). */
export type ConsentScope = Pick<InvitePreview, 'consentsFor' | 'needsGuardian'>;

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
  if (needsGuardian) return "Your consent counts together with your guardian's.";
  return null;
}
