/**
 * The policy as the consent flow reads it. Saved versions never change, so each is read from the
 * database once and kept; only "which version is in force" is asked every time. A fresh database gets
 * version 1 from the configuration on first use (the server also writes it at start).
 */
import { type OrganisationPolicy, policyVersionOfNotice } from '@assent/shared';
import type { DbOrTrx } from '../db/database';
import { AppError } from '../http/app-error';
import { type ConsentTerms, consentTerms } from './consent-terms';
import type { PolicyDefaults } from './default-policy';
import { latestPolicyVersion, policyVersion } from './policy-repository';
import { ensureDefaultPolicy } from './policy-service';
import { legacyRecordingNotice } from './recording-notice';

export interface PolicyBook {
  /** The version in force. */
  current(): Promise<OrganisationPolicy>;
  /** A saved version, or undefined if there is none with that number. */
  version(version: number): Promise<OrganisationPolicy | undefined>;
  /**
   * What a request states, from the version it was made under (its `noticeVersion`), so a policy
   * saved while it is open never changes what people are agreeing to. Null when that version does not
   * list the purpose: the prompt then states nothing and nobody can consent to it (see purposes.ts).
   */
  termsFor(request: { purpose: string; noticeVersion: string }): Promise<ConsentTerms | null>;
}

export function createPolicyBook(deps: {
  db: DbOrTrx;
  defaults: PolicyDefaults;
  now: () => Date;
}): PolicyBook {
  const saved = new Map<number, Promise<OrganisationPolicy | undefined>>();

  const book: PolicyBook = {
    version(version) {
      let found = saved.get(version);
      if (!found) {
        found = policyVersion(deps.db, version);
        saved.set(version, found);
        // Only what exists is kept: a missing number may be saved later, and a failed read is retried.
        found.then(
          (policy) => policy ?? saved.delete(version),
          () => saved.delete(version),
        );
      }
      return found;
    },
    async current() {
      const version = await latestPolicyVersion(deps.db);
      const policy = version === undefined ? undefined : await book.version(version);
      return policy ?? ensureDefaultPolicy(deps.db, deps.defaults, deps.now());
    },
    async termsFor(request) {
      try {
        return await termsOf(request);
      } catch (err) {
        if (err instanceof AppError && err.code === 'purpose_unknown') return null;
        throw err;
      }
    },
  };

  async function termsOf({ purpose, noticeVersion }: { purpose: string; noticeVersion: string }) {
    const version = policyVersionOfNotice(noticeVersion);
    const madeUnder = version === undefined ? undefined : await book.version(version);
    if (madeUnder) return consentTerms(madeUnder.policy, purpose);
    if (noticeVersion === legacyRecordingNotice.version) {
      // Requests from before the policy was data: version 1 holds the configuration of that time.
      const first = (await book.version(1)) ?? (await book.current());
      return consentTerms(first.policy, purpose, legacyRecordingNotice.text);
    }
    // A version this database does not hold (it was emptied): say what is in force rather than nothing.
    return consentTerms((await book.current()).policy, purpose);
  }
  return book;
}
