// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { ConnectionQuality } from 'livekit-client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TileConnection } from './TileStatus';

const livekit = vi.hoisted(() => ({ quality: 'excellent' as string, isLocal: false }));
vi.mock('@livekit/components-react', () => ({
  useEnsureTrackRef: () => ({ participant: { identity: 'p', isLocal: livekit.isLocal } }),
  useConnectionQualityIndicator: () => ({ quality: livekit.quality }),
  ConnectionQualityIndicator: ({ participant: _, ...props }: Record<string, unknown>) => <div {...props} />,
}));
vi.mock('./RaiseHand', () => ({ useRaisedHands: () => [] }));

afterEach(() => {
  cleanup();
  livekit.quality = ConnectionQuality.Excellent;
  livekit.isLocal = false;
});

describe('a tile’s connection', () => {
  it('reads out LiveKit’s measure in words', () => {
    for (const [quality, words] of [
      [ConnectionQuality.Excellent, 'Connection: excellent'],
      [ConnectionQuality.Poor, 'Connection: poor'],
      [ConnectionQuality.Unknown, 'Connection: unknown'],
    ]) {
      livekit.quality = quality as string;
      render(<TileConnection />);
      expect(screen.getByRole('img').getAttribute('aria-label')).toBe(words);
      expect(screen.queryByText('Connection lost')).toBeNull();
      cleanup();
    }
  });

  it('says "Connection lost" on someone else’s tile when LiveKit has lost them', () => {
    livekit.quality = ConnectionQuality.Lost;
    render(<TileConnection />);
    expect(screen.getByText('Connection lost')).toBeTruthy();
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe('Connection: lost');
  });

  it('leaves one’s own tile to the "Reconnecting…" line', () => {
    livekit.quality = ConnectionQuality.Lost;
    livekit.isLocal = true;
    render(<TileConnection />);
    expect(screen.queryByText('Connection lost')).toBeNull();
  });
});
