import { describe, expect, it } from 'vitest';
import { attributeSegments, countWords, mediaStart, type Seat } from './speakers';

const t0 = Date.parse('2026-12-07T10:00:00.000Z');
const seats = new Map<string, Seat>([
  ['per_tutor', { name: 'Ms Tutor', role: 'tutor' }],
  ['per_student', { name: 'Sam', role: 'student' }],
]);

describe('speaker attribution', () => {
  it('gives each segment to the seat that spoke most during it, on the recording’s wall clock', () => {
    const stretches = [
      { personId: 'per_tutor', from: t0 + 1_000, to: t0 + 4_000 },
      { personId: 'per_student', from: t0 + 3_500, to: t0 + 9_000 },
    ];
    const result = attributeSegments(
      [
        { start: 1, end: 4, text: ' Hello there, how are you? ' },
        { start: 4, end: 8, text: "I'm fine, thanks." },
        { start: 20, end: 22, text: 'Silence follows.' },
      ],
      t0,
      stretches,
      seats,
      t0 + 60_000,
    );
    expect(result.lines.map((l) => l.speaker?.name ?? null)).toEqual(['Ms Tutor', 'Sam', null]);
    expect(result.speakerIds).toEqual(['per_tutor', 'per_student', null]);
    expect(result.lines[0]?.text).toBe('Hello there, how are you?');
    expect(result.wordCount).toBe(5 + 3 + 2);
    expect(result.learnerWordCount).toBe(3);
  });

  it('offsets segments by the recording’s start, not the session’s', () => {
    const stretches = [{ personId: 'per_student', from: t0 + 60_000, to: t0 + 65_000 }];
    const late = t0 + 59_000;
    const result = attributeSegments([{ start: 2, end: 4, text: 'one two' }], late, stretches, seats, late);
    expect(result.lines[0]?.speaker).toEqual({ name: 'Sam', role: 'student' });
    const early = attributeSegments([{ start: 2, end: 4, text: 'one two' }], t0, stretches, seats, t0);
    expect(early.lines[0]?.speaker).toBeNull();
    expect(early.learnerWordCount).toBe(0);
  });

  it('places lines from the file’s own start: from egress’s earlier start they go to whoever spoke before', () => {
    // Egress started at t0 and loaded its layout page; its file began 3.4 s later. The tutor spoke for the
    // file's first 4 s, Sam 5–9 s, the tutor again 10–13 s (with the observer's small lag).
    const fileStart = t0 + 3_400;
    const stretches = [
      { personId: 'per_tutor', from: fileStart + 200, to: fileStart + 4_300 },
      { personId: 'per_student', from: fileStart + 5_200, to: fileStart + 9_300 },
      { personId: 'per_tutor', from: fileStart + 10_200, to: fileStart + 13_300 },
    ];
    const segments = [
      { start: 0.1, end: 4, text: 'First the tutor.' },
      { start: 5, end: 9, text: 'Then Sam answers.' },
      { start: 10, end: 13, text: 'The tutor again.' },
    ];
    const recording = {
      startedAt: new Date(t0).toISOString(),
      mediaStartedAt: new Date(fileStart).toISOString(),
      createdAt: new Date(t0 - 1_000).toISOString(),
    };
    const speakersFrom = (start: number) =>
      attributeSegments(segments, start, stretches, seats, t0 + 60_000).lines.map((l) => l.speaker?.name);
    expect(speakersFrom(Date.parse(mediaStart(recording)))).toEqual(['Ms Tutor', 'Sam', 'Ms Tutor']);
    // The fault this prevents: from egress's start every line lands 3.4 s early.
    expect(speakersFrom(t0)).toEqual(['Ms Tutor', 'Ms Tutor', 'Sam']);
    // Recordings whose file start egress never reported fall back to egress's start, then the row's.
    expect(mediaStart({ ...recording, mediaStartedAt: null })).toBe(recording.startedAt);
    expect(mediaStart({ ...recording, mediaStartedAt: null, startedAt: null })).toBe(recording.createdAt);
  });

  it('closes a stretch still open at `until`, and ignores seats it does not know', () => {
    const stretches = [
      { personId: 'per_observer', from: t0, to: t0 + 10_000 },
      { personId: 'per_tutor', from: t0 + 5_000, to: null },
    ];
    const result = attributeSegments(
      [
        { start: 0, end: 3, text: 'x' },
        { start: 6, end: 7, text: 'y' },
      ],
      t0,
      stretches,
      seats,
      t0 + 6_500,
    );
    expect(result.lines.map((l) => l.speaker?.role ?? null)).toEqual([null, 'tutor']);
  });

  it('counts words, not punctuation', () => {
    expect(countWords('')).toBe(0);
    expect(countWords(' — ... ')).toBe(0);
    expect(countWords("It's a well-known fact: 42 apples!")).toBe(6);
  });
});
