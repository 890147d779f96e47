/**
 * Real-stack recording benchmarks (issue 7, part 7): last consent → EGRESS_ACTIVE, withdraw click →
 * EGRESS_ENDING / EGRESS_COMPLETE, media in the file after the click, and the egress processes' CPU and
 * memory during a 2- and a 3-person recording. Runs are sequential on a stack of the bench's own.
 */
import { RoomServiceClient } from 'livekit-server-sdk';
import type { Browser } from 'playwright-core';
import { type LatencySummary, summarize } from '../stats';
import { type BenchStack, egressConfigPath, layoutPageFingerprint, startBenchStack } from './bench-stack';
import { signInBenchTutor } from './bench-tutor';
import { launchChromium } from './call-pages';
import { egressWatch } from './egress-watch';
import { killLeftovers, sampleTree, type TreeUsage, treeSnapshot } from './process-tree-usage';
import { endCall, type RunContext, type RunResult, recordOnce, startCall } from './recording-run';
import { firstPurpose } from './session-api';

export interface RecordingBenchOptions {
  /** Timed recordings in a 2-person call, after one warm-up recording reported on its own. */
  runs: number;
  /** How long each timed recording stays ACTIVE before the withdrawal. */
  holdSeconds: number;
  /** How long the CPU and memory of egress are sampled during a 2- and a 3-person recording. */
  usageSeconds: number;
  log: (message: string) => void;
}

export interface RecordingBenchResult {
  stackStartSeconds: number;
  layoutPage: ReturnType<typeof layoutPageFingerprint>;
  /** The first recording after the egress service started, kept out of the summaries. */
  warmup?: RunResult;
  runs: RunResult[];
  summary: {
    lastConsentToActive: LatencySummary;
    lastConsentToActiveReported: LatencySummary;
    withdrawToEnding: LatencySummary;
    withdrawToEndingReported: LatencySummary;
    withdrawToComplete: LatencySummary;
    mediaAfterClick: LatencySummary;
    captureEndAfterClick: LatencySummary;
    fileStartsBeforeStartedAt: LatencySummary;
    /** Runs whose egress never showed EGRESS_ENDING between two polls. */
    endingNotSeen: number;
    notComplete: number;
    withoutAudioAndVideo: number;
    restartedStarts: number;
  };
  usage: { idle?: TreeUsage; twoPeople?: RunResult; threePeople?: RunResult };
  /** Stack services that died or restarted during the bench. */
  incidents: string[];
  totalSeconds: number;
}

const defined = (values: (number | undefined)[]) => values.filter((v): v is number => v !== undefined);

function summarizeRuns(runs: RunResult[]): RecordingBenchResult['summary'] {
  return {
    lastConsentToActive: summarize(runs.map((r) => r.lastConsentToActiveMs)),
    lastConsentToActiveReported: summarize(defined(runs.map((r) => r.lastConsentToActiveReportedMs))),
    withdrawToEnding: summarize(defined(runs.map((r) => r.withdrawToEndingMs))),
    withdrawToEndingReported: summarize(defined(runs.map((r) => r.withdrawToEndingReportedMs))),
    withdrawToComplete: summarize(
      runs.filter((r) => r.finishedStatus === 'EGRESS_COMPLETE').map((r) => r.withdrawToFinishedMs),
    ),
    mediaAfterClick: summarize(runs.map((r) => r.mediaAfterClickMs)),
    captureEndAfterClick: summarize(defined(runs.map((r) => r.captureEndAfterClickMs))),
    fileStartsBeforeStartedAt: summarize(defined(runs.map((r) => r.fileStartsBeforeStartedAtMs))),
    endingNotSeen: runs.filter((r) => r.withdrawToEndingMs === undefined).length,
    notComplete: runs.filter((r) => r.finishedStatus !== 'EGRESS_COMPLETE').length,
    withoutAudioAndVideo: runs.filter((r) => !r.hasAudioAndVideo).length,
    restartedStarts: runs.filter((r) => r.attempts > 1).length,
  };
}

