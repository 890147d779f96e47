import type { ConsentCommandResponse, LiveRecordingState } from '@assent/shared';
import type { Room } from 'livekit-client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useAssentStore } from '../store';
import { liveRecordingState } from '../test-support/live-recording-state';
import { createConsentCommands } from './consent-commands';

const recording: LiveRecordingState = liveRecordingState({
  status: 'recording',
  banner: 'Recording — safeguarding',
  consented: 2,
});
const withdrawn: ConsentCommandResponse = {
  state: {
    ...recording,
    status: 'stopped_withdrawn',
    banner: 'Recording stopped — a participant withdrew consent',
    updatedAt: '2026-01-01T10:00:05Z',
  },
  myDecision: 'withdrawn',
};

function fakeRoom(sharing = false) {
  const media = { camera: true, microphone: true };
  const screen = { sharing };
  const localParticipant = {
    get isScreenShareEnabled() {
      return screen.sharing;
    },
    setScreenShareEnabled: vi.fn(async (on: boolean) => {
      screen.sharing = on;
    }),
    get isCameraEnabled() {
      return media.camera;
    },
    get isMicrophoneEnabled() {
      return media.microphone;
    },
    setCameraEnabled: vi.fn(async (on: boolean) => {
      media.camera = on;
    }),
    setMicrophoneEnabled: vi.fn(async (on: boolean) => {
      media.microphone = on;
    }),
  };
  return { room: { localParticipant } as unknown as Room, media, screen };
}

type Answer = { status: number; body: unknown };
const json = ({ status, body }: Answer) => new Response(JSON.stringify(body), { status });

beforeEach(() => {
  vi.useFakeTimers();
  useAssentStore.getState().resetConsent();
  useAssentStore.getState().receiveRecordingState(recording);
  useAssentStore.getState().receiveDecision('r1', 'consented');
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('withdrawing in the call', () => {
  it('cuts own camera and microphone while the server is slow, and restores them on confirmation', async () => {
    let answer: (r: Response) => void = () => undefined;
    // The state fetched on start never answers here: only the withdrawal matters.
    const fetch = vi.fn((url: string, _init?: RequestInit) =>
      url.endsWith('/withdraw')
        ? new Promise<Response>((resolve) => (answer = resolve))
        : new Promise<Response>(() => undefined),
    );
    vi.stubGlobal('fetch', fetch);
    const { room, media } = fakeRoom();
    const commands = createConsentCommands('invite-token', room);
    const stop = commands.start();

    commands.withdraw();
    const [url, init] = fetch.mock.calls.find(([called]) => called.endsWith('/withdraw')) ?? [];
    expect(url).toBe('/api/recording/withdraw');
    expect(new Headers(init?.headers).get('authorization')).toBe('Bearer invite-token');
    expect(JSON.parse(String(init?.body))).toMatchObject({ requestId: 'r1' });

    await vi.advanceTimersByTimeAsync(1000);
    expect(media).toEqual({ camera: false, microphone: false });
    expect(useAssentStore.getState().withdrawal.kind).toBe('media-off');

    answer(json({ status: 200, body: withdrawn }));
    await vi.advanceTimersByTimeAsync(0);
    expect(media).toEqual({ camera: true, microphone: true });
    expect(useAssentStore.getState().withdrawal.kind).toBe('confirmed');
    expect(useAssentStore.getState().recording?.status).toBe('stopped_withdrawn');
    stop();
  });

  it('turns camera and microphone off a second after the click itself, however late the page handles it', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => new Promise<Response>(() => undefined)),
    );
    const { room, media } = fakeRoom();
    const commands = createConsentCommands('invite-token', room);
    const stop = commands.start();

    // The click was stamped 700 ms before its handler ran (a recorder's browser was starting beside it).
    commands.withdraw(performance.now() - 700);
    await vi.advanceTimersByTimeAsync(299);
    expect(media).toEqual({ camera: true, microphone: true });
    await vi.advanceTimersByTimeAsync(1);
    expect(media).toEqual({ camera: false, microphone: false });
    expect(useAssentStore.getState().withdrawal.kind).toBe('media-off');
    stop();
  });

  it('ends own screen share at the click, and does not bring it back on confirmation', async () => {
    let answer: (r: Response) => void = () => undefined;
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string) =>
        url.endsWith('/withdraw')
          ? new Promise<Response>((resolve) => (answer = resolve))
          : new Promise<Response>(() => undefined),
      ),
    );
    const { room, media, screen } = fakeRoom(true);
    const commands = createConsentCommands('invite-token', room);
    const stop = commands.start();

    commands.withdraw();
    expect(screen.sharing).toBe(false);
    expect(media).toEqual({ camera: true, microphone: true });
    answer(json({ status: 200, body: withdrawn }));
    await vi.advanceTimersByTimeAsync(0);
    expect(useAssentStore.getState().withdrawal.kind).toBe('confirmed');
    expect(screen.sharing).toBe(false);
    stop();
  });

  it('counts a stale request as confirmed once the server shows no consent of ours', async () => {
    const { room, media } = fakeRoom();
    const commands = createConsentCommands('invite-token', room);
    const stop = commands.start();
    await vi.advanceTimersByTimeAsync(0);
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) =>
        url.endsWith('/withdraw')
          ? json({ status: 409, body: { error: { code: 'request_stale', message: 'Stale' } } })
          : json({ status: 200, body: withdrawn }),
      ),
    );
    commands.withdraw();
    await vi.advanceTimersByTimeAsync(0);
    expect(useAssentStore.getState().withdrawal.kind).toBe('confirmed');
    expect(media).toEqual({ camera: true, microphone: true });
    stop();
  });

  it('keeps media off when the server refuses the withdrawal', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json({ status: 403, body: { error: { code: 'forbidden', message: 'Not yours' } } })),
    );
    const { room, media } = fakeRoom();
    const commands = createConsentCommands('invite-token', room);
    const stop = commands.start();
    commands.withdraw();
    await vi.advanceTimersByTimeAsync(0);
    expect(useAssentStore.getState().withdrawal).toEqual({ kind: 'refused', message: 'Not yours' });
    expect(media).toEqual({ camera: false, microphone: false });
    stop();
  });
});
