// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { requestsMade, stubApi } from '../test-support/stub-api';
import { useAccountStore } from './account-store';
import { ChangePassword } from './ChangePassword';
import { ForgotPasswordPage } from './ForgotPasswordPage';
import { ResetPasswordPage } from './ResetPasswordPage';
import { SignInPage } from './SignInPage';

const signedOutMe = { body: { user: null, agreement: null, setupPending: false } };

function bodyOf(fetchMock: ReturnType<typeof stubApi>, path: string): unknown {
  const call = fetchMock.mock.calls.find(([input]) => String(input).endsWith(path));
  return call ? JSON.parse(String(call[1]?.body)) : undefined;
}

function type(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

beforeEach(() => {
  window.history.replaceState(null, '', '/');
  useAccountStore.setState({ notice: null });
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('sign-in page', () => {
  it('offers "Forgot password?", which opens the reset request page', async () => {
    stubApi((_m, path) => (path === '/api/me' ? signedOutMe : undefined));
    render(<SignInPage />);
    const link = screen.getByRole('link', { name: 'Forgot password?' });
    expect(link.getAttribute('href')).toBe('/forgot-password');
    fireEvent.click(link);
    expect(window.location.pathname).toBe('/forgot-password');
  });
});

describe('forgot password page', () => {
  it('asks for a link and says the same whether or not the address has an account', async () => {
    const api = stubApi((method, path) =>
      method === 'POST' && path === '/api/auth/request-password-reset'
        ? { body: { status: true, message: 'If this email exists…' } }
        : undefined,
    );
    render(<ForgotPasswordPage />);
    type('Email', '  robin@example.org ');
    fireEvent.click(screen.getByRole('button', { name: 'Send reset link' }));
    expect((await screen.findByRole('status')).textContent).toMatch(
      /If robin@example\.org has an Assent account, we have sent it a link to choose a new password\. The link works once, for an hour\./,
    );
    expect(bodyOf(api, '/auth/request-password-reset')).toEqual({ email: 'robin@example.org' });
  });

  it('asks for the address before sending anything', () => {
    const api = stubApi(() => undefined);
    render(<ForgotPasswordPage />);
    fireEvent.click(screen.getByRole('button', { name: 'Send reset link' }));
    expect(screen.getByText('Enter your email address')).toBeTruthy();
    expect(requestsMade(api)).toEqual([]);
  });

  it('says so when too many links were asked for', async () => {
    stubApi(() => ({ status: 429, body: { message: 'Too many requests. Please try again later.' } }));
    render(<ForgotPasswordPage />);
    type('Email', 'robin@example.org');
    fireEvent.click(screen.getByRole('button', { name: 'Send reset link' }));
    expect(await screen.findByText('Too many attempts')).toBeTruthy();
  });
});

describe('reset password page', () => {
  it('sets the new password with the link’s token, then sends the person to sign in with a notice', async () => {
    const api = stubApi((method, path) =>
      method === 'POST' && path === '/api/auth/reset-password' ? { body: { status: true } } : undefined,
    );
    render(<ResetPasswordPage token="tok123" />);
    type('New password', 'lantern quietly orbits a piano');
    fireEvent.click(screen.getByRole('button', { name: 'Set new password' }));
    await waitFor(() => expect(window.location.pathname).toBe('/sign-in'));
    expect(bodyOf(api, '/auth/reset-password')).toEqual({
      token: 'tok123',
      newPassword: 'lantern quietly orbits a piano',
    });
    expect(useAccountStore.getState().notice).toMatch(/Sign in with your new password/);
  });

  it('shows a common password’s refusal beside the field', async () => {
    stubApi(() => ({
      status: 400,
      body: { code: 'PASSWORD_TOO_COMMON', message: 'This password is too easy to guess.' },
    }));
    render(<ResetPasswordPage token="tok123" />);
    type('New password', 'password1234');
    fireEvent.click(screen.getByRole('button', { name: 'Set new password' }));
    expect(await screen.findByText('This password is too easy to guess.')).toBeTruthy();
    expect(screen.getByLabelText('New password').getAttribute('aria-invalid')).toBe('true');
    expect(window.location.pathname).toBe('/');
  });

  it('explains a used or expired link and offers a new one', async () => {
    stubApi(() => ({ status: 400, body: { code: 'INVALID_TOKEN', message: 'Invalid token' } }));
    render(<ResetPasswordPage token="used" />);
    type('New password', 'lantern quietly orbits a piano');
    fireEvent.click(screen.getByRole('button', { name: 'Set new password' }));
    expect(await screen.findByText('This link does not work any more')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Send a new link' }).getAttribute('href')).toBe(
      '/forgot-password',
    );
  });
});

describe('change password', () => {
  it('needs the current password and says other devices are signed out', async () => {
    const api = stubApi((method, path) =>
      method === 'POST' && path === '/api/auth/change-password' ? { body: { token: null } } : undefined,
    );
    render(<ChangePassword />);
    type('New password', 'lantern quietly orbits a piano');
    fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
    expect(screen.getByText('Enter your current password')).toBeTruthy();
    expect(requestsMade(api)).toEqual([]);

    type('Current password', 'the old one, long');
    fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
    expect((await screen.findByRole('status')).textContent).toBe(
      'Your password is changed. Every other device is signed out.',
    );
    expect(bodyOf(api, '/auth/change-password')).toEqual({
      currentPassword: 'the old one, long',
      newPassword: 'lantern quietly orbits a piano',
      revokeOtherSessions: true,
    });
    expect((screen.getByLabelText('Current password') as HTMLInputElement).value).toBe('');
  });

  it('shows a wrong current password beside its field', async () => {
    stubApi(() => ({ status: 400, body: { code: 'INVALID_PASSWORD', message: 'Invalid password' } }));
    render(<ChangePassword />);
    type('Current password', 'not it at all');
    type('New password', 'lantern quietly orbits a piano');
    fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
    expect(await screen.findByText('That is not your current password')).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
  });
});