export async function recordingBench(options: RecordingBenchOptions): Promise<RecordingBenchResult> {
  const { log } = options;
  const began = performance.now();
  let stack: BenchStack | undefined;
  let browser: Browser | undefined;
  let marker = '';
  const stopEverything = async () => {
    await browser?.close().catch(() => {});
    if (!stack) return;
    // Whatever egress started (its handler runs in a session of its own) must not outlive the stack.
    const egressTree = marker ? treeSnapshot(marker) : [];
    await stack.stop();
    const killed = killLeftovers(egressTree);
    if (killed > 0) log(`killed ${killed} egress process(es) that outlived the stack`);
  };
  const onSignal = () => {
    void stopEverything().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    stack = await startBenchStack((m) => log(`stack: ${m}`));
    marker = egressConfigPath(stack);
    const layoutPage = layoutPageFingerprint();
    const stackStartSeconds = Math.round((performance.now() - began) / 100) / 10;
    const { livekitHttpUrl, config } = stack;
    const { livekitApiKey: key, livekitApiSecret: secret } = config.secrets;
    const ctx: RunContext = {
      baseUrl: stack.webUrl,
      tutorCookie: await signInBenchTutor(stack),
      purpose: await firstPurpose(stack.webUrl),
      watch: egressWatch(livekitHttpUrl, key, secret),
      rooms: new RoomServiceClient(livekitHttpUrl, key, secret),
      egressMarker: marker,
    };
    browser = await launchChromium();

    log('egress idle, before any recording…');
    const idle = await sampleTree(marker, 3);

    log('2-person call: joining…');
    const two = await startCall(ctx, browser, 2);
    log('warm-up recording (the first after egress started)…');
    const warmup = await recordOnce(ctx, two, { holdSeconds: options.holdSeconds, sampleUsage: false });
    log(`  ${describe(warmup)}`);
    const runs: RunResult[] = [];
    for (let n = 1; n <= options.runs; n += 1) {
      const run = await recordOnce(ctx, two, { holdSeconds: options.holdSeconds, sampleUsage: false });
      log(`  run ${n}/${options.runs}: ${describe(run)}`);
      runs.push(run);
    }
    log(`2-person recording, sampling egress for ${options.usageSeconds} s…`);
    const twoPeople = await recordOnce(ctx, two, { holdSeconds: options.usageSeconds, sampleUsage: true });
    log(`  ${describe(twoPeople)}`);
    await endCall(two);

    log('3-person call: joining…');
    const three = await startCall(ctx, browser, 3);
    log(`3-person recording, sampling egress for ${options.usageSeconds} s…`);
    const threePeople = await recordOnce(ctx, three, {
      holdSeconds: options.usageSeconds,
      sampleUsage: true,
    });
    log(`  ${describe(threePeople)}`);
    await endCall(three);

    return {
      stackStartSeconds,
      layoutPage,
      warmup,
      runs,
      summary: summarizeRuns(runs),
      usage: { idle, twoPeople, threePeople },
      incidents: stack.incidents,
      totalSeconds: Math.round((performance.now() - began) / 1000),
    };
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await stopEverything();
  }
}

function describe(run: RunResult): string {
  const usage = run.usage
    ? `; egress CPU mean ${run.usage.cpuMeanPercent}% peak ${run.usage.cpuPeakPercent}%, RSS ${run.usage.rssPeakMb} MB`
    : '';
  return (
    `ACTIVE after ${run.lastConsentToActiveMs} ms (${run.attempts} attempt(s)), ` +
    `ENDING ${run.withdrawToEndingMs ?? '—'} ms, ${run.finishedStatus} ${run.withdrawToFinishedMs} ms after the click, ` +
    `${run.mediaAfterClickMs} ms of media after it by startedAt + duration (capture ended ${run.captureEndAfterClickMs ?? '—'} ms after it), ${run.fileSeconds.toFixed(2)} s file [${run.streams.join(', ')}]${usage}`
  );
}
