import { describe, expect, it } from 'vitest';
import { ApiError } from './client';
import { describeInviteFailure } from './invite-failure-message';

describe('describeInviteFailure', () => {
  it("tells a child why they cannot join yet, in the server's words, and lets them try again", () => {
    const message =
      'Kim can join once a parent or guardian has registered with Assent and agreed to the policy.';
    const failure = describeInviteFailure(new ApiError('guardian_agreement_missing', message, 403));
    expect(failure).toEqual({
      title: 'A parent or guardian needs to agree to the policy first',
      detail: message,
      retryable: true,
    });
  });

  it('says an expired link will never work', () => {
    expect(describeInviteFailure(new ApiError('invite_expired', 'x', 410)).retryable).toBe(false);
  });
});
