/**
 * The vault benchmarks with settings from the environment: ingest against `age`, peak memory as the
 * file grows, and seek time to first byte. Prints tables and writes bench/results/vault-*.json.
 *
 * BENCH_VAULT_BYTES (default 1 GiB) and BENCH_VAULT_SMALL_BYTES (100 MiB) size the two recordings;
 * BENCH_VAULT_ROUNDS (5) runs of each encryptor; BENCH_VAULT_RANGES (200) random seeks per blob.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newDataKey } from '@assent/server/src/vault/crypto/stream-cipher';
import type { LatencySummary } from '../stats';
import { MiB, makeWorkDir, writeRandomFile } from './bench-files';
import { type IngestResult, ingestThroughput } from './ingest-throughput';
import { type PeakMemory, peakMemory } from './peak-memory';
import { seekTimeToFirstByte } from './seek-latency';

export interface VaultBenchResult {
  ingest: IngestResult;
  memory: PeakMemory[];
  /** Peak RSS encrypting the large file over the small one (≈ 1 when streaming). */
  memoryRatio: number;
  seek: { label: string; plaintextBytes: number; timeToFirstByte: LatencySummary }[];
}

const wholeNumberFromEnv = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number ≥ 1`);
  return value;
};

const sizeLabel = (bytes: number) =>
  bytes >= 1024 * MiB ? `${bytes / (1024 * MiB)} GiB` : `${bytes / MiB} MiB`;

export async function runVaultBench(): Promise<VaultBenchResult> {
  const largeBytes = wholeNumberFromEnv('BENCH_VAULT_BYTES', 1024 * MiB);
  const smallBytes = wholeNumberFromEnv('BENCH_VAULT_SMALL_BYTES', 100 * MiB);
  const rounds = wholeNumberFromEnv('BENCH_VAULT_ROUNDS', 5);
  const ranges = wholeNumberFromEnv('BENCH_VAULT_RANGES', 200);
  const large = sizeLabel(largeBytes);
  const small = sizeLabel(smallBytes);
  const loadBefore = loadavg();
  const workDir = await makeWorkDir();
  try {
    console.log(`vault: writing ${large} and ${small} of random bytes under ${workDir}…`);
    const plain = { large: join(workDir, 'large.plain'), small: join(workDir, 'small.plain') };
    const empty = join(workDir, 'empty.plain');
    await writeRandomFile(plain.large, largeBytes);
    await writeRandomFile(plain.small, smallBytes);
    await writeRandomFile(empty, 0);

    console.log(`vault ingest: encryptFile vs age -r on ${large}, ${rounds} runs each, alternating…`);
    const ingest = await ingestThroughput({ plainPath: plain.large, bytes: largeBytes, rounds, workDir });

    console.log(`vault peak memory: encryptFile in a fresh child process on 0 B, ${small} and ${large}…`);
    const key = newDataKey();
    const blob = { large: join(workDir, 'large.vault'), small: join(workDir, 'small.vault') };
    const memory = [
      await peakMemory('empty file (runtime baseline)', empty, join(workDir, 'empty.vault'), key),
      await peakMemory(small, plain.small, blob.small, key),
      await peakMemory(large, plain.large, blob.large, key),
    ];
    const memoryRatio =
      Math.round(((memory[2]?.maxRssBytes ?? Number.NaN) / (memory[1]?.maxRssBytes ?? Number.NaN)) * 100) /
      100;

    console.log(`vault seek: ${ranges} random ranges (bytes=N-) in each blob, time to first plaintext byte…`);
    const seek = [
      { label: small, plaintextBytes: smallBytes },
      { label: large, plaintextBytes: largeBytes },
    ];
    const seekResults = [];
    for (const [i, { label, plaintextBytes }] of seek.entries()) {
      const path = i === 0 ? blob.small : blob.large;
      const timeToFirstByte = await seekTimeToFirstByte(path, key, plaintextBytes, ranges);
      seekResults.push({ label, plaintextBytes, timeToFirstByte });
    }

    const result = { ingest, memory, memoryRatio, seek: seekResults };
    print(result);
    write({ loadAverageBefore: loadBefore, options: { largeBytes, smallBytes, rounds, ranges }, ...result });
    return result;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

function print({ ingest, memory, memoryRatio, seek }: VaultBenchResult) {
  const runs = (s: number[]) => s.map((v) => `${v.toFixed(2)} s`).join(', ');
  console.table({
    'vault encryptFile (AES-256-GCM, fsync at end)': {
      'best MB/s': ingest.vault.bestMBps,
      'median MB/s': ingest.vault.medianMBps,
      runs: runs(ingest.vault.seconds),
    },
    'age -r (ChaCha20-Poly1305, no fsync)': {
      'best MB/s': ingest.age.bestMBps,
      'median MB/s': ingest.age.medianMBps,
      runs: runs(ingest.age.seconds),
    },
    'age -r, then fsync of its output': {
      'best MB/s': ingest.ageWithFsync.bestMBps,
      'median MB/s': ingest.ageWithFsync.medianMBps,
      runs: runs(ingest.ageWithFsync.seconds),
    },
  });
  console.log(
    `vault ingest / age = ${ingest.ratio}× best, ${ingest.ratioOfMedians}× median (target ≥ 1.5×); ` +
      `/ age with fsync = ${ingest.ratioToAgeWithFsync}×`,
  );
  const mb = (bytes: number) => Math.round((bytes / 1e6) * 10) / 10;
  console.table(
    Object.fromEntries(
      memory.map((m) => [
        `vault encryptFile peak RSS, ${m.label}`,
        { 'peak RSS (MB)': mb(m.maxRssBytes), seconds: Math.round(m.seconds * 100) / 100 },
      ]),
    ),
  );
  console.log(`vault peak RSS, large / small file = ${memoryRatio} (flat ≈ 1)`);
  const ms = (v: number) => `${v.toFixed(2)} ms`;
  console.table(
    Object.fromEntries(
      seek.map((s) => [
        `vault seek → first byte, ${s.label} blob`,
        {
          n: s.timeToFirstByte.count,
          p50: ms(s.timeToFirstByte.p50),
          p95: ms(s.timeToFirstByte.p95),
          max: ms(s.timeToFirstByte.max),
        },
      ]),
    ),
  );
}

function write(result: object) {
  const dir = fileURLToPath(new URL('../../results/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  const file = `${dir}vault-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  writeFileSync(
    file,
    `${JSON.stringify({ at: new Date().toISOString(), cpus: cpus().length, node: process.version, ...result }, null, 2)}\n`,
  );
  console.log(`written to bench/results/${file.slice(dir.length)}`);
}
