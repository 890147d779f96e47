/**
 * End to end on this server: espeak-ng speech muxed as egress writes it, ingested and encrypted by the
 * vault, transcribed by the real faster-whisper worker through the durable job, attributed to speakers from
 * talk-time stretches, and read back through the route. Skips only on a developer's machine without the
 * transcriber's environment (the test command exports ASSENT_TRANSCRIBER_PYTHON).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RecordingTranscript } from '@assent/shared';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../logger';
import { asAccount } from '../test-support/accounts';
import { seatsOf } from '../test-support/organisation';
import { recordedSession } from '../test-support/recordings';
import { lessonLines, speakLines } from '../test-support/spoken-media';
import { useTestApp } from '../test-support/test-app';
import { testDatabases } from '../test-support/test-databases';
import { installedPython } from '../test-support/transcriber-python';
import { talked } from './transcript-test-support';
import { createTranscriptWorker } from './transcript-worker';
import { WhisperTranscriber } from './whisper-transcriber';
import { wordErrorRate } from './word-error-rate';

const python = installedPython();
const slow = 300_000;

describe.skipIf(!python && !process.env.CI)('a stored recording transcribed by the real worker', () => {
  // One database is enough here: the job's queries run on both in transcript-worker.test.ts.
  const ctx = useTestApp(testDatabases[0] as (typeof testDatabases)[number]);

  it(
    'encrypts, queues, transcribes and attributes espeak speech, and reads it back',
    async () => {
      if (!python) throw new Error('the transcriber is not installed: bash scripts/ensure-transcriber.sh');
      const t = ctx();
      const dir = mkdtempSync(join(tmpdir(), 'assent-speech-'));
      const transcriber = new WhisperTranscriber({
        python,
        threads: 2,
        modelDir: undefined,
        timeoutSeconds: 300,
        startupTimeoutSeconds: 120,
      });
      try {
        const media = speakLines(dir);
        const rec = await recordedSession(t, { plaintext: readFileSync(media.mp4) });
        // Who spoke when: the lines alternate tutor (en-us) and student (en-gb); each line's span is
        // measured from its own audio, as the observer would have measured the call.
        const seats = await seatsOf(t, rec.sessionId);
        const tutor = seats.find((s) => s.role === 'tutor');
        const sam = seats.find((s) => s.name === 'Sam Student');
        if (!tutor || !sam) throw new Error('no seats');
        const started = await t.db
          .selectFrom('recordings')
          .select('started_at')
          .where('id', '=', rec.recordingId)
          .executeTakeFirstOrThrow();
        let at = 0;
        for (const [i] of lessonLines.entries()) {
          const seconds = Number(
            execFileSync('soxi', ['-D', join(dir, `line-${i}.wav`)], { encoding: 'utf8' }).trim(),
          );
          const speaker = i % 2 === 0 ? tutor : sam;
          await talked(t, rec.sessionId, speaker.personId, started.started_at ?? '', at, at + seconds - 0.8);
          at += seconds;
        }

        const worker = createTranscriptWorker({
          db: t.db,
          vault: t.vault,
          policies: t.consent.policies,
          transcriber,
          logger: createLogger('silent'),
          now: () => t.clock.now,
          pollMs: 60_000,
        });
        const begun = performance.now();
        expect(await worker.runOnce()).toMatchObject({ queued: 1, ready: 1, failed: 0 });
        const tookMs = performance.now() - begun;

        const res = await asAccount(t, rec.tutor, 'GET', `/api/recordings/${rec.recordingId}/transcript`);
        expect(res.status).toBe(200);
        const transcript = RecordingTranscript.parse(await res.json());
        expect(transcript.status).toBe('ready');
        const text = transcript.lines.map((l) => l.text).join(' ');
        const wer = wordErrorRate(media.truth, text);
        const row = await t.db.selectFrom('transcripts').selectAll().executeTakeFirstOrThrow();
        console.log(
          `recording stored → transcript ready in ${(tookMs / 1000).toFixed(2)} s (model load included) for ${media.seconds.toFixed(1)} s of audio; WER ${(wer * 100).toFixed(1)} %; words ${row.word_count}, learner words ${row.learner_word_count}\n${transcript.lines.map((l) => `  [${l.speaker?.role ?? '-'}] ${l.text}`).join('\n')}`,
        );
        expect(wer).toBeLessThan(0.15);
        for (const word of ['homework', 'triangle', 'multiplied']) expect(text.toLowerCase()).toContain(word);
        // Attributed from talk time: the tutor's lines and the student's, never guessed.
        const said = (word: string) => transcript.lines.find((l) => l.text.toLowerCase().includes(word));
        expect(said('homework')?.speaker).toEqual({ name: 'Dana Tutor', role: 'tutor' });
        expect(said('multiplied')?.speaker).toEqual({ name: 'Sam Student', role: 'student' });
        expect(row.learner_word_count).toBeGreaterThan(0);
        expect(row.learner_word_count).toBeLessThan(row.word_count ?? 0);
        // Only counts in the clear: the blob holds no words.
        expect(
          readFileSync(join(t.config.vault.dir, `${row.id}.vault`)).includes(Buffer.from('triangle')),
        ).toBe(false);
      } finally {
        await transcriber.stop();
        rmSync(dir, { recursive: true, force: true });
      }
    },
    slow,
  );
});
