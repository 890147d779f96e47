// @vitest-environment jsdom
import type { OrganisationPolicy, Student, StudentList } from '@assent/shared';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type StubAnswer, stubApi } from '../test-support/stub-api';
import type { RemoteHandle } from '../ui/useRemote';
import { CreateSessionForm } from './CreateSessionForm';

const sam: Student = {
  id: 's-sam',
  name: 'Sam',
  minor: true,
  guardians: [{ userId: 'u-pat', name: 'Pat', agreed: true }],
  enrolled: true,
  hasSignIn: false,
  doNotRecord: false,
};
const students: RemoteHandle<StudentList> = {
  state: { kind: 'ready', data: { students: [sam] } },
  reload: () => {},
  replace: () => {},
};

function policy(adultGuestsAllowed: boolean): OrganisationPolicy {
  return {
    version: 2,
    noticeVersion: 'policy-2',
    createdAt: '2026-03-01T10:00:00.000Z',
    createdBy: 'u-ada',
    policy: {
      purposes: [{ id: 'quality_assurance', label: 'Quality', retentionDays: 90, viewerRoles: ['reviewer'] }],
      participantPlaybackDays: null,
      withdrawalRule: 'keep',
      advanceGuardianConsent: false,
      adultGuestsAllowed,
      researchExportMedia: 'audio',
      lateRequestDays: 30,
      askAgainAfterMinutes: 10,
      chatRetentionDays: 90,
      chatReaderRoles: ['tutor', 'reviewer'],
      chatParticipantsRead: false,
      studentsMayShare: false,
      joinOpensMinutesBefore: 10,
      joinGraceMinutes: 15,
      guardianPresenceMinutes: 5,
      reminderLeadMinutes: [1440, 15],
      organisationName: '',
      organisationContact: '',
      noticeText: 'Recorded only if everyone agrees.',
      agreementText: 'The online tutoring and recording policy.',
    },
  };
}

function stubSessions(allowed: boolean, create: () => StubAnswer) {
  return stubApi((method, path) => {
    if (method === 'GET' && path === '/api/policy') return { body: policy(allowed) };
    if (method === 'POST' && path === '/api/sessions') return create();
    return undefined;
  });
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('create a session: adult guests and the policy', () => {
  it('hides the guest list and says why when the policy does not allow guests', async () => {
    stubSessions(false, () => ({ status: 500, body: {} }));
    render(<CreateSessionForm students={students} onCreated={() => {}} />);
    expect(
      await screen.findByText(/Your organisation's policy does not allow guests without an account/),
    ).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Guests' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Add a guest' })).toBeNull();
    expect(screen.getByRole('checkbox', { name: 'Sam' })).toBeTruthy();
  });

  it('offers guests when allowed, and says so when the server refuses them after a policy change', async () => {
    const user = userEvent.setup();
    const fetchMock = stubSessions(true, () => ({
      status: 403,
      body: { error: { code: 'guests_not_allowed', message: 'Not allowed' } },
    }));
    render(<CreateSessionForm students={students} onCreated={() => {}} />);
    await user.type(screen.getByLabelText('Session title'), 'Algebra');
    await user.click(await screen.findByRole('button', { name: 'Add a guest' }));
    await user.type(screen.getByLabelText('Guest name 1'), 'Ola Observer');
    await user.click(screen.getByRole('button', { name: 'Create session' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Guests are not allowed');
    const sent = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST')?.[1]?.body;
    expect(JSON.parse(String(sent))).toMatchObject({ guests: [{ name: 'Ola Observer' }] });
  });
});
