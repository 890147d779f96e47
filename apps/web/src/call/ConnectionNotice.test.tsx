// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { ConnectionState } from 'livekit-client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConnectionNotice, reconnectedMs } from './ConnectionNotice';

const livekit = vi.hoisted(() => ({ state: 'connected' as string }));
vi.mock('@livekit/components-react', () => ({ useConnectionState: () => livekit.state }));

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  livekit.state = ConnectionState.Connected;
});

describe('ConnectionNotice', () => {
  it('says nothing while connected from the start', () => {
    render(<ConnectionNotice />);
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('says "Reconnecting…" while LiveKit reconnects, then "Reconnected" for a few seconds', () => {
    const { rerender } = render(<ConnectionNotice />);
    livekit.state = ConnectionState.Reconnecting;
    rerender(<ConnectionNotice />);
    expect(screen.getByRole('status').textContent).toBe('Reconnecting…');
    livekit.state = ConnectionState.Connected;
    rerender(<ConnectionNotice />);
    expect(screen.getByRole('status').textContent).toBe('Reconnected');
    act(() => vi.advanceTimersByTime(reconnectedMs - 100));
    expect(screen.getByRole('status').textContent).toBe('Reconnected');
    act(() => vi.advanceTimersByTime(100));
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('counts a signal-only reconnect too, and says nothing more once the call is lost for good', () => {
    const { rerender } = render(<ConnectionNotice />);
    livekit.state = ConnectionState.SignalReconnecting;
    rerender(<ConnectionNotice />);
    expect(screen.getByRole('status').textContent).toBe('Reconnecting…');
    livekit.state = ConnectionState.Disconnected;
    rerender(<ConnectionNotice />);
    expect(screen.getByRole('status').textContent).toBe('');
  });
});
