// @vitest-environment jsdom
import type { OrganisationPolicy } from '@assent/shared';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubApi } from '../test-support/stub-api';
import { PolicyForm } from './PolicyForm';

const saved: OrganisationPolicy = {
  version: 3,
  noticeVersion: 'policy-3',
  createdAt: '2026-03-01T10:00:00.000Z',
  createdBy: 'u-ada',
  policy: {
    purposes: [{ id: 'quality_assurance', label: 'Quality', retentionDays: 90, viewerRoles: ['reviewer'] }],
    participantPlaybackDays: 90,
    withdrawalRule: 'keep',
    advanceGuardianConsent: false,
    adultGuestsAllowed: true,
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

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('policy form: adult guests', () => {
  it('saves "Tutors may invite adult guests" unticked as a new version', async () => {
    const user = userEvent.setup();
    const fetchMock = stubApi((method, path) =>
      method === 'PUT' && path === '/api/admin/policy'
        ? { body: { ...saved, version: 4, policy: { ...saved.policy, adultGuestsAllowed: false } } }
        : undefined,
    );
    const onSaved = vi.fn();
    render(<PolicyForm saved={saved} onSaved={onSaved} onReload={() => {}} />);
    const box = screen.getByRole('checkbox', { name: 'Tutors may invite adult guests' }) as HTMLInputElement;
    expect(box.checked).toBe(true);
    expect(box.getAttribute('aria-describedby')).toBe('adult-guests-allowed-hint');
    await user.click(box);
    await user.click(screen.getByRole('button', { name: 'Save policy' }));
    await vi.waitFor(() => expect(onSaved).toHaveBeenCalled());
    const body = JSON.parse(String(fetchMock.mock.calls[0]?.[1]?.body));
    expect(body).toMatchObject({ basedOnVersion: 3, adultGuestsAllowed: false });
    expect(
      (screen.getByRole('checkbox', { name: 'Tutors may invite adult guests' }) as HTMLInputElement).checked,
    ).toBe(false);
  });
});

describe('policy form: research exports', () => {
  it('exports sound only until an admin chooses sound and video, and saves the late-link days, as a new version', async () => {
    const user = userEvent.setup();
    const fetchMock = stubApi((method, path) =>
      method === 'PUT' && path === '/api/admin/policy'
        ? {
            body: {
              ...saved,
              version: 4,
              policy: { ...saved.policy, researchExportMedia: 'audio_and_video' },
            },
          }
        : undefined,
    );
    const onSaved = vi.fn();
    render(<PolicyForm saved={saved} onSaved={onSaved} onReload={() => {}} />);
    const group = within(screen.getByRole('group', { name: 'Research exports' }));
    expect((group.getByRole('radio', { name: 'Sound only' }) as HTMLInputElement).checked).toBe(true);
    await user.click(group.getByRole('radio', { name: 'Sound and video' }));
    const late = screen.getByRole('spinbutton', {
      name: 'Days an expired link may still report or ask for deletion',
    }) as HTMLInputElement;
    expect(late.value).toBe('30');
    await user.clear(late);
    await user.type(late, '14');
    await user.click(screen.getByRole('button', { name: 'Save policy' }));
    await vi.waitFor(() => expect(onSaved).toHaveBeenCalled());
    const body = JSON.parse(String(fetchMock.mock.calls[0]?.[1]?.body));
    expect(body).toMatchObject({
      basedOnVersion: 3,
      researchExportMedia: 'audio_and_video',
      lateRequestDays: 14,
    });
  });
});

describe('policy form: scheduling', { timeout: 30_000 }, () => {
  it('shows the join window, guardian presence and reminders, and saves them as a new version', async () => {
    const user = userEvent.setup();
    const fetchMock = stubApi((method, path) =>
      method === 'PUT' && path === '/api/admin/policy'
        ? {
            body: {
              ...saved,
              version: 4,
              policy: { ...saved.policy, joinOpensMinutesBefore: 5, reminderLeadMinutes: [2880, 60] },
            },
          }
        : undefined,
    );
    const onSaved = vi.fn();
    render(<PolicyForm saved={saved} onSaved={onSaved} onReload={() => {}} />);
    expect(screen.getByRole('heading', { name: 'Scheduling' })).toBeTruthy();
    const opens = screen.getByRole('spinbutton', { name: 'Minutes before the start Join opens' });
    expect((opens as HTMLInputElement).value).toBe('10');
    expect(
      (screen.getByRole('spinbutton', { name: 'Minutes after the end Join stays open' }) as HTMLInputElement)
        .value,
    ).toBe('15');
    expect(
      (
        screen.getByRole('spinbutton', {
          name: 'Minutes a guardian has to be there at a child’s start and end',
        }) as HTMLInputElement
      ).value,
    ).toBe('5');
    const reminders = screen.getByRole('textbox', { name: 'Reminders, in minutes before each session' });
    expect((reminders as HTMLInputElement).value).toBe('1440, 15');
    await user.clear(opens);
    await user.type(opens, '5');
    await user.clear(reminders);
    await user.type(reminders, '60, 2880');
    await user.click(screen.getByRole('button', { name: 'Save policy' }));
    await vi.waitFor(() => expect(onSaved).toHaveBeenCalled());
    const body = JSON.parse(String(fetchMock.mock.calls[0]?.[1]?.body));
    expect(body).toMatchObject({
      basedOnVersion: 3,
      joinOpensMinutesBefore: 5,
      joinGraceMinutes: 15,
      guardianPresenceMinutes: 5,
      reminderLeadMinutes: [2880, 60],
    });
    expect(
      (screen.getByRole('textbox', { name: 'Reminders, in minutes before each session' }) as HTMLInputElement)
        .value,
    ).toBe('2880, 60');
  });

  it('says beside the field what is wrong, without sending', async () => {
    const user = userEvent.setup();
    const fetchMock = stubApi(() => undefined);
    render(<PolicyForm saved={saved} onSaved={() => {}} onReload={() => {}} />);
    const reminders = screen.getByRole('textbox', { name: 'Reminders, in minutes before each session' });
    await user.clear(reminders);
    await user.type(reminders, '1440, soon');
    const grace = screen.getByRole('spinbutton', { name: 'Minutes after the end Join stays open' });
    await user.clear(grace);
    await user.type(grace, '300');
    await user.click(screen.getByRole('button', { name: 'Save policy' }));
    expect(await screen.findByText('Enter whole minutes')).toBeTruthy();
    expect(reminders.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('At most four hours')).toBeTruthy();
    expect(grace.getAttribute('aria-describedby')).toContain('join-grace-minutes-error');
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

describe('policy form: session insights', () => {
  it('turns talk time and transcripts on, sets who sees it, the lines and the days, and saves them', async () => {
    const user = userEvent.setup();
    const fetchMock = stubApi((method, path) =>
      method === 'PUT' && path === '/api/admin/policy' ? { body: { ...saved, version: 4 } } : undefined,
    );
    const onSaved = vi.fn();
    render(<PolicyForm saved={saved} onSaved={onSaved} onReload={() => {}} />);
    expect(screen.getByRole('heading', { name: 'Session insights' })).toBeTruthy();
    await user.click(screen.getByRole('checkbox', { name: 'Measure talk time in every session' }));
    const readers = within(screen.getByRole('group', { name: 'Who may see a session’s talk time' }));
    await user.click(readers.getByRole('checkbox', { name: 'Tutors (their own sessions)' }));
    await user.click(
      readers.getByRole('checkbox', { name: 'Each learner their own share (and their guardians)' }),
    );
    const high = screen.getByRole('spinbutton', { name: 'High from, in percent of talk by learners' });
    await user.clear(high);
    await user.type(high, '60');
    const kept = screen.getByRole('spinbutton', { name: 'Days talk time is kept' });
    await user.clear(kept);
    await user.type(kept, '365');
    await user.click(screen.getByRole('checkbox', { name: 'Make transcripts of stored recordings' }));
    const transcriptDays = screen.getByRole('spinbutton', { name: 'Days a transcript is kept' });
    await user.clear(transcriptDays);
    await user.type(transcriptDays, '730');
    await user.click(screen.getByRole('button', { name: 'Save policy' }));
    await vi.waitFor(() => expect(onSaved).toHaveBeenCalled());
    const body = JSON.parse(String(fetchMock.mock.calls[0]?.[1]?.body));
    expect(body).toMatchObject({
      talkTimeEnabled: true,
      talkTimeReaderRoles: ['reviewer', 'admin'],
      talkTimeLearnersSeeOwn: true,
      talkTimeEngagingPercent: 10,
      talkTimeLowPercent: 25,
      talkTimeHighPercent: 60,
      talkTimeRetentionDays: 365,
      transcriptsEnabled: true,
      transcriptRetentionDays: 730,
    });
  });

  it('says beside the line what is wrong with it, without sending', async () => {
    const user = userEvent.setup();
    const fetchMock = stubApi(() => undefined);
    render(<PolicyForm saved={saved} onSaved={() => {}} onReload={() => {}} />);
    const low = screen.getByRole('spinbutton', { name: 'Low below, in percent of talk by learners' });
    await user.clear(low);
    await user.type(low, '70');
    const engaging = screen.getByRole('spinbutton', {
      name: 'Highly engaging from, in percent of talk by learners',
    });
    await user.clear(engaging);
    await user.click(screen.getByRole('button', { name: 'Save policy' }));
    expect(await screen.findByText('The high line must be above the low line')).toBeTruthy();
    expect(
      screen
        .getByRole('spinbutton', { name: 'High from, in percent of talk by learners' })
        .getAttribute('aria-invalid'),
    ).toBe('true');
    expect(screen.getByText('Enter a whole percent')).toBeTruthy();
    expect(engaging.getAttribute('aria-describedby')).toContain('talk-time-engaging-percent-error');
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
