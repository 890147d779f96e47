/**
 * Seats played by `@livekit/rtc-node` bots, as the insights journey does: each takes its seat the way the
 * product hands it out (POST /api/join with the person's link), connects without subscribing to anything,
 * publishes a microphone track and plays a loop of samples into it in real time until stopped.
 */
import type { JoinResponse } from '@assent/shared';
import {
  AudioFrame,
  AudioSource,
  LocalAudioTrack,
  Room,
  TrackPublishOptions,
  TrackSource,
} from '@livekit/rtc-node';

export const sampleRate = 48_000;
/** 20 ms frames: half the calls into the SDK of 10 ms ones, well inside one Opus packet's length. */
const frameSamples = sampleRate / 50;

export interface SeatBot {
  identity: string;
  roomName: string;
  stop(): Promise<void>;
}

/** The seat's LiveKit room and token, from POST /api/join with the person's invite token. */
export async function takeSeat(baseUrl: string, inviteToken: string): Promise<JoinResponse> {
  const res = await fetch(`${baseUrl}/api/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ inviteToken }),
  });
  if (!res.ok) throw new Error(`/api/join: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as JoinResponse;
}

/**
 * Joins the seat's room and plays `samples` (mono, 48 kHz, 16-bit) in a loop from `startAt` (a sample
 * index, so seats of different sessions are not in step) until `stop()`.
 */
export async function seatBot(seat: JoinResponse, samples: Int16Array, startAt = 0): Promise<SeatBot> {
  const room = await connected(seat);
  const source = new AudioSource(sampleRate, 1, 200);
  const track = LocalAudioTrack.createAudioTrack('microphone', source);
  await room.localParticipant?.publishTrack(
    track,
    new TrackPublishOptions({ source: TrackSource.SOURCE_MICROPHONE }),
  );
  let playing = true;
  const loop = (async () => {
    let at = startAt % samples.length;
    while (playing) {
      const frame = new Int16Array(frameSamples);
      for (let i = 0; i < frameSamples; i++) frame[i] = samples[(at + i) % samples.length] ?? 0;
      at = (at + frameSamples) % samples.length;
      // Resolves once the source's 200 ms queue has room: the loop runs at the audio's own pace.
      await source.captureFrame(new AudioFrame(frame, sampleRate, 1, frameSamples));
    }
  })();
  return {
    identity: seat.identity,
    roomName: seat.roomName,
    async stop() {
      playing = false;
      await loop.catch(() => {});
      await room.disconnect();
      await source.close();
    },
  };
}

/**
 * The seat's room, connected. With many rooms in one process on a loaded machine the SDK now and then
 * loses a room's handle while it connects ("handle not found"): that connect is tried once more.
 */
async function connected(seat: JoinResponse): Promise<Room> {
  const options = { autoSubscribe: false, dynacast: false };
  const room = new Room();
  try {
    await room.connect(seat.livekitUrl, seat.token, options);
    return room;
  } catch {
    await room.disconnect().catch(() => {});
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const again = new Room();
    await again.connect(seat.livekitUrl, seat.token, options);
    return again;
  }
}

/**
 * Turn-taking with a tone: in each `cycleSeconds`, seat `index` of `seats` sounds a 220 Hz tone (with a
 * little vibrato, so it is not a pure sine) for its share of the cycle minus a pause, and is silent
 * otherwise. Each seat's speaker state changes twice a cycle, as in a conversation.
 */
export function turnTakingTone(index: number, seats: number, cycleSeconds = 6): Int16Array {
  const total = cycleSeconds * sampleRate;
  const slot = total / seats;
  const pause = 0.5 * sampleRate;
  const from = index * slot;
  const to = from + slot - pause;
  const out = new Int16Array(total);
  for (let i = from; i < to; i++) {
    const t = i / sampleRate;
    out[i] = Math.round(9000 * Math.sin(2 * Math.PI * (220 * t + 3 * Math.sin(2 * Math.PI * 5 * t))));
  }
  return out;
}
