import type { GiveAgreementRequest, MeResponse } from '@assent/shared';

export type AgreementStatus =
  /** Not a guardian: nothing to agree to. */
  | { kind: 'not-needed' }
  | { kind: 'never' }
  /** Agreed to an older version; the current one has not been read yet. */
  | { kind: 'outdated'; agreedVersion: number }
  | { kind: 'current' };

/** Where a guardian stands with the policy in force, from `/api/me`. */
export function agreementStatus(agreement: MeResponse['agreement']): AgreementStatus {
  if (!agreement) return { kind: 'not-needed' };
  if (agreement.agreedVersion === null) return { kind: 'never' };
  // The server decides whether what they agreed to still stands: a version that changed nothing
  // guardians agree to (say, only the cool-down after a no) does not ask them again.
  if (!agreement.covers) return { kind: 'outdated', agreedVersion: agreement.agreedVersion };
  return { kind: 'current' };
}

export function mustAgree(status: AgreementStatus): boolean {
  return status.kind === 'never' || status.kind === 'outdated';
}

export interface AgreementDraft {
  adultConfirmed: boolean;
  policyAgreed: boolean;
}

export type AgreementErrors = Partial<Record<keyof AgreementDraft, string>>;

/** Both boxes are the guardian's own statements: nothing is sent until each is ticked. */
export function agreementErrors(draft: AgreementDraft): AgreementErrors {
  const errors: AgreementErrors = {};
  if (!draft.adultConfirmed) errors.adultConfirmed = 'Confirm that you are 18 or over';
  if (!draft.policyAgreed) errors.policyAgreed = 'Tick this box to agree to the policy';
  return errors;
}

/** The request for the version the guardian read (an older one is refused, so they read what is in force). */
export function toAgreementRequest(
  draft: AgreementDraft,
  policyVersion: number,
): GiveAgreementRequest | null {
  if (!draft.adultConfirmed || !draft.policyAgreed) return null;
  return { policyVersion, adultConfirmed: true };
}
