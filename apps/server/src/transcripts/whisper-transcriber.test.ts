/**
 * The real worker (faster-whisper, tiny.en) on speech made with espeak-ng and sox, muxed like egress's
 * recordings. It skips only on a developer's machine without the transcriber's environment; under the test
 * command (CI set, scripts/test-all.sh exporting ASSENT_TRANSCRIBER_PYTHON) it always runs.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type SpokenMedia, speakLines } from '../test-support/spoken-media';
import { installedPython } from '../test-support/transcriber-python';
import { TranscriberError, WhisperTranscriber } from './whisper-transcriber';
import { wordErrorRate } from './word-error-rate';

const python = installedPython();
const options = { threads: 2, modelDir: undefined, timeoutSeconds: 300, startupTimeoutSeconds: 120 };
const slow = 180_000;

it('says the worker could not start when its Python is missing, and stays usable', async () => {
  const transcriber = new WhisperTranscriber({ ...options, python: '/nonexistent/python3' });
  const failure = await transcriber.transcribe('/nonexistent.mp4').catch((e: unknown) => e);
  expect(failure).toBeInstanceOf(TranscriberError);
  expect(failure).toMatchObject({ code: 'unavailable' });
  await transcriber.stop();
});

describe.skipIf(!python && !process.env.CI)('the faster-whisper worker', () => {
  let dir: string;
  let media: SpokenMedia;
  let transcriber: WhisperTranscriber;

  beforeAll(() => {
    if (!python)
      throw new Error('the transcriber is not installed: bash scripts/ensure-transcriber.sh installs it');
    dir = mkdtempSync(join(tmpdir(), 'assent-transcriber-'));
    media = speakLines(dir);
    transcriber = new WhisperTranscriber({ ...options, python });
  }, slow);

  afterAll(async () => {
    await transcriber?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, slow);

  it(
    'transcribes an MP4 with Opus audio (as egress writes it): the words, their times, WER and real-time factor',
    async () => {
      await transcriber.transcribe(media.wav); // loads the model, so the timing below is the engine's alone
      const started = performance.now();
      const heard = await transcriber.transcribe(media.mp4);
      const seconds = (performance.now() - started) / 1000;
      const text = heard.segments.map((s) => s.text).join(' ');
      const wer = wordErrorRate(media.truth, text);
      const rtf = seconds / heard.audioSeconds;
      console.log(
        `transcriber tiny.en on 2 threads: WER ${(wer * 100).toFixed(1)} %, ${heard.audioSeconds.toFixed(1)} s of audio in ${seconds.toFixed(2)} s, real-time factor ${rtf.toFixed(3)}\n  heard: ${text}`,
      );
      expect(heard.model).toBe('tiny.en');
      expect(heard.audioSeconds).toBeCloseTo(media.seconds, 0);
      for (const word of ['morning', 'homework', 'questions', 'triangle', 'multiplied', 'divided']) {
        expect(text.toLowerCase()).toContain(word);
      }
      expect(wer).toBeLessThan(0.15);
      // Segments in order, inside the audio, each with words.
      expect(heard.segments.length).toBeGreaterThanOrEqual(2);
      let previousEnd = 0;
      for (const s of heard.segments) {
        expect(s.start).toBeGreaterThanOrEqual(previousEnd - 0.5);
        expect(s.end).toBeGreaterThan(s.start);
        expect(s.end).toBeLessThanOrEqual(heard.audioSeconds + 0.5);
        expect(s.text.trim()).not.toBe('');
        previousEnd = s.end;
      }
      // The last sentence starts well after the first: the times follow the audio, not the text.
      const triangle = heard.segments.find((s) => /triangle/i.test(s.text));
      expect(triangle?.start).toBeGreaterThan(5);
    },
    slow,
  );

  it(
    'transcribes a WebM with Opus audio',
    async () => {
      const heard = await transcriber.transcribe(media.webm);
      const text = heard.segments.map((s) => s.text).join(' ');
      expect(wordErrorRate(media.truth, text)).toBeLessThan(0.15);
    },
    slow,
  );

  it(
    'answers a missing or unreadable file with its error and goes on with the next',
    async () => {
      const pid = transcriber.workerPid;
      const missing = await transcriber.transcribe(join(dir, 'absent.mp4')).catch((e: unknown) => e);
      expect(missing).toMatchObject({ name: 'TranscriberError', code: 'not_found' });
      const junk = join(dir, 'junk.mp4');
      writeFileSync(junk, 'not a recording at all');
      const unreadable = await transcriber.transcribe(junk).catch((e: unknown) => e);
      expect(unreadable).toMatchObject({ name: 'TranscriberError', code: 'unreadable' });
      const heard = await transcriber.transcribe(media.wav);
      expect(heard.segments.map((s) => s.text).join(' ')).toMatch(/triangle/i);
      expect(transcriber.workerPid).toBe(pid); // the same worker answered all three
    },
    slow,
  );

  it(
    'hears nothing in silence (no invented words) and in a recording without an audio track',
    async () => {
      const quiet = ['-loglevel', 'error', '-y'];
      const silence = join(dir, 'silence.ogg');
      execFileSync('ffmpeg', [
        ...quiet,
        '-f',
        'lavfi',
        '-i',
        'anullsrc=r=48000:cl=mono',
        '-t',
        '5',
        '-c:a',
        'libopus',
        silence,
      ]);
      const videoOnly = join(dir, 'video-only.mp4');
      execFileSync('ffmpeg', [
        ...quiet,
        '-f',
        'lavfi',
        '-i',
        'color=c=black:s=160x120:r=10',
        '-t',
        '3',
        '-c:v',
        'libx264',
        videoOnly,
      ]);
      const silent = await transcriber.transcribe(silence);
      expect(silent.segments).toEqual([]);
      expect(silent.audioSeconds).toBeCloseTo(5, 0);
      expect(await transcriber.transcribe(videoOnly)).toEqual({
        segments: [],
        audioSeconds: 0,
        model: 'tiny.en',
      });
    },
    slow,
  );

  it(
    'one request at a time: concurrent calls are answered in order, each with its own transcript',
    async () => {
      const [a, b] = await Promise.all([
        transcriber.transcribe(media.wav),
        transcriber.transcribe(media.webm),
      ]);
      for (const heard of [a, b])
        expect(wordErrorRate(media.truth, heard.segments.map((s) => s.text).join(' '))).toBeLessThan(0.15);
    },
    slow,
  );

  it(
    'starts a new worker when the old one died',
    async () => {
      const pid = transcriber.workerPid;
      expect(pid).toBeDefined();
      process.kill(pid as number, 'SIGKILL');
      // Until Node has reaped it the dead worker looks alive; once reaped, signalling its pid fails.
      await vi.waitFor(() => expect(() => process.kill(pid as number, 0)).toThrow(), {
        timeout: 10_000,
        interval: 50,
      });
      const heard = await transcriber.transcribe(media.wav);
      expect(heard.segments.map((s) => s.text).join(' ')).toMatch(/homework/i);
      expect(transcriber.workerPid).not.toBe(pid);
    },
    slow,
  );

  it(
    'a worker killed mid-transcript fails that request, and the next one gets a new worker',
    async () => {
      const pid = transcriber.workerPid as number;
      const pending = transcriber.transcribe(media.mp4).catch((e: unknown) => e);
      setTimeout(() => process.kill(pid, 'SIGKILL'), 50);
      expect(await pending).toMatchObject({ name: 'TranscriberError', code: 'worker_died' });
      const heard = await transcriber.transcribe(media.wav);
      expect(heard.segments.length).toBeGreaterThan(0);
    },
    slow,
  );

  it(
    'ends a worker that takes longer than the timeout',
    async () => {
      const hurried = new WhisperTranscriber({ ...options, python: python as string, timeoutSeconds: 0.05 });
      try {
        // The first call includes loading the model, which takes far longer than 50 ms of transcribing...
        // the model loads under the startup timeout, then the transcript itself times out.
        const late = await hurried.transcribe(media.mp4).catch((e: unknown) => e);
        expect(late).toMatchObject({ name: 'TranscriberError', code: 'timeout' });
        expect(hurried.workerPid).toBeUndefined();
      } finally {
        await hurried.stop();
      }
    },
    slow,
  );

  it(
    'a model directory without a model is refused at start',
    async () => {
      const empty = mkdtempSync(join(dir, 'model-'));
      const wrong = new WhisperTranscriber({ ...options, python: python as string, modelDir: empty });
      const failure = await wrong.transcribe(media.wav).catch((e: unknown) => e);
      expect(failure).toMatchObject({ name: 'TranscriberError', code: 'unavailable' });
      expect(String((failure as Error).message)).toContain('no model.bin');
      await wrong.stop();
    },
    slow,
  );

  it(
    'needs no network: the worker loads its model and transcribes in a network namespace without one',
    async () => {
      // unshare(1) gives the worker an empty network namespace (loopback down, no route anywhere).
      const isolated = join(dir, 'python-without-network');
      writeFileSync(isolated, `#!/bin/sh\nexec unshare --net --map-root-user ${python} "$@"\n`, {
        mode: 0o755,
      });
      const offline = new WhisperTranscriber({ ...options, python: isolated });
      try {
        const heard = await offline.transcribe(media.mp4);
        expect(wordErrorRate(media.truth, heard.segments.map((s) => s.text).join(' '))).toBeLessThan(0.15);
      } finally {
        await offline.stop();
      }
    },
    slow,
  );

  it(
    'stop ends the worker, and a later call is refused',
    async () => {
      const own = new WhisperTranscriber({ ...options, python: python as string });
      await own.transcribe(media.wav);
      const pid = own.workerPid as number;
      await own.stop();
      expect(() => process.kill(pid, 0)).toThrow();
      expect(await own.transcribe(media.wav).catch((e: unknown) => e)).toMatchObject({ code: 'stopped' });
    },
    slow,
  );

  it(
    'stop while the worker is still loading its model leaves no worker behind',
    async () => {
      const workers = () =>
        execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], { encoding: 'utf8' })
          .split('\n')
          .filter((line) => line.includes('transcribe.py')).length;
      const before = workers();
      const own = new WhisperTranscriber({ ...options, python: python as string });
      const pending = own.transcribe(media.wav).catch((e: unknown) => e);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(workers()).toBe(before + 1);
      const started = performance.now();
      await own.stop();
      expect(performance.now() - started).toBeLessThan(1500); // ended, not left to finish loading
      expect(await pending).toMatchObject({ name: 'TranscriberError', code: 'stopped' });
      expect(workers()).toBe(before);
    },
    slow,
  );

  it(
    'stop during a transcript ends it at once rather than waiting for it',
    async () => {
      const own = new WhisperTranscriber({ ...options, python: python as string });
      await own.transcribe(media.wav);
      const long = speakLines(mkdtempSync(join(dir, 'long-')), undefined, 3);
      const pending = own.transcribe(long.mp4).catch((e: unknown) => e);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const started = performance.now();
      await own.stop();
      expect(performance.now() - started).toBeLessThan(3000);
      expect(await pending).toMatchObject({ name: 'TranscriberError', code: 'stopped' });
    },
    slow,
  );
});
