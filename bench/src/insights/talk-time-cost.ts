/**
 * What talk time costs the server: CPU and memory of the Assent server process (with everything it runs,
 * the talk-time observers' native LiveKit SDK included) while N live sessions run, each with seats on
 * `@livekit/rtc-node` bots taking turns with a tone, once with the policy's talk time off (the baseline)
 * and once on (one hidden observer per room), in the same run on the same stack. livekit-server is
 * sampled beside it: the observers' subscriptions are forwarded by it.
 */

import { isTalkObserverIdentity } from '@assent/server/src/livekit/talk-observer-token';
import type { OrganisationPolicy } from '@assent/shared';
import { dispose } from '@livekit/rtc-node';
import { RoomServiceClient } from 'livekit-server-sdk';
import { signInBenchStaff } from '../recording/bench-tutor';
import { sampleTree, type TreeUsage } from '../recording/process-tree-usage';
import { createBenchSession } from '../recording/session-api';
import { assentServer, type InsightsStack, livekitServer, startInsightsStack } from './insights-stack';
import { type SeatBot, sampleRate, seatBot, takeSeat, turnTakingTone } from './seat-bots';
import { openObservations, talkRowsOf } from './stack-db';

export interface TalkCostOptions {
  /** Session counts, each measured with talk time off, then on. */
  sessionCounts: number[];
  /** Seats per session (the tutor and learners), each a bot taking turns. */
  seats: number;
  /** How long CPU and memory are sampled once every session is live (and observed). */
  sampleSeconds: number;
  log: (message: string) => void;
}

export interface TalkPhase {
  sessions: number;
  seats: number;
  talkTime: boolean;
  /** Seconds to create the sessions and have every bot publishing (and every observer in its room). */
  setupSeconds: number;
  server: TreeUsage;
  livekit: TreeUsage;
  /** What the observers stored for these sessions by the end of the sample. */
  observations: number;
  stretches: number;
}

export interface TalkCostResult {
  stackStartSeconds: number;
  idle: { server: TreeUsage; livekit: TreeUsage };
  phases: TalkPhase[];
  incidents: string[];
  totalSeconds: number;
}

/** Sessions set up at the same time. */
const startTogether = 5;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(250);
  }
}

/** Saves a policy version with talk time on or off (admins only), when it is not so already. */
async function setTalkTime(baseUrl: string, adminCookie: string, on: boolean): Promise<void> {
  const current = (await (await fetch(`${baseUrl}/api/policy`)).json()) as OrganisationPolicy;
  if (current.policy.talkTimeEnabled === on) return;
  const res = await fetch(`${baseUrl}/api/admin/policy`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', origin: baseUrl, cookie: adminCookie },
    body: JSON.stringify({ ...current.policy, talkTimeEnabled: on, basedOnVersion: current.version }),
  });
  if (!res.ok) throw new Error(`/api/admin/policy: HTTP ${res.status} ${await res.text()}`);
}

interface Live {
  sessionIds: string[];
  roomNames: string[];
  bots: SeatBot[];
}

async function goLive(
  stack: InsightsStack,
  tutorCookie: string,
  rooms: RoomServiceClient,
  phase: { sessions: number; seats: number; talkTime: boolean },
): Promise<Live> {
  const live: Live = { sessionIds: [], roomNames: [], bots: [] };
  const tones = Array.from({ length: phase.seats }, (_, k) => turnTakingTone(k, phase.seats));
  const startOne = async (n: number) => {
    const session = await createBenchSession(stack.webUrl, tutorCookie, `Talk time bench ${n}`, phase.seats);
    live.sessionIds.push(session.sessionId);
    live.roomNames.push(session.roomName);
    // Sessions out of step with each other, as real ones are.
    const startAt = Math.floor(Math.random() * 6 * sampleRate);
    for (const [k, person] of session.people.entries()) {
      const seat = await takeSeat(stack.webUrl, person.inviteToken);
      live.bots.push(await seatBot(seat, tones[k] ?? new Int16Array(sampleRate), startAt));
    }
  };
  // A few sessions start at once (people join at the same time), the rest after them.
  for (let first = 0; first < phase.sessions; first += startTogether) {
    const batch = Array.from(
      { length: Math.min(startTogether, phase.sessions - first) },
      (_, i) => first + i,
    );
    await Promise.all(batch.map(startOne));
  }
  // LiveKit says every seat publishes; with talk time on, the observer sits hidden in every room.
  await until(
    'every seat publishing and every observer in its room',
    async () => {
      for (const roomName of live.roomNames) {
        const present = await rooms.listParticipants(roomName);
        const seats = present.filter((p) => !isTalkObserverIdentity(p.identity));
        if (seats.filter((p) => p.tracks.length > 0).length < phase.seats) return false;
        if (present.some((p) => isTalkObserverIdentity(p.identity)) !== phase.talkTime) return false;
      }
      return true;
    },
    90_000,
  );
  return live;
}

