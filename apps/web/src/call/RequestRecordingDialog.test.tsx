// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubApi } from '../test-support/stub-api';
import { type CallSession, CallSessionContext } from './call-session';
import { RequestRecordingDialog } from './RequestRecordingDialog';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const requestRecording = vi.fn(async () => true);
const session = {
  inviteToken: 'invite-token',
  role: 'tutor',
  consentScope: { consentsFor: [], needsGuardian: false },
  commands: { requestRecording },
} as unknown as CallSession;

const options = {
  purposes: [
    { id: 'quality_assurance', label: 'Quality assurance', viewers: 'Reviewers only', retentionDays: 30 },
    { id: 'safeguarding', label: 'Safeguarding', viewers: 'Administrators only', retentionDays: 365 },
  ],
  // What the first purpose states, for old clients: the dialog must not read these.
  viewers: 'Reviewers only',
  retentionDays: 30,
  notice: { version: 'policy-2', text: 'We record lessons only when everyone agrees.' },
};

describe('Request recording dialog', () => {
  it('states the viewers and retention of the purpose the tutor picks, not the first one', async () => {
    stubApi((method, path) =>
      method === 'GET' && path === '/api/recording/options' ? { body: options } : undefined,
    );
    render(
      <CallSessionContext value={session}>
        <RequestRecordingDialog onClose={() => {}} />
      </CallSessionContext>,
    );
    const dialog = await screen.findByRole('dialog', { name: 'Request recording' });
    const purpose = await within(dialog).findByRole('combobox', { name: 'Purpose' });
    expect(within(dialog).getByText('Reviewers only')).toBeTruthy();
    expect(within(dialog).getByText('30 days')).toBeTruthy();

    await userEvent.selectOptions(purpose, 'safeguarding');
    expect(within(dialog).getByText('Administrators only')).toBeTruthy();
    expect(within(dialog).getByText('365 days')).toBeTruthy();
    expect(within(dialog).queryByText('Reviewers only')).toBeNull();

    await userEvent.click(within(dialog).getByRole('button', { name: 'Send request' }));
    expect(requestRecording).toHaveBeenCalledWith('safeguarding');
  });
});
