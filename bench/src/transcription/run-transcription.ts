/**
 * `npm run bench:transcription -w @assent/bench`: the transcription worker's real-time factor (seconds spent
 * per second of audio) on this machine's cores, with faster-whisper's tiny.en on 2 threads, on synthetic
 * speech (espeak-ng + sox) muxed as egress writes recordings (MP4, Opus audio). Also the worker's start
 * (loading the model), its CPU seconds per audio second, and the word error rate.
 * BENCH_TRANSCRIBE_REPEAT (default 8: about 2.5 minutes of audio) and BENCH_TRANSCRIBE_RUNS (default 3).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { speakLines } from '@assent/server/src/test-support/spoken-media';
import { WhisperTranscriber } from '@assent/server/src/transcripts/whisper-transcriber';
import { wordErrorRate } from '@assent/server/src/transcripts/word-error-rate';

const repeat = Number(process.env.BENCH_TRANSCRIBE_REPEAT ?? 8);
const runs = Number(process.env.BENCH_TRANSCRIBE_RUNS ?? 3);
const threads = 2;
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

// Installs the worker's environment when it is missing (about a minute, once), as the start command does.
const python =
  process.env.ASSENT_TRANSCRIBER_PYTHON ??
  execFileSync('bash', [join(repoRoot, 'scripts/ensure-transcriber.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim();

/** User + system CPU seconds of a process so far, from /proc (Linux). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

const dir = mkdtempSync(join(tmpdir(), 'assent-bench-transcription-'));
const transcriber = new WhisperTranscriber({ python, modelDir: undefined, threads, timeoutSeconds: 3600 });
try {
  console.log(`synthesising speech (${repeat} × 4 sentences)…`);
  const media = speakLines(dir, undefined, repeat);
  const short = speakLines(mkdtempSync(join(dir, 'short-')), undefined, 1);

  let started = performance.now();
  await transcriber.transcribe(short.wav);
  const firstCallSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  await transcriber.transcribe(short.wav);
  const warmShortSeconds = (performance.now() - started) / 1000;
  const startupSeconds = firstCallSeconds - warmShortSeconds;

  const results: { seconds: number; cpuSeconds: number; audioSeconds: number; rtf: number; wer: number }[] =
    [];
  for (let i = 0; i < runs; i++) {
    const pid = transcriber.workerPid as number;
    const cpuBefore = cpuSeconds(pid);
    started = performance.now();
    const heard = await transcriber.transcribe(media.mp4);
    const seconds = (performance.now() - started) / 1000;
    const cpu = cpuSeconds(pid) - cpuBefore;
    const wer = wordErrorRate(media.truth, heard.segments.map((s) => s.text).join(' '));
    results.push({
      seconds,
      cpuSeconds: cpu,
      audioSeconds: heard.audioSeconds,
      rtf: seconds / heard.audioSeconds,
      wer,
    });
    console.log(`run ${i + 1}: ${heard.audioSeconds.toFixed(1)} s of audio in ${seconds.toFixed(2)} s`);
  }
  // The worker's peak resident memory (model, decoded audio, CTranslate2's buffers), from /proc (Linux).
  const peakMiB =
    Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${transcriber.workerPid}/status`, 'utf8'))?.[1]) /
    1024;
  const sorted = [...results].sort((a, b) => a.rtf - b.rtf);
  const median = sorted[Math.floor(sorted.length / 2)] ?? sorted[0];
  if (!median) throw new Error('no runs');
  console.table({
    'transcription, tiny.en int8, 2 threads': {
      'audio s': median.audioSeconds.toFixed(1),
      'wall s (median)': median.seconds.toFixed(2),
      'real-time factor': median.rtf.toFixed(3),
      'CPU s per audio s': (median.cpuSeconds / median.audioSeconds).toFixed(3),
      'WER %': (median.wer * 100).toFixed(1),
      'worker start s': startupSeconds.toFixed(2),
      'worker peak MiB': peakMiB.toFixed(0),
    },
  });
  const load = loadavg()[0] ?? 0;
  console.log(`machine: ${cpus().length} cores, load average ${load.toFixed(2)} at the end`);

  const out = fileURLToPath(new URL('../../results/', import.meta.url));
  mkdirSync(out, { recursive: true });
  const at = new Date().toISOString();
  const file = `${out}transcription-${at.replace(/[:.]/g, '-')}.json`;
  writeFileSync(
    file,
    `${JSON.stringify(
      {
        at,
        cpus: cpus().length,
        loadAverage: loadavg(),
        node: process.version,
        model: 'tiny.en',
        threads,
        repeat,
        startupSeconds,
        peakMiB,
        runs: results,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`written to bench/results/${file.slice(out.length)}`);
} finally {
  await transcriber.stop();
  rmSync(dir, { recursive: true, force: true });
}
