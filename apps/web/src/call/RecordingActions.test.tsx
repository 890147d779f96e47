// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useAssentStore } from '../store';
import { liveRecordingState } from '../test-support/live-recording-state';
import { AskAgainNotice } from './AskAgainNotice';
import { askAgainClock } from './ask-again';
import { type CallSession, CallSessionContext } from './call-session';
import { RecordingActions } from './RecordingActions';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const tutor = {
  inviteToken: 'invite-token',
  role: 'tutor',
  consentScope: { consentsFor: [], needsGuardian: false },
  commands: {},
} as unknown as CallSession;

function showState(askAgainAt: string | null) {
  useAssentStore.getState().receiveRecordingState(
    liveRecordingState({
      status: 'declined',
      banner: 'Not recording — a participant declined',
      request: null,
      askAgainAt,
      updatedAt: new Date().toISOString(),
    }),
  );
}

describe('the request button after a no', () => {
  it('says when the tutor may ask again, and comes back by itself when the cool-down ends', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const at = new Date(Date.now() + 10 * 60_000);
    showState(at.toISOString());
    render(
      <CallSessionContext value={tutor}>
        <RecordingActions />
      </CallSessionContext>,
    );
    const waiting = screen.getByRole('button', { name: `Request recording again at ${askAgainClock(at)}` });
    expect((waiting as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText(/Someone said no\. You can ask again in 10 minutes/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Request recording' })).toBeNull();

    await vi.advanceTimersByTimeAsync(10 * 60_000 + 1000);
    expect(await screen.findByRole('button', { name: 'Request recording' })).toBeTruthy();
  });
});

describe('the person who said no', () => {
  it('is told when the tutor may ask again, and that nobody else learns it was them', () => {
    const at = new Date(Date.now() + 10 * 60_000);
    useAssentStore.getState().receiveConsentResponse({
      state: liveRecordingState({
        status: 'declined',
        banner: 'Not recording — a participant declined',
        askAgainAt: at.toISOString(),
        updatedAt: new Date(Date.now() + 1000).toISOString(),
      }),
      myDecision: 'declined',
    });
    const student = { ...tutor, role: 'student' } as unknown as CallSession;
    render(
      <CallSessionContext value={student}>
        <AskAgainNotice />
      </CallSessionContext>,
    );
    expect(screen.getByRole('status').textContent).toBe(
      `You said no. The tutor cannot ask again until ${askAgainClock(at)} (in 10 minutes), and nobody else in the call is told it was you.`,
    );
  });
});
