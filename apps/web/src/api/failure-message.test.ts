import { describe, expect, it } from 'vitest';
import { ApiError } from './client';
import { describeAccountFailure, describeLinkFailure, describeSignInFailure } from './failure-message';

describe('describeAccountFailure', () => {
  it.each([
    ['link_invalid', 'This link is not valid', false],
    ['link_expired', 'This link has expired', false],
    ['link_used', 'This link has already been used', false],
    ['email_taken', 'There is already an account with this email', false],
    ['setup_done', 'Assent is already set up', false],
    ['agreement_required', 'Please agree to the policy first', false],
    ['policy_version_stale', 'The policy has just changed', false],
    ['rate_limited', 'Too many attempts', true],
    ['unauthorized', 'You are signed out', false],
    ['forbidden', "Your account can't do this", false],
    ['unreachable', "Can't reach Assent", true],
  ] as const)('%s reads "%s"', (code, title, retryable) => {
    expect(describeAccountFailure(new ApiError(code, 'x'))).toMatchObject({ title, retryable });
  });

  it('never shows a raw code; an unknown failure keeps its message', () => {
    const failure = describeAccountFailure(new ApiError('internal', 'Something went wrong on our side'));
    expect(failure.title).toBe('Something went wrong');
    expect(failure.detail).toBe('Something went wrong on our side');
    expect(describeAccountFailure('??').detail).toBe('Please try again.');
  });
});

describe('describeLinkFailure', () => {
  it('calls a malformed or unknown link simply not valid', () => {
    expect(describeLinkFailure(new ApiError('validation_failed', 'x', 400)).title).toBe(
      'This link is not valid',
    );
    expect(describeLinkFailure(new ApiError('not_found', 'x', 404)).title).toBe('This link is not valid');
    expect(describeLinkFailure(new ApiError('link_expired', 'x', 410)).title).toBe('This link has expired');
  });
});

describe('describeSignInFailure', () => {
  it('says a wrong password without saying which half was wrong', () => {
    expect(describeSignInFailure(new ApiError('unauthorized', 'Invalid email or password', 401)).title).toBe(
      "That email and password don't match",
    );
    expect(describeSignInFailure(new ApiError('validation_failed', 'Invalid email', 400)).title).toBe(
      'Enter your email and password',
    );
    expect(describeSignInFailure(new ApiError('rate_limited', 'x', 429)).title).toBe('Too many attempts');
  });
});