async function endLive(stack: InsightsStack, rooms: RoomServiceClient, live: Live): Promise<void> {
  for (const bot of live.bots) await bot.stop();
  // The rooms end now (room_finished reaches the server), not after LiveKit's departure timeout.
  for (const roomName of live.roomNames) await rooms.deleteRoom(roomName).catch(() => {});
  await until(
    'every observation of the phase ended',
    async () => openObservations(stack.config.dataDir, live.sessionIds) === 0,
    60_000,
  );
}

export async function talkTimeCost(options: TalkCostOptions): Promise<TalkCostResult> {
  const { log } = options;
  const began = performance.now();
  let stack: InsightsStack | undefined;
  let live: Live | undefined;
  const stopEverything = async () => {
    for (const bot of live?.bots ?? []) await bot.stop().catch(() => {});
    await stack?.stop();
    await dispose();
  };
  const onSignal = () => void stopEverything().finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    stack = await startInsightsStack('bench-talk-time', (m) => log(`stack: ${m}`));
    const stackStartSeconds = Math.round((performance.now() - began) / 100) / 10;
    const { livekitApiKey: key, livekitApiSecret: secret } = stack.config.secrets;
    const rooms = new RoomServiceClient(stack.livekitHttpUrl, key, secret);
    const staff = await signInBenchStaff(stack);

    log('idle server, no session live…');
    await sleep(3000);
    const [idleServer, idleLivekit] = await Promise.all([
      sampleTree(assentServer, options.sampleSeconds / 2),
      sampleTree(livekitServer, options.sampleSeconds / 2),
    ]);
    const phases: TalkPhase[] = [];
    for (const sessions of options.sessionCounts) {
      for (const talkTime of [false, true]) {
        await setTalkTime(stack.webUrl, staff.admin, talkTime);
        log(
          `${sessions} session(s) of ${options.seats} seats, talk time ${talkTime ? 'on' : 'off'}: joining…`,
        );
        const setupStart = performance.now();
        live = await goLive(stack, staff.tutor, rooms, { sessions, seats: options.seats, talkTime });
        const setupSeconds = Math.round((performance.now() - setupStart) / 100) / 10;
        // Subscriptions settle and the first speaker updates arrive before the sample starts.
        await sleep(3000);
        const [server, livekit] = await Promise.all([
          sampleTree(assentServer, options.sampleSeconds),
          sampleTree(livekitServer, options.sampleSeconds),
        ]);
        const stored = talkRowsOf(stack.config.dataDir, live.sessionIds);
        const phase = { sessions, seats: options.seats, talkTime, setupSeconds, server, livekit, ...stored };
        log(
          `  server CPU ${server.cpuMeanPercent}% of a core, RSS ${server.rssMeanMb} MB; livekit CPU ${livekit.cpuMeanPercent}%; ` +
            `${stored.observations} observation(s), ${stored.stretches} stretches stored; set up in ${setupSeconds} s`,
        );
        if (talkTime && (stored.observations < sessions || stored.stretches < sessions)) {
          throw new Error('talk time is on but the observers stored no speaking for some sessions');
        }
        phases.push(phase);
        await endLive(stack, rooms, live);
        live = undefined;
        await sleep(2000);
      }
    }
    return {
      stackStartSeconds,
      idle: { server: idleServer, livekit: idleLivekit },
      phases,
      incidents: stack.incidents,
      totalSeconds: Math.round((performance.now() - began) / 1000),
    };
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await stopEverything();
  }
}
