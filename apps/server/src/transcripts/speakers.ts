/**
 * Who was speaking during each transcript segment: the seat whose talk-time stretches overlap the
 * segment's wall-clock time most (when the file's media begins + the segment's offset). Never guessed: a
 * segment nobody was measured speaking in has no speaker. Words are counted per role for the
 * word-based learner share (learners are the session's students).
 */
import type { TranscriptLine } from '@assent/shared';
import type { HeardSegment } from './transcriber';

export type SpeakerRole = 'tutor' | 'student' | 'guardian';

/** One measured stretch of speech by a seat, in epoch milliseconds; `to` null while it went on. */
export interface SpokenStretch {
  personId: string;
  from: number;
  to: number | null;
}

export interface Seat {
  name: string;
  role: SpeakerRole;
}

/** What a transcript holds, encrypted (the lines) beside what stays in the clear (the counts). */
export interface AttributedTranscript {
  lines: TranscriptLine[];
  /** Each line's speaker's seat (people.id), for pseudonyms in a research export; kept encrypted with the lines. */
  speakerIds: (string | null)[];
  wordCount: number;
  learnerWordCount: number;
}

/**
 * When a recording's offset 0 was on the wall clock: its file's own start as egress reported it. Not
 * egress's start: a room composite loads its layout page first and starts the file seconds later, so
 * lines placed from egress's start land that much early and are credited to whoever spoke before.
 * Egress's start only for recordings whose file start was never reported.
 */
export function mediaStart(recording: {
  mediaStartedAt: string | null;
  startedAt: string | null;
  createdAt: string;
}): string {
  return recording.mediaStartedAt ?? recording.startedAt ?? recording.createdAt;
}

/** Words as people count them: runs of letters or digits (with inner apostrophes and hyphens). */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/**
 * Attributes each segment to the seat with most overlap (ties: the earliest stretch's seat); seats
 * unknown or of another role (an observer) speak for nobody. `recordingStart` in epoch ms; `until` is
 * the end of a stretch still open.
 */
export function attributeSegments(
  segments: readonly HeardSegment[],
  recordingStart: number,
  stretches: readonly SpokenStretch[],
  seats: ReadonlyMap<string, Seat>,
  until: number,
): AttributedTranscript {
  let wordCount = 0;
  let learnerWordCount = 0;
  const lines: TranscriptLine[] = [];
  const speakerIds: (string | null)[] = [];
  for (const segment of segments) {
    const from = recordingStart + segment.start * 1000;
    const to = recordingStart + segment.end * 1000;
    const overlap = new Map<string, number>();
    for (const stretch of stretches) {
      const shared = Math.min(to, stretch.to ?? until) - Math.max(from, stretch.from);
      if (shared > 0 && seats.has(stretch.personId)) {
        overlap.set(stretch.personId, (overlap.get(stretch.personId) ?? 0) + shared);
      }
    }
    let best: string | undefined;
    for (const [personId, ms] of overlap)
      if (best === undefined || ms > (overlap.get(best) ?? 0)) best = personId;
    const seat = best === undefined ? undefined : seats.get(best);
    const text = segment.text.trim();
    const words = countWords(text);
    wordCount += words;
    if (seat?.role === 'student') learnerWordCount += words;
    speakerIds.push(seat && best !== undefined ? best : null);
    lines.push({
      start: Math.max(0, segment.start),
      end: Math.max(0, segment.end),
      text,
      speaker: seat ? { name: seat.name, role: seat.role } : null,
    });
  }
  return { lines, speakerIds, wordCount, learnerWordCount };
}
