/**
 * Ingest throughput: the vault's `encryptFile` against `age -r` on the same plaintext, in the same run.
 * Runs alternate (ours, age, age, ours, …) so neither always gets the warmer page cache, and every run
 * starts after a `sync` so no run pays for the previous one's writeback.
 *
 * `encryptFile` fsyncs its output before it resolves and age does not, so age is also timed with an
 * fsync of its output added, the like-for-like figure for a durable ingest.
 */
import { execFile } from 'node:child_process';
import { open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { encryptFile, newDataKey } from '@assent/server/src/vault/crypto/stream-cipher';
import { median, megabytesPerSecond } from './bench-files';

const run = promisify(execFile);

export interface ThroughputSummary {
  /** Seconds per run, in the order they ran. */
  seconds: number[];
  bestMBps: number;
  medianMBps: number;
}

export interface IngestResult {
  bytes: number;
  rounds: number;
  vault: ThroughputSummary;
  age: ThroughputSummary;
  ageWithFsync: ThroughputSummary;
  /** Best vault MB/s over best age MB/s (target ≥ 1.5). */
  ratio: number;
  ratioOfMedians: number;
  ratioToAgeWithFsync: number;
}

export async function ingestThroughput(options: {
  plainPath: string;
  bytes: number;
  rounds: number;
  workDir: string;
}): Promise<IngestResult> {
  const { plainPath, workDir } = options;
  const identity = join(workDir, 'age-identity.txt');
  await run('age-keygen', ['-o', identity]);
  const recipient = (await run('age-keygen', ['-y', identity])).stdout.trim();
  const output = join(workDir, 'ingest-output');

  const timeVault = async () => {
    const started = performance.now();
    await encryptFile(plainPath, output, newDataKey());
    return (performance.now() - started) / 1000;
  };
  const timeAge = async () => {
    const started = performance.now();
    await run('age', ['-r', recipient, '-o', output, plainPath]);
    const encrypted = performance.now();
    const file = await open(output, 'r+');
    await file.sync();
    await file.close();
    return { plain: (encrypted - started) / 1000, withFsync: (performance.now() - started) / 1000 };
  };

  const vault: number[] = [];
  const age: number[] = [];
  const ageWithFsync: number[] = [];
  for (let round = 0; round < options.rounds; round++) {
    const order = round % 2 === 0 ? (['vault', 'age'] as const) : (['age', 'vault'] as const);
    for (const which of order) {
      await run('sync');
      if (which === 'vault') {
        vault.push(await timeVault());
      } else {
        const seconds = await timeAge();
        age.push(seconds.plain);
        ageWithFsync.push(seconds.withFsync);
      }
      await rm(output, { force: true });
    }
  }

  const summary = (seconds: number[]): ThroughputSummary => ({
    seconds: seconds.map((s) => Math.round(s * 1000) / 1000),
    bestMBps: megabytesPerSecond(options.bytes, Math.min(...seconds)),
    medianMBps: megabytesPerSecond(options.bytes, median(seconds)),
  });
  const result = {
    bytes: options.bytes,
    rounds: options.rounds,
    vault: summary(vault),
    age: summary(age),
    ageWithFsync: summary(ageWithFsync),
  };
  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  return {
    ...result,
    ratio: ratio(result.vault.bestMBps, result.age.bestMBps),
    ratioOfMedians: ratio(result.vault.medianMBps, result.age.medianMBps),
    ratioToAgeWithFsync: ratio(result.vault.bestMBps, result.ageWithFsync.bestMBps),
  };
}
