/**
 * Whiteboard stroke → others received, against the real stack. Three people in a call: the tutor opens
 * the board through `POST /api/call/board/open`; a student draws freehand the way the editor sends it,
 * one growing element re-sent about 20 times a second through `POST /api/call/board/elements`; the tutor
 * and the third person are in the room with LiveKit's Node SDK (`@livekit/rtc-node`) and note when each
 * version of the stroke reaches them in the server's `board` packets. One machine, one clock: Node's
 * Date.now() at the send and at each receipt.
 */
import { randomInt } from 'node:crypto';
import { join } from 'node:path';
import { type BoardElement, type BoardPacket, BoardTopic, type JoinResponse } from '@assent/shared';
import { dispose, type RemoteParticipant, Room, RoomEvent } from '@livekit/rtc-node';
import { startIsolatedStack } from '../../../scripts/stack/isolated-stack';
import type { Stack } from '../../../scripts/stack/stack';
import { benchDataDir, benchPorts } from '../recording/bench-stack';
import { signInBenchTutor } from '../recording/bench-tutor';
import { createBenchSession, type Invitee } from '../recording/session-api';
import { type LatencySummary, summarize } from '../stats';

export interface BoardBenchResult {
  strokes: number;
  updatesPerStroke: number;
  /** Updates sent in all. */
  updates: number;
  receivers: number;
  /** Send started → that version of the stroke received by another person in the room. */
  strokeToReceived: LatencySummary;
  /** Send started → the server's answer (merged, stored, handed to LiveKit). */
  sendResponse: LatencySummary;
  /** Versions a receiver never saw (LiveKit's reliable data should deliver every one). */
  missing: number;
  /** The largest packet the server sent, in bytes of JSON. */
  largestPacketBytes: number;
  dataDir: string;
}

async function post(baseUrl: string, token: string, path: string, body: unknown): Promise<Response> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl, authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
  return response;
}

async function joinAnswer(baseUrl: string, person: Invitee): Promise<JoinResponse> {
  const response = await post(baseUrl, person.inviteToken, '/api/join', { inviteToken: person.inviteToken });
  return (await response.json()) as JoinResponse;
}

/** A freehand stroke as the editor keeps it: its points grow, its version goes up with every change. */
function stroke(id: string, version: number): BoardElement {
  const points = Array.from({ length: version * 3 }, (_, i) => [i * 2, Math.round(40 * Math.sin(i / 8))]);
  return {
    id,
    type: 'freedraw',
    version,
    versionNonce: randomInt(2 ** 31),
    isDeleted: false,
    x: 100,
    y: 100,
    width: points.length * 2,
    height: 80,
    strokeColor: '#1e1e1e',
    strokeWidth: 2,
    points,
    pressures: [],
    simulatePressure: true,
    lastCommittedPoint: points.at(-1) ?? null,
  };
}

/** A receiver in the room: notes when each `id@version` first arrives, from the server only. */
function listen(room: Room, seen: Map<string, number>, sizes: number[]) {
  room.on(
    RoomEvent.DataReceived,
    (payload: Uint8Array, participant?: RemoteParticipant, _kind?: unknown, topic?: string) => {
      const at = Date.now();
      if (topic !== BoardTopic || participant !== undefined) return;
      sizes.push(payload.byteLength);
      const packet = JSON.parse(new TextDecoder().decode(payload)) as BoardPacket;
      if (packet.type !== 'elements') return;
      for (const element of packet.elements) {
        const key = `${element.id}@${element.version}`;
        if (!seen.has(key)) seen.set(key, at);
      }
    },
  );
}

export async function boardBench(options: {
  strokes: number;
  updatesPerStroke: number;
  intervalMs: number;
  log: (message: string) => void;
}): Promise<BoardBenchResult> {
  const { log } = options;
  let stack: Stack | undefined;
  const rooms: Room[] = [];
  try {
    stack = await startIsolatedStack({
      dataDir: join(benchDataDir, '..', 'bench-board-stack'),
      ports: benchPorts,
      log: (m) => log(`stack: ${m}`),
      onUnexpectedExit: (name, reason) => log(`${name} died: ${reason}`),
    });
    const baseUrl = stack.webUrl;
    const tutorCookie = await signInBenchTutor(stack);
    const session = await createBenchSession(baseUrl, tutorCookie, 'Whiteboard bench', 3);
    const [tutor, drawer, third] = session.people;
    if (!tutor || !drawer || !third) throw new Error('the bench session has three people');
    const receivers = [tutor, third];
    const seen = receivers.map(() => new Map<string, number>());
    const sizes: number[] = [];
    for (const [i, person] of receivers.entries()) {
      const joined = await joinAnswer(baseUrl, person);
      const room = new Room();
      listen(room, seen[i] as Map<string, number>, sizes);
      await room.connect(joined.livekitUrl, joined.token, { autoSubscribe: false, dynacast: false });
      rooms.push(room);
    }
    // The drawer is in the call too, as the web app would be.
    await joinAnswer(baseUrl, drawer);
    await post(baseUrl, tutor.inviteToken, '/api/call/board/open', { open: true });
    // Let the room settle (joins, the status packet) before timing.
    await new Promise((r) => setTimeout(r, 1000));

    const sentAt = new Map<string, number>();
    const responses: number[] = [];
    for (let s = 0; s < options.strokes; s += 1) {
      const id = `bench-stroke-${s}`;
      for (let version = 1; version <= options.updatesPerStroke; version += 1) {
        const startedAt = Date.now();
        sentAt.set(`${id}@${version}`, startedAt);
        await post(baseUrl, drawer.inviteToken, '/api/call/board/elements', {
          elements: [stroke(id, version)],
        });
        responses.push(Date.now() - startedAt);
        const wait = startedAt + options.intervalMs - Date.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      }
      log(`stroke ${s + 1}/${options.strokes} sent`);
      // The pen lifts between strokes.
      await new Promise((r) => setTimeout(r, 300));
    }
    await new Promise((r) => setTimeout(r, 2000));

    const received: number[] = [];
    let missing = 0;
    for (const [key, at] of sentAt) {
      for (const receiver of seen) {
        const got = receiver.get(key);
        if (got === undefined) missing += 1;
        else received.push(got - at);
      }
    }
    return {
      strokes: options.strokes,
      updatesPerStroke: options.updatesPerStroke,
      updates: sentAt.size,
      receivers: receivers.length,
      strokeToReceived: summarize(received),
      sendResponse: summarize(responses),
      missing,
      largestPacketBytes: Math.max(0, ...sizes),
      dataDir: join(benchDataDir, '..', 'bench-board-stack'),
    };
  } finally {
    for (const room of rooms) await room.disconnect().catch(() => {});
    await dispose().catch(() => {});
    await stack?.stop();
  }
}
