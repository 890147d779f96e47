/**
 * What the database holds about one session's talk time, gathered once: its observations (the axis and
 * proof it was measured), each seat's stretches, the recording segments and the consent log, all as
 * instants. `talk-view.ts` turns them into `SessionInsights`.
 */
import type { DbOrTrx } from '../db/database';

export interface SeatFact {
  personId: string;
  name: string;
  role: 'tutor' | 'student' | 'guardian' | 'observer';
  userId: string | null;
  studentId: string | null;
  /** LiveKit saw the seat join the call. */
  present: boolean;
}

export interface TalkFacts {
  seats: SeatFact[];
  /** Observations not destroyed: the axis runs from the first one's start. */
  observations: { startedAt: string; endedAt: string | null }[];
  /** Whether some observation's talk time was destroyed (retention, a decision). */
  destroyed: boolean;
  intervals: { personId: string; startedAt: string; endedAt: string | null }[];
  segments: { egressId: string; startedAt: string; endedAt: string | null; recordingId: string | null }[];
  consent: { personId: string; personName: string; kind: string; at: string }[];
}

export async function loadTalkFacts(db: DbOrTrx, sessionId: string): Promise<TalkFacts> {
  const [people, presence, observations, intervals, segments, consent] = await Promise.all([
    db
      .selectFrom('people')
      .select(['id', 'name', 'role', 'user_id', 'student_id'])
      .where('session_id', '=', sessionId)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('participant_presence')
      .select('person_id')
      .distinct()
      .where('session_id', '=', sessionId)
      .where('joined_at', 'is not', null)
      .execute(),
    db
      .selectFrom('talk_observations')
      .select(['started_at', 'ended_at', 'destroyed_at'])
      .where('session_id', '=', sessionId)
      .orderBy('started_at')
      .execute(),
    db
      .selectFrom('talk_intervals')
      .select(['person_id', 'started_at', 'ended_at'])
      .where('session_id', '=', sessionId)
      .orderBy('started_at')
      .execute(),
    db
      .selectFrom('recording_segments')
      .leftJoin('recordings', (join) =>
        join
          .onRef('recordings.egress_id', '=', 'recording_segments.egress_id')
          .on('recordings.status', '=', 'stored'),
      )
      .select([
        'recording_segments.egress_id',
        'recording_segments.started_at',
        'recording_segments.ended_at',
        'recordings.id as recording_id',
      ])
      .where('recording_segments.session_id', '=', sessionId)
      .where('recording_segments.started_at', 'is not', null)
      .orderBy('recording_segments.started_at')
      .execute(),
    db
      .selectFrom('consent_log')
      .select(['person_id', 'person_name', 'kind', 'at'])
      .where('session_id', '=', sessionId)
      .orderBy('seq')
      .execute(),
  ]);
  const seen = new Set(presence.map((p) => p.person_id));
  return {
    seats: people.map((p) => ({
      personId: p.id,
      name: p.name,
      role: p.role,
      userId: p.user_id,
      studentId: p.student_id,
      present: seen.has(p.id),
    })),
    observations: observations
      .filter((o) => o.destroyed_at === null)
      .map((o) => ({ startedAt: o.started_at, endedAt: o.ended_at })),
    destroyed: observations.some((o) => o.destroyed_at !== null),
    intervals: intervals.map((i) => ({
      personId: i.person_id,
      startedAt: i.started_at,
      endedAt: i.ended_at,
    })),
    segments: segments.map((s) => ({
      egressId: s.egress_id,
      startedAt: s.started_at as string,
      endedAt: s.ended_at,
      recordingId: s.recording_id ?? null,
    })),
    consent: consent.map((e) => ({
      personId: e.person_id,
      personName: e.person_name,
      kind: e.kind,
      at: e.at,
    })),
  };
}

/** Counts of the session's chat messages and ready transcripts, for the word share. */
export async function loadWordFacts(db: DbOrTrx, sessionId: string) {
  const [messages, transcripts] = await Promise.all([
    db
      .selectFrom('chat_messages')
      .select(['sender_role', 'text', 'removed_at', 'erased_at'])
      .where('session_id', '=', sessionId)
      .execute(),
    db
      .selectFrom('transcripts')
      .select(['word_count', 'learner_word_count'])
      .where('session_id', '=', sessionId)
      .where('status', '=', 'ready')
      .execute(),
  ]);
  return {
    messages: messages.map((m) => ({
      senderRole: m.sender_role,
      text: m.text,
      removed: m.removed_at !== null,
      erased: m.erased_at !== null,
    })),
    transcripts: transcripts.map((t) => ({
      wordCount: t.word_count ?? 0,
      learnerWordCount: t.learner_word_count ?? 0,
    })),
  };
}
