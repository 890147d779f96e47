/**
 * `npm run bench:transcript-ready -w @assent/bench`: a recording's `stored` → its transcript `ready`, in
 * seconds and per second of audio, with the real faster-whisper worker the server starts (tiny.en, its
 * default 2 threads). BENCH_TRANSCRIPT_LENGTHS (default 20,20,20,60,60) seconds per recording, made one
 * after another; BENCH_TRANSCRIPT_POLL_MS sets the server's ASSENT_JOB_POLL_MS (default: the server's).
 * Needs the built web app (egress records its layout page). Run it under `nice` on a shared machine.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { summarize } from '../stats';
import { type TranscriptRun, transcriptReady } from './transcript-ready';

const lengths = (process.env.BENCH_TRANSCRIPT_LENGTHS ?? '20,20,20,60,60').split(',').map(Number);
if (lengths.some((v) => !(v > 0))) throw new Error('BENCH_TRANSCRIPT_LENGTHS: seconds > 0, comma-separated');
const jobPollMs = process.env.BENCH_TRANSCRIPT_POLL_MS
  ? Number(process.env.BENCH_TRANSCRIPT_POLL_MS)
  : undefined;
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
// Installs the worker's environment when it is missing (about a minute, once), as the start command does.
const python =
  process.env.ASSENT_TRANSCRIBER_PYTHON ??
  execFileSync('bash', [`${repoRoot}scripts/ensure-transcriber.sh`], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim();

console.log(
  `recording stored → transcript ready on a real stack: recordings of ${lengths.join(', ')} s, one after another, ` +
    `job poll ${jobPollMs ? `${jobPollMs} ms` : "the server's default"}…`,
);
const loadBefore = loadavg();
const result = await transcriptReady({ lengths, python, jobPollMs, log: (m) => console.log(`  ${m}`) });

const fixed = (v: number, digits = 2) => (Number.isNaN(v) ? '—' : v.toFixed(digits));
function row(runs: TranscriptRun[]) {
  const s = (pick: (r: TranscriptRun) => number) => summarize(runs.map(pick));
  const ready = s((r) => r.storedToReadySeconds);
  const rtf = s((r) => r.realTimeFactor);
  const queued = s((r) => r.storedToQueuedSeconds);
  const engine = s((r) => r.transcribeSeconds / r.audioSeconds);
  return {
    n: runs.length,
    'audio s (mean)': fixed(s((r) => r.audioSeconds).mean, 1),
    'stored → ready s p50': fixed(ready.p50),
    'p95 s': fixed(ready.p95),
    'RTF p50': fixed(rtf.p50, 3),
    'RTF p95': fixed(rtf.p95, 3),
    'waiting for the job s p50': fixed(queued.p50),
    'engine RTF p50': fixed(engine.p50, 3),
  };
}
const byLength = new Map<number, TranscriptRun[]>();
for (const [i, run] of result.runs.entries()) {
  const length = lengths[i] ?? 0;
  byLength.set(length, [...(byLength.get(length) ?? []), run]);
}
console.table({
  ...Object.fromEntries([...byLength].map(([length, runs]) => [`${length} s recordings`, row(runs)])),
  'all recordings': row(result.runs),
  'all but the first (worker already started)': row(result.runs.slice(1)),
});
if (result.incidents.length > 0) console.log(`stack incidents: ${result.incidents.join('; ')}`);
const load = loadavg();
console.log(
  `machine: ${cpus().length} cores, load average ${loadBefore[0]?.toFixed(2)} before, ${load[0]?.toFixed(2)} after; ` +
    `stack started in ${result.stackStartSeconds} s; bench took ${result.totalSeconds} s`,
);

const dir = fileURLToPath(new URL('../../results/', import.meta.url));
mkdirSync(dir, { recursive: true });
const at = new Date().toISOString();
const file = `${dir}transcript-ready-${at.replace(/[:.]/g, '-')}.json`;
writeFileSync(
  file,
  `${JSON.stringify({ at, cpus: cpus().length, node: process.version, loadAverageBefore: loadBefore, loadAverageAfter: load, lengths, jobPollMs, ...result }, null, 2)}\n`,
);
console.log(`written to bench/results/${file.slice(dir.length)}`);
