/**
 * For transcript tests only: a fake `Transcriber` that reads the decrypted file it is handed (proving it
 * got the recording's plaintext, in scratch space, mode 0600) and answers with fixed segments; and talk
 * stretches written as the observer would.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import type { TestApp } from '../test-support/test-app';
import type { Heard, HeardSegment, Transcriber } from './transcriber';

export interface FakeTranscriber extends Transcriber {
  /** What each call was handed: its path, its mode and the bytes it held. */
  calls: { path: string; mode: number; bytes: Buffer }[];
  /** Makes the next calls reject with this message (until set back to undefined). */
  failWith?: string;
  stopped: boolean;
}

export function fakeTranscriber(segments: HeardSegment[], audioSeconds = 60): FakeTranscriber {
  const fake: FakeTranscriber = {
    calls: [],
    stopped: false,
    async transcribe(path): Promise<Heard> {
      fake.calls.push({ path, mode: statSync(path).mode & 0o777, bytes: readFileSync(path) });
      if (fake.failWith) throw new Error(fake.failWith);
      return { segments, audioSeconds, model: 'fake-tiny' };
    },
    async stop() {
      fake.stopped = true;
    },
  };
  return fake;
}

/** A stretch of talk by a seat, seconds from `base` (ISO); `to` null for a stretch still going. */
export async function talked(
  t: TestApp,
  sessionId: string,
  personId: string,
  base: string,
  from: number,
  to: number | null,
) {
  const at = (s: number) => new Date(Date.parse(base) + s * 1000).toISOString();
  await t.db
    .insertInto('talk_intervals')
    .values({
      id: `ti_${randomUUID()}`,
      session_id: sessionId,
      person_id: personId,
      identity: `p_${personId}`,
      started_at: at(from),
      ended_at: to === null ? null : at(to),
    })
    .execute();
}
