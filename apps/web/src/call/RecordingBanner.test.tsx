// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useAssentStore } from '../store';
import { liveRecordingState } from '../test-support/live-recording-state';
import { RecordingBanner, withdrawalReasonMs } from './RecordingBanner';

const livekit = vi.hoisted(() => ({ recording: false }));
vi.mock('@livekit/components-react', () => ({ useIsRecording: () => livekit.recording }));

const initial = useAssentStore.getState();
beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  useAssentStore.setState(initial, true);
  livekit.recording = false;
});

const withdrawn = liveRecordingState({
  updatedAt: '2026-01-01T10:05:00Z',
  status: 'stopped_withdrawn',
  banner: 'Recording stopped — a participant withdrew consent',
});

describe('RecordingBanner', () => {
  it('says why a recording stopped for a minute, then only that nothing is recorded', () => {
    useAssentStore.getState().receiveRecordingState(withdrawn);
    render(<RecordingBanner />);
    const banner = screen.getByRole('status');
    expect(banner.textContent).toBe('Recording stopped — a participant withdrew consent');

    act(() => vi.advanceTimersByTime(withdrawalReasonMs - 1000));
    expect(banner.textContent).toBe('Recording stopped — a participant withdrew consent');
    act(() => vi.advanceTimersByTime(1000));
    expect(banner.textContent).toBe('Not recording');
  });

  it('never hides a recorder LiveKit still reports behind the faded reason', () => {
    useAssentStore.getState().receiveRecordingState(withdrawn);
    livekit.recording = true;
    render(<RecordingBanner />);
    act(() => vi.advanceTimersByTime(withdrawalReasonMs));
    expect(screen.getByRole('status').textContent).toMatch(/^Recording stopping/);
  });

  it('shows the reason afresh when a later recording is withdrawn too', () => {
    const store = useAssentStore.getState();
    store.receiveRecordingState(withdrawn);
    render(<RecordingBanner />);
    act(() => vi.advanceTimersByTime(withdrawalReasonMs));
    expect(screen.getByRole('status').textContent).toBe('Not recording');

    act(() =>
      store.receiveRecordingState(
        liveRecordingState({
          updatedAt: '2026-01-01T10:06:00Z',
          status: 'recording',
          banner: 'Recording — safeguarding',
        }),
      ),
    );
    act(() => store.receiveRecordingState({ ...withdrawn, updatedAt: '2026-01-01T10:07:00Z' }));
    expect(screen.getByRole('status').textContent).toBe('Recording stopped — a participant withdrew consent');
  });
});
