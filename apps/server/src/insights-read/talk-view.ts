/**
 * One session's talk time as a caller sees it. Pure: facts in, `SessionInsights` out.
 *
 * The axis starts at the first observation (the observer attached with the room) and runs to the last
 * one's end, or to now while the call goes on; a stretch still open ends there. Recording segments are
 * clipped to the axis, consent events outside it left out. The seats shown are those that spoke or were
 * in the call; an observer's seat (a reviewer or admin watching) is not part of the lesson and is left out.
 *
 * A learner's own view (`ownSeatIds`: a student's own seat, or for a guardian the seats of the children
 * they speak for, and the guardian's own) is the session as between the tutor and those seats: other
 * learners and guardians are left out entirely (their names, spans, events, and their seconds from every
 * total and share), so nothing about another child can be worked out by subtracting. The tutor's seconds,
 * spans and longest monologue stay: they are the tutor's work, which the family is entitled to see. The
 * word share is left out too, as a transcript counts words per session, not per child.
 */
import type { SessionInsights, TalkLines } from '@assent/shared';
import { type SeatTalk, summariseTalk } from '../insights/talk-summary';
import type { TalkFacts } from './talk-facts';

export interface TalkViewInput {
  session: { id: string; title: string };
  facts: TalkFacts;
  lines: TalkLines;
  now: Date;
  /** Null: everything; otherwise the seats (person ids) the caller may see besides the tutor's. */
  ownSeatIds: ReadonlySet<string> | null;
  /** Whether the caller may know who declined or withdrew (`consent_refusals.read`). */
  namesRefusals: boolean;
  words: SessionInsights['words'];
}

const consentKinds: Record<string, string> = {
  request: 'requested',
  consent: 'consented',
  decline: 'declined',
  withdraw: 'withdrawn',
  cancel: 'cancelled',
};

const ms = (iso: string) => new Date(iso).getTime();
const round = (n: number) => Math.round(n * 100) / 100;

export function buildTalkView(input: TalkViewInput): SessionInsights {
  const { facts, session, lines, now, ownSeatIds } = input;
  const measured = facts.observations.length > 0;
  const live = measured && facts.observations.some((o) => o.endedAt === null);
  const base = {
    sessionId: session.id,
    title: session.title,
    lines,
    ownShareOnly: ownSeatIds !== null,
  };
  if (!measured) {
    return {
      ...base,
      measured: false,
      live: false,
      axisStart: null,
      axisSeconds: 0,
      tutorSeconds: 0,
      learnerSeconds: 0,
      learnerSharePercent: null,
      band: null,
      longestTutorMonologue: null,
      speakers: [],
      recordings: [],
      consentEvents: [],
      words: ownSeatIds === null ? input.words : null,
    };
  }
  const start = Math.min(...facts.observations.map((o) => ms(o.startedAt)));
  const ends = [
    ...facts.observations.flatMap((o) => (o.endedAt ? [ms(o.endedAt)] : [])),
    ...facts.intervals.flatMap((i) => (i.endedAt ? [ms(i.endedAt)] : [])),
  ];
  const end = Math.max(start, live ? now.getTime() : Math.max(start, ...ends));
  const axisSeconds = (end - start) / 1000;
  const at = (iso: string | null) => ((iso === null ? end : ms(iso)) - start) / 1000;

  const visible = (personId: string, role: string) =>
    ownSeatIds === null || role === 'tutor' || ownSeatIds.has(personId);
  const spoke = new Set(facts.intervals.map((i) => i.personId));
  const seats: SeatTalk[] = facts.seats
    .filter((s) => s.role !== 'observer' && (s.present || spoke.has(s.personId)))
    .filter((s) => visible(s.personId, s.role))
    .map((s) => ({
      key: s.personId,
      name: s.name,
      role: s.role as SeatTalk['role'],
      spans: facts.intervals
        .filter((i) => i.personId === s.personId)
        .map((i) => ({ from: at(i.startedAt), to: at(i.endedAt) })),
    }));
  const summary = summariseTalk(seats, axisSeconds, lines);

  const onAxis = (seconds: number) => seconds >= 0 && seconds <= axisSeconds;
  const recordings = facts.segments
    .map((s) => ({
      from: Math.max(0, at(s.startedAt)),
      to: Math.min(axisSeconds, at(s.endedAt)),
      recordingId: s.recordingId,
      startedAt: at(s.startedAt),
      endedAt: s.endedAt === null ? null : at(s.endedAt),
    }))
    .filter((s) => s.to > s.from);
  const roleOf = new Map(facts.seats.map((s) => [s.personId, s.role]));
  const consentEvents = [
    ...facts.consent
      .filter((e) => visible(e.personId, roleOf.get(e.personId) ?? 'observer'))
      .map((e) => {
        const kind = consentKinds[e.kind] ?? e.kind;
        const refusal = e.kind === 'decline' || e.kind === 'withdraw';
        const own = ownSeatIds?.has(e.personId) ?? false;
        return { at: at(e.at), kind, name: !refusal || input.namesRefusals || own ? e.personName : null };
      }),
    ...recordings.flatMap((r) => [
      { at: r.startedAt, kind: 'recording_started', name: null },
      ...(r.endedAt === null ? [] : [{ at: r.endedAt, kind: 'recording_stopped', name: null }]),
    ]),
  ]
    .filter((e) => onAxis(e.at))
    .map((e) => ({ ...e, at: round(e.at) }))
    .sort((a, b) => a.at - b.at);

  return {
    ...base,
    measured: true,
    live,
    axisStart: new Date(start).toISOString(),
    axisSeconds: round(axisSeconds),
    ...summary,
    recordings: recordings.map((r) => ({ from: round(r.from), to: round(r.to), recordingId: r.recordingId })),
    consentEvents,
    words: ownSeatIds === null ? input.words : null,
  };
}
