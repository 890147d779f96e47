// @vitest-environment jsdom
import type { InvitationPreview } from '@assent/shared';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubApi } from '../test-support/stub-api';
import { WelcomePage } from './WelcomePage';

const token = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const family = (patch: Partial<InvitationPreview>): InvitationPreview => ({
  kind: 'family',
  role: 'guardian',
  email: 'robin@example.org',
  invitedBy: 'Pat Guardian',
  children: [{ id: 's-sam', name: 'Sam', minor: true }],
  additionalGuardian: false,
  expiresAt: '2030-01-01T00:00:00.000Z',
  ...patch,
});

function show(preview: InvitationPreview) {
  stubApi((_method, path) => {
    if (path === '/api/me') return { body: { user: null, agreement: null, setupPending: false } };
    if (path === `/api/invitations/${token}`) return { body: preview };
    return undefined;
  });
  render(<WelcomePage linkToken={token} />);
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('welcome page for a family invitation', () => {
  it('tells a second guardian whose guardian they become, with nothing to add', async () => {
    show(family({ additionalGuardian: true }));
    expect(
      await screen.findByText(
        "Pat Guardian invited you as a parent or guardian of Sam. Next you will confirm you are 18 or over and read and agree to the organisation's online tutoring and recording policy.",
      ),
    ).toBeTruthy();
    expect(screen.queryByText(/you can add others once your account is ready/)).toBeNull();
    expect(screen.getByRole('button', { name: 'Create account' })).toBeTruthy();
  });

  it('lists the children an enrolment named, to confirm and add to', async () => {
    show(family({}));
    expect(await screen.findByText(/you can add others once your account is ready/)).toBeTruthy();
    expect(screen.getByRole('listitem').textContent).toContain('Sam');
  });
});
