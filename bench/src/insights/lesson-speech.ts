/**
 * A two-person lesson for the seat bots to speak: the tutor's lines (en-us) and the learner's (en-gb)
 * from the transcriber's own test lines, spoken by espeak-ng and resampled by sox to 48 kHz mono, laid out
 * in turns: each bot's track holds its own lines and silence while the other speaks.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lessonLines } from '@assent/server/src/test-support/spoken-media';
import { sampleRate } from './seat-bots';

/** The 16-bit samples of a WAV sox wrote (the bytes after its `data` chunk header). */
function samplesOf(wav: string): Int16Array {
  const bytes = readFileSync(wav);
  const body = bytes.subarray(bytes.indexOf('data') + 8);
  return new Int16Array(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength));
}

export interface LessonSpeech {
  tutor: Int16Array;
  learner: Int16Array;
  /** One round of the conversation, in seconds (the bots loop it). */
  seconds: number;
}

export function lessonSpeech(dir: string): LessonSpeech {
  const lines = lessonLines.map((line, i) => {
    const raw = join(dir, `line-${i}.raw.wav`);
    const wav = join(dir, `line-${i}.wav`);
    execFileSync('espeak-ng', ['-v', line.voice, '-s', '150', '-w', raw, line.text]);
    execFileSync('sox', [raw, '-r', String(sampleRate), '-c', '1', '-b', '16', wav, 'pad', '0', '0.8']);
    return samplesOf(wav);
  });
  const length = lines.reduce((sum, l) => sum + l.length, 0);
  const tutor = new Int16Array(length);
  const learner = new Int16Array(length);
  let at = 0;
  for (const [i, line] of lines.entries()) {
    // Even lines are the tutor's, odd ones the learner's, as in the lines themselves.
    (i % 2 === 0 ? tutor : learner).set(line, at);
    at += line.length;
  }
  return { tutor, learner, seconds: length / sampleRate };
}
