/**
 * Talk time in numbers, from the stretches each seat spoke (seconds on the session's axis). Pure: the
 * read model gathers the rows, this says what they mean.
 *
 * - A seat's seconds are the union of its own stretches (a stretch stored twice, e.g. by an observer that
 *   re-attached, counts once); talk that overlaps another seat's counts for each speaker.
 * - Tutor seconds are the tutor seats', learner seconds the student seats'. Guardians (and observers) count
 *   on neither side: a parent helping a child is neither the tutor teaching nor the learner learning, so
 *   they never move the learner share; their seconds still appear as their own row and in each seat's
 *   share of all talk.
 * - The band compares the learner share with the policy's lines: below `lowPercent` low, from it up to
 *   below `highPercent` middle, from `highPercent` high.
 * - The longest tutor monologue joins the tutor's stretches across gaps shorter than two seconds in which
 *   nobody else spoke; its `seconds` is the tutor's talk inside it (never more than the tutor's seconds),
 *   `from`/`to` its extent. The longest is the one with the most talk; the earliest wins a tie.
 */
import type { TalkBand, TalkLines, TalkSpan, TalkSpeaker } from '@assent/shared';

export type TalkRole = TalkSpeaker['role'];

export interface SeatTalk {
  key: string;
  name: string;
  role: TalkRole;
  /** Stretches in seconds from the axis start, in any order, possibly overlapping. */
  spans: readonly TalkSpan[];
}

export interface TalkSummary {
  speakers: TalkSpeaker[];
  tutorSeconds: number;
  learnerSeconds: number;
  learnerSharePercent: number | null;
  band: TalkBand | null;
  longestTutorMonologue: (TalkSpan & { seconds: number }) | null;
}

/** Gaps shorter than this (seconds) inside a tutor's talk do not end a monologue. */
export const monologueBridgeSeconds = 2;

/** Rounded to hundredths, so JSON stays readable; sums are taken before rounding. */
const round = (n: number) => Math.round(n * 100) / 100;

/** Stretches clipped to [0, axisSeconds], sorted, and overlapping or touching ones joined. */
export function mergeSpans(spans: readonly TalkSpan[], axisSeconds: number): TalkSpan[] {
  const clipped = spans
    .map((s) => ({
      from: Math.max(0, Math.min(s.from, s.to)),
      to: Math.min(axisSeconds, Math.max(s.from, s.to)),
    }))
    .filter((s) => s.to > s.from)
    .sort((a, b) => a.from - b.from);
  const merged: TalkSpan[] = [];
  for (const span of clipped) {
    const last = merged[merged.length - 1];
    if (last && span.from <= last.to) last.to = Math.max(last.to, span.to);
    else merged.push({ ...span });
  }
  return merged;
}

const lengthOf = (spans: readonly TalkSpan[]) => spans.reduce((sum, s) => sum + (s.to - s.from), 0);

/** Where a learner share stands against the lines; null when nobody spoke. */
export function bandOf(
  sharePercent: number | null,
  lines: Pick<TalkLines, 'lowPercent' | 'highPercent'>,
): TalkBand | null {
  if (sharePercent === null) return null;
  if (sharePercent < lines.lowPercent) return 'low';
  if (sharePercent < lines.highPercent) return 'middle';
  return 'high';
}

/** learner / (tutor + learner) in percent; null when neither spoke. */
export function learnerShare(tutorSeconds: number, learnerSeconds: number): number | null {
  const both = tutorSeconds + learnerSeconds;
  return both > 0 ? (learnerSeconds / both) * 100 : null;
}

/** `tutor` and `others` sorted and merged (`mergeSpans`), so one pass over each finds every gap's talk. */
function longestMonologue(
  tutor: readonly TalkSpan[],
  others: readonly TalkSpan[],
): (TalkSpan & { seconds: number }) | null {
  let best: (TalkSpan & { seconds: number }) | null = null;
  let current: (TalkSpan & { seconds: number }) | null = null;
  // Gaps come in order, so the first other stretch that could reach into a gap only moves forward.
  let next = 0;
  const someoneElseIn = (from: number, to: number) => {
    while (next < others.length && (others[next] as TalkSpan).to <= from) next += 1;
    const other = others[next];
    return other !== undefined && other.from < to;
  };
  for (const span of tutor) {
    if (current && span.from - current.to < monologueBridgeSeconds && !someoneElseIn(current.to, span.from)) {
      current.to = span.to;
      current.seconds += span.to - span.from;
    } else {
      current = { from: span.from, to: span.to, seconds: span.to - span.from };
    }
    if (!best || current.seconds > best.seconds) best = { ...current };
  }
  return best;
}

/** Everything `SessionInsights` says about talk, from each seat's stretches on an axis this long. */
export function summariseTalk(
  seats: readonly SeatTalk[],
  axisSeconds: number,
  lines: Pick<TalkLines, 'lowPercent' | 'highPercent'>,
): TalkSummary {
  const merged = seats.map((seat) => {
    const spans = mergeSpans(seat.spans, axisSeconds);
    return { seat, spans, seconds: lengthOf(spans) };
  });
  const all = merged.reduce((sum, m) => sum + m.seconds, 0);
  const sumOf = (role: TalkRole) =>
    merged.filter((m) => m.seat.role === role).reduce((s, m) => s + m.seconds, 0);
  const tutorSeconds = sumOf('tutor');
  const learnerSeconds = sumOf('student');
  const exact = learnerShare(tutorSeconds, learnerSeconds);
  // The band is read from the share as shown, so 24.999 shown as 25 is never called low.
  const share = exact === null ? null : round(exact);
  const tutorSpans = mergeSpans(
    merged.filter((m) => m.seat.role === 'tutor').flatMap((m) => m.spans),
    axisSeconds,
  );
  const otherSpans = mergeSpans(
    merged.filter((m) => m.seat.role !== 'tutor').flatMap((m) => m.spans),
    axisSeconds,
  );
  const monologue = longestMonologue(tutorSpans, otherSpans);
  return {
    speakers: merged.map(({ seat, spans, seconds }) => ({
      key: seat.key,
      name: seat.name,
      role: seat.role,
      learner: seat.role === 'student',
      seconds: round(seconds),
      sharePercent: all > 0 ? round((seconds / all) * 100) : null,
      spans: spans.map((s) => ({ from: round(s.from), to: round(s.to) })),
    })),
    tutorSeconds: round(tutorSeconds),
    learnerSeconds: round(learnerSeconds),
    learnerSharePercent: share,
    band: bandOf(share, lines),
    longestTutorMonologue: monologue
      ? { from: round(monologue.from), to: round(monologue.to), seconds: round(monologue.seconds) }
      : null,
  };
}
