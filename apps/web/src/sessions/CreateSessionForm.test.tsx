// @vitest-environment jsdom
import type { OrganisationPolicy, Student, StudentList } from '@assent/shared';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
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
      talkTimeEnabled: false,
      talkTimeReaderRoles: ['admin', 'reviewer', 'tutor'],
      talkTimeLearnersSeeOwn: false,
      talkTimeEngagingPercent: 10,
      talkTimeLowPercent: 25,
      talkTimeHighPercent: 50,
      talkTimeRetentionDays: 1095,
      transcriptsEnabled: false,
      transcriptRetentionDays: 1095,
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

describe('create a session: when it takes place', { timeout: 30_000 }, () => {
  const created = {
    sessionId: 'ses_1',
    title: 'Algebra',
    invites: [{ personId: 'p-t', name: 'Tess', role: 'tutor', url: 'http://localhost/join/t' }],
    seriesId: 'ser_1',
    occurrences: [
      { sessionId: 'ses_1', startsAt: '2026-12-14T16:30:00.000Z', endsAt: '2026-12-14T17:15:00.000Z' },
      { sessionId: 'ses_2', startsAt: '2026-12-16T16:30:00.000Z', endsAt: '2026-12-16T17:15:00.000Z' },
    ],
    overlaps: [
      {
        sessionId: 'ses_9',
        title: 'Chemistry',
        startsAt: '2026-12-16T16:00:00.000Z',
        endsAt: '2026-12-16T17:00:00.000Z',
      },
    ],
  };

  it('starts now by default, sending no schedule, as before', async () => {
    const user = userEvent.setup();
    const fetchMock = stubSessions(true, () => ({ status: 201, body: { ...created, occurrences: [] } }));
    render(<CreateSessionForm students={students} onCreated={() => {}} timeZone="Europe/London" />);
    expect((screen.getByRole('radio', { name: 'Start now' }) as HTMLInputElement).checked).toBe(true);
    expect(screen.queryByLabelText('Date')).toBeNull();
    await user.type(screen.getByLabelText('Session title'), 'Algebra');
    await user.click(screen.getByRole('checkbox', { name: 'Sam' }));
    await user.click(screen.getByRole('button', { name: 'Create session' }));
    await screen.findByRole('heading', { name: '“Algebra” is ready' });
    const sent = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST')?.[1]?.body;
    expect(JSON.parse(String(sent))).not.toHaveProperty('schedule');
  });

  it('sends a weekly series in the browser’s zone, then lists the occurrences and warns of an overlap', async () => {
    const user = userEvent.setup();
    const fetchMock = stubSessions(true, () => ({ status: 201, body: created }));
    render(<CreateSessionForm students={students} onCreated={() => {}} timeZone="America/New_York" />);
    await user.type(screen.getByLabelText('Session title'), 'Algebra');
    await user.click(screen.getByRole('radio', { name: 'At a set time' }));
    expect(screen.getByText(/Times are in your time zone, New York \(America\/New_York\)/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Date'), { target: { value: '2026-12-14' } });
    fireEvent.change(screen.getByLabelText('Start time'), { target: { value: '11:30' } });
    await user.selectOptions(screen.getByLabelText('Duration'), '45 minutes');
    await user.click(screen.getByRole('checkbox', { name: 'Repeats weekly' }));
    await user.click(screen.getByRole('checkbox', { name: 'Wednesday' }));
    await user.click(screen.getByRole('checkbox', { name: 'Monday' }));
    await user.clear(screen.getByLabelText('How many weeks'));
    await user.type(screen.getByLabelText('How many weeks'), '3');
    await user.click(screen.getByRole('checkbox', { name: 'Sam' }));
    await user.click(screen.getByRole('button', { name: 'Create session' }));

    const sent = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST')?.[1]?.body;
    expect(JSON.parse(String(sent))).toEqual({
      title: 'Algebra',
      studentIds: ['s-sam'],
      guests: [],
      schedule: {
        startsAt: '2026-12-14T11:30',
        durationMinutes: 45,
        timeZone: 'America/New_York',
        repeat: { weekdays: ['MO', 'WE'], weeks: 3 },
      },
    });
    const when = await screen.findByRole('list', { name: 'When it takes place' });
    expect(
      within(when)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Mon 14 Dec 2026, 11:30–12:15', 'Wed 16 Dec 2026, 11:30–12:15']);
    expect(screen.getByRole('alert').textContent).toBe(
      'Overlaps “Chemistry” on Wed 16 Dec 2026, 11:00–12:00.',
    );
  });

  it('gives each guest of a series a link per occurrence', async () => {
    const user = userEvent.setup();
    const link = (who: string, n: number) => `http://localhost/join/${who}-${n}`;
    const series = {
      ...created,
      invites: [
        { personId: 'p-t1', name: 'Tess', role: 'tutor', url: link('tess', 1) },
        { personId: 'p-o1', name: 'Ola', role: 'observer', url: link('ola', 1) },
      ],
      occurrences: created.occurrences.map((o, i) => ({
        ...o,
        invites: [
          { personId: `p-t${i}`, name: 'Tess', role: 'tutor', url: link('tess', i + 1) },
          { personId: `p-o${i}`, name: 'Ola', role: 'observer', url: link('ola', i + 1) },
        ],
      })),
      overlaps: [],
    };
    stubSessions(true, () => ({ status: 201, body: series }));
    render(<CreateSessionForm students={students} onCreated={() => {}} timeZone="Europe/London" />);
    await user.type(screen.getByLabelText('Session title'), 'Algebra');
    await user.click(await screen.findByRole('button', { name: 'Add a guest' }));
    await user.type(screen.getByLabelText('Guest name 1'), 'Ola');
    await user.click(screen.getByRole('button', { name: 'Create session' }));
    const ola = within(await screen.findByRole('region', { name: 'Invite links for Ola' }));
    expect(
      ola
        .getByRole('textbox', { name: 'Invite link for Ola, Mon 14 Dec 2026, 16:30–17:15' })
        .getAttribute('value'),
    ).toBe(link('ola', 1));
    expect(
      ola
        .getByRole('textbox', { name: 'Invite link for Ola, Wed 16 Dec 2026, 16:30–17:15' })
        .getAttribute('value'),
    ).toBe(link('ola', 2));
    expect(screen.queryByRole('textbox', { name: 'Invite link for Ola' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Join as tutor' }).getAttribute('href')).toBe(link('tess', 1));
  });

  it('sends "until a date" with the start’s own weekday when none is ticked', async () => {
    const user = userEvent.setup();
    const fetchMock = stubSessions(true, () => ({ status: 201, body: created }));
    render(<CreateSessionForm students={students} onCreated={() => {}} timeZone="Europe/London" />);
    await user.type(screen.getByLabelText('Session title'), 'Algebra');
    await user.click(screen.getByRole('radio', { name: 'At a set time' }));
    fireEvent.change(screen.getByLabelText('Date'), { target: { value: '2026-12-17' } });
    fireEvent.change(screen.getByLabelText('Start time'), { target: { value: '09:00' } });
    await user.click(screen.getByRole('checkbox', { name: 'Repeats weekly' }));
    expect(screen.getByText('None ticked: every Thursday, the day of the first session.')).toBeTruthy();
    await user.click(screen.getByRole('radio', { name: 'Until a chosen day' }));
    fireEvent.change(screen.getByLabelText('Last session on'), { target: { value: '2027-01-28' } });
    await user.click(screen.getByRole('checkbox', { name: 'Sam' }));
    await user.click(screen.getByRole('button', { name: 'Create session' }));
    await screen.findByRole('list', { name: 'When it takes place' });
    const sent = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST')?.[1]?.body;
    expect(JSON.parse(String(sent)).schedule).toEqual({
      startsAt: '2026-12-17T09:00',
      durationMinutes: 60,
      timeZone: 'Europe/London',
      repeat: { weekdays: ['TH'], until: '2027-01-28' },
    });
  });

  it('shows the server’s refusals beside the time fields', async () => {
    const user = userEvent.setup();
    stubSessions(true, () => ({
      status: 400,
      body: {
        error: {
          code: 'validation_failed',
          message: 'Invalid',
          issues: [
            { path: 'schedule.startsAt', message: 'A session cannot start in the past' },
            { path: 'schedule.repeat.weeks', message: 'A series lasts at most a year' },
          ],
        },
      },
    }));
    render(<CreateSessionForm students={students} onCreated={() => {}} timeZone="Europe/London" />);
    await user.type(screen.getByLabelText('Session title'), 'Algebra');
    await user.click(screen.getByRole('radio', { name: 'At a set time' }));
    await user.click(screen.getByRole('checkbox', { name: 'Repeats weekly' }));
    await user.click(screen.getByRole('checkbox', { name: 'Sam' }));
    await user.click(screen.getByRole('button', { name: 'Create session' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Some details need fixing');
    expect(screen.getByLabelText('Date').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Date').getAttribute('aria-describedby')).toBe('session-start-error');
    expect(document.getElementById('session-start-error')?.textContent).toBe(
      'A session cannot start in the past',
    );
    expect(screen.getByText('A series lasts at most a year')).toBeTruthy();
    // Placed beside their fields, so not repeated in the alert.
    expect(screen.getByRole('alert').textContent).not.toContain('at most a year');
  });

  it('places a refusal that names a field (a start that has passed) beside it', async () => {
    const user = userEvent.setup();
    stubSessions(true, () => ({
      status: 400,
      body: {
        error: {
          code: 'start_in_past',
          message: 'The session would start in the past.',
          issues: [{ path: 'schedule.startsAt', message: 'Choose a time that has not passed yet' }],
        },
      },
    }));
    render(<CreateSessionForm students={students} onCreated={() => {}} timeZone="Europe/London" />);
    await user.type(screen.getByLabelText('Session title'), 'Algebra');
    await user.click(screen.getByRole('radio', { name: 'At a set time' }));
    await user.click(screen.getByRole('checkbox', { name: 'Sam' }));
    await user.click(screen.getByRole('button', { name: 'Create session' }));
    expect((await screen.findByRole('alert')).textContent).toContain('That time has passed');
    expect(document.getElementById('session-start-error')?.textContent).toBe(
      'Choose a time that has not passed yet',
    );
  });

  it('says a weeks box that is not a number without sending', async () => {
    const user = userEvent.setup();
    const fetchMock = stubSessions(true, () => ({ status: 201, body: created }));
    render(<CreateSessionForm students={students} onCreated={() => {}} timeZone="Europe/London" />);
    await user.click(screen.getByRole('radio', { name: 'At a set time' }));
    await user.click(screen.getByRole('checkbox', { name: 'Repeats weekly' }));
    await user.clear(screen.getByLabelText('How many weeks'));
    await user.click(screen.getByRole('button', { name: 'Create session' }));
    expect(await screen.findByText('Enter a whole number of weeks')).toBeTruthy();
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(false);
  });
});
