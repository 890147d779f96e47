/**
 * Synthetic speech as the vault would hold it, for the transcriber's tests and benchmark: each line spoken
 * by espeak-ng (voice and words known), joined by sox with a pause after each, then muxed by ffmpeg the
 * way egress writes recordings: an MP4 and a WebM, each with a small video track and Opus audio.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export interface SpokenLine {
  /** An espeak-ng voice, such as en-us or en-gb. */
  voice: string;
  text: string;
}

export interface SpokenMedia {
  wav: string;
  mp4: string;
  webm: string;
  /** Every line's words, in order: the reference a transcript is compared with. */
  truth: string;
  seconds: number;
}

export const lessonLines: readonly SpokenLine[] = [
  { voice: 'en-us', text: 'Good morning, let us start with the homework from last week.' },
  { voice: 'en-gb', text: 'I finished the first three questions but the last one was hard.' },
  { voice: 'en-us', text: 'Show me how you worked out the area of the triangle.' },
  { voice: 'en-gb', text: 'I multiplied the base by the height and then divided by two.' },
];

/** Writes the lines into `dir` (spoken `repeat` times over, for longer audio) and returns the files. */
export function speakLines(dir: string, lines: readonly SpokenLine[] = lessonLines, repeat = 1): SpokenMedia {
  const parts: string[] = [];
  lines.forEach((line, i) => {
    const raw = join(dir, `line-${i}.raw.wav`);
    const padded = join(dir, `line-${i}.wav`);
    execFileSync('espeak-ng', ['-v', line.voice, '-s', '150', '-w', raw, line.text]);
    execFileSync('sox', [raw, '-r', '48000', '-c', '1', padded, 'pad', '0', '0.8']);
    parts.push(padded);
  });
  const sequence = Array.from({ length: repeat }, () => parts).flat();
  const wav = join(dir, 'speech.wav');
  execFileSync('sox', [...sequence, wav]);
  const seconds = Number(execFileSync('soxi', ['-D', wav], { encoding: 'utf8' }).trim());
  const mp4 = join(dir, 'speech.mp4');
  const webm = join(dir, 'speech.webm');
  const video = ['-f', 'lavfi', '-i', 'color=c=black:s=160x120:r=10'];
  const quiet = ['-loglevel', 'error', '-y'];
  execFileSync('ffmpeg', [
    ...quiet,
    ...video,
    '-i',
    wav,
    '-shortest',
    '-c:v',
    'libx264',
    '-c:a',
    'libopus',
    mp4,
  ]);
  execFileSync('ffmpeg', [
    ...quiet,
    ...video,
    '-i',
    wav,
    '-shortest',
    '-c:v',
    'libvpx',
    '-c:a',
    'libopus',
    webm,
  ]);
  const truth = Array.from({ length: repeat }, () => lines.map((l) => l.text))
    .flat()
    .join(' ');
  return { wav, mp4, webm, truth, seconds };
}
