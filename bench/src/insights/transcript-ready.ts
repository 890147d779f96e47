/**
 * Recording stored → transcript ready, on the real stack with the real faster-whisper worker: two seats
 * on `@livekit/rtc-node` bots speak a lesson in turns (espeak-ng), everyone consents through the API,
 * LiveKit Egress records for a known length, the learner withdraws (the policy keeps what was recorded),
 * the vault stores it and the server's transcript job makes its transcript. Times are the server's own,
 * from its database: the recording's `stored_at`, the transcript job's `created_at` (queued by the pass
 * that found it) and `ready_at`, and the engine's own `transcribe_ms`. Recordings run one after another.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { dispose } from '@livekit/rtc-node';
import { RoomServiceClient } from 'livekit-server-sdk';
import { signInBenchStaff } from '../recording/bench-tutor';
import { egressWatch } from '../recording/egress-watch';
import { answer, createBenchSession, firstPurpose, requestRecording } from '../recording/session-api';
import { type InsightsStack, startInsightsStack } from './insights-stack';
import { lessonSpeech } from './lesson-speech';
import { type SeatBot, seatBot, takeSeat } from './seat-bots';
import { type RecordingTimes, recordingTimes } from './stack-db';

export interface TranscriptReadyOptions {
  /** The length of each recording, in seconds, in the order they are made. */
  lengths: number[];
  /** The transcriber's python (a virtual environment with faster-whisper). */
  python: string;
  /** ASSENT_JOB_POLL_MS for the server; undefined: the server's default. */
  jobPollMs?: number;
  log: (message: string) => void;
}

export interface TranscriptRun {
  /** How long the recording was held ACTIVE before the withdrawal. */
  heldSeconds: number;
  /** The audio the transcriber decoded. */
  audioSeconds: number;
  storedToReadySeconds: number;
  /** stored → the transcript job queued: the wait for the worker's next pass. */
  storedToQueuedSeconds: number;
  /** The engine's own time (decoding and transcribing the audio). */
  transcribeSeconds: number;
  /** stored → ready, per second of audio. */
  realTimeFactor: number;
  words: number;
  times: RecordingTimes;
}

export interface TranscriptReadyResult {
  stackStartSeconds: number;
  runs: TranscriptRun[];
  incidents: string[];
  totalSeconds: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 1000;
const layoutPage = resolve(import.meta.dirname, '../../../apps/web/dist/recording-layout/index.html');

/** Polls the database until the recording's transcript is ready (or failed). */
async function untilTranscribed(dataDir: string, egressId: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const times = recordingTimes(dataDir, egressId);
    const status = times?.transcript?.status;
    if (times && status === 'ready') return times;
    if (status === 'failed') throw new Error(`the transcript failed: ${times?.transcript?.lastError}`);
    if (Date.now() > deadline) {
      throw new Error(
        `no ready transcript ${timeoutMs} ms after the recording ended: ${JSON.stringify(times)}`,
      );
    }
    await sleep(250);
  }
}

export async function transcriptReady(options: TranscriptReadyOptions): Promise<TranscriptReadyResult> {
  const { log } = options;
  if (!existsSync(layoutPage)) {
    throw new Error(
      'the recording layout page is not built (apps/web/dist/recording-layout/): run `npx turbo run build --filter=@assent/web` first',
    );
  }
  const began = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'assent-bench-transcript-'));
  let stack: InsightsStack | undefined;
  const bots: SeatBot[] = [];
  const stopEverything = async () => {
    for (const bot of bots) await bot.stop().catch(() => {});
    await stack?.stop();
    await dispose();
    rmSync(dir, { recursive: true, force: true });
  };
  const onSignal = () => void stopEverything().finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const speech = lessonSpeech(dir);
    stack = await startInsightsStack('bench-transcript-ready', (m) => log(`stack: ${m}`), {
      ASSENT_TRANSCRIBER_PYTHON: options.python,
      ...(options.jobPollMs ? { ASSENT_JOB_POLL_MS: String(options.jobPollMs) } : {}),
    });
    const stackStartSeconds = Math.round((performance.now() - began) / 100) / 10;
    const { livekitHttpUrl, webUrl, config } = stack;
    const { livekitApiKey: key, livekitApiSecret: secret } = config.secrets;
    const watch = egressWatch(livekitHttpUrl, key, secret);
    const rooms = new RoomServiceClient(livekitHttpUrl, key, secret);
    const staff = await signInBenchStaff(stack);
    const purpose = await firstPurpose(webUrl);

    const runs: TranscriptRun[] = [];
    for (const [n, length] of options.lengths.entries()) {
      // A session per recording: a withdrawal counts as a "no", after which the policy makes the tutor wait
      // before asking the same people again.
      const session = await createBenchSession(webUrl, staff.tutor, `Transcript bench ${n + 1}`, 2);
      const [tutor, learner] = session.people;
      if (!tutor || !learner) throw new Error('the bench session has no tutor and learner');
      bots.push(await seatBot(await takeSeat(webUrl, tutor.inviteToken), speech.tutor));
      bots.push(await seatBot(await takeSeat(webUrl, learner.inviteToken), speech.learner));
      const deadline = Date.now() + 30_000;
      while ((await rooms.listParticipants(session.roomName)).filter((p) => p.tracks.length > 0).length < 2) {
        if (Date.now() > deadline) throw new Error('the two seats are not publishing');
        await sleep(200);
      }
      const requestId = await requestRecording(webUrl, tutor, purpose);
      for (const person of session.people) await answer(webUrl, 'consent', person, requestId);
      const active = await watch.untilActive(session.roomName, new Set(), 60_000);
      const heldFrom = Date.now();
      await sleep(length * 1000);
      await answer(webUrl, 'withdraw', learner, requestId);
      const heldSeconds = (Date.now() - heldFrom) / 1000;
      const egressId = active.info.egressId;
      await watch.untilFinished(egressId, 60_000);
      const times = await untilTranscribed(config.dataDir, egressId, 180_000);
      const t = times.transcript;
      if (!times.storedAt || !t?.readyAt) throw new Error(`incomplete times: ${JSON.stringify(times)}`);
      const audioSeconds = t.audioSeconds ?? heldSeconds;
      const storedToReadySeconds = seconds(times.storedAt, t.readyAt);
      const run: TranscriptRun = {
        heldSeconds,
        audioSeconds,
        storedToReadySeconds,
        storedToQueuedSeconds: seconds(times.storedAt, t.createdAt),
        transcribeSeconds: (t.transcribeMs ?? 0) / 1000,
        realTimeFactor: storedToReadySeconds / audioSeconds,
        words: t.wordCount ?? 0,
        times,
      };
      runs.push(run);
      log(
        `recording ${n + 1}/${options.lengths.length} (${length} s): ${audioSeconds.toFixed(1)} s of audio, ` +
          `stored → ready ${storedToReadySeconds.toFixed(2)} s (queued after ${run.storedToQueuedSeconds.toFixed(2)} s, ` +
          `engine ${run.transcribeSeconds.toFixed(2)} s), ${run.words} words`,
      );
      await watch.untilNoneRunning(60_000);
      for (const bot of bots.splice(0)) await bot.stop();
      await rooms.deleteRoom(session.roomName).catch(() => {});
    }
    return {
      stackStartSeconds,
      runs,
      incidents: stack.incidents,
      totalSeconds: Math.round((performance.now() - began) / 1000),
    };
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await stopEverything();
  }
}
