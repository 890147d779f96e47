/**
 * Seek time to first byte: open a random range of a blob, as a video element's `Range: bytes=N-` does,
 * and time until the first plaintext arrives. Only the chunk holding N is read and authenticated, so
 * this should not grow with the recording. The blob has just been written, so it is in the page cache.
 */
import { randomInt } from 'node:crypto';
import { once } from 'node:events';
import { openPlaintextRange } from '@assent/server/src/vault/crypto/stream-cipher';
import { type LatencySummary, summarize } from '../stats';

export async function seekTimeToFirstByte(
  blobPath: string,
  dataKey: Buffer,
  plaintextBytes: number,
  samples: number,
): Promise<LatencySummary> {
  const durations: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = randomInt(0, plaintextBytes);
    const started = performance.now();
    const stream = await openPlaintextRange(blobPath, dataKey, start, plaintextBytes - 1);
    await once(stream, 'data');
    durations.push(performance.now() - started);
    stream.destroy();
    await once(stream, 'close');
  }
  return summarize(durations);
}
