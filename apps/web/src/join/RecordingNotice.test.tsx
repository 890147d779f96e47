// @vitest-environment jsdom
// Rule 5 on the join page: a yes lasts one presence, so a returning person is never told they consented.
import type { InvitePreview } from '@assent/shared';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { RecordingStateResponse } from '../api/consent';
import { type JoinConsent, RecordingNotice } from './RecordingNotice';

afterEach(cleanup);

const preview: InvitePreview = {
  sessionId: 'ses_1',
  sessionTitle: 'Algebra, week 3',
  personId: 'per_sam',
  name: 'Sam',
  role: 'student',
  minor: false,
  consentsFor: [],
  needsGuardian: false,
  expiresAt: '2026-12-08T10:00:00.000Z',
  recording: { active: true },
  notice: { version: 'v1', text: 'Sessions may be recorded.' },
};

function recordingWith(myDecision: RecordingStateResponse['myDecision']): RecordingStateResponse {
  return {
    myDecision,
    state: {
      version: 1,
      status: 'recording',
      banner: 'Recording — quality assurance',
      request: {
        requestId: 'req_1',
        open: true,
        purpose: 'quality_assurance',
        purposeLabel: 'quality assurance',
        viewers: 'Reviewers',
        retentionDays: 30,
        noticeVersion: 'v1',
        noticeText: 'Sessions may be recorded.',
        withdrawalRule: 'keep',
      },
      consented: 2,
      required: 2,
      updatedAt: '2026-12-07T10:00:00.000Z',
      askAgainAt: null,
    },
  };
}

const show = (recording: RecordingStateResponse, consent: JoinConsent = { kind: 'none' }) =>
  render(<RecordingNotice preview={preview} recording={recording} consent={consent} onConsent={() => {}} />);

describe('the join page and a yes that lasts one presence', () => {
  it('does not tell someone coming back (their earlier presence still open) that they consented', () => {
    show(recordingWith('consented'));
    expect(screen.queryByText(/You consented to this recording/)).toBeNull();
    expect(screen.getByText(/It stops when you join/)).toBeTruthy();
    expect(screen.getByText(/It ends as you join again, so you are asked again/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'I consent' })).toBeTruthy();
  });

  it('says a yes given on this page counts from joining until leaving', () => {
    show(recordingWith('consented'), { kind: 'given' });
    expect(
      screen.getByText(/You consented to this recording. It counts from when you join until you leave/),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'I consent' })).toBeNull();
  });
});

describe('what the notice says is recorded', () => {
  it('says a shared screen is recorded, whether or not a recording is being asked for', () => {
    show(recordingWith('pending'));
    expect(
      screen.getByText(/A shared screen .* and the whiteboard while it is open are part of what is recorded/),
    ).toBeTruthy();
    cleanup();
    render(
      <RecordingNotice
        preview={preview}
        recording={undefined}
        consent={{ kind: 'none' }}
        onConsent={() => {}}
      />,
    );
    expect(
      screen.getByText(/A shared screen .* and the whiteboard while it is open are part of what is recorded/),
    ).toBeTruthy();
  });
});

describe('the join page and talk time', () => {
  const talkWords =
    'How long each person speaks is measured from sound levels; what is said is not recorded by this.';

  it('says talk time is measured, and how, when the policy measures it', () => {
    render(
      <RecordingNotice
        preview={{ ...preview, recording: { active: false }, talkTimeNotice: talkWords }}
        recording={undefined}
        consent={{ kind: 'none' }}
        onConsent={() => {}}
      />,
    );
    expect(screen.getByText(talkWords)).toBeTruthy();
  });

  it('says nothing of it when the policy does not measure it', () => {
    render(
      <RecordingNotice
        preview={{ ...preview, recording: { active: false } }}
        recording={undefined}
        consent={{ kind: 'none' }}
        onConsent={() => {}}
      />,
    );
    expect(screen.queryByText(/measured from sound levels/)).toBeNull();
  });
});
