/**
 * One recording, end to end, timed against LiveKit: the tutor requests, everyone consents through the API,
 * LiveKit lists the egress ACTIVE, a person clicks "Withdraw consent" in their call page, the egress ends
 * and its file is probed.
 */
import type { RoomServiceClient } from 'livekit-server-sdk';
import type { Browser } from 'playwright-core';
import { decryptedRecording } from '../../../scripts/recordings/vault-copy';
import { benchDataDir } from './bench-stack';
import { type CallPage, clickWithdraw, dismissWithdrawalNotice, joinCall, leaveCall } from './call-pages';
import { type EgressWatch, nanosToMs, probe, statusOf } from './egress-watch';
import { sampleTree, type TreeUsage } from './process-tree-usage';
import { answer, type BenchSession, createBenchSession, requestRecording } from './session-api';

export interface RunResult {
  people: number;
  /** Egresses LiveKit lists for this request (more than one when a start was stopped and tried again). */
  attempts: number;
  /** Last consent sent → LiveKit's listEgress first shows EGRESS_ACTIVE (polled every 50 ms). */
  lastConsentToActiveMs: number;
  /** The same, ending at the egress's own updatedAt as of that first ACTIVE answer. */
  lastConsentToActiveReportedMs?: number;
  /** Withdraw click → EGRESS_ENDING first seen; undefined when it went straight to a finished status. */
  withdrawToEndingMs?: number;
  /** The same, ending at the egress's own updatedAt as of that first ENDING answer. */
  withdrawToEndingReportedMs?: number;
  /** Withdraw click → a finished status first seen (EGRESS_COMPLETE when the file is complete). */
  withdrawToFinishedMs: number;
  finishedStatus: string;
  /** File start (fileResults[0].startedAt) + its ffprobe duration − the withdraw click. */
  mediaAfterClickMs: number;
  /**
   * fileResults[0].endedAt − the withdraw click. For a room composite egress sets endedAt when it sends
   * EOS to its capture sources: the last moment of the screen and sound it captured.
   */
  captureEndAfterClickMs?: number;
  /**
   * ffprobe duration − (fileResults[0].endedAt − startedAt): how much earlier the file's first frame is
   * than the startedAt egress reports (which it takes when its whole pipeline reached PLAYING).
   */
  fileStartsBeforeStartedAtMs?: number;
  fileSeconds: number;
  streams: string[];
  hasAudioAndVideo: boolean;
  /** The egress tree's CPU and memory while this recording was ACTIVE, when sampled. */
  usage?: TreeUsage;
}

export interface BenchCall {
  session: BenchSession;
  pages: CallPage[];
  /** Egress ids this room had before the current request. */
  seen: Set<string>;
}

export interface RunContext {
  baseUrl: string;
  /** The signed-in tutor who creates each session. */
  tutorCookie: string;
  purpose: string;
  watch: EgressWatch;
  rooms: RoomServiceClient;
  /** Marks the egress service's process (its config path on the command line). */
  egressMarker: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A fresh session of `size` people, everyone in the call page and publishing camera and microphone. */
export async function startCall(ctx: RunContext, browser: Browser, size: number): Promise<BenchCall> {
  const session = await createBenchSession(
    ctx.baseUrl,
    ctx.tutorCookie,
    `Recording bench, ${size} people`,
    size,
  );
  const pages: CallPage[] = [];
  for (const person of session.people) pages.push(await joinCall(browser, person));
  // LiveKit, not the page, says when everyone publishes both tracks (so the recording has their media).
  const deadline = Date.now() + 30_000;
  for (;;) {
    const participants = await ctx.rooms.listParticipants(session.roomName);
    const publishing = participants.filter((p) => p.tracks.length >= 2).length;
    if (publishing >= size) break;
    if (Date.now() > deadline) throw new Error(`only ${publishing} of ${size} people publish media`);
    await sleep(200);
  }
  return { session, pages, seen: new Set() };
}

export async function endCall(call: BenchCall): Promise<void> {
  for (const page of call.pages) await leaveCall(page);
}

export async function recordOnce(
  ctx: RunContext,
  call: BenchCall,
  options: { holdSeconds: number; sampleUsage: boolean },
): Promise<RunResult> {
  const { session, pages } = call;
  for (const e of await ctx.watch.inRoom(session.roomName)) call.seen.add(e.egressId);
  const [tutor] = session.people;
  const last = session.people.at(-1);
  const withdrawer = pages.find((p) => p.person.role === 'student');
  if (!tutor || !last || !withdrawer) throw new Error('a bench call needs a tutor and a student');

  const requestId = await requestRecording(ctx.baseUrl, tutor, ctx.purpose);
  for (const person of session.people.slice(0, -1)) await answer(ctx.baseUrl, 'consent', person, requestId);
  const lastConsentAt = Date.now();
  await answer(ctx.baseUrl, 'consent', last, requestId);
  const active = await ctx.watch.untilActive(session.roomName, call.seen, 60_000);
  const egressId = active.info.egressId;
  const activeReportedAt = nanosToMs(active.info.updatedAt);

  const usage = options.sampleUsage ? await sampleTree(ctx.egressMarker, options.holdSeconds) : undefined;
  if (!usage) await sleep(options.holdSeconds * 1000);

  const clickedAt = await clickWithdraw(withdrawer.page);
  const { ending, done } = await ctx.watch.untilFinished(egressId, 60_000);
  const file = done.info.fileResults[0];
  if (!file?.filename) throw new Error(`egress ${egressId} ended ${statusOf(done.info)} without a file`);
  // The vault has taken egress's file in by now: probe the decrypted copy.
  const probed = probe(await decryptedRecording(benchDataDir, egressId));
  const fileStartedAt = nanosToMs(file.startedAt);
  const fileEndedAt = nanosToMs(file.endedAt);
  if (fileStartedAt === undefined) throw new Error(`egress ${egressId} reports no file start time`);
  const endingReportedAt = nanosToMs(ending?.info.updatedAt);

  const attempts = (await ctx.watch.inRoom(session.roomName)).filter((e) => !call.seen.has(e.egressId));
  for (const e of attempts) call.seen.add(e.egressId);
  // The next run starts only once LiveKit lists nothing running, in any room.
  await ctx.watch.untilNoneRunning(60_000);
  await dismissWithdrawalNotice(withdrawer.page);

  return {
    people: session.people.length,
    attempts: attempts.length,
    lastConsentToActiveMs: active.seenAt - lastConsentAt,
    lastConsentToActiveReportedMs:
      activeReportedAt === undefined ? undefined : Math.round(activeReportedAt - lastConsentAt),
    withdrawToEndingMs: ending ? ending.seenAt - clickedAt : undefined,
    withdrawToEndingReportedMs:
      endingReportedAt === undefined ? undefined : Math.round(endingReportedAt - clickedAt),
    withdrawToFinishedMs: done.seenAt - clickedAt,
    finishedStatus: statusOf(done.info),
    mediaAfterClickMs: Math.round(fileStartedAt + probed.durationSeconds * 1000 - clickedAt),
    captureEndAfterClickMs: fileEndedAt === undefined ? undefined : Math.round(fileEndedAt - clickedAt),
    fileStartsBeforeStartedAtMs:
      fileEndedAt === undefined
        ? undefined
        : Math.round(probed.durationSeconds * 1000 - (fileEndedAt - fileStartedAt)),
    fileSeconds: probed.durationSeconds,
    streams: probed.streams,
    hasAudioAndVideo:
      probed.streams.some((s) => s.startsWith('audio:')) &&
      probed.streams.some((s) => s.startsWith('video:')),
    usage,
  };
}
