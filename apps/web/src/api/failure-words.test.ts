import { ErrorCode } from '@assent/shared';
import { describe, expect, it } from 'vitest';
import { ApiError, type ApiFailureCode } from './client';
import { describeFailure, type FailureContext, failureSentence, failureWords } from './failure-words';

describe('failureWords', () => {
  it('has an entry for every code the server can answer with, and for an unreachable server', () => {
    const codes: ApiFailureCode[] = [...ErrorCode.options, 'unreachable'];
    expect(Object.keys(failureWords).sort()).toEqual([...codes].sort());
  });

  it('never shows a raw code, in any context', () => {
    const contexts: FailureContext[] = [
      'account',
      'invite',
      'link',
      'sign-in',
      'admin',
      'report',
      'reset-password',
    ];
    for (const context of contexts) {
      for (const code of [...ErrorCode.options, 'unreachable'] as const) {
        const failure = describeFailure(new ApiError(code, 'The server says why.'), context);
        expect(failure.title).not.toContain(code);
        expect(failure.title.length).toBeGreaterThan(0);
        expect(failure.detail.length).toBeGreaterThan(0);
      }
    }
  });
});

describe('describeFailure on the signed-in pages', () => {
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
    expect(describeFailure(new ApiError(code, 'x'))).toMatchObject({ title, retryable });
  });

  it('never shows a raw code; an unknown failure keeps its message', () => {
    const failure = describeFailure(new ApiError('internal', 'Something went wrong on our side'));
    expect(failure.title).toBe('Something went wrong');
    expect(failure.detail).toBe('Something went wrong on our side');
    expect(describeFailure('??').detail).toBe('Please try again.');
  });
});

describe('describeFailure for a link', () => {
  it('calls a malformed or unknown link simply not valid', () => {
    expect(describeFailure(new ApiError('validation_failed', 'x', 400), 'link').title).toBe(
      'This link is not valid',
    );
    expect(describeFailure(new ApiError('not_found', 'x', 404), 'link').title).toBe('This link is not valid');
    expect(describeFailure(new ApiError('link_expired', 'x', 410), 'link').title).toBe(
      'This link has expired',
    );
  });
});

describe('describeFailure at sign-in', () => {
  it('says a wrong password without saying which half was wrong', () => {
    expect(
      describeFailure(new ApiError('unauthorized', 'Invalid email or password', 401), 'sign-in').title,
    ).toBe("That email and password don't match");
    expect(describeFailure(new ApiError('validation_failed', 'Invalid email', 400), 'sign-in').title).toBe(
      'Enter your email and password',
    );
    expect(describeFailure(new ApiError('forbidden', 'x', 403), 'sign-in').title).toBe(
      'This account is disabled',
    );
    expect(describeFailure(new ApiError('rate_limited', 'x', 429), 'sign-in').title).toBe(
      'Too many attempts',
    );
  });
});

describe('describeFailure on the join page', () => {
  it.each([
    ['invite_invalid', 'This invite link is not valid', false],
    ['not_found', 'This invite link is not valid', false],
    ['invite_expired', 'This invite link has expired', false],
    ['unreachable', "Can't reach Assent", true],
    ['livekit_unavailable', "Can't connect to the call", true],
  ] as const)('%s reads "%s"', (code, title, retryable) => {
    expect(describeFailure(new ApiError(code, 'x'), 'invite')).toMatchObject({ title, retryable });
  });

  it("tells a child why they cannot join yet, in the server's words, and lets them try again", () => {
    const message =
      'Kim can join once a parent or guardian has registered with Assent and agreed to the policy.';
    const failure = describeFailure(new ApiError('guardian_agreement_missing', message, 403), 'invite');
    expect(failure).toEqual({
      title: 'A parent or guardian needs to agree to the policy first',
      detail: message,
      retryable: true,
    });
  });

  it('says only its own words: anything else is the server message under "Something went wrong"', () => {
    expect(describeFailure(new ApiError('forbidden', 'Your account may not join.', 403), 'invite')).toEqual({
      title: 'Something went wrong',
      detail: 'Your account may not join.',
      retryable: true,
    });
  });
});

describe('describeFailure elsewhere', () => {
  it('says plainly that a report is only about a session one was in', () => {
    expect(describeFailure(new ApiError('not_attended', 'x', 403), 'report').title).toBe(
      'You can report a concern only about a session you were in',
    );
  });

  it('says a used or unknown reset link does not work any more', () => {
    expect(describeFailure(new ApiError('link_invalid', 'x', 400), 'reset-password').title).toBe(
      'This link does not work any more',
    );
  });
});

describe('failureSentence', () => {
  it('answers a call command with its words, else the server message', () => {
    expect(failureSentence(new ApiError('request_stale', 'x'), 'call-command')).toBe(
      'The recording request has changed. Look at it again before you answer.',
    );
    expect(failureSentence(new ApiError('recording_active', 'A recording is running.'), 'call-command')).toBe(
      'A recording is running.',
    );
    expect(failureSentence(new Error('boom'), 'call-command')).toBe(
      'Something went wrong. Please try again.',
    );
  });

  it('answers a report from the call with its own words only', () => {
    expect(failureSentence(new ApiError('unreachable', 'x'), 'call-report')).toBe(
      "Can't reach Assent. Check your connection and try again.",
    );
    expect(failureSentence(new ApiError('validation_failed', 'x'), 'call-report')).toBe(
      'Please choose what it is about and say what happened.',
    );
    expect(failureSentence(new ApiError('forbidden', 'No.'), 'call-report')).toBe(
      'Something went wrong. Please try again.',
    );
  });
});
