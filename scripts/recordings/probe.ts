/** ffprobe's view of a finished recording file (Debian's ffmpeg package). */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface ProbedFile {
  durationSeconds: number;
  /** `kind:codec` per stream, e.g. `video:h264`, `audio:opus`. */
  streams: string[];
}

export function probe(file: string): ProbedFile {
  if (!existsSync(file)) throw new Error(`no recording file at ${file}`);
  const out = execFileSync('ffprobe', ['-v', 'error', '-show_streams', '-show_format', '-of', 'json', file]);
  const json = JSON.parse(out.toString()) as {
    streams: { codec_type: string; codec_name: string }[];
    format: { duration: string };
  };
  return {
    durationSeconds: Number(json.format.duration),
    streams: json.streams.map((s) => `${s.codec_type}:${s.codec_name}`),
  };
}
