import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { describeAdminFailure, isAccessRefused } from './admin-failure';

describe('describeAdminFailure', () => {
  it('tells someone who is not an administrator that the page is for administrators', () => {
    const failure = describeAdminFailure(new ApiError('forbidden', 'Your account may not do this.', 403));
    expect(failure).toMatchObject({ title: 'Only administrators can see this page', signIn: false });
  });

  it('offers a signed-out person the way to sign in', () => {
    const failure = describeAdminFailure(new ApiError('unauthorized', 'Sign in to do this.', 401));
    expect(failure).toMatchObject({ title: 'You are signed out', signIn: true, retryable: false });
  });

  it('lets a person try again when the server could not be reached', () => {
    const failure = describeAdminFailure(new ApiError('unreachable', 'The server could not be reached.'));
    expect(failure).toMatchObject({ title: "Can't reach Assent", retryable: true, signIn: false });
  });

  it('refuses the whole page only for 401 and 403', () => {
    expect(isAccessRefused(new ApiError('forbidden', '', 403))).toBe(true);
    expect(isAccessRefused(new ApiError('unauthorized', '', 401))).toBe(true);
    expect(isAccessRefused(new ApiError('internal', '', 500))).toBe(false);
    expect(isAccessRefused(new Error('boom'))).toBe(false);
  });
});
