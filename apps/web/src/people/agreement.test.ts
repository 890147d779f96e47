import { describe, expect, it } from 'vitest';
import { agreementErrors, agreementStatus, mustAgree, toAgreementRequest } from './agreement';

describe('agreement status', () => {
  it('reads where a guardian stands', () => {
    expect(agreementStatus(null)).toEqual({ kind: 'not-needed' });
    const never = agreementStatus({ agreedVersion: null, currentVersion: 2, agreedAt: null, covers: false });
    expect(never).toEqual({ kind: 'never' });
    const outdated = agreementStatus({
      agreedVersion: 1,
      currentVersion: 2,
      agreedAt: '2025-01-01T00:00:00Z',
      covers: false,
    });
    expect(outdated).toEqual({ kind: 'outdated', agreedVersion: 1 });
    const current = agreementStatus({
      agreedVersion: 2,
      currentVersion: 2,
      agreedAt: '2025-01-01T00:00:00Z',
      covers: true,
    });
    expect(current).toEqual({ kind: 'current' });
    // A newer version that changed nothing guardians agree to leaves their agreement standing.
    const stillCovered = agreementStatus({
      agreedVersion: 2,
      currentVersion: 3,
      agreedAt: '2025-01-01T00:00:00Z',
      covers: true,
    });
    expect(stillCovered).toEqual({ kind: 'current' });
    expect([never, outdated, current].map(mustAgree)).toEqual([true, true, false]);
  });
});

describe('agreement form', () => {
  it('sends nothing until both statements are ticked, and says which one is missing', () => {
    expect(agreementErrors({ adultConfirmed: false, policyAgreed: false })).toEqual({
      adultConfirmed: 'Confirm that you are 18 or over',
      policyAgreed: 'Tick this box to agree to the policy',
    });
    expect(agreementErrors({ adultConfirmed: true, policyAgreed: false })).toEqual({
      policyAgreed: 'Tick this box to agree to the policy',
    });
    expect(toAgreementRequest({ adultConfirmed: true, policyAgreed: false }, 3)).toBeNull();
  });

  it('cites the version that was read', () => {
    expect(agreementErrors({ adultConfirmed: true, policyAgreed: true })).toEqual({});
    expect(toAgreementRequest({ adultConfirmed: true, policyAgreed: true }, 3)).toEqual({
      policyVersion: 3,
      adultConfirmed: true,
    });
  });
});
