// @vitest-environment jsdom
/** A child's own sign-in, from the link their guardian sent to the dashboard they land on. */
import type { InvitationPreview, MeResponse, MySession } from '@assent/shared';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App';
import { requestsMade, stubApi } from '../test-support/stub-api';
import { consentScopeText } from '../ui/consent-scope';
import { useAccountStore } from './account-store';

const token = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const preview: InvitationPreview = {
  kind: 'student',
  role: 'student',
  email: 'sam@example.org',
  invitedBy: 'Pat Guardian',
  children: [{ id: 's-sam', name: 'Sam Student', minor: true }],
  additionalGuardian: false,
  expiresAt: '2030-01-01T00:00:00.000Z',
};
const signedInSam: MeResponse = {
  user: { id: 'u-sam', name: 'Sam Student', email: 'sam@example.org', role: 'student' },
  agreement: null,
  setupPending: false,
};
const algebra: MySession = {
  sessionId: 'ses-1',
  title: 'Algebra, week 3',
  createdAt: '2026-03-01T10:00:00.000Z',
  role: 'student',
  joinUrl: 'http://localhost/join/invite-token-for-sam-0123456789',
  refusal: null,
  children: [],
  people: [
    { name: 'Dana Tutor', role: 'tutor' },
    { name: 'Sam Student', role: 'student' },
  ],
};

beforeEach(() => {
  useAccountStore.setState({ status: { kind: 'unknown' }, notice: null });
  window.history.replaceState(null, '', `/welcome/${token}`);
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("a child's own sign-in", () => {
  it('creates the account from the link and lands on "Your sessions" with the join link', async () => {
    const user = userEvent.setup();
    const fetchMock = stubApi((method, path) => {
      if (path === '/api/me') return { body: { user: null, agreement: null, setupPending: false } };
      if (path === `/api/invitations/${token}`) return { body: preview };
      if (method === 'POST' && path === `/api/invitations/${token}/accept`) return { body: signedInSam };
      if (path === '/api/me/sessions') return { body: { sessions: [algebra] } };
      if (path === '/api/me/students') {
        return {
          body: {
            students: [
              {
                id: 's-sam',
                name: 'Sam Student',
                minor: true,
                guardians: [{ userId: 'u-pat', name: 'Pat Guardian', agreed: true }],
                enrolled: true,
                hasSignIn: true,
                doNotRecord: false,
              },
            ],
          },
        };
      }
      return undefined;
    });
    render(<App />);

    expect(await screen.findByRole('heading', { name: 'Create your account' })).toBeTruthy();
    expect(
      screen.getByText(
        'Pat Guardian invited you to have a sign-in of your own, to join your tutoring sessions.',
      ),
    ).toBeTruthy();
    // Their name as their guardian enrolled them, the address the link was sent to.
    expect((screen.getByLabelText('Your name') as HTMLInputElement).value).toBe('Sam Student');
    expect((screen.getByLabelText('Email') as HTMLInputElement).readOnly).toBe(true);
    await user.type(screen.getByLabelText('Password'), 'a long enough password');
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    const sessions = await screen.findByRole('region', { name: 'Your sessions' });
    expect(window.location.pathname).toBe('/');
    expect(await within(sessions).findByRole('heading', { name: 'Algebra, week 3' })).toBeTruthy();
    expect(within(sessions).getByRole('link', { name: 'Join Algebra, week 3' }).getAttribute('href')).toBe(
      algebra.joinUrl,
    );
    // Rule 3 in the call's own words (their yes counts with a guardian's); the standing preference is the guardian's.
    const rule = consentScopeText({ consentsFor: [], needsGuardian: true }) ?? 'no rule';
    expect(await screen.findByText(rule)).toBeTruthy();
    expect(
      screen.getByText(/Your parent or guardian can also ask for your sessions never to be recorded/),
    ).toBeTruthy();
    expect(screen.queryByText(/decides whether your sessions may be recorded/)).toBeNull();
    expect(requestsMade(fetchMock)).toContain(`POST /api/invitations/${token}/accept`);
  });
});
