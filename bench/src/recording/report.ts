/** Runs the recording benchmarks with settings from the environment, prints them and writes bench/results/. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { LatencySummary } from '../stats';
import type { TreeUsage } from './process-tree-usage';
import { type RecordingBenchResult, recordingBench } from './recording-bench';

const numberFromEnv = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number ≥ 0`);
  return value;
};

export async function runRecordingBench(): Promise<RecordingBenchResult> {
  const options = {
    runs: numberFromEnv('BENCH_RECORDING_RUNS', 10),
    holdSeconds: numberFromEnv('BENCH_RECORDING_HOLD_SECONDS', 3),
    usageSeconds: numberFromEnv('BENCH_EGRESS_USAGE_SECONDS', 10),
  };
  console.log(
    `recording on a real stack: 1 warm-up + ${options.runs} timed recordings (2 people, ${options.holdSeconds} s each), ` +
      `then egress CPU/memory over ${options.usageSeconds} s of a 2- and a 3-person recording…`,
  );
  const loadBefore = loadavg();
  const result = await recordingBench({ ...options, log: (m) => console.log(`  ${m}`) });
  print(result);
  write({ loadAverageBefore: loadBefore, options, ...result });
  return result;
}

const ms = (v: number) => (Number.isNaN(v) ? '—' : `${Math.round(v)} ms`);
const row = (s: LatencySummary) => ({
  n: s.count,
  p50: ms(s.p50),
  p95: ms(s.p95),
  min: ms(s.min),
  max: ms(s.max),
});

function print(result: RecordingBenchResult) {
  const { summary, usage, warmup } = result;
  console.table({
    'last consent → EGRESS_ACTIVE (listEgress, 50 ms polls)': row(summary.lastConsentToActive),
    "last consent → EGRESS_ACTIVE (egress's updatedAt)": row(summary.lastConsentToActiveReported),
    'withdraw click → EGRESS_ENDING first seen': row(summary.withdrawToEnding),
    "withdraw click → EGRESS_ENDING (egress's updatedAt)": row(summary.withdrawToEndingReported),
    'withdraw click → EGRESS_COMPLETE first seen': row(summary.withdrawToComplete),
    'media after the click: file startedAt + ffprobe duration (target p95 ≤ 500 ms)': row(
      summary.mediaAfterClick,
    ),
    'media after the click: file endedAt (EOS sent to the capture)': row(summary.captureEndAfterClick),
    'file starts before the startedAt egress reports': row(summary.fileStartsBeforeStartedAt),
  });
  if (warmup) {
    console.log(
      `first recording after egress started (not in the table): ACTIVE after ${warmup.lastConsentToActiveMs} ms ` +
        `in ${warmup.attempts} attempt(s), COMPLETE ${warmup.withdrawToFinishedMs} ms after the click, ` +
        `${warmup.mediaAfterClickMs} ms of media after it`,
    );
  }
  console.log(
    `ENDING not seen between polls: ${summary.endingNotSeen}; not COMPLETE: ${summary.notComplete}; ` +
      `files without audio and video: ${summary.withoutAudioAndVideo}; starts tried again: ${summary.restartedStarts}`,
  );
  const usageRow = (u: TreeUsage | undefined) =>
    u && {
      'CPU mean (% of a core)': u.cpuMeanPercent,
      'CPU peak': u.cpuPeakPercent,
      'RSS peak (MB, summed)': u.rssPeakMb,
      'PSS peak (MB)': u.pssPeakMb,
      processes: u.processesPeak,
      seconds: u.seconds,
    };
  console.table({
    'egress idle': usageRow(usage.idle),
    'egress, 2-person recording': usageRow(usage.twoPeople?.usage),
    'egress, 3-person recording': usageRow(usage.threePeople?.usage),
  });
  for (const [label, run] of [
    ['2 people', usage.twoPeople],
    ['3 people', usage.threePeople],
  ] as const) {
    if (run?.usage) console.log(`egress CPU by process, ${label}: ${JSON.stringify(run.usage.cpuByCommand)}`);
  }
  if (result.incidents.length > 0) console.log(`stack incidents: ${result.incidents.join('; ')}`);
  console.log(`layout page recorded: ${result.layoutPage.file} (sha256 ${result.layoutPage.sha256}…)`);
  console.log(
    `stack started in ${result.stackStartSeconds} s; recording bench took ${result.totalSeconds} s`,
  );
}

function write(data: object) {
  const dir = fileURLToPath(new URL('../../results/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  const at = new Date().toISOString();
  const file = `${dir}recording-${at.replace(/[:.]/g, '-')}.json`;
  writeFileSync(
    file,
    `${JSON.stringify({ at, cpus: cpus().length, node: process.version, ...data }, null, 2)}\n`,
  );
  console.log(`written to bench/results/${file.slice(dir.length)}`);
}
